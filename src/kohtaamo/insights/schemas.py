"""Schemas of the reports API."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

from kohtaamo.core.api_common import Day
from kohtaamo.encounters.models import Language
from kohtaamo.insights.periods import ReportPeriod
from kohtaamo.insights.selectors import ReportGroup


class NpsReportFilters(Schema):
    by: ReportGroup = Field(ReportGroup.TEAM, description="Group by unit, team, staff or channel.")
    period: ReportPeriod = Field(ReportPeriod.MONTH, description="week, month or quarter.")
    date_from: Day | None = Field(
        None, alias="from", description="First day (YYYY-MM-DD), in the organisation's zone."
    )
    date_to: Day | None = Field(None, alias="to", description="Last day (YYYY-MM-DD), included.")
    language: Language | None = Field(
        None, description="Only the answers given in this language (fi, sv or en)."
    )


class NpsReportRow(Schema):
    group: str = Field(description="Unit or team code, staff e-mail, or channel.")
    period: date = Field(description="The first day of the period.")
    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float = Field(description="(% promoters − % detractors), −100 to 100.")
    ci_low: float = Field(description="95% interval, adjusted Wald (Rocks 2016).")
    ci_high: float
    few_answers: bool = Field(description="Fewer answers than the few-answers line (30).")
