"""Agreement between reviewers in a calibration session (issue 5). No database.

Data are a reliability matrix: one row per reviewer, one column per unit (an
encounter), None where the reviewer gave no value (N/A or not rated).

- Krippendorff's alpha, α = 1 − D_o / D_e (observed over expected
  disagreement), computed with the `krippendorff` package; the level of
  measurement is nominal for yes/no criteria, ordinal for the rated scales
  and interval for the 0–100 review score. Krippendorff, K. (2011):
  Computing Krippendorff's Alpha-Reliability.
- Percent agreement: of all pairs of values given to the same unit by two
  reviewers, the share that are equal.
- A reviewer's mean deviation: the mean, over the units they scored, of the
  absolute difference between their value and the mean of the others'
  values for that unit (units nobody else scored are left out).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal, cast

import krippendorff
import numpy as np

Matrix = Sequence[Sequence[float | None]]

Level = Literal["nominal", "ordinal", "interval"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval")


@dataclass(frozen=True)
class Agreement:
    alpha: float | None
    percent: float | None
    pairable: int  # values in units that at least two reviewers scored


def _array(matrix: Matrix) -> np.ndarray:
    return np.array([[np.nan if v is None else float(v) for v in row] for row in matrix])


def _units(matrix: Matrix) -> list[list[float]]:
    width = max((len(row) for row in matrix), default=0)
    return [
        [row[u] for row in matrix if u < len(row) and row[u] is not None]  # type: ignore[misc]
        for u in range(width)
    ]


def krippendorff_alpha(matrix: Matrix, level: str) -> float | None:
    """α for the matrix, or None when it is undefined: fewer than two values
    in any unit, or every value the same (no expected disagreement)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level of measurement {level!r}")
    pairable = [values for values in _units(matrix) if len(values) >= 2]
    distinct = {v for values in pairable for v in values}
    if not pairable or len(distinct) < 2:
        return None
    value = float(
        krippendorff.alpha(reliability_data=_array(matrix), level_of_measurement=cast(Level, level))
    )
    return None if math.isnan(value) else value


def percent_agreement(matrix: Matrix) -> float | None:
    agreeing = pairs = 0
    for values in _units(matrix):
        for a, b in combinations(values, 2):
            pairs += 1
            agreeing += a == b
    return agreeing / pairs if pairs else None


def agreement(matrix: Matrix, level: str) -> Agreement:
    pairable = sum(len(v) for v in _units(matrix) if len(v) >= 2)
    return Agreement(krippendorff_alpha(matrix, level), percent_agreement(matrix), pairable)


def mean_deviations(matrix: Matrix) -> list[float | None]:
    """Each reviewer's (row's) mean absolute deviation from the others."""
    result: list[float | None] = []
    for r, row in enumerate(matrix):
        deviations = []
        for u, mine in enumerate(row):
            if mine is None:
                continue
            others = [
                other[u]
                for o, other in enumerate(matrix)
                if o != r and u < len(other) and other[u] is not None
            ]
            if others:
                deviations.append(abs(mine - sum(others) / len(others)))  # type: ignore[arg-type]
        result.append(sum(deviations) / len(deviations) if deviations else None)
    return result
