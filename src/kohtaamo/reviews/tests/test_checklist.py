"""The essay checklist as the default scorecard, and the page that shows it."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.reviews.checklist import DEFAULT_CHECKLIST, DEFAULT_SCORECARD_CODE
from kohtaamo.reviews.models import Criterion, Scorecard
from kohtaamo.reviews.selectors import default_checklist_criteria, scorecard_default
from kohtaamo.reviews.services import default_scorecard_install
from kohtaamo.testing.clients import client_for

ESSAY_POINTS = [
    "genuine-will",
    "listen-ask-verify",
    "present-respectful",
    "calm-upset-customer",
    "judgement-in-exceptions",
    "keepable-promises",
    "honesty",
    "mistakes-fixed",
    "felt-helped",
    "consistent-quality",
]


@pytest.mark.django_db
def test_migrations_install_the_essay_checklist_as_the_default_scorecard() -> None:
    # given a freshly migrated database (the test database)
    # when the default checklist is read
    criteria = default_checklist_criteria()
    # then it has one criterion per point of essays 002 and 003, in order
    assert [c.code for c in criteria] == ESSAY_POINTS
    assert [c.position for c in criteria] == list(range(1, 11))
    scorecard = scorecard_default()
    assert scorecard is not None
    assert (scorecard.code, scorecard.version, scorecard.is_active) == (
        DEFAULT_SCORECARD_CODE,
        1,
        True,
    )


@pytest.mark.django_db
def test_honesty_is_the_one_critical_point_and_na_only_where_a_point_may_not_arise() -> None:
    criteria = {c.code: c for c in default_checklist_criteria()}
    assert [code for code, c in criteria.items() if c.is_critical] == ["honesty"]
    assert criteria["honesty"].scale == "yes_no"
    assert criteria["honesty"].scale_top == 2
    assert criteria["keepable-promises"].scale_top == 3
    assert sorted(code for code, c in criteria.items() if c.allows_na) == [
        "calm-upset-customer",
        "judgement-in-exceptions",
        "keepable-promises",
        "mistakes-fixed",
    ]


def test_every_text_of_the_checklist_is_written_in_all_three_languages() -> None:
    for group in DEFAULT_CHECKLIST:
        assert group.name.fi and group.name.sv and group.name.en
        for criterion in group.criteria:
            for text in (criterion.name, criterion.guidance, criterion.question):
                assert text.fi.strip() and text.sv.strip() and text.en.strip(), criterion.code
                assert len({text.fi, text.sv, text.en}) == 3, criterion.code


@pytest.mark.django_db
def test_installing_again_leaves_the_active_checklist_as_the_organisation_edited_it() -> None:
    # given an administrator who reworded a point
    Criterion.objects.filter(code="honesty").update(name_fi="Rehellisyys aina")
    # when the install runs again (as a re-run migration or the demo would)
    scorecard = default_scorecard_install(apps=apps)
    # then nothing is added or reset
    assert Scorecard.objects.count() == 1
    assert Criterion.objects.count() == 10
    assert scorecard.criteria.get(code="honesty").name_fi == "Rehellisyys aina"


@pytest.mark.django_db
def test_installing_after_every_version_was_switched_off_makes_a_new_version() -> None:
    Scorecard.objects.update(is_active=False)
    scorecard = default_scorecard_install(apps=apps)
    assert (scorecard.version, scorecard.is_active) == (2, True)
    assert scorecard.criteria.count() == 10
    assert Scorecard.objects.filter(code=DEFAULT_SCORECARD_CODE).count() == 2


@pytest.mark.django_db
def test_a_text_missing_in_the_readers_language_falls_back_to_finnish() -> None:
    criterion = Criterion.objects.get(code="honesty")
    criterion.name_sv = ""
    with translation.override("sv"):
        assert criterion.name == "Rehellisyys"
    with translation.override("en"):
        assert criterion.name == "Honesty"


def test_agent_reads_the_checklist_in_finnish(cast: Cast) -> None:
    # when an agent opens the checklist in Finnish
    with translation.override("fi"):
        response = client_for(cast.agent).get(
            reverse("reviews:checklist"), headers={"accept-language": "fi"}
        )
    # then every point is there with its guidance, in order
    assert response.status_code == 200
    body = response.content.decode()
    assert "Asiakaskohtaamisen tarkistuslista" in body
    positions = [body.index(f'id="criterion-{code}"') for code in ESSAY_POINTS]
    assert positions == sorted(positions)
    assert "Kuuntele, kysy ja varmista – älä oleta" in body
    assert "Ymmärsinkö oikein, että…" in body


def test_the_checklist_speaks_swedish_to_a_swedish_reader(cast: Cast) -> None:
    client = client_for(cast.lead)
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    response = client.get(reverse("reviews:checklist"))
    body = response.content.decode()
    assert "Checklista för kundmöten" in body
    assert "Lyssna, fråga och kontrollera – anta inte" in body
    assert "Asiakaskohtaamisen tarkistuslista" not in body


def test_the_page_says_so_when_no_checklist_is_in_use(cast: Cast) -> None:
    Scorecard.objects.update(is_active=False)
    response = client_for(cast.agent).get(
        reverse("reviews:checklist"), headers={"accept-language": "en"}
    )
    assert response.status_code == 200
    assert response.context["scorecard"] is None
    assert b"No checklist is in use." in response.content
