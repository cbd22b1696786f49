"""Saving, finishing and refusing reviews; scorecard versions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import (
    Criterion,
    Review,
    ReviewKind,
    ReviewRating,
    ReviewStatus,
    Scorecard,
)
from kohtaamo.reviews.selectors import scorecard_default
from kohtaamo.reviews.services import (
    ERROR_FINISHED,
    ERROR_STALE,
    criterion_update,
    review_save,
)
from kohtaamo.reviews.tests.helpers import NA, TOP, finished_review, ratings_by_code


def _save(
    encounter: Any,
    by: Any,
    values: dict[str, int | str],
    *,
    version: int = 0,
    finish: bool = False,
    kind: str = ReviewKind.LEAD,
) -> Review:
    return review_save(
        encounter=encounter,
        kind=kind,
        by=by,
        expected_version=version,
        ratings=ratings_by_code(values),
        overall_comment="  Kiitos.  ",
        finish=finish,
    )


def test_finishing_stores_the_weighted_score_with_na_left_out(cast: Cast, encounter: Any) -> None:
    # given a lead's ratings: genuine will 3/5 (0.5, weight 2), three points N/A,
    # everything else at the top
    values: dict[str, int | str] = {
        **TOP,
        "genuine-will": 3,
        "calm-upset-customer": NA,
        "judgement-in-exceptions": NA,
        "mistakes-fixed": NA,
    }
    # when the lead finishes the review
    review = _save(encounter, cast.lead, values, finish=True)
    # then the score is (2·0.5 + 2 + 1 + 2 + 2 + 2 + 1) / (2+2+1+2+2+2+1) = 11/12
    review.refresh_from_db()
    assert review.score == pytest.approx(100 * 11 / 12)
    assert (review.status, review.critical_failed, review.version) == (
        ReviewStatus.FINISHED,
        False,
        1,
    )
    assert review.finished_at is not None
    assert review.overall_comment == "Kiitos."
    assert (review.reviewee, review.team, review.reviewer) == (cast.agent, cast.team, cast.lead)
    assert ReviewRating.objects.filter(review=review, is_na=True).count() == 3


def test_a_no_for_honesty_makes_the_score_zero_and_counts_as_critical(
    cast: Cast, encounter: Any
) -> None:
    review = _save(encounter, cast.lead, {**TOP, "honesty": 1}, finish=True)
    review.refresh_from_db()
    assert (review.score, review.critical_failed) == (0.0, True)


def test_a_draft_keeps_partial_ratings_and_is_finished_later(cast: Cast, encounter: Any) -> None:
    draft = _save(encounter, cast.lead, {"genuine-will": 4})
    assert (draft.status, draft.score, draft.version) == (ReviewStatus.DRAFT, None, 1)
    rated = ReviewRating.objects.filter(review=draft, value__isnull=False)
    assert [(r.criterion.code, r.value) for r in rated] == [("genuine-will", 4)]
    assert ReviewRating.objects.filter(review=draft).count() == 10
    finished = _save(encounter, cast.lead, TOP, version=1, finish=True)
    assert (finished.pk, finished.version, finished.score) == (draft.pk, 2, 100.0)


def test_finishing_with_a_point_unrated_is_refused_and_nothing_changes(
    cast: Cast, encounter: Any
) -> None:
    draft = _save(encounter, cast.lead, {"genuine-will": 4})
    values = dict(TOP)
    del values["honesty"]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        _save(encounter, cast.lead, values, version=1, finish=True)
    assert error.value.code == "unrated"
    with translation.override("en"):
        # the point is named in the language of the request that saved
        assert error.value.messages == [
            "Rate every criterion or mark it N/A before finishing: Honesty."
        ]
    draft.refresh_from_db()
    assert (draft.status, draft.version) == (ReviewStatus.DRAFT, 1)
    assert ReviewRating.objects.filter(review=draft, value__isnull=False).count() == 1


@pytest.mark.parametrize(
    ("code", "value", "error_code"),
    [
        ("genuine-will", 6, "off_scale"),
        ("genuine-will", 0, "off_scale"),
        ("keepable-promises", 4, "off_scale"),
        ("honesty", 3, "off_scale"),
        ("honesty", NA, "na_not_allowed"),
    ],
)
def test_a_score_off_the_scale_is_refused_and_nothing_is_saved(
    cast: Cast, encounter: Any, code: str, value: int | str, error_code: str
) -> None:
    with pytest.raises(ValidationError) as error:
        _save(encounter, cast.lead, {**TOP, code: value}, finish=True)
    assert error.value.code == error_code
    assert Review.objects.count() == 0
    assert ReviewRating.objects.count() == 0


def test_a_save_from_an_old_version_is_refused_and_the_winner_kept(
    cast: Cast, encounter: Any
) -> None:
    # given a draft that the lead and the manager both opened at version 1,
    # and the manager saved first
    _save(encounter, cast.lead, {"genuine-will": 4})
    _save(encounter, cast.manager, {"genuine-will": 2}, version=1)
    # when the lead saves from version 1 too
    with pytest.raises(ValidationError) as error:
        _save(encounter, cast.lead, {"genuine-will": 5}, version=1)
    # then they are told, and the first save stands
    assert error.value.messages == [str(ERROR_STALE)]
    review = Review.objects.get()
    assert (review.version, review.reviewer) == (2, cast.manager)
    assert ReviewRating.objects.get(review=review, criterion__code="genuine-will").value == 2


def test_two_first_saves_of_one_encounter_make_one_review(cast: Cast, encounter: Any) -> None:
    _save(encounter, cast.lead, {"genuine-will": 4})
    with pytest.raises(ValidationError) as error:
        _save(encounter, cast.manager, {"genuine-will": 1})
    assert error.value.code == "stale"
    assert Review.objects.count() == 1


def test_editing_a_finished_review_is_refused(cast: Cast, encounter: Any) -> None:
    review = finished_review(encounter, cast.lead)
    with pytest.raises(ValidationError) as error:
        _save(encounter, cast.lead, {**TOP, "genuine-will": 1}, version=review.version, finish=True)
    assert error.value.messages == [str(ERROR_FINISHED)]
    review.refresh_from_db()
    assert (review.score, review.version) == (100.0, 1)
    assert ReviewRating.objects.get(review=review, criterion__code="genuine-will").value == 5


@pytest.mark.parametrize("role", ["agent", "outsider_lead", "outsider"])
def test_only_a_lead_manager_or_admin_writes_a_lead_review(
    cast: Cast, encounter: Any, role: str
) -> None:
    with pytest.raises(PermissionDenied):
        _save(encounter, getattr(cast, role), TOP, finish=True)
    assert Review.objects.count() == 0


def test_a_lead_does_not_lead_review_their_own_encounter(cast: Cast) -> None:
    from kohtaamo.testing.factories import EncounterFactory

    own = EncounterFactory(staff=cast.lead, team=cast.team)
    with pytest.raises(PermissionDenied):
        _save(own, cast.lead, TOP, finish=True)
    assert _save(own, cast.lead, TOP, finish=True, kind=ReviewKind.SELF).kind == ReviewKind.SELF


def test_only_the_agent_self_reviews_their_encounter(cast: Cast, encounter: Any) -> None:
    with pytest.raises(PermissionDenied):
        _save(encounter, cast.lead, TOP, kind=ReviewKind.SELF)
    review = _save(encounter, cast.agent, TOP, kind=ReviewKind.SELF, finish=True)
    assert (review.kind, review.reviewer, review.score) == (ReviewKind.SELF, cast.agent, 100.0)


def test_editing_an_unused_scorecard_changes_it_in_place(db: None) -> None:
    criterion = Criterion.objects.get(code="honesty")
    updated = criterion_update(criterion=criterion, changes={"weight": 3})
    assert updated.pk == criterion.pk
    assert Scorecard.objects.count() == 1
    assert Criterion.objects.get(pk=criterion.pk).weight == 3


def test_editing_a_used_scorecard_makes_a_new_version_and_old_reviews_keep_theirs(
    cast: Cast, encounter: Any
) -> None:
    # given a finished review made with version 1
    review = finished_review(encounter, cast.lead)
    old = Criterion.objects.get(code="felt-helped")
    # when an administrator makes the point weigh 5
    updated = criterion_update(criterion=old, changes={"weight": 5, "name_en": "Felt helped"})
    # then version 2 is active with the change, version 1 unchanged and kept by the review
    current = scorecard_default()
    assert current is not None and current.version == 2
    assert updated.scorecard == current
    assert (updated.weight, updated.name_en) == (5, "Felt helped")
    assert current.criteria.count() == 10 and current.groups.count() == 3
    old.refresh_from_db()
    assert (old.weight, old.scorecard.version, old.scorecard.is_active) == (2, 1, False)
    review.refresh_from_db()
    assert review.scorecard.version == 1
    assert review.score == 100.0


def test_a_criterion_code_cannot_be_changed_through_an_edit(db: None) -> None:
    criterion = Criterion.objects.get(code="honesty")
    with pytest.raises(ValidationError):
        criterion_update(criterion=criterion, changes={"code": "other"})
    assert Criterion.objects.filter(code="honesty").count() == 1


def test_an_admins_edit_in_the_django_admin_goes_through_the_versioning(
    cast: Cast, encounter: Any
) -> None:
    from django.forms.models import model_to_dict
    from django.urls import reverse

    from kohtaamo.testing.clients import client_for

    # given a used scorecard
    finished_review(encounter, cast.lead)
    criterion = Criterion.objects.get(code="honesty")
    data = {k: v for k, v in model_to_dict(criterion).items() if k != "id"}
    data["weight"] = 4
    # when an admin changes its weight in the Django admin
    response = client_for(cast.admin).post(
        reverse("admin:reviews_criterion_change", args=[criterion.pk]), data
    )
    # then version 2 carries the change and version 1 is as it was
    assert response.status_code == 302
    current = scorecard_default()
    assert current is not None and current.version == 2
    assert current.criteria.get(code="honesty").weight == 4
    criterion.refresh_from_db()
    assert (criterion.weight, criterion.scorecard.version) == (2, 1)
