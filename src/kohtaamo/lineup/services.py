"""Writes of wow stories and line-ups. Every rule a person can break has a
message constant here, which the views show and the tests assert."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.core.hashing import secret_digest
from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.feedback.models import Response
from kohtaamo.lineup.models import (
    NOTES_MAX_LENGTH,
    STORY_MAX_LENGTH,
    Lineup,
    LineupStatus,
    Notice,
    NoticeKind,
    StoryHero,
    StorySource,
    StoryStatus,
    StoryThanks,
    TeamLineupSettings,
    WallLink,
    WowStory,
)
from kohtaamo.org import access, access_lineup
from kohtaamo.org.models import Team, TeamMembership
from kohtaamo.reviews.models import Criterion

ERROR_EMPTY_STORY = _("Tell what happened: the story cannot be empty.")
ERROR_STORY_TOO_LONG = _("A story can be at most %(limit_value)s characters long.")
ERROR_NO_HEROES = _("Name at least one colleague who made it happen.")
ERROR_HERO_NOT_IN_TEAM = _("Everyone named as a hero must belong to the team.")
ERROR_TEAM_NOT_YOURS = _("You can tell stories only for your own teams.")
ERROR_ENCOUNTER_NOT_VISIBLE = _("You cannot tell a story about that encounter.")
ERROR_CUSTOMER_NOT_VISIBLE = _("You cannot tell a story about that customer.")
ERROR_ENCOUNTER_OTHER_TEAM = _("The encounter belongs to another team.")
ERROR_NOT_YOUR_LINEUP = _("Only the team's lead can do this for the team's line-up.")
ERROR_ALREADY_APPROVED = _("This story is already approved.")
ERROR_NOT_A_CANDIDATE = _("Only a promoter's answer with a comment can become a wow story.")
ERROR_ALREADY_A_STORY = _("This answer is already a wow story.")
ERROR_THANK_YOURSELF = _("You are one of the heroes of this story: let others thank you.")
ERROR_ALREADY_THANKED = _("You have already thanked the heroes of this story.")
ERROR_NOT_APPROVED = _("Only approved stories can be thanked.")
ERROR_NOTES_TOO_LONG = _("The notes can be at most %(limit_value)s characters long.")
ERROR_ATTENDEE_NOT_IN_TEAM = _("Only the team's members can be marked as attending.")
ERROR_NO_ATTENDEES = _("Mark at least one person who attended.")
ERROR_FUTURE_LINEUP = _("A line-up cannot be marked held before its day.")
ERROR_LINK_REVOKED = _("This wall-screen link has been revoked.")

PROMOTER_FROM = 9
WALL_SALT = "kohtaamo.lineup.wall"
WALL_SEEN_EVERY = timedelta(minutes=1)


def _check_runner(*, team: Team, by: Any) -> None:
    if not access_lineup.may_run_lineup(by, team):
        raise ValidationError(ERROR_NOT_YOUR_LINEUP, code="not_your_lineup")


def _clean_text(text: str, *, limit: int, empty: Any, too_long: Any) -> str:
    text = (text or "").strip()
    if empty is not None and not text:
        raise ValidationError(empty, code="empty")
    if len(text) > limit:
        raise ValidationError(too_long, code="too_long", params={"limit_value": limit})
    return text


def auto_approves(team: Team) -> bool:
    return TeamLineupSettings.objects.filter(team=team, auto_approve_stories=True).exists()


def _notify(*, story: WowStory, kind: str, actor: Any, skip: Iterable[int] = ()) -> None:
    hero_ids = [pk for pk in story.hero_rows.values_list("person_id", flat=True) if pk not in skip]
    Notice.objects.bulk_create(
        Notice(recipient_id=pk, kind=kind, story=story, actor=actor) for pk in hero_ids
    )


def story_tell(
    *,
    by: Any,
    team: Team,
    text: str,
    heroes: Iterable[Any],
    encounter: Encounter | None = None,
    customer: Customer | None = None,
    criterion: Criterion | None = None,
) -> WowStory:
    """A new story. It goes straight to the line-up when the team auto-approves
    or when the teller runs the team's line-up; otherwise it waits for the lead."""
    text = _clean_text(
        text, limit=STORY_MAX_LENGTH, empty=ERROR_EMPTY_STORY, too_long=ERROR_STORY_TOO_LONG
    )
    if not access_lineup.story_teams(by).filter(pk=team.pk).exists():
        raise ValidationError(ERROR_TEAM_NOT_YOURS, code="team_not_yours")
    hero_ids = sorted({h.pk for h in heroes})
    if not hero_ids:
        raise ValidationError(ERROR_NO_HEROES, code="no_heroes")
    members = set(
        TeamMembership.objects.filter(team=team, user_id__in=hero_ids).values_list(
            "user_id", flat=True
        )
    )
    if members != set(hero_ids):
        raise ValidationError(ERROR_HERO_NOT_IN_TEAM, code="hero_not_in_team")
    if encounter is not None:
        if not access.visible_encounters(by).filter(pk=encounter.pk).exists():
            raise ValidationError(ERROR_ENCOUNTER_NOT_VISIBLE, code="encounter_not_visible")
        if encounter.team_id != team.pk:
            raise ValidationError(ERROR_ENCOUNTER_OTHER_TEAM, code="encounter_other_team")
        if customer is None and encounter.customer_id is not None:
            customer = Customer.objects.get(pk=encounter.customer_id)
    if customer is not None and not (
        (encounter is not None and encounter.customer_id == customer.pk)
        or access.visible_customers(by).filter(pk=customer.pk).exists()
    ):
        raise ValidationError(ERROR_CUSTOMER_NOT_VISIBLE, code="customer_not_visible")
    approved = access_lineup.may_run_lineup(by, team) or auto_approves(team)
    now = timezone.now()
    with transaction.atomic():
        story = WowStory.objects.create(
            team=team,
            told_by=by,
            text=text,
            encounter=encounter,
            customer=customer,
            source=StorySource.COLLEAGUE,
            status=StoryStatus.APPROVED if approved else StoryStatus.PENDING,
            created_at=now,
            approved_at=now if approved else None,
            approved_by=by if approved and access_lineup.may_run_lineup(by, team) else None,
            criterion=criterion,
        )
        StoryHero.objects.bulk_create(StoryHero(story=story, person_id=pk) for pk in hero_ids)
        if approved:
            _notify(story=story, kind=NoticeKind.STORY_APPROVED, actor=by, skip=[by.pk])
    return story


