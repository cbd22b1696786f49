"""Every message an import can give, as constants that tests assert."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# --- About the whole file -------------------------------------------------------
ERROR_UNKNOWN_FORMAT = _("Unknown file type: use a .csv or .jsonl file.")
ERROR_FILE_MISSING = _("The file %(path)s does not exist or cannot be read.")
ERROR_NOT_UTF8 = _(
    "The file is not UTF-8 text (the first problem is near line %(line)s). "
    "Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again."
)
ERROR_EMPTY_FILE = _("The file is empty: the first line must name the columns.")
ERROR_MISSING_COLUMNS = _("Required columns are missing: %(columns)s.")
ERROR_UNKNOWN_COLUMNS = _("Unknown columns: %(columns)s. The columns are: %(known)s.")
ERROR_DUPLICATE_COLUMNS = _("These columns appear more than once: %(columns)s.")
ERROR_WRITE_CONFLICT = _(
    "Someone else wrote some of the same rows while this import ran. "
    "Nothing was written; run the import again."
)
ERROR_TOO_MANY_ROWS = _("Send at most %(max)s rows at a time.")

# --- About one row --------------------------------------------------------------
ERROR_REQUIRED = _("This value is required.")
ERROR_TOO_LONG = _("Use at most %(max)s characters.")
ERROR_NUL = _("Text may not contain NUL characters.")
ERROR_NOT_TEXT = _("Enter text.")
ERROR_CELL_COUNT = _("This row has %(found)s cells but the header has %(expected)s.")
ERROR_BAD_JSON = _("This line is not valid JSON.")
ERROR_NOT_OBJECT = _("Each line must be a JSON object.")
ERROR_UNKNOWN_FIELD = _("This field is not known.")
ERROR_NO_SOURCE = _("Give a source in this column or with --source.")
ERROR_SOURCE_MISMATCH = _("This source differs from the one the rows are sent for.")
ERROR_UNKNOWN_CHANNEL = _("Unknown channel: use one of %(choices)s.")
ERROR_BAD_DATETIME = _(
    "Not a date and time in ISO 8601 format, e.g. 2025-03-14T09:30:00+02:00 "
    "(a time without a zone is read in %(zone)s)."
)
ERROR_END_BEFORE_START = _("The encounter ends before it starts.")
ERROR_UNKNOWN_STAFF = _("No active staff member has this e-mail address.")
ERROR_UNKNOWN_TEAM = _("No team has this code.")
ERROR_TEAM_NOT_ALLOWED = _("You may not import encounters for this team.")
ERROR_UNKNOWN_CUSTOMER = _("No customer has this external id; import the customers first.")
ERROR_DUPLICATE_ID = _("The same external id is already on row %(row)s.")
ERROR_BAD_TRANSCRIPT = _("The transcript must be a list of turns.")
ERROR_TOO_MANY_TURNS = _("A transcript may have at most %(max)s turns.")
ERROR_BAD_TURN = _("Each turn must be an object with speaker, text and an optional time “at”.")
ERROR_UNKNOWN_SPEAKER = _("Unknown speaker: use staff or customer.")
ERROR_BAD_LANGUAGE = _("Unknown language: use fi, sv or en.")
ERROR_BAD_EMAIL = _("Not a valid e-mail address.")
ERROR_BAD_BOOLEAN = _("Not a yes/no value: use true or false (or 1 and 0).")

# --- Summaries ------------------------------------------------------------------
# The summary's counts come grouped as text ("1 000 000"); each sentence takes
# its plural form from the count named "n_…" (ImportResult.summary).
SUMMARY_WRITTEN = ngettext_lazy(
    "%(rows)s row read: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
    "%(rows)s rows read: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
    "n_rows",
)
SUMMARY_DRY_RUN = ngettext_lazy(
    "Dry run: %(valid)s of %(rows)s rows is valid. Nothing was written.",
    "Dry run: %(valid)s of %(rows)s rows are valid. Nothing was written.",
    "n_valid",
)
SUMMARY_REFUSED = ngettext_lazy(
    "%(rejected)s of %(rows)s rows has errors, so nothing was written. "
    "Fix it, or import with “partial” to write the good rows.",
    "%(rejected)s of %(rows)s rows have errors, so nothing was written. "
    "Fix them, or import with “partial” to write the good rows.",
    "n_rejected",
)
SUMMARY_REJECTED = ngettext_lazy(
    "%(rejected)s row had errors and was left out.",
    "%(rejected)s rows had errors and were left out.",
    "n_rejected",
)
SUMMARY_MORE_ERRORS = _("%(shown)s of %(count)s errors are listed.")
PHASE_READING = _("Reading")
PHASE_WRITING = _("Writing")
# `--timings`: where an import spent its time, phase by phase.
TIMINGS_HEADING = _("Time per phase:")
TIMING_LINE = _("%(phase)s: %(seconds)s s")
TIMING_PHASES = {
    "direct_refused": _("trying to write the rows straight into the table"),
    "direct": _("reading, checking and writing the rows"),
    "read": _("reading and checking the rows"),
    "duplicates": _("looking for repeated ids"),
    "existing": _("finding the rows already stored"),
    "update": _("updating changed rows"),
    "insert": _("inserting new rows"),
    "finish": _("transcripts, indexes and keys"),
}
# The unit of the terminal progress bar: "12,000 rows [00:03, 4,000 rows/s]".
PROGRESS_UNIT = _("rows")
ERROR_LINE = _("Row %(row)s, %(column)s: %(message)s")
ERROR_LINE_ROW = _("Row %(row)s: %(message)s")
