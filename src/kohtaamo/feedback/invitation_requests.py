"""Which survey an invitation asked for by hand uses: the API and the
invitation import share this rule."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kohtaamo.feedback.models import Survey
from kohtaamo.feedback.rules import rule_for_team
from kohtaamo.org.models import Team

ERROR_UNKNOWN_SURVEY = _("There is no such survey for this encounter's unit.")
ERROR_NO_SURVEY = _("No invitation rule names a survey for this team; choose one.")


def survey_for_team(*, team: Team, survey_id: int | None) -> Survey:
    """The survey named by id if it belongs to the team's unit (or above, or the
    whole organisation), else the survey of the team's invitation rule."""
    if survey_id is not None:
        survey = Survey.objects.filter(
            Q(unit__isnull=True) | Q(unit_id__in=team.unit.lineage_ids), pk=survey_id
        ).first()
        if survey is None:
            raise ValidationError({"survey": ERROR_UNKNOWN_SURVEY})
        return survey
    rule = rule_for_team(team=team)
    if rule is None:
        raise ValidationError({"survey": ERROR_NO_SURVEY})
    return rule.survey
