"""Wow stories: telling one, approving, thanking, and a person's stories."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.lineup import selectors, services
from kohtaamo.lineup.forms import StoryForm
from kohtaamo.lineup.models import StoryStatus
from kohtaamo.lineup.views.common import refused
from kohtaamo.org import access, access_lineup

MESSAGE_TOLD_APPROVED = _("Thank you! The story goes to the next line-up.")
MESSAGE_TOLD_PENDING = _("Thank you! The team's lead will look at the story before the line-up.")
MESSAGE_APPROVED = _("The story is approved for the line-up.")
MESSAGE_FROM_PROMOTER = _("The customer's comment is now a wow story for the line-up.")
MESSAGE_THANKED = _("Thank you! The heroes will see your thanks.")
STORIES_SHOWN = 50


def _story_form(request: HttpRequest) -> StoryForm:
    teams = access_lineup.story_teams(request.user)
    people = (
        get_user_model()
        .objects.filter(is_active=True, team_memberships__team__in=teams)
        .distinct()
        .order_by("first_name", "last_name")
    )
    data = request.POST if request.method == "POST" else None
    initial = {}
    if data is None:
        for name in ("team", "encounter"):
            value = request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
    return StoryForm(data, initial=initial, teams=teams, people=people)


@login_required
@require_GET
def story_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "cards": selectors.story_cards(
            selectors.story_list(user=user, status=StoryStatus.APPROVED)[:STORIES_SHOWN]
        ),
        "pending": selectors.story_cards(selectors.pending_for_approval(user=user)),
        "candidates": selectors.promoter_candidates(user=user),
        "may_run": access_lineup.can_run_any_lineup(user),
        "unread_notices": selectors.unread_notices(user=user),
        "section": "stories",
    }
    return render(request, "lineup/story_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def story_new(request: HttpRequest) -> HttpResponse:
    form = _story_form(request)
    if form.is_bound and form.is_valid():
        try:
            story = services.story_tell(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            approved = story.status == StoryStatus.APPROVED
            messages.success(request, MESSAGE_TOLD_APPROVED if approved else MESSAGE_TOLD_PENDING)
            return redirect("lineup:story_detail", pk=story.pk)
    return render(
        request,
        "lineup/story_form.html",
        {"form": form, "section": "stories"},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = access_lineup.get_story_or_404(request.user, pk)
    card = selectors.story_card(story)
    is_hero = any(h.pk == request.user.pk for h in card.heroes)
    return render(
        request,
        "lineup/story_detail.html",
        {
            "card": card,
            "may_see_encounter": story.encounter_id is not None
            and access.visible_encounters(request.user).filter(pk=story.encounter_id).exists(),
            "may_approve": story.status == StoryStatus.PENDING
            and access_lineup.may_approve_story(request.user, story),
            "may_thank": story.status == StoryStatus.APPROVED
            and not is_hero
            and not selectors.has_thanked(user=request.user, story=story),
            "section": "stories",
        },
    )


@login_required
@require_POST
def story_approve(request: HttpRequest, pk: int) -> HttpResponse:
    story = access_lineup.get_story_or_404(request.user, pk)
    try:
        services.story_approve(story=story, by=request.user)
    except ValidationError as exc:
        return refused(
            request, exc.messages[0], status=403 if exc.code == "not_your_lineup" else 400
        )
    messages.success(request, MESSAGE_APPROVED)
    return redirect("lineup:story_detail", pk=story.pk)


@login_required
@require_POST
def story_thank(request: HttpRequest, pk: int) -> HttpResponse:
    story = access_lineup.get_story_or_404(request.user, pk)
    try:
        services.story_thank(story=story, by=request.user)
    except ValidationError as exc:
        return refused(request, exc.messages[0], status=400)
    messages.success(request, MESSAGE_THANKED)
    return redirect("lineup:story_detail", pk=story.pk)


@login_required
@require_POST
def candidate_story(request: HttpRequest, pk: int) -> HttpResponse:
    response = selectors.get_candidate_or_404(user=request.user, pk=pk)
    try:
        story = services.story_from_promoter(by=request.user, response=response)
    except ValidationError as exc:
        return refused(request, exc.messages[0], status=400)
    messages.success(request, MESSAGE_FROM_PROMOTER)
    return redirect("lineup:story_detail", pk=story.pk)


@login_required
@require_GET
def person_stories(request: HttpRequest, pk: int) -> HttpResponse:
    person = access_lineup.get_story_person_or_404(request.user, pk)
    cards = selectors.story_cards(
        selectors.stories_of_person(viewer=request.user, person=person)[:STORIES_SHOWN]
    )
    return render(
        request,
        "lineup/person_stories.html",
        {"person": person, "cards": cards, "section": "stories"},
    )


@login_required
@require_GET
def notices(request: HttpRequest) -> HttpResponse:
    # Opening the list reads the notices: render first, then mark them read.
    notice_list = list(selectors.notice_list(user=request.user))
    services.notices_mark_read(user=request.user)
    return render(request, "lineup/notices.html", {"notices": notice_list, "section": "stories"})
