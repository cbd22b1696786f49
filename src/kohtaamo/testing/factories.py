"""factory_boy factories shared by every app's tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from kohtaamo.encounters.models import Channel, Customer, Encounter, TranscriptTurn
from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager
from kohtaamo.org.services import unit_create

PASSWORD = "kohtaamo-test-pw"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Yksikkö {n}")
    code = factory.Sequence(lambda n: f"unit-{n}")
    parent = None

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Unit:
        return unit_create(name=kwargs["name"], code=kwargs["code"], parent=kwargs.get("parent"))


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Tiimi {n}")
    code = factory.Sequence(lambda n: f"team-{n}")
    unit = factory.SubFactory(UnitFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    first_name = factory.Sequence(lambda n: f"Etu{n}")
    last_name = factory.Sequence(lambda n: f"Suku{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.fi")
    username = factory.LazyAttribute(lambda o: o.email)
    password = factory.django.Password(PASSWORD)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = TeamRole.AGENT


class UnitManagerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitManager

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer

    external_id = factory.Sequence(lambda n: f"C{n:05d}")
    name = factory.Sequence(lambda n: f"Asiakas Numero{n}")
    email = factory.Sequence(lambda n: f"asiakas{n}@example.com")
    phone = factory.Sequence(lambda n: f"+35840{n:07d}")


class EncounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Encounter

    source = "test"
    external_id = factory.Sequence(lambda n: f"E{n:06d}")
    channel = Channel.PHONE
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=2))
    ended_at = factory.LazyAttribute(lambda o: o.started_at + timedelta(minutes=7))
    staff = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    customer = factory.SubFactory(CustomerFactory)
    topic = "Laskun eräpäivä"
    outcome = "Ratkaistu"


class TurnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TranscriptTurn

    encounter = factory.SubFactory(EncounterFactory, has_transcript=True)
    position = factory.Sequence(lambda n: n)
    speaker = "staff"
    text = "Hyvää huomenta, miten voin auttaa?"
