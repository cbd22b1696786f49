"""Reads of wow stories and line-ups. The line-up page is one call,
`lineup_page`, with a fixed number of queries whatever the team's size."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from django.core import signing
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from kohtaamo.core.dates import local_midnight
from kohtaamo.feedback.models import FollowUp, FollowUpStatus, Response
from kohtaamo.lineup import checklist
from kohtaamo.lineup.models import (
    Lineup,
    LineupStatus,
    Notice,
    StoryHero,
    StoryStatus,
    WallLink,
    WowStory,
)
from kohtaamo.lineup.privacy import customer_first_name, customer_initials, shorten_customer
from kohtaamo.lineup.services import PROMOTER_FROM, WALL_SALT, secret_hash
from kohtaamo.lineup.streaks import STREAK_LOOKBACK_DAYS, previous_working_day, streak_length
from kohtaamo.org import access, access_lineup
from kohtaamo.org.models import Team, TeamMembership
from kohtaamo.reviews.iqs import IqsResult, iqs_from_summary
from kohtaamo.reviews.models import Review, ReviewKind, ReviewStatus
from kohtaamo.stats import CsatResult, NpsResult, csat_from_counts, nps_from_counts

STORIES_ON_LINEUP = 3
FOLLOWUPS_ON_LINEUP = 8
HISTORY_SHOWN = 20
CANDIDATE_DAYS = 30
CANDIDATES_SHOWN = 20
CANDIDATES_ON_LINEUP = 5


# --- Stories as pages show them -----------------------------------------------------


@dataclass(frozen=True)
class StoryCard:
    """A story ready for a page: its text with the customer shortened."""

    story: WowStory
    text: str
    heroes: list[Any]
    customer_label: str
    thanks: int


def _story_card(story: WowStory, *, initials: bool = False) -> StoryCard:
    customer = story.customer
    label = ""
    text = story.text
    if customer is not None:
        label = customer_initials(customer.name) if initials else customer_first_name(customer.name)
        text = shorten_customer(
            text, name=customer.name, email=customer.email, phone=customer.phone, short=label
        )
    else:
        text = shorten_customer(text, name="", email="", phone="", short="")
    heroes = [row.person for row in story.hero_rows.all()]
    return StoryCard(
        story=story,
        text=text,
        heroes=heroes,
        customer_label=label,
        thanks=getattr(story, "thanks_count", 0),
    )


def _with_card_data(stories: QuerySet[WowStory]) -> QuerySet[WowStory]:
    return (
        stories.select_related("team", "told_by", "customer")
        .prefetch_related(
            Prefetch(
                "hero_rows",
                queryset=StoryHero.objects.select_related("person").order_by("person__first_name"),
            )
        )
        .annotate(thanks_count=Count("thanks", distinct=True))
    )


def story_cards(stories: QuerySet[WowStory], *, initials: bool = False) -> list[StoryCard]:
    return [_story_card(s, initials=initials) for s in _with_card_data(stories)]


def story_card(story: WowStory) -> StoryCard:
    return story_cards(WowStory.objects.filter(pk=story.pk))[0]


def story_list(*, user: Any, status: str | None = None) -> QuerySet[WowStory]:
    stories = access_lineup.visible_stories(user)
    if status:
        stories = stories.filter(status=status)
    return stories.order_by("-created_at", "-pk")


def stories_of_person(*, viewer: Any, person: Any) -> QuerySet[WowStory]:
    """The stories a person is a hero of, as far as the viewer may see them."""
    return (
        access_lineup.visible_stories(viewer)
        .filter(hero_rows__person=person)
        .order_by("-created_at", "-pk")
    )


def has_thanked(*, user: Any, story: WowStory) -> bool:
    return story.thanks.filter(by=user).exists()


def pending_for_approval(*, user: Any) -> QuerySet[WowStory]:
    ids = access_lineup.lineup_team_ids(user)
    stories = WowStory.objects.filter(status=StoryStatus.PENDING)
    if ids is not None:
        stories = stories.filter(team_id__in=ids)
    return stories.order_by("created_at", "pk")


def promoter_candidates(
    *, user: Any, team: Team | None = None, limit: int = CANDIDATES_SHOWN
) -> list[Response]:
    """Promoters' comments of the last weeks in the teams the person runs,
    not yet made into a story."""
    ids = access_lineup.lineup_team_ids(user)
    since = timezone.now() - timedelta(days=CANDIDATE_DAYS)
    answers = Response.objects.filter(
        nps__gte=PROMOTER_FROM, answered_at__gte=since, wow_story__isnull=True
    ).exclude(comment="")
    # By the answer's copy of its encounter's team (feedback.Response.team).
    if ids is not None:
        answers = answers.filter(team_id__in=ids)
    if team is not None:
        answers = answers.filter(team=team)
    answers = answers.select_related(
        "invitation__encounter__staff", "invitation__encounter__team", "invitation__customer"
    ).order_by("-answered_at")
    return list(answers[:limit])


def get_candidate_or_404(*, user: Any, pk: int) -> Response:
    from django.shortcuts import get_object_or_404

    ids = access_lineup.lineup_team_ids(user)
    answers = access.visible_responses(user).select_related("invitation__encounter")
    if ids is not None:
        answers = answers.filter(team_id__in=ids)
    return get_object_or_404(answers, pk=pk)


def unread_notices(*, user: Any) -> int:
    if not access.is_signed_in(user):
        return 0
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def notice_list(*, user: Any) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user).select_related("story", "actor")[:50]


# --- The line-up page ---------------------------------------------------------------


@dataclass(frozen=True)
class TeamReviews:
    """The lead reviews finished in the period: their IQS and critical fails."""

    iqs: IqsResult
    critical_failed: int


@dataclass(frozen=True)
class TeamResults:
    start: date
    end: date
    answers: int
    nps: NpsResult
    csat: CsatResult
    reviews: TeamReviews | None = None


@dataclass(frozen=True)
class FollowUpRow:
    followup: FollowUp
    staff_name: str
    customer_label: str
    is_overdue: bool


@dataclass
class LineupPage:
    team: Team
    day: date
    lineup: Lineup | None
    stories: list[StoryCard]
    checklist: checklist.PointOfDay | None
    results: TeamResults
    followups: list[FollowUpRow]
    followups_waiting: int
    followups_overdue: int
    members: list[Any]
    attendee_ids: set[int]
    streak: int
    history: list[Lineup] = field(default_factory=list)


def team_results(*, team: Team, day: date) -> TeamResults:
    """The answers since the previous working day began: yesterday on most
    days, the whole weekend on a Monday."""
    start = previous_working_day(day)
    totals = Response.objects.filter(
        team=team,
        answered_at__gte=local_midnight(start),
        answered_at__lt=local_midnight(day),
    ).aggregate(
        answers=Count("pk"),
        promoters=Count("pk", filter=Q(nps__gte=9)),
        passives=Count("pk", filter=Q(nps__gte=7, nps__lte=8)),
        detractors=Count("pk", filter=Q(nps__lte=6)),
        csat_n=Count("csat"),
        satisfied=Count("pk", filter=Q(csat__gte=4)),
    )
    return TeamResults(
        start=start,
        end=day - timedelta(days=1),
        answers=totals["answers"],
        nps=nps_from_counts(
            promoters=totals["promoters"],
            passives=totals["passives"],
            detractors=totals["detractors"],
        ),
        csat=csat_from_counts(satisfied=totals["satisfied"], n=totals["csat_n"]),
        reviews=team_reviews(team=team, start=start, day=day),
    )


def team_reviews(*, team: Team, start: date, day: date) -> TeamReviews | None:
    """IQS of the lead reviews of the team's encounters finished since `start`
    (self-reviews are not part of IQS); None when none was finished."""
    totals = Review.objects.filter(
        encounter__team=team,
        kind=ReviewKind.LEAD,
        status=ReviewStatus.FINISHED,
        finished_at__gte=local_midnight(start),
        finished_at__lt=local_midnight(day),
    ).aggregate(
        n=Count("pk"),
        total=Sum("score"),
        squares=Sum(F("score") * F("score")),
        critical=Count("pk", filter=Q(critical_failed=True)),
    )
    if not totals["n"]:
        return None
    return TeamReviews(
        iqs=iqs_from_summary(
            n=totals["n"], total=totals["total"] or 0.0, total_squares=totals["squares"] or 0.0
        ),
        critical_failed=totals["critical"],
    )


def lineup_stories(*, team: Team, day: date, initials: bool = False) -> list[StoryCard]:
    """Up to three approved stories since the last line-up held before the day."""
    previous = (
        Lineup.objects.filter(team=team, status=LineupStatus.HELD, day__lt=day)
        .order_by("-day")
        .values_list("held_at", flat=True)
        .first()
    )
    stories = WowStory.objects.filter(
        team=team, status=StoryStatus.APPROVED, approved_at__lt=local_midnight(day + timedelta(1))
    )
    if previous is not None:
        stories = stories.filter(approved_at__gt=previous)
    return story_cards(
        stories.order_by("-created_at", "-pk")[:STORIES_ON_LINEUP], initials=initials
    )


def _followups(*, team: Team, initials: bool) -> tuple[list[FollowUpRow], int, int]:
    now = timezone.now()
    waiting = FollowUp.objects.filter(team=team, status=FollowUpStatus.OPEN)
    counts = waiting.aggregate(total=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
    rows = []
    for f in waiting.select_related("encounter__staff", "encounter__customer", "response").order_by(
        "due_at", "pk"
    )[:FOLLOWUPS_ON_LINEUP]:
        customer = f.encounter.customer
        name = customer.name if customer is not None else ""
        rows.append(
            FollowUpRow(
                followup=f,
                staff_name=f.encounter.staff.get_full_name(),
                customer_label=customer_initials(name) if initials else customer_first_name(name),
                is_overdue=f.due_at < now,
            )
        )
    return rows, counts["total"], counts["overdue"]


def team_streak(*, team: Team, today: date) -> int:
    held = set(
        Lineup.objects.filter(
            team=team,
            status=LineupStatus.HELD,
            day__gte=today - timedelta(days=STREAK_LOOKBACK_DAYS),
            day__lte=today,
        ).values_list("day", flat=True)
    )
    return streak_length(held_days=held, today=today)


def lineup_history(*, team: Team) -> list[Lineup]:
    return list(
        Lineup.objects.filter(team=team, status=LineupStatus.HELD)
        .annotate(attendee_count=Count("attendees"))
        .order_by("-day")[:HISTORY_SHOWN]
    )


def lineup_page(*, team: Team, day: date, for_wall: bool = False) -> LineupPage:
    """Everything the six sections need. The wall screen asks for initials
    instead of first names and skips the attendance list and history."""
    lineup = Lineup.objects.filter(team=team, day=day).prefetch_related("attendees").first()
    followups, waiting, overdue = _followups(team=team, initials=for_wall)
    members: list[Any] = []
    history: list[Lineup] = []
    if not for_wall:
        members = [
            m.user
            for m in TeamMembership.objects.filter(team=team, user__is_active=True)
            .select_related("user")
            .order_by("user__first_name", "user__last_name")
        ]
        history = lineup_history(team=team)
    return LineupPage(
        team=team,
        day=day,
        lineup=lineup,
        stories=lineup_stories(team=team, day=day, initials=for_wall),
        checklist=checklist.point_of_day(day),
        results=team_results(team=team, day=day),
        followups=followups,
        followups_waiting=waiting,
        followups_overdue=overdue,
        members=members,
        attendee_ids={a.pk for a in lineup.attendees.all()} if lineup else set(),
        streak=team_streak(team=team, today=min(day, timezone.localdate())),
        history=history,
    )


# --- Wall-screen links ---------------------------------------------------------------


class WallRefusal(StrEnum):
    TAMPERED = "tampered"
    UNKNOWN = "unknown"
    REVOKED = "revoked"


def wall_link_by_token(*, token: str) -> tuple[WallLink | None, WallRefusal | None]:
    """The link of a wall-screen token, or why it is refused."""
    if not token or len(token) > 200:
        return None, WallRefusal.TAMPERED
    try:
        secret = signing.Signer(salt=WALL_SALT).unsign(token)
    except signing.BadSignature:
        return None, WallRefusal.TAMPERED
    link = (
        WallLink.objects.select_related("team__unit")
        .filter(secret_hash=secret_hash(secret))
        .first()
    )
    if link is None:
        return None, WallRefusal.UNKNOWN
    if link.revoked_at is not None:
        return None, WallRefusal.REVOKED
    return link, None


def team_wall_links(*, team: Team) -> QuerySet[WallLink]:
    return WallLink.objects.filter(team=team, revoked_at__isnull=True).select_related("created_by")
