"""Who may see which rows of the daily answer aggregate (issue 4, speed).

The same rule as `access_insights.report_responses`, written on the
aggregate's own team and staff columns: a row is one team's, one staff
member's answers of one day and channel, so it is visible exactly when every
answer in it is. `insights/tests/test_aggregates.py` checks for every
role that both give the same figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from kohtaamo.org.access import Scope, scope_for

if TYPE_CHECKING:
    from kohtaamo.insights.models import AnswerDay, AnswerTeamDay


def report_answer_days(user: Any) -> QuerySet[AnswerDay]:
    from kohtaamo.insights.models import AnswerDay

    scope = scope_for(user)
    days = AnswerDay.objects.all()
    if scope.is_admin:
        return days
    if scope.user_id is None:
        return days.none()
    return days.filter(Q(staff_id=scope.user_id) | _whole_teams(scope))


def _whole_teams(scope: Scope) -> Q:
    """The rows of the teams whose every answer the person sees: those they
    lead and those under the units they manage."""
    return Q(team_id__in=scope.led_team_ids) | scope._under_managed("team__unit__path")


def report_team_days(user: Any) -> QuerySet[AnswerTeamDay] | None:
    """The day × team table, for a reader who sees only whole teams: an admin
    every team; a manager or a lead the teams under their units and the teams
    they lead, when they have no answers of their own in any other team. None
    for everyone else, whose reports need the staff column: an agent sees only
    their own answers, and a lead's or manager's own answers in another team
    are theirs to see without the rest of that team's.

    The table has about 1/30 of the finer one's rows, and its size does not
    grow with the staff: a region's page sums a few thousand rows instead of
    a hundred thousand (`benchmarks/nps_report_10m.py`)."""
    from kohtaamo.insights.models import AnswerDay, AnswerTeamDay

    scope = scope_for(user)
    if scope.is_admin:
        return AnswerTeamDay.objects.all()
    if scope.user_id is None or not (scope.led_team_ids or scope.managed_unit_paths):
        return None
    whole = _whole_teams(scope)
    if AnswerDay.objects.filter(staff_id=scope.user_id).exclude(whole).exists():
        return None
    return AnswerTeamDay.objects.filter(whole)
