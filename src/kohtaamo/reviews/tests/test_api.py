"""The reviews part of the REST API: what each person reads, exact shapes."""

from __future__ import annotations

from typing import Any

import pytest

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import Review, ReviewRating
from kohtaamo.reviews.services import dispute_open
from kohtaamo.reviews.tests.helpers import TOP, finished_review
from kohtaamo.testing.clients import api_client_for


def test_scorecards_list_the_checklist_with_its_criteria(cast: Cast) -> None:
    body = api_client_for(cast.agent).get("/api/v1/scorecards").json()
    assert body["count"] == 1
    card = body["items"][0]
    assert (card["code"], card["version"], card["is_active"]) == ("checklist", 1, True)
    honesty = next(c for c in card["criteria"] if c["code"] == "honesty")
    assert (honesty["scale"], honesty["scale_top"], honesty["is_critical"], honesty["weight"]) == (
        "yes_no",
        2,
        True,
        2,
    )


def test_a_review_reads_with_its_ratings(cast: Cast, encounter: Any) -> None:
    review = finished_review(encounter, cast.lead, values={**TOP, "felt-helped": 3})
    body = api_client_for(cast.agent).get(f"/api/v1/reviews/{review.pk}").json()
    assert body["score"] == pytest.approx(100 * 14 / 15)
    assert (body["kind"], body["status"], body["reviewee"]["id"], body["reviewer"]["id"]) == (
        "lead",
        "finished",
        cast.agent.pk,
        cast.lead.pk,
    )
    assert [r["criterion"] for r in body["ratings"]][:2] == ["genuine-will", "listen-ask-verify"]
    assert {"criterion": "felt-helped", "value": 3, "is_na": False, "comment": ""} in body[
        "ratings"
    ]


def test_the_list_shows_only_what_the_person_sees_and_filters(
    cast: Cast, encounter: Any, other_encounter: Any
) -> None:
    mine = finished_review(encounter, cast.lead)
    finished_review(other_encounter, cast.outsider_lead)
    assert [r["id"] for r in api_client_for(cast.agent).get("/api/v1/reviews").json()["items"]] == [
        mine.pk
    ]
    assert api_client_for(cast.admin).get("/api/v1/reviews").json()["count"] == 2
    filtered = api_client_for(cast.admin).get(f"/api/v1/reviews?team={cast.other_team.pk}").json()
    assert filtered["count"] == 1
    assert api_client_for(cast.admin).get("/api/v1/reviews?kind=self").json()["count"] == 0
    assert api_client_for(cast.admin).get("/api/v1/reviews?kind=bogus").status_code == 422


def test_disputes_are_listed_for_the_reviewed_person_and_the_lead(
    cast: Cast, encounter: Any
) -> None:
    review = finished_review(encounter, cast.lead)
    rating = ReviewRating.objects.select_related("review", "criterion").get(
        review=review, criterion__code="honesty"
    )
    dispute_open(rating=rating, reason="Syy.", by=cast.agent)
    for person in (cast.agent, cast.lead):
        items = api_client_for(person).get("/api/v1/disputes").json()["items"]
        assert [(d["criterion"], d["status"], d["old_value"]) for d in items] == [
            ("honesty", "open", 2)
        ]
    assert api_client_for(cast.outsider_lead).get("/api/v1/disputes").json()["items"] == []


def test_iqs_in_the_api_matches_the_page(cast: Cast, encounter: Any) -> None:
    finished_review(encounter, cast.lead)
    rows = api_client_for(cast.lead).get("/api/v1/iqs?group_by=agent&period=month").json()
    assert [(r["label"], r["n"], r["mean"], r["few_reviews"]) for r in rows] == [
        ("Aino Agentti", 1, 100.0, True)
    ]
    assert Review.objects.count() == 1
    bad = api_client_for(cast.lead).get("/api/v1/iqs?date_from=2026-11-30&date_to=2026-11-01")
    assert bad.status_code == 422
    assert api_client_for(cast.lead).get("/api/v1/iqs?group_by=customer").status_code == 422


def test_the_csv_export_has_one_row_per_visible_finished_review(
    cast: Cast, encounter: Any, other_encounter: Any
) -> None:
    import csv
    import io

    from django.urls import reverse

    from kohtaamo.reviews.tests.helpers import NA
    from kohtaamo.testing.clients import client_for

    review = finished_review(
        encounter, cast.lead, values={**TOP, "calm-upset-customer": NA, "felt-helped": 4}
    )
    finished_review(other_encounter, cast.outsider_lead)
    response = client_for(cast.lead).get(reverse("reviews:export_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert (row["review_id"], row["kind"], row["reviewee_email"], row["team_code"]) == (
        str(review.pk),
        "lead",
        "aino@example.fi",
        "hki-vastaanotto",
    )
    assert (row["calm-upset-customer"], row["felt-helped"], row["honesty"]) == (
        "N/A",
        "4",
        "2",
    )
    assert row["score"] == f"{review.score:.2f}"
