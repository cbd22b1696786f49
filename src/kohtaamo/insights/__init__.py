"""Results of the customer surveys: NPS, CSAT and CES by unit, team, person
and channel per week, month or quarter, always with n, interval and the
few-answers flag (capability 8 of PRODUCT.md, issue 4).

Counts are summed in the database; every interval comes from `kohtaamo.stats`.
It reads `feedback.Response`, and for whole days the daily pre-aggregate
`insights.AnswerDay` that every write of answers keeps in step.
"""
