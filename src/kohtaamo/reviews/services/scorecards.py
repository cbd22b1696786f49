"""Writes of scorecards: installing the default checklist, and new versions
when a scorecard that reviews have used is edited."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.reviews.checklist import (
    DEFAULT_CHECKLIST,
    DEFAULT_SCORECARD_CODE,
    SCORECARD_NAME,
    Text,
)
from kohtaamo.reviews.models import Criterion, CriterionGroup, Review, Scorecard

ERROR_NOT_EDITABLE = _("Only the texts, weight, scale, N/A and critical flag can be changed.")


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


# --- Scorecard versions ----------------------------------------------------------

# What an organisation may change in a criterion; code, position and group
# stay, so that the versions of one scorecard line up criterion by criterion.
CRITERION_EDITABLE = frozenset(
    {
        *(
            f"{field}_{code}"
            for field in ("name", "guidance", "question")
            for code in ["fi", "sv", "en"]
        ),
        "weight",
        "scale",
        "allows_na",
        "is_critical",
    }
)


def scorecard_is_used(*, scorecard: Scorecard) -> bool:
    return Review.objects.filter(scorecard=scorecard).exists()


def scorecard_new_version(*, scorecard: Scorecard) -> Scorecard:
    """A copy of the scorecard as the next, active version; the old versions
    are switched off and keep their criteria for the reviews made with them."""
    with transaction.atomic():
        latest = Scorecard.objects.filter(code=scorecard.code).order_by("-version").first()
        Scorecard.objects.filter(code=scorecard.code, is_active=True).update(is_active=False)
        new = Scorecard.objects.create(
            code=scorecard.code,
            version=(latest.version if latest else scorecard.version) + 1,
            is_active=True,
            name_fi=scorecard.name_fi,
            name_sv=scorecard.name_sv,
            name_en=scorecard.name_en,
        )
        groups = {}
        for group in CriterionGroup.objects.filter(scorecard=scorecard):
            groups[group.pk] = CriterionGroup.objects.create(
                scorecard=new,
                position=group.position,
                name_fi=group.name_fi,
                name_sv=group.name_sv,
                name_en=group.name_en,
            )
        copies = []
        for criterion in Criterion.objects.filter(scorecard=scorecard):
            criterion.pk = None
            criterion.scorecard = new
            criterion.group = groups[criterion.group_id]
            copies.append(criterion)
        Criterion.objects.bulk_create(copies)
    return new


def criterion_update(*, criterion: Criterion, changes: dict[str, Any]) -> Criterion:
    """Change a criterion. If its scorecard has been used by a review, the change
    goes into a new version of the scorecard (returned criterion belongs to it),
    so that every old review keeps the scorecard it was made with."""
    unknown = set(changes) - CRITERION_EDITABLE
    if unknown:
        raise ValidationError(ERROR_NOT_EDITABLE, code="not_editable")
    with transaction.atomic():
        scorecard = Scorecard.objects.select_for_update().get(pk=criterion.scorecard_id)
        if scorecard_is_used(scorecard=scorecard):
            scorecard = scorecard_new_version(scorecard=scorecard)
            target = Criterion.objects.get(scorecard=scorecard, code=criterion.code)
        else:
            target = Criterion.objects.get(pk=criterion.pk)
        for field, value in changes.items():
            setattr(target, field, value)
        target.full_clean(exclude=["scorecard", "group"])
        target.save()
    return target
