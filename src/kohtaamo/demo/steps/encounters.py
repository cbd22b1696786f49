"""Twenty thousand encounters over the last ninety days.

Each team meets customers when a team of its kind would: front desks round
the clock with peaks at check-out and check-in, the phone service on office
hours and never on Sundays or public holidays, the spa busiest at weekends,
Rovaniemi getting busier as Christmas comes. An agent only works their shift,
regular customers come back, and Swedish and English speakers turn up where
they would.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import accumulate

import holidays
from django.db.models import Q

from kohtaamo.demo.context import (
    DEMO_SOURCE,
    DEMO_TIME_ZONE,
    CustomerRef,
    DemoContext,
    EncounterRef,
)
from kohtaamo.demo.vocabulary.activity import (
    ACTIVITIES,
    ANONYMOUS_SHARE,
    DURATION_MINUTES,
    SHIFTS,
    Activity,
)
from kohtaamo.demo.vocabulary.organisation import TEAMS, TeamSpec
from kohtaamo.demo.vocabulary.topics import TOPICS
from kohtaamo.encounters.models import Encounter, Language
from kohtaamo.org.models import TeamRole

LABEL = "Encounters"
BATCH_SIZE = 1000
EXTERNAL_ID_DIGITS = 6


def encounter_external_id(number: int) -> str:
    return f"{number:0{EXTERNAL_ID_DIGITS}d}"


class Weighted[T]:
    """Draw from fixed weights many times without rebuilding the table."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random) -> T:
        return rng.choices(self.items, cum_weights=self.cum)[0]

    def draw_many(self, rng: random.Random, k: int) -> list[T]:
        return rng.choices(self.items, cum_weights=self.cum, k=k)


