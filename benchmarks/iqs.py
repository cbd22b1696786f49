"""Benchmark: IQS of 100,000 reviews by team × month on PostgreSQL (issue 5
asks for under 1 s).

    python benchmarks/iqs.py [--reviews 100000] [--database-url URL]

Builds a scratch database (default postgres://postgres@127.0.0.1:5432/
kohtaamo_reviews_bench; Django creates and drops test_<name>), makes 12 teams
in 3 units with 5 agents and a lead each, and writes N encounters with one
finished lead review each over the last 12 months, with its 10 ratings,
using INSERT … SELECT from generate_series. It then times, as an admin and as
a manager of one unit, the IQS table by team × month for the year and the
weakest/strongest points, and prints the median of 5 runs of each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/kohtaamo_reviews_bench"
    )
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    os.environ["KOHTAAMO_TEST_DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaamo.test_settings")

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        _run(args.reviews)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _run(n: int) -> None:
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from kohtaamo.org.models import TeamMembership, TeamRole, UnitManager
    from kohtaamo.org.services import unit_create
    from kohtaamo.reviews.iqs_selectors import iqs_criteria, iqs_selection, iqs_table
    from kohtaamo.reviews.selectors import scorecard_default

    users = get_user_model()
    admin = users.objects.create(username="admin", email="admin@example.fi", is_superuser=True)
    region = unit_create(name="Alue", code="alue")
    units = [unit_create(name=f"Yksikkö {u}", code=f"u{u}", parent=region) for u in range(3)]
    manager = users.objects.create(username="m", email="m@example.fi", first_name="Manageri")
    UnitManager.objects.create(user=manager, unit=units[0])
    staff: list[tuple[int, int]] = []  # (user id, team id)
    leads: dict[int, int] = {}
    from kohtaamo.org.models import Team

    for t in range(12):
        team = Team.objects.create(name=f"Tiimi {t}", code=f"t{t}", unit=units[t % 3])
        lead = users.objects.create(username=f"l{t}", email=f"l{t}@example.fi")
        TeamMembership.objects.create(user=lead, team=team, role=TeamRole.LEAD)
        leads[team.pk] = lead.pk
        for a in range(5):
            agent = users.objects.create(username=f"a{t}-{a}", email=f"a{t}-{a}@example.fi")
            TeamMembership.objects.create(user=agent, team=team, role=TeamRole.AGENT)
            staff.append((agent.pk, team.pk))
    scorecard = scorecard_default()
    assert scorecard is not None
    now = timezone.now()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_staff (k int, user_id bigint, team_id bigint, lead_id bigint)"
        )
        cursor.executemany(
            "INSERT INTO bench_staff VALUES (%s, %s, %s, %s)",
            [(k, u, t, leads[t]) for k, (u, t) in enumerate(staff)],
        )
        cursor.execute(
            """
            INSERT INTO encounters_encounter (source, external_id, channel, started_at, ended_at,
                staff_id, team_id, topic, outcome, has_transcript, created_at, updated_at)
            SELECT 'bench', 'E' || g, 'phone', %(now)s - (g %% 365) * interval '1 day',
                %(now)s - (g %% 365) * interval '1 day' + interval '7 minutes',
                s.user_id, s.team_id, 'Aihe', 'Ratkaistu', false, %(now)s, %(now)s
            FROM generate_series(1, %(n)s) g JOIN bench_staff s ON s.k = g %% %(staff)s
            """,
            {"now": now, "n": n, "staff": len(staff)},
        )
        cursor.execute(
            """
            INSERT INTO reviews_review (encounter_id, reviewee_id, team_id, reviewer_id, scorecard_id,
                kind, status, overall_comment, score, critical_failed, version, created_at,
                updated_at, finished_at)
            SELECT e.id, e.staff_id, e.team_id, s.lead_id, %(scorecard)s, 'lead', 'finished', '',
                (e.id * 37) %% 101, (e.id %% 41 = 0), 1, e.ended_at, e.ended_at,
                e.ended_at + interval '1 day'
            FROM encounters_encounter e JOIN bench_staff s ON s.user_id = e.staff_id
            WHERE e.source = 'bench'
            """,
            {"scorecard": scorecard.pk},
        )
        cursor.execute(
            """
            INSERT INTO reviews_reviewrating (review_id, criterion_id, value, is_na, comment)
            SELECT r.id, c.id,
                CASE WHEN c.scale = 'yes_no' THEN 1 + ((r.id + c.id) %% 7 > 0)::int
                     WHEN c.scale = '1_3' THEN 1 + (r.id + c.id) %% 3
                     ELSE 1 + (r.id * c.id) %% 5 END,
                false, ''
            FROM reviews_review r CROSS JOIN reviews_criterion c
            WHERE c.scorecard_id = %(scorecard)s
            """,
            {"scorecard": scorecard.pk},
        )
        cursor.execute("ANALYZE")
    sys.stdout.write(
        f"wrote {n} encounters and reviews with ratings in {time.perf_counter() - started:.1f} s\n"
    )
    today = timezone.localdate()
    for label, user in (("admin", admin), ("manager of one unit", manager)):
        reviews = iqs_selection(user=user, date_from=today - timedelta(days=365), date_to=today)
        times, criteria_times = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            rows = iqs_table(reviews=reviews, group_by="team", period="month")
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            standings = iqs_criteria(reviews=reviews)
            criteria_times.append(time.perf_counter() - t0)
        counted = sum(r.result.n for r in rows)
        sys.stdout.write(
            f"IQS team × month as {label}: {len(rows)} rows over {counted} reviews, "
            f"median {1000 * statistics.median(times):.0f} ms; weakest/strongest of "
            f"{len(standings)} points median {1000 * statistics.median(criteria_times):.0f} ms\n"
        )


if __name__ == "__main__":
    main()
