"""The survey link's one-statement answer (`feedback.link_answer`): it reads
a post as the form does, writes what the full path writes, and leaves every
case in doubt to the full path."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaamo.conftest import Cast
from kohtaamo.feedback.forms import SurveyForm
from kohtaamo.feedback.link_answer import (
    LinkAnswer,
    PostedAnswer,
    answer_by_link,
    posted_answer,
)
from kohtaamo.feedback.models import (
    COMMENT_MAX_LENGTH,
    FollowUp,
    Invitation,
    InvitationStatus,
    Response,
    Survey,
)
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.insights.aggregates import COUNT_COLUMNS, answer_inbox_fold
from kohtaamo.insights.models import AnswerDay, AnswerInbox, AnswerTeamDay
from kohtaamo.testing.connections import kept_connection, server_closes
from kohtaamo.testing.factories import EncounterFactory

SHAPES = list(itertools.product([True, False], repeat=5))
ASKS = ("ask_nps", "ask_csat", "ask_ces", "ask_comment", "ask_consent")

# Values a browser, a hand-made post or an attacker might send: often a
# valid score, so that whole answers are taken and compared.
field_values = st.one_of(
    st.none(),
    st.sampled_from(["", "1", "2", "5", "7", "9"]),
    st.sampled_from(["0", "10", "11", "-1", " 5", "5 ", "05", "x", "6.0", "٣"]),
    st.text(max_size=8),
)
comments = st.one_of(
    st.sampled_from(
        [
            "",
            "  ",
            "Kiitos!",
            " Hyvä palvelu \n",
            "a\x00b",
            "x" * COMMENT_MAX_LENGTH,
            "x" * (COMMENT_MAX_LENGTH + 1),
            " " + "y" * COMMENT_MAX_LENGTH + " ",
        ]
    ),
    st.text(max_size=30),
)
consents = st.sampled_from(["on", "", "0", "false", "False", "true", "off", "1", "no", "FALSE"])


def _post(data: dict[str, str]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query[key] = value
    return query


@settings(max_examples=1000, deadline=None)
@given(
    nps=field_values,
    csat=field_values,
    ces=field_values,
    comment=st.none() | comments,
    consent=st.none() | consents,
    ask_comment=st.booleans(),
    ask_consent=st.booleans(),
)
def test_a_post_the_link_answer_takes_is_one_the_form_takes_with_the_same_values(
    nps: str | None,
    csat: str | None,
    ces: str | None,
    comment: str | None,
    consent: str | None,
    ask_comment: bool,
    ask_consent: bool,
) -> None:
    given_data = {"nps": nps, "csat": csat, "ces": ces, "comment": comment}
    given_data["consent_contact"] = consent
    data = _post({k: v for k, v in given_data.items() if v is not None})
    answer = posted_answer(data)
    if answer is None:
        return
    # The survey that the one statement accepts it for: one that asks
    # exactly the scales answered (its WHERE clause), a comment and consent or not.
    survey = Survey(
        ask_nps=answer.nps is not None,
        ask_csat=answer.csat is not None,
        ask_ces=answer.ces is not None,
        ask_comment=ask_comment,
        ask_consent=ask_consent,
    )
    form = SurveyForm(data, survey=survey, unit_name="Hotelli Aurora")
    assert form.is_valid(), form.errors
    cleaned = form.answer()
    # What the statement stores: the comment only when asked, consent only when asked.
    assert cleaned == {
        "nps": answer.nps,
        "csat": answer.csat,
        "ces": answer.ces,
        "comment": answer.comment if ask_comment else "",
        "consent_contact": answer.consent_contact and ask_consent,
    }


@pytest.mark.parametrize(
    ("given_value", "ticked"),
    [(None, False), ("", False), ("on", True), ("false", False), ("FALSE", False), ("0", True)],
)
def test_consent_is_read_as_the_checkbox_reads_it(given_value: str | None, ticked: bool) -> None:
    # as Django's CheckboxInput: any text but "" and "false" is a tick, "0" too
    data = {"nps": "9"} | ({} if given_value is None else {"consent_contact": given_value})
    answer = posted_answer(_post(data))
    assert answer is not None
    assert answer.consent_contact is ticked
    form = SurveyForm(_post(data), survey=Survey(), unit_name="Aurora")
    form.is_valid()
    assert form.cleaned_data["consent_contact"] is ticked


def test_a_complete_answer_from_the_page_is_taken() -> None:
    data = _post(
        {"nps": "9", "csat": "5", "ces": "6", "comment": " Kiitos! ", "consent_contact": "on"}
    )
    assert posted_answer(data) == PostedAnswer(9, 5, 6, "Kiitos!", True)


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one statement is PostgreSQL's"
)


def _counts() -> dict[tuple[Any, ...], dict[str, int]]:
    rows: dict[tuple[Any, ...], dict[str, int]] = {}
    for model, keys in (
        (AnswerDay, ("day", "team_id", "staff_id", "channel")),
        (AnswerTeamDay, ("day", "team_id")),
    ):
        for row in model.objects.all():
            key = (model.__name__, *(getattr(row, k) for k in keys))
            rows[key] = {c: getattr(row, c) for c in COUNT_COLUMNS}
    return rows


HAPPY = {"nps": "9", "csat": "4", "ces": "5", "comment": " Tack! ", "consent_contact": "on"}
UNHAPPY = {"nps": "4", "csat": "2", "ces": "2", "comment": "Jonotin.", "consent_contact": "on"}


@needs_postgresql
@pytest.mark.parametrize("given_data", [HAPPY, UNHAPPY], ids=["happy", "unhappy"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "".join("1" if a else "0" for a in s))
def test_the_one_statement_writes_what_the_full_path_writes(
    cast: Cast, shape: tuple[bool, ...], given_data: dict[str, str]
) -> None:
    # given two open invitations of a survey of this shape, for encounters alike
    survey = Survey.objects.create(name="Kysely", **dict(zip(ASKS, shape, strict=True)))
    twins = []
    for _ in range(2):
        encounter = EncounterFactory(staff=cast.agent, team=cast.team, channel="chat")
        twins.append(invitation_create(encounter=encounter, survey=survey, language="sv"))
    data = dict(given_data)
    for name, ask in zip(("nps", "csat", "ces"), shape, strict=False):
        if not ask:
            data[name] = ""
    answer = posted_answer(_post(data))
    assert answer is not None
    now = timezone.now()
    with mock.patch.object(timezone, "now", return_value=now):
        # when the full path stores one answer
        (full, _), (linked, token) = twins
        form = SurveyForm(_post(data), survey=survey, unit_name="Aurora")
        assert form.is_valid(), form.errors
        response_submit(invitation=full, language="en", **form.answer())
        once = _counts()
        # and the one statement the other, alike
        assert answer_by_link(token=token, answer=answer, language="en") is LinkAnswer.STORED
    # then the two answers are the same but for their invitations
    first, second = (Response.objects.get(invitation=i) for i in (full, linked))
    for field in Response._meta.concrete_fields:
        if field.name not in ("id", "invitation"):
            assert getattr(first, field.attname) == getattr(second, field.attname), field.name
    assert second.language == "en"
    # both invitations are marked answered at the same time
    marked = {i.pk: (i.status, i.answered_at) for i in Invitation.objects.all()}
    assert marked[full.pk] == marked[linked.pk] == ("answered", now)
    # an unhappy answer's follow-up is the same, for the team's lead
    followups = {f.response_id: f for f in FollowUp.objects.all()}
    assert len(followups) == (2 if first.is_unhappy else 0)
    if followups:
        ours, theirs = followups[first.pk], followups[second.pk]
        for field in FollowUp._meta.concrete_fields:
            if field.name not in ("id", "response", "encounter"):
                assert getattr(ours, field.attname) == getattr(theirs, field.attname), field.name
        assert theirs.encounter_id == linked.encounter_id
        assert theirs.assignee == cast.lead
    # and the link's answer waits in the inbox with the same key and counts,
    # the days unchanged until the fold, which counts each answer once
    assert _counts() == once
    [waiting] = AnswerInbox.objects.all()
    assert {c: getattr(waiting, c) for c in COUNT_COLUMNS} == once[
        ("AnswerDay", waiting.day, waiting.team_id, waiting.staff_id, waiting.channel)
    ]
    assert answer_inbox_fold() == 1
    assert not AnswerInbox.objects.exists()
    assert _counts() == {key: {c: 2 * n for c, n in counts.items()} for key, counts in once.items()}


@needs_postgresql
def test_the_one_statement_leaves_every_case_in_doubt_to_the_full_path(
    invited: tuple[Invitation, str], survey: Survey
) -> None:
    invitation, token = invited
    happy = PostedAnswer(10, 5, 7, "", False)

    def nothing_stored() -> bool:
        return not Response.objects.exists() and not AnswerInbox.objects.exists()

    # an unknown link, or a survey hash given as the link
    assert not answer_by_link(token="x" * 43, answer=happy, language=None)
    assert not answer_by_link(token=invitation.token_hash, answer=happy, language=None)
    # a question the survey asks is not answered, or one it does not ask is
    assert not answer_by_link(
        token=token, answer=PostedAnswer(10, None, 7, "", False), language=None
    )
    Survey.objects.filter(pk=survey.pk).update(ask_ces=False)
    assert not answer_by_link(token=token, answer=happy, language=None)
    Survey.objects.filter(pk=survey.pk).update(ask_ces=True)
    # an expired link
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    assert not answer_by_link(token=token, answer=happy, language=None)
    assert nothing_stored()
    # an open one is stored once; the same post again stores nothing more,
    # and is told that the link was answered, also once it has expired
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + timedelta(days=1)
    )
    assert answer_by_link(token=token, answer=happy, language=None) is LinkAnswer.STORED
    replay = PostedAnswer(3, 1, 1, "toinen kerta", True)
    assert answer_by_link(token=token, answer=replay, language=None) is LinkAnswer.ANSWERED_BEFORE
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    assert answer_by_link(token=token, answer=happy, language=None) is LinkAnswer.ANSWERED_BEFORE
    assert not FollowUp.objects.exists()
    assert Response.objects.get().language == "fi"
    assert answer_inbox_fold() == 1
    assert AnswerDay.objects.get().responses == 1


def _invitation_updates() -> tuple[int, int]:
    """This transaction's updates of invitation rows so far: all, and those
    PostgreSQL made in place (HOT), writing no index entry."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = %s",
            [Invitation._meta.db_table],
        )
        updated, in_place = cursor.fetchone()
    return updated, in_place


