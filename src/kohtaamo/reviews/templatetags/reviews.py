from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from kohtaamo.org import access_reviews
from kohtaamo.reviews.models import ReviewKind, ReviewRating, Scale

register = template.Library()


@register.filter
def rating_label(rating: ReviewRating | None) -> str:
    """A rating as a person reads it: "4 / 5", "Yes", "No", "N/A" or "–"."""
    if rating is None or not rating.is_rated:
        return "–"
    if rating.is_na:
        return gettext("N/A")
    if rating.criterion.scale == Scale.YES_NO:
        return gettext("Yes") if rating.value == 2 else gettext("No")
    return f"{rating.value} / {rating.criterion.scale_top}"


@register.filter
def score_label(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


@register.inclusion_tag("reviews/_encounter_reviews.html", takes_context=True)
def encounter_reviews(context: template.Context, encounter: Any) -> dict[str, Any]:
    """The review links and the visible reviews on the encounter page."""
    user = context["request"].user
    return {
        "encounter": encounter,
        "reviews": list(
            access_reviews.visible_reviews(user)
            .filter(encounter=encounter)
            .select_related("reviewer")
            .order_by("kind")
        ),
        "may_lead_review": access_reviews.may_lead_review(user, encounter),
        "may_self_review": access_reviews.may_self_review(user, encounter),
        "lead_kind": ReviewKind.LEAD,
    }


@register.filter
def percent(share: float | None) -> str:
    """A share as a whole percentage, "75 %" (with the space Finnish and
    Swedish write)."""
    return "–" if share is None else f"{share * 100:.0f} %"
