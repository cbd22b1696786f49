"""Loading the demo organisation: what it contains, and that a re-run gives
the same data, not double, and leaves everything else alone."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from kohtaamo.conftest import Cast
from kohtaamo.demo.context import DEMO_EMAIL_DOMAIN, DEMO_SOURCE, DEMO_TIME_ZONE, DemoScale
from kohtaamo.demo.loader import demo_load
from kohtaamo.demo.tests.support import SMALL, TODAY, demo_checksum
from kohtaamo.encounters.models import Customer, Encounter, Language, TranscriptTurn, WebhookSource
from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager
from kohtaamo.org.services import team_update, unit_move, unit_update
from kohtaamo.testing.factories import EncounterFactory

pytestmark = pytest.mark.django_db

DEMO_PEOPLE = {"email__endswith": f"@{DEMO_EMAIL_DOMAIN}"}


def _load(seed: int = 1, scale: DemoScale = SMALL) -> None:
    demo_load(seed=seed, scale=scale, today=TODAY)


def test_demo_loads_the_whole_organisation_and_the_volume_asked_for() -> None:
    # when
    summary = demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    assert Unit.objects.filter(code__startswith="aurora-", depth=0).count() == 3
    assert Unit.objects.filter(code__startswith="aurora-", depth__gt=0).count() == 8
    assert set(Unit.objects.values_list("depth", flat=True)) == {0, 1, 2}
    assert Team.objects.filter(code__startswith="aurora-").count() == 12
    people = get_user_model().objects.filter(**DEMO_PEOPLE)
    assert people.count() == 60
    assert people.filter(is_superuser=True).count() == 1
    assert UnitManager.objects.count() == 5
    assert TeamMembership.objects.filter(role=TeamRole.LEAD).count() == 12
    assert TeamMembership.objects.filter(role=TeamRole.AGENT).count() == 42 + 4
    assert Customer.objects.count() == 80
    assert Encounter.objects.filter(source=DEMO_SOURCE).count() == 500
    assert Encounter.objects.filter(has_transcript=True).count() == 40
    assert TranscriptTurn.objects.values("encounter").distinct().count() == 40
    assert WebhookSource.objects.filter(name="helpdesk", is_active=True).count() == 1
    assert summary.counts == {
        "regions": 3,
        "units": 8,
        "teams": 12,
        "staff": 60,
        "customers": 80,
        "encounters": 500,
        "transcripts": 40,
        "turns": TranscriptTurn.objects.count(),
    }
    assert summary.describe() == (
        "Demo organisation loaded (seed 1): 3 regions, 8 units under them, 12 teams, "
        "60 staff, 80 customers, 500 encounters (40 with transcripts)."
    )


def test_encounters_lie_in_the_period_before_today_and_belong_to_the_staffs_teams() -> None:
    # when
    _load()

    # then
    midnight = datetime.combine(TODAY, time.min, tzinfo=DEMO_TIME_ZONE)
    encounters = Encounter.objects.filter(source=DEMO_SOURCE)
    assert not encounters.filter(started_at__gte=midnight).exists()
    assert not encounters.filter(started_at__lt=midnight - timedelta(days=SMALL.days)).exists()
    memberships = set(TeamMembership.objects.values_list("user_id", "team_id"))
    assert set(encounters.values_list("staff_id", "team_id")) <= memberships
    channels = set(encounters.values_list("channel", flat=True))
    assert channels == {"phone", "chat", "email", "in_person", "social", "other"}


def test_customers_speak_mostly_finnish_and_have_unique_emails() -> None:
    # when
    _load()

    # then
    languages = dict(Customer.objects.values_list("language").annotate(n=Count("id")).order_by())
    assert languages[Language.FI] > languages[Language.SV] > 0
    assert languages[Language.EN] > 0
    emails = [e for e in Customer.objects.values_list("email", flat=True) if e]
    assert len(emails) == len(set(emails))
    assert all(
        p.startswith(("+358 ", "+44 7700 900"))
        for p in Customer.objects.exclude(phone="").values_list("phone", flat=True)
    )


def test_loading_twice_gives_the_same_data_not_double() -> None:
    # given
    _load()
    checksum = demo_checksum()
    encounter_ids = list(Encounter.objects.order_by("external_id").values_list("pk", flat=True))
    secret = WebhookSource.objects.get(name="helpdesk").secret

    # when
    _load()

    # then
    assert demo_checksum() == checksum
    assert Encounter.objects.count() == 500
    assert Customer.objects.count() == 80
    assert get_user_model().objects.count() == 60
    assert TeamMembership.objects.count() == 58
    assert UnitManager.objects.count() == 5
    assert Unit.objects.count() == 11
    # Upserted onto themselves: links to an encounter stay valid.
    assert list(Encounter.objects.order_by("external_id").values_list("pk", flat=True)) == (
        encounter_ids
    )
    assert WebhookSource.objects.get(name="helpdesk").secret == secret


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data() -> None:
    # given
    _load(seed=1)
    first = demo_checksum()

    # when
    _load(seed=2)
    second = demo_checksum()
    _load(seed=1)

    # then
    assert second != first
    assert demo_checksum() == first
    # The staff of seed 2 are gone again, not left beside those of seed 1.
    assert get_user_model().objects.filter(**DEMO_PEOPLE).count() == 60


def test_a_smaller_run_removes_what_a_larger_one_made_beyond_it() -> None:
    # given
    _load(scale=SMALL)

    # when
    _load(scale=DemoScale(customers=30, encounters=200, transcripts=10, days=21))

    # then
    assert Encounter.objects.filter(source=DEMO_SOURCE).count() == 200
    assert Customer.objects.count() == 30
    assert Encounter.objects.filter(has_transcript=True).count() == 10
    assert TranscriptTurn.objects.values("encounter").distinct().count() == 10


def test_reloading_never_removes_data_that_is_not_the_demos(cast: Cast) -> None:
    # given: the test cast, and an encounter imported from elsewhere that
    # names a demo person and a demo team
    _load(seed=1)
    own = EncounterFactory(staff=cast.agent, team=cast.team)
    demo_agent = TeamMembership.objects.filter(
        team__code="aurora-hki-vastaanotto", role=TeamRole.AGENT
    ).first()
    assert demo_agent is not None
    imported = EncounterFactory(source="crm", staff=demo_agent.user, team=demo_agent.team)

    # when: another seed has other people
    _load(seed=2)

    # then
    assert Encounter.objects.filter(pk__in=[own.pk, imported.pk]).count() == 2
    assert Customer.objects.filter(pk__in=[own.customer_id, imported.customer_id]).count() == 2
    assert Unit.objects.filter(code__in=["etela", "hki", "oulu"]).count() == 3
    assert Team.objects.filter(code__in=["hki-vastaanotto", "oulu-vastaanotto"]).count() == 2
    cast_people = [cast.agent, cast.lead, cast.manager, cast.admin, cast.outsider]
    assert get_user_model().objects.filter(pk__in=[p.pk for p in cast_people]).count() == 5
    assert TeamMembership.objects.filter(user=cast.agent, team=cast.team).exists()
    # The person of seed 1 is still named by the import, so they stay, inactive
    # and in no demo team.
    kept = get_user_model().objects.get(pk=demo_agent.user_id)
    assert kept.is_active is False
    assert not TeamMembership.objects.filter(user=kept).exists()


def test_reloading_puts_a_renamed_or_moved_demo_unit_and_team_back_in_place() -> None:
    # given: an admin has played with the demo organisation
    _load()
    spa = Unit.objects.get(code="aurora-naantali-kylpyla")
    spa_id, spa_path = spa.pk, spa.path
    unit_update(unit=spa, name="Kylpylä", code=spa.code)
    unit_move(unit=spa, parent=None)
    team = Team.objects.get(code="aurora-oulu-vastaanotto")
    team_update(team=team, name="Oulun tiimi", code=team.code, unit=spa)

    # when
    _load()

    # then
    spa = Unit.objects.get(code="aurora-naantali-kylpyla")
    assert (spa.pk, spa.name, spa.path) == (spa_id, "Aurora Spa Naantali", spa_path)
    team = Team.objects.get(code="aurora-oulu-vastaanotto")
    assert (team.name, team.unit.code) == ("Vastaanotto, Oulu", "aurora-oulu")


def test_demo_has_survey_rules_and_qr_codes_that_survive_a_reload() -> None:
    from kohtaamo.feedback.models import InvitationRule, PublicSurvey

    _load()
    codes = dict(PublicSurvey.objects.values_list("unit__code", "code"))
    rules = list(InvitationRule.objects.values_list("unit__code", "sampling_percent", "active"))
    _load()
    assert sorted(rules) == [
        ("aurora-etela", 25, True),
        ("aurora-lansi", 25, True),
        ("aurora-pohjoinen", 25, True),
    ]
    assert InvitationRule.objects.count() == 3
    assert len(codes) == 6
    # printed QR codes keep working after a re-run
    assert dict(PublicSurvey.objects.values_list("unit__code", "code")) == codes
