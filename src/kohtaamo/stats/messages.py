"""Error messages of the statistics package, as constants that tests assert.

The package may not import Django, so the strings are only *marked* for
translation with a local `gettext_noop` (a keyword Django's `makemessages`
extracts). A caller that shows one of these to a person translates it with
`gettext(str(error))`; normally callers validate input before it gets here and
these errors mean a programming mistake rather than a customer's typo.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


ERROR_NEGATIVE_COUNT = gettext_noop("Answer counts cannot be negative.")
ERROR_COUNT_NOT_WHOLE = gettext_noop("Answer counts must be whole numbers.")
ERROR_NPS_SCORE_RANGE = gettext_noop("NPS answers must be whole numbers from 0 to 10.")
ERROR_CSAT_SCORE_RANGE = gettext_noop("CSAT answers must be whole numbers from 1 to 5.")
ERROR_CES_SCORE_RANGE = gettext_noop("CES answers must be whole numbers from 1 to 7.")
ERROR_CONFIDENCE_RANGE = gettext_noop("The confidence level must be between 0 and 1, exclusive.")
ERROR_PROBABILITY_RANGE = gettext_noop("A probability must be between 0 and 1, exclusive.")
ERROR_DEGREES_OF_FREEDOM = gettext_noop("Degrees of freedom must be positive.")
ERROR_THRESHOLD_NEGATIVE = gettext_noop("The few-answers threshold cannot be negative.")
ERROR_SUBSET_LARGER_THAN_TOTAL = gettext_noop(
    "A part of the answers cannot be larger than all the answers."
)
ERROR_CES_SUMMARY_INCONSISTENT = gettext_noop(
    "The CES sums do not fit the number of answers on a 1–7 scale."
)