def split_by_weight(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Whole numbers in proportion to the weights that add up to the total."""
    scale = sum(weights.values())
    exact = {key: total * w / scale for key, w in weights.items()}
    counts = {key: math.floor(value) for key, value in exact.items()}
    by_remainder = sorted(exact, key=lambda key: (counts[key] - exact[key], key))
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def run(ctx: DemoContext) -> str:
    rng = ctx.rng("encounters")
    days = [ctx.today - timedelta(days=n) for n in range(ctx.scale.days, 0, -1)]
    public_holidays = holidays.Finland(years={d.year for d in days})
    per_team = split_by_weight(ctx.scale.encounters, {t.code: t.volume for t in TEAMS})
    customer_pools = _customer_pools(ctx.customers, rng)

    drafts: list[Encounter] = []
    topic_keys: list[str] = []
    for team in TEAMS:
        activity = ACTIVITIES[team.kind]
        slots = _opening_hours(activity, team, days, public_holidays)
        staff_by_hour = _staff_on_duty(ctx.team_members[team.code], activity, rng)
        channels = Weighted(list(activity.channels), list(activity.channels.values()))
        topics = Weighted(list(activity.topics), list(activity.topics.values()))
        languages = Weighted([Language.FI, Language.SV, Language.EN], team.languages)
        for slot in slots.draw_many(rng, per_team[team.code]):
            started = slot + timedelta(seconds=rng.randrange(3600))
            channel = channels.draw(rng)
            topic = topics.draw(rng)
            customer_id = None
            if customer_pools and rng.random() >= ANONYMOUS_SHARE[channel]:
                pool = customer_pools.get(languages.draw(rng)) or customer_pools["any"]
                customer_id = pool.draw(rng)
            median, spread = DURATION_MINUTES[channel]
            minutes = min(60.0, max(0.5, rng.lognormvariate(math.log(median), spread)))
            outcomes = TOPICS[topic].outcomes
            drafts.append(
                Encounter(
                    source=DEMO_SOURCE,
                    channel=channel,
                    started_at=started,
                    ended_at=started + timedelta(seconds=round(minutes * 60)),
                    staff_id=staff_by_hour[started.hour].draw(rng),
                    team_id=ctx.team_ids[team.code],
                    customer_id=customer_id,
                    topic=TOPICS[topic].label,
                    outcome=rng.choices([o for o, _ in outcomes], [w for _, w in outcomes])[0],
                    has_transcript=False,
                )
            )
            topic_keys.append(topic)

    # Numbered in time order, so that a re-run with the same seed upserts
    # each encounter onto itself.
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].started_at, drafts[i].team_id))
    drafts = [drafts[i] for i in order]
    topic_keys = [topic_keys[i] for i in order]
    for number, draft in enumerate(drafts, start=1):
        draft.external_id = encounter_external_id(number)
    _previous_leftovers_delete(last_external_id=encounter_external_id(len(drafts)))
    saved = Encounter.objects.bulk_create(
        drafts,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["source", "external_id"],
        update_fields=[
            "channel",
            "started_at",
            "ended_at",
            "staff",
            "team",
            "customer",
            "topic",
            "outcome",
            "has_transcript",
            "updated_at",
        ],
    )
    code_by_team_id = {team_id: code for code, team_id in ctx.team_ids.items()}
    ctx.encounters = [
        EncounterRef(
            encounter_id=e.pk,
            external_id=e.external_id,
            channel=e.channel,
            started_at=e.started_at,
            ended_at=e.ended_at or e.started_at,
            staff_id=e.staff_id,
            team_code=code_by_team_id[e.team_id],
            customer_id=e.customer_id,
            topic_key=topic_key,
            outcome=e.outcome,
        )
        for e, topic_key in zip(saved, topic_keys, strict=True)
    ]
    ctx.counts["encounters"] = len(saved)
    return str(len(saved))


def _previous_leftovers_delete(*, last_external_id: str) -> None:
    """Remove demo encounters a larger earlier run made beyond this run's range."""
    Encounter.objects.filter(source=DEMO_SOURCE).filter(
        Q(external_id__gt=last_external_id)
        | ~Q(external_id__regex=rf"^[0-9]{{{EXTERNAL_ID_DIGITS}}}$")
    ).delete()


def _opening_hours(
    activity: Activity, team: TeamSpec, days: list[date], public_holidays: holidays.HolidayBase
) -> Weighted[datetime]:
    """Every hour of the period, weighted by how busy the team is then."""
    slots: list[datetime] = []
    weights: list[float] = []
    for index, day in enumerate(days):
        if activity.closed_on_holidays and day in public_holidays:
            continue
        weekday = day.weekday()
        day_weight = activity.weekdays[weekday]
        if team.busier_towards_christmas:
            day_weight *= 0.6 + 0.8 * index / len(days)
        for hour, hour_weight in enumerate(activity.hours):
            if weekday == 5 and activity.saturday_hours is not None:
                opens, closes = activity.saturday_hours
                if not opens <= hour < closes:
                    continue
            if hour_weight * day_weight > 0:
                slots.append(datetime.combine(day, time(hour), tzinfo=DEMO_TIME_ZONE))
                weights.append(hour_weight * day_weight)
    return Weighted(slots, weights)


def _staff_on_duty(
    members: list[tuple[int, str]], activity: Activity, rng: random.Random
) -> list[Weighted[int]]:
    """For each hour of the day, who of the team may be serving, and how busy
    each one is (some agents simply take more contacts than others)."""
    shift_names = list(SHIFTS)
    agents = [user_id for user_id, role in members if role == TeamRole.AGENT]
    rng.shuffle(agents)
    shift_of = {user_id: shift_names[i % len(shift_names)] for i, user_id in enumerate(agents)}
    pace = {user_id: rng.uniform(0.6, 1.4) for user_id, _ in members}
    by_hour = []
    for hour in range(24):
        on_duty: list[int] = []
        weights: list[float] = []
        for user_id, role in members:
            if activity.shifts:
                # Leads work days; agents rotate through the three shifts.
                first, last = SHIFTS[shift_of.get(user_id, "aamu")]
                if not (first <= hour < last or first <= hour + 24 < last):
                    continue
            on_duty.append(user_id)
            weights.append(pace[user_id] * (0.3 if role == TeamRole.LEAD else 1.0))
        if not on_duty:
            on_duty, weights = [m[0] for m in members], [1.0] * len(members)
        by_hour.append(Weighted(on_duty, weights))
    return by_hour


def _customer_pools(customers: list[CustomerRef], rng: random.Random) -> dict[str, Weighted[int]]:
    """Customers by language, a few of them regulars who come back often."""
    if not customers:
        return {}
    pools: dict[str, Weighted[int]] = {}
    groups: dict[str, list[int]] = {"any": []}
    for customer in customers:
        groups.setdefault(customer.language, []).append(customer.customer_id)
        groups["any"].append(customer.customer_id)
    for language, ids in groups.items():
        ids = ids[:]
        rng.shuffle(ids)
        pools[language] = Weighted(ids, [1 / (rank + 8) ** 0.8 for rank in range(len(ids))])
    return pools
