"""Writes of the reviews app."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import transaction

from kohtaamo.reviews.checklist import (
    DEFAULT_CHECKLIST,
    DEFAULT_SCORECARD_CODE,
    SCORECARD_NAME,
    Text,
)


def _texts(field: str, text: Text) -> dict[str, str]:
    return {f"{field}_fi": text.fi, f"{field}_sv": text.sv, f"{field}_en": text.en}


def default_scorecard_install(*, apps: Any = global_apps) -> Any:
    """Create the essay checklist as the active default scorecard, unless an
    active version of it exists already (then it is left as the organisation
    edited it). `apps` is the app registry; a data migration passes its own."""
    scorecard_model = apps.get_model("reviews", "Scorecard")
    group_model = apps.get_model("reviews", "CriterionGroup")
    criterion_model = apps.get_model("reviews", "Criterion")
    with transaction.atomic():
        existing = scorecard_model.objects.filter(
            code=DEFAULT_SCORECARD_CODE, is_active=True
        ).first()
        if existing is not None:
            return existing
        latest = (
            scorecard_model.objects.filter(code=DEFAULT_SCORECARD_CODE).order_by("-version").first()
        )
        scorecard = scorecard_model.objects.create(
            code=DEFAULT_SCORECARD_CODE,
            version=latest.version + 1 if latest else 1,
            is_active=True,
            **_texts("name", SCORECARD_NAME),
        )
        position = 0
        for group_position, spec in enumerate(DEFAULT_CHECKLIST, start=1):
            group = group_model.objects.create(
                scorecard=scorecard, position=group_position, **_texts("name", spec.name)
            )
            for criterion in spec.criteria:
                position += 1
                criterion_model.objects.create(
                    scorecard=scorecard,
                    group=group,
                    code=criterion.code,
                    position=position,
                    weight=criterion.weight,
                    scale=criterion.scale,
                    allows_na=criterion.allows_na,
                    is_critical=criterion.is_critical,
                    **_texts("name", criterion.name),
                    **_texts("guidance", criterion.guidance),
                    **_texts("question", criterion.question),
                )
        return scorecard
