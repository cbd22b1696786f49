from __future__ import annotations

from typing import Any

from django import template

from kohtaamo.feedback.selectors import encounter_response

register = template.Library()


@register.inclusion_tag("feedback/_encounter_feedback.html", takes_context=True)
def encounter_feedback(context: template.Context, encounter: Any) -> dict[str, Any]:
    """The customer's answer on the encounter page, for whoever may see it."""
    user = context["request"].user
    return {"response": encounter_response(user=user, encounter=encounter)}