def story_from_promoter(*, by: Any, response: Response) -> WowStory:
    """One click: a promoter's comment becomes an approved story that credits
    the staff member of the encounter."""
    encounter = response.invitation.encounter
    team = Team.objects.get(pk=encounter.team_id)
    _check_runner(team=team, by=by)
    if response.nps is None or response.nps < PROMOTER_FROM or not response.comment.strip():
        raise ValidationError(ERROR_NOT_A_CANDIDATE, code="not_a_candidate")
    now = timezone.now()
    try:
        with transaction.atomic():
            story = WowStory.objects.create(
                team=team,
                told_by=by,
                text=response.comment.strip()[:STORY_MAX_LENGTH],
                encounter=encounter,
                customer_id=encounter.customer_id,
                response=response,
                source=StorySource.PROMOTER,
                status=StoryStatus.APPROVED,
                created_at=now,
                approved_at=now,
                approved_by=by,
            )
            StoryHero.objects.create(story=story, person_id=encounter.staff_id)
            _notify(story=story, kind=NoticeKind.STORY_APPROVED, actor=by, skip=[by.pk])
    except IntegrityError as exc:
        # Two clicks racing: the one-story-per-answer column keeps one.
        raise ValidationError(ERROR_ALREADY_A_STORY, code="already_a_story") from exc
    return story


def story_approve(*, story: WowStory, by: Any) -> WowStory:
    _check_runner(team=story.team, by=by)
    now = timezone.now()
    with transaction.atomic():
        updated = WowStory.objects.filter(pk=story.pk, status=StoryStatus.PENDING).update(
            status=StoryStatus.APPROVED, approved_at=now, approved_by=by
        )
        if not updated:
            raise ValidationError(ERROR_ALREADY_APPROVED, code="already_approved")
        _notify(story=story, kind=NoticeKind.STORY_APPROVED, actor=by, skip=[by.pk])
    story.status, story.approved_at, story.approved_by = StoryStatus.APPROVED, now, by
    return story


