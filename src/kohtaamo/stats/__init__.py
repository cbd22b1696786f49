"""Honest statistics for survey answers: pure Python, no Django.

Every figure comes with n, an interval and a few-answers flag, so that no page
shows a number from seven answers as if it were a trend. Modules:

- `nps`: Net Promoter Score with Rocks's adjusted-Wald interval.
- `csat`: share of satisfied (4–5 of 1–5) answers with a Wilson interval.
- `ces`: mean effort score (1–7) with a Student t interval, and the share of
  easy (5–7) answers with a Wilson interval.
- `change`: change between two periods and whether it is significant.
- `proportion`, `quantiles`: the Wilson/Newcombe intervals and the normal and
  t quantiles underneath.

Each module's docstring gives its formulas and their sources. This package must
stay importable without Django (a test enforces it), so the reporting code,
the command line and the benchmarks can all use it.
"""

from kohtaamo.stats.ces import CesResult, ces_from_scores, ces_from_summary
from kohtaamo.stats.change import Change, ces_easy_change, csat_change, nps_change
from kohtaamo.stats.csat import CsatResult, csat_from_counts, csat_from_scores
from kohtaamo.stats.estimate import DEFAULT_CONFIDENCE, FEW_ANSWERS_BELOW, Interval
from kohtaamo.stats.nps import NpsResult, nps_from_counts, nps_from_scores

__all__ = [
    "DEFAULT_CONFIDENCE",
    "FEW_ANSWERS_BELOW",
    "CesResult",
    "Change",
    "CsatResult",
    "Interval",
    "NpsResult",
    "ces_easy_change",
    "ces_from_scores",
    "ces_from_summary",
    "csat_change",
    "csat_from_counts",
    "csat_from_scores",
    "nps_change",
    "nps_from_counts",
    "nps_from_scores",
]
