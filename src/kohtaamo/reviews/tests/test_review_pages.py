"""The review page beside the encounter, the review itself and the list."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.reviews.forms import ERROR_CHOOSE_VALUE
from kohtaamo.reviews.models import Criterion, Review, ReviewKind, ReviewRating, ReviewStatus
from kohtaamo.reviews.services import ERROR_FINISHED, ERROR_STALE
from kohtaamo.reviews.tests.helpers import NA, TOP, finished_review
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, TurnFactory

EN = {"accept-language": "en"}


def _post_data(
    values: dict[str, int | str], *, version: int = 0, action: str = "save"
) -> dict[str, Any]:
    ids = dict(Criterion.objects.filter(scorecard__is_active=True).values_list("code", "pk"))
    data: dict[str, Any] = {
        "version": version,
        "action": action,
        "overall_comment": "Hyvin hoidettu.",
    }
    for code, value in values.items():
        data[f"rating-{ids[code]}"] = str(value)
        data[f"comment-{ids[code]}"] = f"Kommentti: {code}"
    return data


def _lead_url(encounter: Any) -> str:
    return reverse("reviews:lead_review", kwargs={"pk": encounter.pk})


def test_the_review_page_shows_transcript_beside_every_criterion(
    cast: Cast, encounter: Any
) -> None:
    TurnFactory(encounter=encounter, position=1, speaker="customer", text="Laskussani on virhe.")
    TurnFactory(encounter=encounter, position=2, text="Ymmärsinkö oikein, että summa on väärä?")
    response = client_for(cast.lead).get(_lead_url(encounter), headers=EN)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Laskussani on virhe.") < body.index("Ymmärsinkö oikein")
    # ten radio groups, each a fieldset named by its criterion, yes/no for honesty
    assert body.count('<fieldset class="criterion') == 10
    honesty = Criterion.objects.get(code="honesty")
    assert f'name="rating-{honesty.pk}" value="2"' in body
    assert f'name="rating-{honesty.pk}" value="na"' not in body
    calm = Criterion.objects.get(code="calm-upset-customer")
    assert f'name="rating-{calm.pk}" value="na"' in body


def test_a_lead_saves_a_draft_and_finishes_it_later(cast: Cast, encounter: Any) -> None:
    client = client_for(cast.lead)
    # when the lead saves two ratings as a draft
    response = client.post(
        _lead_url(encounter), _post_data({"genuine-will": 4, "mistakes-fixed": NA})
    )
    assert response.status_code == 302 and response["Location"] == _lead_url(encounter)
    review = Review.objects.get()
    assert (review.status, review.version, review.score) == (ReviewStatus.DRAFT, 1, None)
    # then the page shows them again, checked
    body = client.get(_lead_url(encounter)).content.decode()
    genuine = Criterion.objects.get(code="genuine-will")
    assert f'name="rating-{genuine.pk}" value="4" id="id_rating-{genuine.pk}_3" checked' in body
    assert "Kommentti: genuine-will" in body
    # when they finish it from that version
    response = client.post(_lead_url(encounter), _post_data(TOP, version=1, action="finish"))
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:detail", kwargs={"pk": review.pk})
    review.refresh_from_db()
    assert (review.status, review.version, review.score) == (ReviewStatus.FINISHED, 2, 100.0)
    assert review.overall_comment == "Hyvin hoidettu."


def test_a_value_off_the_scale_is_refused_with_a_message_and_nothing_saved(
    cast: Cast, encounter: Any
) -> None:
    response = client_for(cast.lead).post(
        _lead_url(encounter),
        _post_data({**TOP, "keepable-promises": 5}, action="finish"),
        headers=EN,
    )
    assert response.status_code == 400
    assert str(ERROR_CHOOSE_VALUE) in response.content.decode()
    assert Review.objects.count() == 0


def test_na_where_it_is_not_allowed_is_refused(cast: Cast, encounter: Any) -> None:
    response = client_for(cast.lead).post(_lead_url(encounter), _post_data({**TOP, "honesty": NA}))
    assert response.status_code == 400
    assert Review.objects.count() == 0


def test_the_second_of_two_saves_from_one_version_is_told_and_sees_the_first(
    cast: Cast, encounter: Any
) -> None:
    # given the lead and the manager opened the empty review; the manager saved
    client_for(cast.manager).post(_lead_url(encounter), _post_data({"genuine-will": 2}))
    # when the lead saves from the same starting point
    response = client_for(cast.lead).post(
        _lead_url(encounter), _post_data({"genuine-will": 5}), headers=EN
    )
    # then they are told, shown the manager's version, and it stands
    assert response.status_code == 409
    body = response.content.decode()
    assert str(ERROR_STALE).replace("'", "&#x27;") in body
    genuine = Criterion.objects.get(code="genuine-will")
    assert f'value="2" id="id_rating-{genuine.pk}_1" checked' in body
    assert ReviewRating.objects.get(criterion=genuine).value == 2
    assert Review.objects.get().version == 1


def test_posting_to_a_finished_review_is_refused_with_a_message(cast: Cast, encounter: Any) -> None:
    review = finished_review(encounter, cast.lead)
    client = client_for(cast.lead)
    response = client.post(
        _lead_url(encounter),
        _post_data({**TOP, "genuine-will": 1}, version=1, action="finish"),
        headers=EN,
        follow=True,
    )
    assert response.redirect_chain == [(reverse("reviews:detail", kwargs={"pk": review.pk}), 302)]
    assert str(ERROR_FINISHED) in response.content.decode()
    review.refresh_from_db()
    assert (review.version, review.score) == (1, 100.0)


def test_a_review_of_an_encounter_one_may_not_see_is_404_and_saves_nothing(
    cast: Cast, other_encounter: Any
) -> None:
    response = client_for(cast.lead).post(
        _lead_url(other_encounter), _post_data(TOP, action="finish")
    )
    assert response.status_code == 404
    assert Review.objects.count() == 0


def test_an_agent_cannot_lead_review_their_own_encounter(cast: Cast, encounter: Any) -> None:
    response = client_for(cast.agent).post(_lead_url(encounter), _post_data(TOP, action="finish"))
    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_the_lead_sees_self_review_and_lead_review_side_by_side(cast: Cast, encounter: Any) -> None:
    # given the agent's self-review (no for "keepable promises"? 2 of 3) and the lead's
    own = finished_review(
        encounter, cast.agent, kind=ReviewKind.SELF, values={**TOP, "keepable-promises": 2}
    )
    lead = finished_review(encounter, cast.lead)
    # when the lead opens the lead review
    response = client_for(cast.lead).get(
        reverse("reviews:detail", kwargs={"pk": lead.pk}), headers=EN
    )
    body = response.content.decode()
    # then both columns are there, and the point they disagree on is marked
    assert response.context["self_review"] == own
    assert "Lead review and self-review side by side" in body
    rows = {row.criterion.code: row for row in response.context["rows"]}
    assert len(rows) == 10
    assert [code for code, row in rows.items() if row.differs] == ["keepable-promises"]
    assert (rows["keepable-promises"].lead.value, rows["keepable-promises"].own.value) == (3, 2)
    assert '<tr id="row-keepable-promises" class="differs">' in body


def test_a_self_review_draft_is_not_shown_to_the_lead(cast: Cast, encounter: Any) -> None:
    client_for(cast.agent).post(
        reverse("reviews:self_review", kwargs={"pk": encounter.pk}), _post_data({"honesty": 2})
    )
    lead = finished_review(encounter, cast.lead)
    response = client_for(cast.lead).get(reverse("reviews:detail", kwargs={"pk": lead.pk}))
    assert response.context["other"] is None


def test_the_reviewed_person_is_notified_until_they_open_the_review(
    cast: Cast, encounter: Any
) -> None:
    review = finished_review(encounter, cast.lead)
    client = client_for(cast.agent)
    listing = client.get(reverse("reviews:list"), headers=EN)
    assert listing.context["received"] == [review]
    assert '<span class="badge new">New</span>' in listing.content.decode()
    client.get(reverse("reviews:detail", kwargs={"pk": review.pk}))
    review.refresh_from_db()
    assert review.seen_by_reviewee_at is not None
    assert '<span class="badge new">' not in client.get(reverse("reviews:list")).content.decode()


def test_a_lead_opening_the_review_does_not_mark_it_seen(cast: Cast, encounter: Any) -> None:
    review = finished_review(encounter, cast.lead)
    client_for(cast.manager).get(reverse("reviews:detail", kwargs={"pk": review.pk}))
    review.refresh_from_db()
    assert review.seen_by_reviewee_at is None


def test_the_encounter_page_offers_the_review_to_the_lead_and_the_self_check_to_the_agent(
    cast: Cast, encounter: Any
) -> None:
    url = reverse("encounters:detail", kwargs={"pk": encounter.pk})
    lead_body = client_for(cast.lead).get(url).content.decode()
    agent_body = client_for(cast.agent).get(url).content.decode()
    assert _lead_url(encounter) in lead_body
    assert reverse("reviews:self_review", kwargs={"pk": encounter.pk}) not in lead_body
    assert reverse("reviews:self_review", kwargs={"pk": encounter.pk}) in agent_body
    assert _lead_url(encounter) not in agent_body


def test_the_score_help_page_states_the_formula(cast: Cast) -> None:
    body = client_for(cast.agent).get(reverse("reviews:score_help"), headers=EN).content.decode()
    assert "score = 100 × Σ weight × (r − 1) / (t − 1) ÷ Σ weight" in body
    assert "left out of both sums" in body


@pytest.mark.parametrize("turns", [20, 200])
def test_the_review_page_makes_the_same_few_queries_for_any_transcript(
    cast: Cast, django_assert_num_queries: Any, turns: int
) -> None:
    # given a long transcript and a draft with every point rated
    encounter = EncounterFactory(staff=cast.agent, team=cast.team, has_transcript=True)
    TurnFactory.create_batch(turns, encounter=encounter)
    client = client_for(cast.lead)
    client.post(_lead_url(encounter), _post_data(TOP))
    client.get(_lead_url(encounter))  # warm the session and caches
    # session, user, memberships, managed units, encounter, review, criteria,
    # ratings, turns
    with django_assert_num_queries(9):
        response = client.get(_lead_url(encounter))
    assert response.status_code == 200
    assert response.content.decode().count('class="turn ') == turns
