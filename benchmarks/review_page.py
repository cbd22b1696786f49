"""Benchmark: server time of the review page for an encounter with a 200-turn
transcript (issue 5 asks for under 150 ms).

    python benchmarks/review_page.py [--turns 200] [--runs 50] [--database-url URL]

Builds a scratch test database (SQLite by default, PostgreSQL with
--database-url, e.g. postgres://postgres@127.0.0.1:5432/kohtaamo_bench), makes
a team with its lead and agent, an encounter with the transcript and a draft
lead review with every point rated, then requests the page in-process with
Django's test client as the lead (so the time is the server's: middleware,
queries, template) and prints the median, the 95th percentile and the
number of queries of one request.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    if args.database_url:
        os.environ["KOHTAAMO_TEST_DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaamo.test_settings")

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from kohtaamo.org.models import TeamRole
        from kohtaamo.reviews.models import ReviewKind
        from kohtaamo.reviews.services import review_save
        from kohtaamo.reviews.tests.helpers import TOP, ratings_by_code
        from kohtaamo.testing.clients import client_for
        from kohtaamo.testing.factories import (
            EncounterFactory,
            MembershipFactory,
            TeamFactory,
            TurnFactory,
            UserFactory,
        )

        team = TeamFactory()
        agent, lead = UserFactory(), UserFactory()
        MembershipFactory(user=agent, team=team, role=TeamRole.AGENT)
        MembershipFactory(user=lead, team=team, role=TeamRole.LEAD)
        encounter = EncounterFactory(staff=agent, team=team, has_transcript=True)
        TurnFactory.create_batch(
            args.turns,
            encounter=encounter,
            text="Ymmärsinkö oikein, että haluatte siirtää varauksen ensi viikolle? " * 2,
        )
        review_save(
            encounter=encounter,
            kind=ReviewKind.LEAD,
            by=lead,
            expected_version=0,
            ratings=ratings_by_code(TOP),
            overall_comment="Luonnos",
            finish=False,
        )
        client = client_for(lead)
        url = reverse("reviews:lead_review", kwargs={"pk": encounter.pk})
        for _ in range(3):
            assert client.get(url).status_code == 200
        queries: list[str] = []

        def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        sys.stdout.write(
            f"review page, {args.turns} turns, {connection.vendor}, {args.runs} runs: "
            f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"{len(queries)} queries, {len(response.content) // 1024} KiB\n"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
