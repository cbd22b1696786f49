"""How surveys reach the demo's customers: an organisation-wide survey, an
invitation rule per region (a quarter of phone, chat and e-mail encounters,
two hours after they end) and a QR survey at every hotel and the airport desk.

Upserts by natural keys: the survey by its name, rules and QR surveys by
their unit. A QR survey keeps its code on a re-run, so printed codes keep
working; a new one gets a random code (never one derived from the seed).
"""

from __future__ import annotations

import secrets

from kohtaamo.demo.context import DemoContext
from kohtaamo.demo.vocabulary.organisation import REGION_CODES
from kohtaamo.feedback.models import InvitationRule, PublicSurvey, Survey

LABEL = "Survey rules and QR codes"
DEMO_SURVEY_NAME = "Aurora – asiakaskysely"
RULE_CHANNELS = ["phone", "chat", "email"]
RULE_DELAY_HOURS = 2
RULE_SAMPLING_PERCENT = 25
QR_UNITS = (
    "aurora-helsinki",
    "aurora-turku",
    "aurora-naantali",
    "aurora-oulu",
    "aurora-rovaniemi",
    "aurora-rovaniemi-lentoasema",
)


def run(ctx: DemoContext) -> str:
    survey, _created = Survey.objects.get_or_create(name=DEMO_SURVEY_NAME, unit=None)
    for code in REGION_CODES:
        InvitationRule.objects.update_or_create(
            unit_id=ctx.unit_ids[code],
            defaults={
                "survey": survey,
                "channels": RULE_CHANNELS,
                "delay_hours": RULE_DELAY_HOURS,
                "sampling_percent": RULE_SAMPLING_PERCENT,
                "active": True,
            },
        )
    for code in QR_UNITS:
        PublicSurvey.objects.update_or_create(
            unit_id=ctx.unit_ids[code],
            defaults={"survey": survey, "active": True},
            create_defaults={
                "survey": survey,
                "active": True,
                "code": secrets.token_urlsafe(12),
            },
        )
    return f"{len(REGION_CODES)} invitation rules, {len(QR_UNITS)} QR surveys"
