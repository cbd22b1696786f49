"""Writing a review beside the encounter, reading one, and one's own list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from kohtaamo.encounters.selectors import encounter_transcript
from kohtaamo.org import access_reviews
from kohtaamo.reviews.comparison import comparison_rows
from kohtaamo.reviews.forms import ACTION_FINISH, ReviewForm
from kohtaamo.reviews.models import Review, ReviewKind
from kohtaamo.reviews.selectors import (
    review_for,
    review_ratings,
    reviews_drafted_by,
    reviews_of_person,
    reviews_overseen,
    scorecard_criteria,
    scorecard_default,
)
from kohtaamo.reviews.services import ERROR_FINISHED, review_mark_seen, review_save

MESSAGE_DRAFT_SAVED = _("The draft is saved. You can finish the review later.")
MESSAGE_FINISHED = _("The review is finished; the reviewed person can now read it.")
LIST_SHOWN = 50


def _form_for(review: Review | None, criteria: list[Any], data: Any = None) -> ReviewForm:
    if data is not None:
        return ReviewForm(data, criteria=criteria)
    ratings = review_ratings(review=review) if review else []
    initial = ReviewForm.initial_from(
        ratings, review.overall_comment if review else "", review.version if review else 0
    )
    return ReviewForm(initial=initial, criteria=criteria)


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    encounter = access_reviews.get_reviewable_encounter_or_404(request.user, pk)
    may_review = (
        access_reviews.may_self_review
        if kind == ReviewKind.SELF
        else access_reviews.may_lead_review
    )
    if not may_review(request.user, encounter):
        raise PermissionDenied
    review = review_for(encounter=encounter, kind=kind)
    if review is not None and review.is_finished:
        if request.method == "POST":
            messages.error(request, ERROR_FINISHED)
        return redirect("reviews:detail", review.pk)
    scorecard = review.scorecard if review else scorecard_default()
    criteria = scorecard_criteria(scorecard=scorecard) if scorecard else []
    status = 200
    if request.method == "POST" and scorecard is not None:
        form = _form_for(review, criteria, request.POST)
        if not form.is_valid():
            status = 400
        else:
            finish = form.cleaned_data["action"] == ACTION_FINISH
            try:
                saved = review_save(
                    encounter=encounter,
                    kind=kind,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    ratings=form.ratings(),
                    overall_comment=form.cleaned_data["overall_comment"],
                    finish=finish,
                )
            except ValidationError as exc:
                if exc.code not in ("stale", "finished"):
                    form.add_error(None, exc)
                    status = 400
                else:
                    # Someone saved first: show what they saved, with the reason.
                    messages.error(request, exc.messages[0])
                    review = review_for(encounter=encounter, kind=kind)
                    if review is not None and review.is_finished:
                        return redirect("reviews:detail", review.pk)
                    form = _form_for(review, criteria)
                    status = 409
            else:
                if finish:
                    messages.success(request, MESSAGE_FINISHED)
                    return redirect("reviews:detail", saved.pk)
                messages.success(request, MESSAGE_DRAFT_SAVED)
                return redirect(request.path)
    else:
        form = _form_for(review, criteria)
    return render(
        request,
        "reviews/review_edit.html",
        {
            "encounter": encounter,
            "turns": list(encounter_transcript(encounter=encounter)),
            "review": review,
            "kind": kind,
            "scorecard": scorecard,
            "form": form,
            "section": "reviews",
        },
        status=status,
    )


@login_required
@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = access_reviews.get_review_or_404(request.user, pk)
    if review.reviewee_id == request.user.pk and review.is_finished:
        review_mark_seen(review=review)
    other = (
        access_reviews.visible_reviews(request.user)
        .filter(encounter_id=review.encounter_id)
        .exclude(pk=review.pk)
        .select_related("reviewer")
        .first()
    )
    ratings = review_ratings(review=review)
    other_ratings = review_ratings(review=other) if other else []
    lead, own = (review, other) if review.kind == ReviewKind.LEAD else (other, review)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "encounter": review.encounter,
            "other": other,
            "lead_review": lead,
            "self_review": own,
            "rows": comparison_rows(
                ratings if review.kind == ReviewKind.LEAD else other_ratings,
                other_ratings if review.kind == ReviewKind.LEAD else ratings,
            ),
            "may_edit": not review.is_finished and review.reviewer_id == request.user.pk,
            "section": "reviews",
        },
    )


@login_required
@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "reviews/review_list.html",
        {
            "received": list(reviews_of_person(user=user)[:LIST_SHOWN]),
            "drafts": list(reviews_drafted_by(user=user)[:LIST_SHOWN]),
            "overseen": list(reviews_overseen(user=user)[:LIST_SHOWN])
            if access_reviews.may_review_anyone(user)
            else [],
            "may_review": access_reviews.may_review_anyone(user),
            "section": "reviews",
        },
    )


@login_required
@require_GET
def score_help(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/score_help.html", {"section": "reviews"})
