"""Inviting a customer: the token, expiry, and the refusals (issue 4)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import Invitation, InvitationStatus, Survey
from kohtaamo.feedback.selectors import invitation_by_token
from kohtaamo.feedback.services import (
    ERROR_INVITED_RECENTLY,
    ERROR_NO_CUSTOMER,
    ERROR_OPTED_OUT,
    invitation_create,
    token_hash,
)
from kohtaamo.testing.factories import EncounterFactory


def test_invitation_stores_only_the_hash_of_a_long_random_token(
    survey: Survey, encounter: Any
) -> None:
    # given an encounter with a customer who prefers Swedish
    encounter.customer.language = "sv"
    encounter.customer.save()
    # when an invitation is made
    invitation, token = invitation_create(encounter=encounter, survey=survey)
    # then the token carries at least 128 random bits and only its hash is kept
    assert len(token) == 43  # 32 bytes in URL-safe base64
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = Invitation.objects.values().get(pk=invitation.pk)
    assert [k for k, v in stored.items() if token in str(v)] == []
    assert invitation.language == "sv"
    assert invitation.customer == encounter.customer
    assert invitation.status == InvitationStatus.CREATED
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_invitation_language_can_be_chosen(survey: Survey, encounter: Any) -> None:
    invitation, _token = invitation_create(encounter=encounter, survey=survey, language="en")
    assert invitation.language == "en"


def test_encounter_without_customer_is_not_invited(survey: Survey, cast: Cast) -> None:
    encounter = EncounterFactory(staff=cast.agent, team=cast.team, customer=None)
    with pytest.raises(ValidationError) as error:
        invitation_create(encounter=encounter, survey=survey)
    assert error.value.messages == [str(ERROR_NO_CUSTOMER)]
    assert Invitation.objects.count() == 0


def test_customer_who_opted_out_is_never_invited(survey: Survey, encounter: Any) -> None:
    encounter.customer.consent_surveys = False
    encounter.customer.save()
    with pytest.raises(ValidationError) as error:
        invitation_create(encounter=encounter, survey=survey)
    assert error.value.messages == [str(ERROR_OPTED_OUT)]
    assert Invitation.objects.count() == 0


def test_customer_is_invited_at_most_once_in_30_days_across_the_organisation(
    survey: Survey, encounter: Any, cast: Cast
) -> None:
    # given the customer was invited 29 days ago after an encounter in another unit
    earlier = EncounterFactory(
        staff=cast.outsider, team=cast.other_team, customer=encounter.customer
    )
    first, _token = invitation_create(encounter=earlier, survey=survey)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=29))
    # when a new invitation is asked for
    with pytest.raises(ValidationError) as error:
        invitation_create(encounter=encounter, survey=survey)
    # then it is refused and nothing is stored
    assert error.value.messages == [str(ERROR_INVITED_RECENTLY % {"days": 30})]
    assert Invitation.objects.count() == 1


def test_customer_may_be_invited_again_after_the_fatigue_period(
    survey: Survey, encounter: Any, cast: Cast
) -> None:
    earlier = EncounterFactory(staff=cast.agent, team=cast.team, customer=encounter.customer)
    first, _token = invitation_create(encounter=earlier, survey=survey)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=31))
    second, _token = invitation_create(encounter=encounter, survey=survey)
    assert Invitation.objects.count() == 2
    assert second.encounter == encounter


def test_fatigue_period_is_a_setting(
    survey: Survey, encounter: Any, cast: Cast, settings: Any
) -> None:
    settings.KOHTAAMO_SURVEY_FATIGUE_DAYS = 7
    earlier = EncounterFactory(staff=cast.agent, team=cast.team, customer=encounter.customer)
    first, _token = invitation_create(encounter=earlier, survey=survey)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=8))
    invitation_create(encounter=encounter, survey=survey)
    assert Invitation.objects.count() == 2


def test_token_finds_its_invitation(invited: tuple[Invitation, str]) -> None:
    invitation, token = invited
    assert invitation_by_token(token=token) == invitation


def test_the_lookup_gives_what_the_orm_gives_with_its_relations_and_no_further_query(
    invited: tuple[Invitation, str], django_assert_num_queries: Any
) -> None:
    # given an invitation whose reminder has a link of its own, answered
    # (so that every date column holds a value to convert)
    invitation, token = invited
    reminder_token = "r" * 43
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        reminder_token_hash=token_hash(reminder_token),
        reminder_sent_at=now,
        answered_at=now,
        sent_at=now,
    )
    orm = Invitation.objects.select_related("survey", "encounter__team__unit").get(pk=invitation.pk)
    for link in (token, reminder_token):
        # when the page looks up either link
        with django_assert_num_queries(1):
            found = invitation_by_token(token=link)
            assert found is not None
            # then each of the five rows comes as the ORM would make it, and
            # reading through the relations asks nothing more
            pairs = [
                (found, orm),
                (found.survey, orm.survey),
                (found.encounter, orm.encounter),
                (found.encounter.team, orm.encounter.team),
                (found.encounter.team.unit, orm.encounter.team.unit),
            ]
        for ours, theirs in pairs:
            for field in type(theirs)._meta.concrete_fields:
                assert getattr(ours, field.attname) == getattr(theirs, field.attname), field
                assert type(getattr(ours, field.attname)) is type(getattr(theirs, field.attname)), (
                    field
                )
            assert not ours._state.adding
            assert ours._state.db == theirs._state.db


def test_unknown_forged_and_expired_tokens_find_nothing(
    invited: tuple[Invitation, str],
) -> None:
    invitation, token = invited
    assert invitation_by_token(token="x" * 43) is None
    assert invitation_by_token(token=invitation.token_hash) is None
    assert invitation_by_token(token="") is None
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    assert invitation_by_token(token=token) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the LIKE indexes are PostgreSQL's")
def test_the_invitation_table_has_no_index_another_one_makes_redundant(db: None) -> None:
    # Each index costs every new invitation a write, and every update that
    # changes one of its columns (an answer changes none of them).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s",
            [Invitation._meta.db_table],
        )
        definitions = [row[0] for row in cursor.fetchall()]
    columns = sorted(d[d.index("(") + 1 : d.index(")")] for d in definitions)
    assert not [d for d in definitions if "pattern_ops" in d]
    assert columns == sorted(
        [
            "id",
            "customer_id, created_at DESC",
            "encounter_id",
            "reminder_token_hash",
            "rule_id",
            "next_email_at",
            "survey_id",
            "token_hash",
        ]
    )
