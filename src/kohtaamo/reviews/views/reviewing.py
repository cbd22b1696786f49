"""Writing a review beside the encounter, reading one, and one's own list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from kohtaamo.encounters.selectors import encounter_transcript
from kohtaamo.org import access_reviews
from kohtaamo.reviews.comparison import comparison_rows
from kohtaamo.reviews.forms import ACTION_FINISH, DisputeDecideForm, DisputeForm, ReviewForm
from kohtaamo.reviews.models import Review, ReviewKind
from kohtaamo.reviews.selectors import (
    coaching_actions_due,
    disputes_open_in_teams,
    review_disputes,
    review_events,
    review_for,
    review_ratings,
    reviews_drafted_by,
    reviews_of_person,
    reviews_overseen,
    scorecard_criteria,
    scorecard_default,
)
from kohtaamo.reviews.services import (
    ERROR_FINISHED,
    dispute_deadline,
    review_mark_seen,
    review_save,
)

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


def review_detail_page(
    request: HttpRequest,
    review: Review,
    *,
    dispute_form: DisputeForm | None = None,
    decide_form: tuple[int, DisputeDecideForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The review with the other kind beside it, its disputes and its trail.
    The dispute views render it again with their bound form on bad input."""
    user = request.user
    other = (
        access_reviews.visible_reviews(user)
        .filter(encounter_id=review.encounter_id)
        .exclude(pk=review.pk)
        .select_related("reviewer")
        .first()
    )
    ratings = review_ratings(review=review)
    other_ratings = review_ratings(review=other) if other else []
    lead: Review | None
    own: Review | None
    if review.kind == ReviewKind.LEAD:
        lead, own, lead_ratings, own_ratings = review, other, ratings, other_ratings
    else:
        lead, own, lead_ratings, own_ratings = other, review, other_ratings, ratings
    disputes = review_disputes(review=lead) if lead else []
    may_decide = lead is not None and access_reviews.may_decide_dispute(user, lead)
    for dispute in disputes:
        if dispute.is_open and may_decide:
            bound = decide_form if decide_form and decide_form[0] == dispute.pk else None
            dispute.decide_form = (  # type: ignore[attr-defined]
                bound[1]
                if bound
                else DisputeDecideForm(criterion=dispute.rating.criterion, prefix=f"d{dispute.pk}")
            )
    disputed = {d.rating_id for d in disputes}
    undisputed = [r for r in lead_ratings if r.pk not in disputed]
    deadline = dispute_deadline(review=lead) if lead else None
    may_dispute = bool(
        lead
        and lead.is_finished
        and lead.reviewee_id == user.pk
        and undisputed
        and deadline is not None
        and timezone.now() <= deadline
    )
    names = {r.criterion.code: r.criterion.name for r in lead_ratings}
    events = review_events(review=lead) if lead and lead.is_finished else []
    for event in events:
        # The trail stores the point's code; people read its name.
        event.criterion_name = names.get(event.details.get("criterion", ""), "")  # type: ignore[attr-defined]
    if may_dispute and dispute_form is None:
        dispute_form = DisputeForm(ratings=undisputed)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "encounter": review.encounter,
            "other": other,
            "lead_review": lead,
            "self_review": own,
            "rows": comparison_rows(lead_ratings, own_ratings),
            "may_edit": not review.is_finished and review.reviewer_id == user.pk,
            "disputes": disputes,
            # A refused dispute shows its form with the reason, even when no
            # further dispute is possible (after the deadline, say).
            "dispute_form": dispute_form if may_dispute or dispute_form else None,
            "dispute_deadline": deadline,
            "events": events,
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
    return review_detail_page(request, review)


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
            "open_disputes": list(disputes_open_in_teams(user=user)[:LIST_SHOWN]),
            "coaching_due": list(coaching_actions_due(user=user)[:LIST_SHOWN]),
            "section": "reviews",
        },
    )


@login_required
@require_GET
def score_help(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/score_help.html", {"section": "reviews"})
