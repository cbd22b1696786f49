"""Benchmark: the server time of a team's line-up page (issue 6).

    python benchmarks/lineup_page.py [--renders 15] [--database-url URL]

Builds, in a fresh database of its own (SQLite in a temporary folder by
default; PostgreSQL with --database-url, which is dropped and created again),
a 50-person team with 90 days of data: four encounters per person per working
day, a survey answer to every fourth, a follow-up for every detractor, three
wow stories a day with thanks, and a line-up held on every working day with
its attendees. It then renders the lead's line-up page and the wall screen
in-process (Django's test client: the time is the server's, without a network)
and prints the median and the slowest of the renders and the number of
queries. The goal is a median under 200 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")

PEOPLE = 50
DAYS = 90
ENCOUNTERS_PER_DAY = 4
ANSWER_EVERY = 4
STORIES_PER_DAY = 3


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)


def _prepare_database(url: str | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kohtaamo-bench-lineup-"))
    os.environ["KOHTAAMO_DATA_DIR"] = str(folder)
    os.environ.setdefault("KOHTAAMO_SECRET_KEY", "benchmark-only-" + "x" * 40)
    if url:
        import psycopg

        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["KOHTAAMO_DATABASE_URL"] = url


def _build() -> tuple[object, object]:
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from kohtaamo.encounters.models import Channel, Customer, Encounter
    from kohtaamo.feedback.models import Invitation, Response, Survey
    from kohtaamo.feedback.services import followup_open, response_copies
    from kohtaamo.feedback.workdays import is_working_day
    from kohtaamo.lineup.models import (
        Lineup,
        LineupStatus,
        StoryHero,
        StoryStatus,
        StoryThanks,
        WowStory,
    )
    from kohtaamo.lineup.services import wall_link_create
    from kohtaamo.org.models import Team, TeamMembership, TeamRole
    from kohtaamo.org.services import unit_create

    User = get_user_model()
    unit = unit_create(name="Hotelli", code="bench-hotel", parent=None)
    team = Team.objects.create(name="Vastaanotto", code="bench-desk", unit=unit)
    people = User.objects.bulk_create(
        User(
            username=f"p{i}@bench.example",
            email=f"p{i}@bench.example",
            first_name=f"Etu{i}",
            last_name=f"Suku{i}",
        )
        for i in range(PEOPLE)
    )
    lead = people[0]
    TeamMembership.objects.bulk_create(
        TeamMembership(user=p, team=team, role=TeamRole.LEAD if p is lead else TeamRole.AGENT)
        for p in people
    )
    customers = Customer.objects.bulk_create(
        Customer(external_id=f"c{i}", name=f"Asiakas Numero{i}", email=f"c{i}@example.com")
        for i in range(2000)
    )
    survey = Survey.objects.create(name="Kysely")
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(DAYS, 0, -1)]
    encounters = []
    for d_index, day in enumerate(days):
        for p_index, person in enumerate(people):
            for k in range(ENCOUNTERS_PER_DAY):
                start = _at(day, 8 + k * 2, p_index % 60)
                encounters.append(
                    Encounter(
                        source="bench",
                        external_id=f"{d_index}-{p_index}-{k}",
                        channel=Channel.PHONE,
                        started_at=start,
                        ended_at=start + timedelta(minutes=6),
                        staff=person,
                        team=team,
                        customer=customers[(d_index * 97 + p_index * 7 + k) % len(customers)],
                    )
                )
    Encounter.objects.bulk_create(encounters, batch_size=2000)
    answered = encounters[::ANSWER_EVERY]
    invitations = Invitation.objects.bulk_create(
        (
            Invitation(
                survey=survey,
                encounter=e,
                customer=e.customer,
                language="fi",
                token_hash=f"{i:064d}",
                created_at=e.started_at,
                expires_at=e.started_at + timedelta(days=14),
                status="answered",
            )
            for i, e in enumerate(answered)
        ),
        batch_size=2000,
    )
    responses = Response.objects.bulk_create(
        (
            Response(
                invitation=inv,
                nps=(i * 7) % 11,
                csat=1 + (i * 3) % 5,
                comment="Kiitos hyvästä palvelusta!" if i % 3 == 0 else "",
                language="fi",
                answered_at=inv.created_at + timedelta(hours=1),
                **response_copies(
                    encounter=inv.encounter, answered_at=inv.created_at + timedelta(hours=1)
                ),
            )
            for i, inv in enumerate(invitations)
        ),
        batch_size=2000,
    )
    by_invitation = {inv.pk: inv for inv in invitations}
    for response in responses:
        if response.nps is not None and response.nps <= 6:
            followup_open(
                response=response, encounter=by_invitation[response.invitation_id].encounter
            )
    stories = []
    for d_index, day in enumerate(days):
        for k in range(STORIES_PER_DAY):
            at = _at(day, 10 + k)
            stories.append(
                WowStory(
                    team=team,
                    told_by=people[(d_index + k) % PEOPLE],
                    text=f"Tarina {d_index}-{k}: asiakas sai avun heti.",
                    status=StoryStatus.APPROVED,
                    created_at=at,
                    approved_at=at + timedelta(minutes=30),
                    approved_by=lead,
                )
            )
    WowStory.objects.bulk_create(stories)
    StoryHero.objects.bulk_create(
        StoryHero(story=s, person=people[(i * 3 + j) % PEOPLE])
        for i, s in enumerate(stories)
        for j in range(2)
    )
    StoryThanks.objects.bulk_create(
        StoryThanks(story=s, by=people[(i * 5 + j + 10) % PEOPLE])
        for i, s in enumerate(stories)
        for j in range(3)
    )
    for day in days:
        if not is_working_day(day):
            continue
        lineup = Lineup.objects.create(
            team=team,
            day=day,
            status=LineupStatus.HELD,
            held_at=_at(day, 9),
            held_by=lead,
            notes="Muistetaan kiittää.",
        )
        lineup.attendees.set(people[: PEOPLE - (day.day % 10)])
    _link, token = wall_link_create(team=team, by=lead)
    print(
        f"data: {PEOPLE} people, {len(encounters)} encounters, {len(responses)} answers, "
        f"{len(stories)} stories, {Lineup.objects.count()} line-ups held"
    )
    return (team, lead), token


def _measure(client: object, url: str, renders: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, secure=True)  # type: ignore[attr-defined]  # warm: templates, the session
    times = []
    queries = 0
    for _ in range(renders):
        with CaptureQueriesContext(connection) as captured:
            started = clock.perf_counter()
            response = client.get(url, secure=True)  # type: ignore[attr-defined]
            times.append((clock.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    return times, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=15)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    _prepare_database(args.database_url)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaamo.settings")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    (team, lead), token = _build()
    client = Client()
    client.force_login(lead)  # type: ignore[arg-type]
    engine = "PostgreSQL" if args.database_url else "SQLite"
    for label, url, who in (
        ("line-up page (lead)", reverse("lineup:team_lineup", kwargs={"pk": team.pk}), client),  # type: ignore[attr-defined]
        ("wall screen", reverse("lineup:wall", kwargs={"token": token}), Client()),
    ):
        times, queries = _measure(who, url, args.renders)
        print(
            f"{label} on {engine}: median {statistics.median(times):.1f} ms, "
            f"slowest {max(times):.1f} ms over {args.renders} renders, {queries} queries"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
