"""Calibration sessions: the list and a new one, a session, scoring an
encounter, the agreed score and closing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.encounters.selectors import encounter_transcript
from kohtaamo.org import access, access_reviews
from kohtaamo.reviews.calibration_results import (
    calibration_flagged_reviewers,
    calibration_is_complete,
    calibration_progress,
    calibration_results,
    deviation_bound,
)
from kohtaamo.reviews.forms import (
    NA_CHOICE,
    CalibrationAgreeForm,
    CalibrationCreateForm,
    CalibrationScoreForm,
)
from kohtaamo.reviews.models import (
    CalibrationItem,
    CalibrationParticipant,
    CalibrationRating,
    CalibrationScore,
    CalibrationSession,
)
from kohtaamo.reviews.selectors import scorecard_criteria
from kohtaamo.reviews.services import (
    calibration_agree,
    calibration_close,
    calibration_create,
    calibration_score_submit,
)

MESSAGE_CREATED = _("The session is ready; its reviewers can now score the encounters.")
MESSAGE_SCORED = _("Your score is saved. The others do not see it until everyone has scored.")
MESSAGE_AGREED = _("The agreed score is recorded.")
MESSAGE_CLOSED = _("The session is closed.")


def _list_page(
    request: HttpRequest, form: CalibrationCreateForm, status: int = 200
) -> HttpResponse:
    teams = access_reviews.assignable_teams(request.user)
    may_create = teams.exists()
    return render(
        request,
        "reviews/calibration_list.html",
        {
            "sessions": list(access_reviews.visible_calibrations(request.user)[:50]),
            "form": form if may_create else None,
            "flagged": calibration_flagged_reviewers(user=request.user) if may_create else [],
            "bound": deviation_bound(),
            "section": "reviews",
        },
        status=status,
    )


def _create_form(request: HttpRequest, data: Any = None) -> CalibrationCreateForm:
    return CalibrationCreateForm(
        data,
        teams=access_reviews.assignable_teams(request.user),
        people=access.visible_people(request.user).order_by("first_name", "last_name"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def calibrations(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _list_page(request, _create_form(request))
    if not access_reviews.assignable_teams(request.user).exists():
        raise PermissionDenied
    form = _create_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            session = calibration_create(
                name=data["name"],
                team=data["team"],
                encounter_count=data["encounter_count"],
                reviewers=list(data["reviewers"]),
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_CREATED)
            return redirect("reviews:calibration_detail", session.pk)
    return _list_page(request, form, status=400)


def _detail_page(
    request: HttpRequest,
    session: CalibrationSession,
    *,
    agree_form: tuple[int, CalibrationAgreeForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    complete = calibration_is_complete(session=session)
    show_results = complete or not session.is_open
    items = list(CalibrationItem.objects.filter(session=session).select_related("encounter__staff"))
    mine = set(
        CalibrationScore.objects.filter(
            item__session=session, reviewer_id=request.user.pk
        ).values_list("item_id", flat=True)
    )
    is_facilitator = session.facilitator_id == request.user.pk
    for item in items:
        item.scored_by_me = item.pk in mine  # type: ignore[attr-defined]
        if is_facilitator and session.is_open:
            bound = agree_form[1] if agree_form and agree_form[0] == item.pk else None
            item.agree_form = bound or CalibrationAgreeForm(  # type: ignore[attr-defined]
                prefix=f"i{item.pk}",
                initial={"score": item.agreed_score, "note": item.agreed_note},
            )
    participants = list(
        CalibrationParticipant.objects.filter(session=session).select_related("user").order_by("pk")
    )
    progress = calibration_progress(session=session)
    return render(
        request,
        "reviews/calibration_detail.html",
        {
            "session": session,
            "items": items,
            "participants": [(p.user, progress.get(p.user_id, 0)) for p in participants],
            "is_participant": access_reviews.is_calibration_participant(request.user, session),
            "is_facilitator": is_facilitator,
            "results": calibration_results(session=session) if show_results else None,
            "bound": deviation_bound(),
            "section": "reviews",
        },
        status=status,
    )


@login_required
@require_GET
def calibration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, access_reviews.get_calibration_or_404(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def calibration_score(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    session = access_reviews.get_calibration_or_404(request.user, pk)
    item = get_object_or_404(
        CalibrationItem.objects.select_related(
            "encounter__staff", "encounter__team__unit", "encounter__customer"
        ),
        session=session,
        pk=item_pk,
    )
    if not access_reviews.is_calibration_participant(request.user, session):
        raise PermissionDenied
    criteria = scorecard_criteria(scorecard=session.scorecard)
    status = 200
    if request.method == "POST":
        form = CalibrationScoreForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                calibration_score_submit(
                    item=item,
                    by=request.user,
                    ratings=form.ratings(),
                    comment=form.cleaned_data["overall_comment"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                messages.success(request, MESSAGE_SCORED)
                return redirect("reviews:calibration_detail", session.pk)
        else:
            status = 400
    else:
        initial: dict[str, Any] = {}
        mine = CalibrationScore.objects.filter(item=item, reviewer_id=request.user.pk).first()
        if mine is not None:
            initial["overall_comment"] = mine.comment
            for rating in CalibrationRating.objects.filter(scored=mine):
                initial[f"rating-{rating.criterion_id}"] = (
                    NA_CHOICE if rating.is_na else str(rating.value)
                )
        form = CalibrationScoreForm(initial=initial, criteria=criteria)
    return render(
        request,
        "reviews/calibration_score.html",
        {
            "session": session,
            "item": item,
            "encounter": item.encounter,
            "turns": list(encounter_transcript(encounter=item.encounter)),
            "scorecard": session.scorecard,
            "form": form,
            "section": "reviews",
        },
        status=status,
    )


@login_required
@require_POST
def calibration_agree_view(request: HttpRequest, item_pk: int) -> HttpResponse:
    item = get_object_or_404(CalibrationItem, pk=item_pk)
    session = access_reviews.get_calibration_or_404(request.user, item.session_id)
    if session.facilitator_id != request.user.pk:
        raise PermissionDenied
    form = CalibrationAgreeForm(request.POST, prefix=f"i{item.pk}")
    if form.is_valid():
        try:
            calibration_agree(
                item=item,
                score=form.cleaned_data["score"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as exc:
            if exc.code != "closed":
                raise
            messages.error(request, exc.messages[0])
            return redirect("reviews:calibration_detail", session.pk)
        messages.success(request, MESSAGE_AGREED)
        return redirect("reviews:calibration_detail", session.pk)
    if not session.is_open:
        raise Http404
    return _detail_page(request, session, agree_form=(item.pk, form), status=400)


@login_required
@require_POST
def calibration_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_reviews.get_calibration_or_404(request.user, pk)
    try:
        calibration_close(session=session, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, MESSAGE_CLOSED)
    return redirect("reviews:calibration_detail", session.pk)
