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

from kohtaamo.org.access import scope_for

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
    return days.filter(
        Q(staff_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    )


def report_team_days(user: Any) -> QuerySet[AnswerTeamDay] | None:
    """The day × team table for those who see every answer of every team
    (an admin); None for everyone else, whose reports need the staff column
    (an agent sees only their own answers, a lead also their own answers in
    other teams)."""
    from kohtaamo.insights.models import AnswerTeamDay

    return AnswerTeamDay.objects.all() if scope_for(user).is_admin else None
