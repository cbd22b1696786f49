"""`kohtaamo import invitations`: the rules of the tick and the API, all or
nothing like the other imports (issue 4)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone, translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters.importing import messages
from kohtaamo.feedback.delivery import due_email_ids
from kohtaamo.feedback.invitation_import import (
    ERROR_BAD_SURVEY_ID,
    ERROR_UNKNOWN_ENCOUNTER,
    invitations_import,
)
from kohtaamo.feedback.invitation_requests import ERROR_NO_SURVEY
from kohtaamo.feedback.models import Invitation, Survey
from kohtaamo.feedback.rules import invitation_rule_create
from kohtaamo.feedback.services import ERROR_INVITED_RECENTLY, ERROR_OPTED_OUT
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env

HEADER = "encounter_source,encounter_external_id,survey,language\n"


def _file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "invitations.csv"
    path.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def _encounter(cast: Cast, external_id: str, **fields: Any) -> Any:
    return EncounterFactory(
        source="crm", external_id=external_id, staff=cast.agent, team=cast.team, **fields
    )


@pytest.fixture
def rule(cast: Cast, survey: Survey) -> Any:
    return invitation_rule_create(
        team=cast.team, survey=survey, channels=["phone"], delay_hours=2, sampling_percent=100
    )


def _messages(result: Any) -> list[tuple[int, str, str]]:
    return [(error.row, error.column, error.message) for error in result.errors]


def test_listed_encounters_are_invited_and_due_for_email(
    cast: Cast, rule: Any, tmp_path: Path
) -> None:
    # given two encounters of two customers, one of them Swedish-speaking
    first = _encounter(cast, "A-1")
    second = _encounter(cast, "A-2", customer=CustomerFactory(language="sv"))
    path = _file(tmp_path, "crm,A-1,,", "crm,A-2,,")

    # when the file is imported
    result = invitations_import(path=path)

    # then each customer has an invitation of the rule's survey in their language,
    # and the next tick e-mails both
    assert (result.written, result.created, result.error_count) == (True, 2, 0)
    invitations = {i.encounter_id: i for i in Invitation.objects.all()}
    assert set(invitations) == {first.pk, second.pk}
    assert invitations[second.pk].language == "sv"
    assert {i.survey_id for i in invitations.values()} == {rule.survey_id}
    assert sorted(due_email_ids(now=timezone.now())) == sorted(i.pk for i in invitations.values())


def test_one_bad_row_writes_nothing_and_every_error_is_told(
    cast: Cast, rule: Any, survey: Survey, tmp_path: Path
) -> None:
    # given a good row, an unknown encounter, a repeated row, a survey that is
    # not a number, a customer who opted out and a second encounter of the
    # first row's customer (within the fatigue window)
    good = _encounter(cast, "B-1")
    _encounter(cast, "B-2", customer=CustomerFactory(consent_surveys=False))
    _encounter(cast, "B-3", customer=good.customer)
    path = _file(
        tmp_path,
        "crm,B-1,,",
        "crm,NOPE,,",
        "crm,B-1,,",
        "crm,B-1,kysely,",
        "crm,B-2,,",
        "crm,B-3,,",
    )

    # when it is imported in English
    with translation.override("en"):
        result = invitations_import(path=path)
        expected = [
            (3, "encounter_external_id", str(ERROR_UNKNOWN_ENCOUNTER)),
            (4, "encounter_external_id", str(messages.ERROR_DUPLICATE_ID) % {"row": 2}),
            (5, "survey", str(ERROR_BAD_SURVEY_ID)),
            (6, "encounter_external_id", str(ERROR_OPTED_OUT)),
            (7, "encounter_external_id", str(ERROR_INVITED_RECENTLY) % {"days": 30}),
        ]

    # then nothing is written and each row's problem is listed in row order
    assert (result.written, result.created, result.rows_read, result.rows_rejected) == (
        False,
        0,
        6,
        5,
    )
    assert _messages(result) == expected
    assert Invitation.objects.count() == 0


def test_partial_keeps_the_good_rows(cast: Cast, rule: Any, tmp_path: Path) -> None:
    _encounter(cast, "C-1")
    path = _file(tmp_path, "crm,C-1,,fi", "crm,C-2,,")

    result = invitations_import(path=path, partial=True)

    assert (result.written, result.created, result.error_count) == (True, 1, 1)
    assert Invitation.objects.get().encounter.external_id == "C-1"


def test_dry_run_checks_everything_and_writes_nothing(
    cast: Cast, rule: Any, tmp_path: Path
) -> None:
    _encounter(cast, "D-1")

    result = invitations_import(path=_file(tmp_path, "crm,D-1,,"), dry_run=True)

    assert (result.written, result.error_count, result.rows_valid) == (False, 0, 1)
    assert Invitation.objects.count() == 0


def test_a_team_without_a_rule_needs_a_survey_of_its_unit(
    cast: Cast, survey: Survey, tmp_path: Path
) -> None:
    _encounter(cast, "E-1")
    _encounter(cast, "E-2")
    path = _file(tmp_path, "crm,E-1,,", f"crm,E-2,{survey.pk},en")

    with translation.override("en"):
        result = invitations_import(path=path, partial=True)
        assert _messages(result) == [(2, "survey", str(ERROR_NO_SURVEY))]
    invitation = Invitation.objects.get()
    assert (invitation.encounter.external_id, invitation.language) == ("E-2", "en")


def test_a_bad_language_is_refused(cast: Cast, rule: Any, tmp_path: Path) -> None:
    _encounter(cast, "F-1")
    with translation.override("en"):
        result = invitations_import(path=_file(tmp_path, "crm,F-1,,de"))
        assert _messages(result) == [(2, "language", str(messages.ERROR_BAD_LANGUAGE))]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_command_invites_and_exits_as_the_other_imports(cast: Cast, tmp_path: Path) -> None:
    survey = Survey.objects.create(name="Asiakaskysely")
    invitation_rule_create(
        team=cast.team, survey=survey, channels=["phone"], delay_hours=2, sampling_percent=100
    )
    _encounter(cast, "G-1")
    env = {**subprocess_env(), "LANGUAGE": "en"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            kohtaamo_command("import", "invitations", *args),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = run(str(_file(tmp_path, "crm,G-1,,", "crm,G-404,,")))
    assert refused.returncode == 1
    assert "Row 3, encounter_external_id" in refused.stderr
    assert Invitation.objects.count() == 0

    done = run(str(_file(tmp_path, "crm,G-1,,")))
    assert done.returncode == 0, done.stderr
    assert Invitation.objects.filter(encounter__external_id="G-1").count() == 1
