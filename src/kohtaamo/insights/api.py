"""The reports in the REST API: `GET /reports/nps`, the same figures as
`kohtaamo report nps`, of the answers the caller may see."""

# No `from __future__ import annotations`: ninja reads the annotations.

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import ValidationError as SchemaValidationError

from kohtaamo.core.api_common import READ_ERRORS
from kohtaamo.insights.exports import nps_records
from kohtaamo.insights.params import report_params_check
from kohtaamo.insights.schemas import NpsReportFilters, NpsReportRow
from kohtaamo.insights.selectors import report_rows
from kohtaamo.org import access_aggregates, access_insights

router = Router(tags=["reports"])


@router.get(
    "/reports/nps",
    response={200: list[NpsReportRow], **READ_ERRORS},
    url_name="report_nps",
    summary="NPS with its 95% interval by group and period",
)
def report_nps(request: HttpRequest, filters: Query[NpsReportFilters]) -> list[dict[str, Any]]:
    try:
        params = report_params_check(
            by=filters.by,
            period=filters.period,
            date_from=filters.date_from,
            date_to=filters.date_to,
        )
    except ValidationError as exc:
        # A query parameter that fits its type but not the rule: a 422 at
        # ["query", name], like the parameters that do not fit their type.
        raise SchemaValidationError(
            [
                {"loc": ["query", name], "msg": message, "type": "invalid"}
                for name, messages in exc.message_dict.items()
                for message in messages
            ]
        ) from exc
    rows = report_rows(
        responses=access_insights.report_responses(request.user),
        by=params.by,
        period=params.period,
        date_from=params.date_from,
        date_to=params.date_to,
        units=access_insights.report_units(request.user),
        answer_days=access_aggregates.report_answer_days(request.user),
        team_days=access_aggregates.report_team_days(request.user),
        language=filters.language.value if filters.language else None,
    )
    return nps_records(rows)
