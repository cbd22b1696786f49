"""Load the demo organisation: run the steps in order in one transaction.

A step is a module with a LABEL and `run(ctx) -> str` that returns a short
report. Later features add their own step (surveys, reviews, wow stories …)
to STEPS; each draws from a random generator of its own (`ctx.rng(name)`), so
a new step leaves the data of the others exactly as it was.

Every step upserts by natural keys (unit and team codes, e-mail addresses,
demo-prefixed customer ids, the "demo" encounter source), so running the demo
again gives the same data, not double, and never touches anything else.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from types import ModuleType

from django.db import transaction

from kohtaamo.demo.context import (
    DEMO_TIME_ZONE,
    FULL_SCALE,
    DemoContext,
    DemoScale,
    DemoSummary,
)
from kohtaamo.demo.steps import (
    customers,
    delivery,
    encounters,
    feedback,
    feedback_reset,
    lineup,
    org,
    reviews,
    tidy,
    transcripts,
    webhook,
)

STEPS: tuple[ModuleType, ...] = (
    org,
    customers,
    feedback_reset,
    encounters,
    transcripts,
    webhook,
    delivery,
    feedback,
    lineup,
    reviews,
    tidy,
)


def _print_line(line: str) -> None:
    # Progress goes to the terminal of `kohtaamo demo`; this module is the
    # only caller, so it writes there directly instead of through logging.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def demo_load(
    *,
    seed: int = 1,
    progress: bool = False,
    scale: DemoScale = FULL_SCALE,
    today: date | None = None,
    report: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Load (or reload) the demo organisation for `seed` as of `today`.

    `today` defaults to the current date in Helsinki; all data lies before
    its midnight, so loading twice on one day gives identical data.
    """
    if report is None:
        report = _print_line if progress else (lambda line: None)
    ctx = DemoContext(
        seed=seed,
        scale=scale,
        today=today or datetime.now(DEMO_TIME_ZONE).date(),
        report=report,
    )
    with transaction.atomic():
        for step in STEPS:
            started = time.monotonic()
            result = step.run(ctx)
            ctx.report(f"  {step.LABEL:<26} {result}  ({time.monotonic() - started:.1f} s)")
    return DemoSummary(seed=seed, counts=dict(ctx.counts), logins=list(ctx.logins))
