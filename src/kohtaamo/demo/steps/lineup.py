"""Wow stories over the last weeks for every team, line-ups held on most
working days, and a few thanks (issue 6).

Stories are keyed by team, teller and the time they were told, line-ups by
team and day, thanks by story and colleague, so a re-run updates the same
rows. Every time lies before the demo's midnight, and the line-up of today
is left for the lead to hold.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from kohtaamo.demo.context import DEMO_EMAIL_DOMAIN, DEMO_TIME_ZONE, DemoContext, EncounterRef
from kohtaamo.demo.vocabulary.wow import NOTES_FI, NOTES_SV, STORIES, WowSpec
from kohtaamo.feedback.workdays import is_working_day
from kohtaamo.lineup.models import (
    Lineup,
    LineupStatus,
    Notice,
    NoticeKind,
    StoryHero,
    StorySource,
    StoryStatus,
    StoryThanks,
    WowStory,
)
from kohtaamo.org.models import TeamRole
from kohtaamo.reviews.models import Criterion
from kohtaamo.reviews.selectors import default_checklist_criteria

LABEL = "Wow stories and line-ups"
STORY_WEEKS = 5
STORIES_PER_TEAM = (6, 11)
LINEUP_WORKING_DAYS = 30
HELD_SHARE = 0.85
ALWAYS_HELD_LAST = 4  # the last working days are always held: a streak to show
SWEDISH_SHARE = 0.2


def run(ctx: DemoContext) -> str:
    rng = ctx.rng("lineup")
    points = {c.code: c for c in default_checklist_criteria()}
    first_names = {ref.user_id: ref.first_name for ref in ctx.staff.values()}
    customers = {c.customer_id: c.first_name for c in ctx.customers}
    by_team_staff: dict[tuple[str, int], list[EncounterRef]] = {}
    for ref in ctx.encounters:
        by_team_staff.setdefault((ref.team_code, ref.staff_id), []).append(ref)
    stories = lineups = thanks = 0
    for team_code, team_id in sorted(ctx.team_ids.items()):
        members = ctx.team_members.get(team_code, [])
        leads = [pk for pk, role in members if role == TeamRole.LEAD]
        if not members or not leads:
            continue
        made = _team_stories(
            ctx, rng, team_id, team_code, members, leads[0], points, first_names, customers,
            by_team_staff,
        )  # fmt: skip
        stories += len(made)
        thanks += _thanks(rng, made, [pk for pk, _role in members])
        lineups += _lineups(ctx, rng, team_id, [pk for pk, _role in members], leads[0])
    _stale_stories_remove(current_staff=set(ctx.staff))
    return f"{stories} stories, {lineups} line-ups held, {thanks} thanks"


def _stale_stories_remove(*, current_staff: set[int]) -> None:
    """Stories told by demo people of another seed go, so that the tidy step
    can remove those people; stories anyone else told stay."""
    WowStory.objects.filter(told_by__email__endswith=f"@{DEMO_EMAIL_DOMAIN}").exclude(
        told_by_id__in=current_staff
    ).delete()


def _story_times(ctx: DemoContext, rng: random.Random) -> list[datetime]:
    count = rng.randint(*STORIES_PER_TEAM)
    times = []
    for _ in range(count - 1):
        day = ctx.today - timedelta(days=rng.randint(2, STORY_WEEKS * 7))
        times.append(_local(day, rng.randint(8, 19), rng.randint(0, 59)))
    # One from yesterday afternoon, so today's line-up has a story to tell.
    times.append(_local(ctx.today - timedelta(days=1), 15, rng.randint(0, 59)))
    return sorted(times)


def _local(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=DEMO_TIME_ZONE)


def _team_stories(
    ctx: DemoContext,
    rng: random.Random,
    team_id: int,
    team_code: str,
    members: list[tuple[int, str]],
    lead_id: int,
    points: dict[str, Criterion],
    first_names: dict[int, str],
    customers: dict[int, str],
    by_team_staff: dict[tuple[str, int], list[EncounterRef]],
) -> list[WowStory]:
    swedish = [s for s in STORIES if s.language == "sv"]
    finnish = [s for s in STORIES if s.language == "fi"]
    people = [pk for pk, _role in members]
    made = []
    times = _story_times(ctx, rng)
    for number, told_at in enumerate(times):
        spec: WowSpec = rng.choice(swedish if rng.random() < SWEDISH_SHARE else finnish)
        hero = rng.choice(people)
        heroes = {hero}
        if len(people) > 2 and rng.random() < 0.2:
            heroes.add(rng.choice(people))
        teller = rng.choice([pk for pk in people if pk not in heroes] or [lead_id])
        encounter = _encounter_before(by_team_staff.get((team_code, hero), []), told_at, rng)
        customer_id = encounter.customer_id if encounter else None
        text = spec.text.format(
            hero=first_names.get(hero, ""),
            customer=customers.get(customer_id, "Asiakas" if spec.language == "fi" else "Kunden")
            if customer_id
            else ("Asiakas" if spec.language == "fi" else "Kunden"),
        )
        # The newest story of a few teams still waits for the lead.
        pending = number == len(times) - 2 and rng.random() < 0.5
        approved_at = None if pending else told_at + timedelta(minutes=rng.randint(20, 240))
        if approved_at is not None and approved_at >= ctx.anchor:
            approved_at = ctx.anchor - timedelta(minutes=5)
        story, _created = WowStory.objects.update_or_create(
            team_id=team_id,
            told_by_id=teller,
            created_at=told_at,
            defaults={
                "text": text,
                "encounter_id": encounter.encounter_id if encounter else None,
                "customer_id": customer_id,
                "criterion": points.get(spec.point),
                "source": StorySource.COLLEAGUE,
                "status": StoryStatus.PENDING if pending else StoryStatus.APPROVED,
                "approved_at": approved_at,
                "approved_by_id": None if pending else lead_id,
            },
        )
        StoryHero.objects.filter(story=story).exclude(person_id__in=heroes).delete()
        for pk in sorted(heroes):
            StoryHero.objects.get_or_create(story=story, person_id=pk)
        made.append(story)
    return made


def _encounter_before(
    refs: list[EncounterRef], moment: datetime, rng: random.Random
) -> EncounterRef | None:
    recent = [
        r
        for r in refs
        if moment - timedelta(days=3) <= r.started_at < moment and r.customer_id is not None
    ]
    return rng.choice(recent) if recent and rng.random() < 0.7 else None


def _thanks(rng: random.Random, stories: list[WowStory], people: list[int]) -> int:
    count = 0
    for story in stories:
        if story.status != StoryStatus.APPROVED or rng.random() > 0.4:
            continue
        heroes = set(story.hero_rows.values_list("person_id", flat=True))
        for colleague in rng.sample(people, k=min(len(people), rng.randint(1, 3))):
            if colleague in heroes:
                continue
            at = (story.approved_at or story.created_at) + timedelta(hours=rng.randint(1, 20))
            _row, created = StoryThanks.objects.get_or_create(
                story=story, by_id=colleague, defaults={"created_at": at}
            )
            if created:
                Notice.objects.bulk_create(
                    Notice(
                        recipient_id=pk,
                        kind=NoticeKind.THANKED,
                        story=story,
                        actor_id=colleague,
                        created_at=at,
                        read_at=at + timedelta(hours=2),
                    )
                    for pk in sorted(heroes)
                )
            count += 1
    return count


def _lineups(
    ctx: DemoContext, rng: random.Random, team_id: int, people: list[int], lead_id: int
) -> int:
    days: list[date] = []
    day = ctx.today - timedelta(days=1)
    while len(days) < LINEUP_WORKING_DAYS:
        if is_working_day(day):
            days.append(day)
        day -= timedelta(days=1)
    held = 0
    for index, day in enumerate(days):
        if index >= ALWAYS_HELD_LAST and rng.random() > HELD_SHARE:
            continue
        attendees = [pk for pk in people if pk == lead_id or rng.random() < 0.75]
        notes = ""
        if rng.random() < 0.35:
            notes = rng.choice(NOTES_SV if rng.random() < SWEDISH_SHARE else NOTES_FI)
        lineup, _created = Lineup.objects.update_or_create(
            team_id=team_id,
            day=day,
            defaults={
                "notes": notes,
                "status": LineupStatus.HELD,
                "held_at": _local(day, 9, rng.randint(0, 10)),
                "held_by_id": lead_id,
            },
        )
        lineup.attendees.set(attendees)
        held += 1
    return held
