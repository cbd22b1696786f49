"""Disputing a rating, and deciding a dispute; both on the review's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from kohtaamo.org import access_reviews
from kohtaamo.reviews.forms import DECISION_ACCEPT, DisputeDecideForm, DisputeForm
from kohtaamo.reviews.models import Dispute, ReviewRating
from kohtaamo.reviews.services import dispute_decide, dispute_open
from kohtaamo.reviews.views.reviewing import review_detail_page

MESSAGE_DISPUTED = _("Your dispute is sent; your lead or manager will decide it.")
MESSAGE_ACCEPTED = _("The dispute is accepted and the score corrected.")
MESSAGE_REJECTED = _("The dispute is rejected.")


@login_required
@require_POST
def dispute_create(request: HttpRequest, pk: int) -> HttpResponse:
    review = access_reviews.get_review_or_404(request.user, pk)
    if review.reviewee_id != request.user.pk:
        raise PermissionDenied
    disputed = Dispute.objects.filter(review=review).values("rating_id")
    ratings = list(
        ReviewRating.objects.filter(review=review)
        .exclude(pk__in=disputed)
        .select_related("criterion")
        .order_by("criterion__position")
    )
    form = DisputeForm(request.POST, ratings=ratings)
    if form.is_valid():
        rating = next(r for r in ratings if r.pk == form.cleaned_data["rating"])
        rating.review = review
        try:
            dispute_open(rating=rating, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_DISPUTED)
            return redirect("reviews:detail", review.pk)
    # A point disputed already is no longer a choice, so a second dispute of
    # it fails here with the form's message; the service refuses it too.
    return review_detail_page(request, review, dispute_form=form, status=400)


@login_required
@require_POST
def dispute_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = access_reviews.get_dispute_or_404(request.user, pk)
    review = access_reviews.get_review_or_404(request.user, dispute.review_id)
    if not access_reviews.may_decide_dispute(request.user, review):
        raise PermissionDenied
    form = DisputeDecideForm(
        request.POST, criterion=dispute.rating.criterion, prefix=f"d{dispute.pk}"
    )
    if form.is_valid():
        accept = form.cleaned_data["decision"] == DECISION_ACCEPT
        value, is_na = form.corrected()
        try:
            dispute_decide(
                dispute=dispute,
                accept=accept,
                reason=form.cleaned_data["reason"],
                by=request.user,
                value=value,
                is_na=is_na,
            )
        except ValidationError as exc:
            if exc.code == "decided":
                messages.error(request, exc.messages[0])
                return redirect("reviews:detail", review.pk)
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_ACCEPTED if accept else MESSAGE_REJECTED)
            return redirect("reviews:detail", review.pk)
    return review_detail_page(request, review, decide_form=(dispute.pk, form), status=400)
