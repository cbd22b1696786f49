"""Ratings of the demo reviews: a person's steady level with some spread."""

from __future__ import annotations

import random

from kohtaamo.reviews.models import Criterion


def demo_ratings(
    criteria: list[Criterion], level: float, rng: random.Random
) -> list[tuple[int | None, bool]]:
    """One (value, N/A) per criterion: N/A now and then where it is allowed,
    a rare "no" on a critical point, else the level give or take."""
    values: list[tuple[int | None, bool]] = []
    for criterion in criteria:
        if criterion.allows_na and rng.random() < 0.3:
            values.append((None, True))
            continue
        top = criterion.scale_top
        if criterion.is_critical:
            values.append((1 if rng.random() < 0.03 else top, False))
            continue
        share = min(1.0, max(0.0, rng.gauss(level, 0.18)))
        values.append((1 + round(share * (top - 1)), False))
    return values