@needs_postgresql
def test_an_answer_marks_its_invitation_without_writing_an_index_entry(
    invited: tuple[Invitation, str],
) -> None:
    # given an invitation sent and waiting three days for its reminder
    invitation, token = invited
    Invitation.objects.filter(pk=invitation.pk).update(
        status=InvitationStatus.SENT, next_email_at=timezone.now() + timedelta(days=3)
    )
    before = _invitation_updates()
    # when the customer answers through the link
    happy = PostedAnswer(9, 4, 6, "", False)
    assert answer_by_link(token=token, answer=happy, language=None) is LinkAnswer.STORED
    # then the invitation was updated once, in place: no column of any index changed
    updated, in_place = (a - b for a, b in zip(_invitation_updates(), before, strict=True))
    assert (updated, in_place) == (1, 1)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_answer_through_a_kept_connection_the_server_closed_is_stored_once(
    invited: tuple[Invitation, str],
) -> None:
    # Given the web process's kept connection, which the server closed (a restart)
    invitation, token = invited
    client = Client()
    with kept_connection():
        server_closes()
        # When the customer posts an unhappy answer
        posted = client.post(f"/s/{token}/", UNHAPPY)
    # Then the page did not fail: the answer is stored once, with its follow-up
    assert posted.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED
    assert Response.objects.get().nps == int(UNHAPPY["nps"])
    assert FollowUp.objects.count() == 1
    assert AnswerInbox.objects.get().responses == 1
    assert "Kiitos vastauksestasi" in client.get(posted["Location"]).content.decode()