def story_thank(*, story: WowStory, by: Any) -> StoryThanks:
    """A colleague thanks the heroes; each hero gets a notice."""
    if story.status != StoryStatus.APPROVED:
        raise ValidationError(ERROR_NOT_APPROVED, code="not_approved")
    if story.hero_rows.filter(person_id=by.pk).exists():
        raise ValidationError(ERROR_THANK_YOURSELF, code="thank_yourself")
    try:
        with transaction.atomic():
            thanks = StoryThanks.objects.create(story=story, by=by)
            _notify(story=story, kind=NoticeKind.THANKED, actor=by)
    except IntegrityError as exc:
        raise ValidationError(ERROR_ALREADY_THANKED, code="already_thanked") from exc
    return thanks


def notices_mark_read(*, user: Any) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def lineup_settings_update(*, team: Team, by: Any, auto_approve_stories: bool) -> None:
    _check_runner(team=team, by=by)
    TeamLineupSettings.objects.update_or_create(
        team=team, defaults={"auto_approve_stories": auto_approve_stories}
    )


def lineup_notes_save(*, team: Team, day: date, notes: str, by: Any) -> Lineup:
    _check_runner(team=team, by=by)
    notes = _clean_text(notes, limit=NOTES_MAX_LENGTH, empty=None, too_long=ERROR_NOTES_TOO_LONG)
    lineup, _created = Lineup.objects.update_or_create(
        team=team, day=day, defaults={"notes": notes}
    )
    return lineup


def lineup_mark_held(*, team: Team, day: date, attendees: Iterable[Any], by: Any) -> Lineup:
    """Mark the day's line-up held with who attended; marking again corrects
    the attendance."""
    _check_runner(team=team, by=by)
    if day > timezone.localdate():
        raise ValidationError(ERROR_FUTURE_LINEUP, code="future")
    ids = {a.pk for a in attendees}
    if not ids:
        raise ValidationError(ERROR_NO_ATTENDEES, code="no_attendees")
    members = set(
        TeamMembership.objects.filter(team=team, user_id__in=ids).values_list("user_id", flat=True)
    )
    if members != ids:
        raise ValidationError(ERROR_ATTENDEE_NOT_IN_TEAM, code="attendee_not_in_team")
    with transaction.atomic():
        lineup, _created = Lineup.objects.select_for_update().get_or_create(team=team, day=day)
        lineup.status = LineupStatus.HELD
        lineup.held_at = lineup.held_at or timezone.now()
        lineup.held_by = by
        lineup.save(update_fields=["status", "held_at", "held_by"])
        lineup.attendees.set(ids)
    return lineup


# --- Wall-screen links ------------------------------------------------------------


# A wall screen's secret as stored (one place for every stored secret).
secret_hash = secret_digest


def wall_token_sign(secret: str) -> str:
    """The link carries the secret signed with the site's key, so that a
    tampered link is told apart from an unknown one without a database hit."""
    return signing.Signer(salt=WALL_SALT).sign(secret)


def wall_link_create(*, team: Team, by: Any) -> tuple[WallLink, str]:
    """A new link and its token, returned once: only the secret's hash is kept."""
    _check_runner(team=team, by=by)
    secret = secrets.token_urlsafe(32)
    link = WallLink.objects.create(team=team, secret_hash=secret_hash(secret), created_by=by)
    return link, wall_token_sign(secret)


def wall_link_seen(*, link: WallLink) -> None:
    """Note when a screen last opened the link (at most once a minute), so
    that the lead sees which links are still in use."""
    now = timezone.now()
    if link.last_seen_at is None or now - link.last_seen_at >= WALL_SEEN_EVERY:
        WallLink.objects.filter(pk=link.pk).update(last_seen_at=now)
        link.last_seen_at = now


def wall_link_revoke(*, link: WallLink, by: Any) -> WallLink:
    _check_runner(team=link.team, by=by)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = by
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link
