"""The survey intake benchmark counts honestly: its accounting, its percentile,
its replays, and (on PostgreSQL) its bare yardstick served by gunicorn."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import pytest

from benchmarks.survey_intake import (
    BARE_TABLE,
    Accounting,
    Request,
    Result,
    Server,
    _drop,
    _free_port,
    _gunicorn_args,
    _recreate,
    _with_replays,
    account,
    load_run,
    percentile,
    ratio_line,
    sum_accounts,
)

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_account_counts_lost_duplicated_failed_and_unconfirmed_keys() -> None:
    # Given: a answered twice (stored once), b answered but not stored (lost),
    # c stored three times (two duplicates), d failed but stored (unconfirmed),
    # e failed and not stored.
    results = [
        Result("a", 302, 0.01),
        Result("a", 200, 0.01),
        Result("b", 201, 0.01),
        Result("c", 302, 0.01),
        Result("d", 500, 0.01),
        Result("e", 0, 0.01),
    ]
    stored = {"a": 1, "c": 3, "d": 1}
    # When
    accounting = account(results, stored)
    # Then
    assert accounting == Accounting(
        sent=6, ok=4, failed=2, answered_keys=3, lost=1, duplicated=2, unconfirmed=1
    )


def test_account_of_a_clean_run_is_all_zeros_but_the_counts() -> None:
    results = [Result(str(i), 302, 0.01) for i in range(5)]
    assert account(results, {str(i): 1 for i in range(5)}) == Accounting(
        sent=5, ok=5, failed=0, answered_keys=5, lost=0, duplicated=0, unconfirmed=0
    )


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(v) for v in range(100, 0, -1)]  # 100 … 1, unsorted on purpose
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0
    assert percentile([7.0], 99) == 7.0


def test_replays_repeat_a_share_of_the_requests_once_each() -> None:
    requests = [Request(str(i), "POST", "/answer/") for i in range(40)]
    everything = _with_replays(requests, 0.25, seed=1)
    counts = {key: [r.key for r in everything].count(key) for key in map(str, range(40))}
    assert len(everything) == 50
    assert sorted(counts.values()) == [1] * 30 + [2] * 10


def _own_database_url() -> str | None:
    url = os.environ.get("KOHTAAMO_TEST_DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_bare_intake"))


@pytest.mark.slow
@pytest.mark.skipif(
    _own_database_url() is None, reason="needs KOHTAAMO_TEST_DATABASE_URL on PostgreSQL"
)
@pytest.mark.parametrize("stack", ["none", "kohtaamo", "lookup"])
def test_bare_view_under_gunicorn_stores_each_key_once_and_the_accounting_sees_a_lost_row(
    stack: str, tmp_path: Path
) -> None:
    # Given: the bare yardstick under gunicorn on a database of its own, with
    # no middleware or under Kohtaamo's settings, or the view that first finds
    # the invitation by its link (20 invitations, whose tokens are t0…t19)
    url = _own_database_url()
    assert url is not None
    _recreate(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(BARE_TABLE)
        conn.execute("CREATE TABLE feedback_invitation (id bigint PRIMARY KEY, token_hash text)")
        for i in range(20):
            conn.execute(
                "INSERT INTO feedback_invitation VALUES (%s, %s)",
                [i, hashlib.sha256(f"t{i}".encode()).hexdigest()],
            )
    port = _free_port()
    server = Server(
        [
            sys.executable,
            "-m",
            "gunicorn",
            f"--chdir={HERE}",
            *_gunicorn_args(port, 2),
            "bare_intake:application",
        ],
        {
            "KOHTAAMO_DATABASE_URL": url,
            "KOHTAAMO_BARE_STACK": "none" if stack == "none" else "kohtaamo",
            "KOHTAAMO_DATA_DIR": str(tmp_path),
            "KOHTAAMO_HTTPS": "0",
            "KOHTAAMO_ALLOWED_HOSTS": "127.0.0.1",
        },
        port,
        "/answer/",
    )
    form = (("Content-Type", "application/x-www-form-urlencoded"),)
    path, field = ("/lookup/", "token") if stack == "lookup" else ("/answer/", "key")
    requests = [
        Request(
            str(i),
            "POST",
            path,
            urlencode({field: f"t{i}" if stack == "lookup" else str(i), "nps": "9"}).encode(),
            form,
        )
        for i in range(20)
    ]
    try:
        # When: 20 answers and 5 replays go in, 4 at a time
        load = load_run(
            port=port,
            requests=_with_replays(requests, 0.25, seed=2),
            processes=2,
            threads=2,
            time_limit=15,
        )
        unknown = load_run(
            port=port,
            requests=[Request("x", "POST", "/lookup/", b"token=nobody&nps=9", form)],
            processes=1,
            threads=1,
            time_limit=15,
        )
    finally:
        server.stop()
    if stack == "lookup":
        assert [r.status for r in unknown.results] == [404]  # an unknown link stores nothing
    with psycopg.connect(url) as conn:
        stored = dict(conn.execute("SELECT key, count(*) FROM bare_answer GROUP BY key"))
        conn.execute("DELETE FROM bare_answer WHERE key = '7'")
        conn.commit()
        after_delete = dict(conn.execute("SELECT key, count(*) FROM bare_answer GROUP BY key"))
    # Then: every request answered, every key stored once, and a row taken
    # away afterwards is counted as lost
    assert sorted(r.status for r in load.results) == [201] * 25
    assert account(load.results, stored) == Accounting(
        sent=25, ok=25, failed=0, answered_keys=20, lost=0, duplicated=0, unconfirmed=0
    )
    assert account(load.results, after_delete).lost == 1
    _drop(url)


def test_accountings_of_rounds_add_up() -> None:
    one = Accounting(sent=3, ok=2, failed=1, answered_keys=2, lost=0, duplicated=1, unconfirmed=0)
    two = Accounting(sent=5, ok=5, failed=0, answered_keys=4, lost=1, duplicated=0, unconfirmed=2)
    assert sum_accounts([one, two]) == Accounting(
        sent=8, ok=7, failed=1, answered_keys=6, lost=1, duplicated=1, unconfirmed=2
    )


def test_ratio_line_judges_the_goal_by_the_medians_interval() -> None:
    # Nine rounds: the interval is the 2nd and 8th smallest ratio.
    above = [0.95, 0.81, 0.90, 0.85, 0.99, 0.83, 0.88, 0.92, 0.86]
    line = ratio_line(above, 0.8)
    assert "median 0.88 of 9 rounds, 95 % interval 0.83–0.95" in line
    assert "coverage 96.1%" in line
    assert line.endswith("goal ≥ 0.8: met (the whole interval reaches it)")
    # The 2nd smallest below the goal: not settled, though the median is above it.
    spans = [0.95, 0.71, 0.90, 0.85, 0.99, 0.79, 0.88, 0.92, 0.86]
    assert ratio_line(spans, 0.8).endswith("not settled (the interval spans it)")
    below = [0.65, 0.71, 0.60, 0.75, 0.81, 0.69, 0.72, 0.62, 0.70]
    line = ratio_line(below, 0.8)
    assert "median 0.70 of 9 rounds, 95 % interval 0.62–0.75" in line
    assert line.endswith("missed (the whole interval falls short)")


def test_ratio_line_gives_no_interval_for_five_rounds() -> None:
    line = ratio_line([0.9, 0.95, 0.85, 0.99, 0.91], 0.8)
    assert "median 0.91 of 5 rounds (too few rounds for a 95 % interval: 6 or more" in line
    assert line.endswith("goal ≥ 0.8: not settled")
