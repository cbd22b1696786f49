"""Results of the customer surveys: NPS, CSAT and CES by unit, team, person
and channel per week, month or quarter, always with n, interval and the
few-answers flag (capability 8 of PRODUCT.md, issue 4).

Counts are summed in the database; every interval comes from `kohtaamo.stats`.
This app has no models of its own: it reads `feedback.Response`.
"""
