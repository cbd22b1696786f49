"""Work run by several threads released at the same moment, each with a
database connection of its own, as separate gunicorn processes or workers
would have: for tests of races that the database must settle (transactional
tests, `django_db(transaction=True)`)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connection

WORKERS = 4


def at_once(work: Callable[[int], str], workers: int = WORKERS) -> list[str]:
    """Run work(0) … work(workers - 1) at the same moment; their outcomes
    (what each returned, or a refusal's code), sorted."""
    return ready_then_at_once(lambda n: functools.partial(work, n), workers)


def ready_then_at_once(
    ready: Callable[[int], Callable[[], str]], workers: int = WORKERS
) -> list[str]:
    """In each thread first ready(n) (e.g. loading the row its request would
    hold), then, released with the others at the same moment, what ready
    returned; their outcomes (what each returned, or a refusal's code), sorted.

    A thread that fails otherwise leaves no outcome, so a test that counts
    them sees it."""
    start = threading.Barrier(workers)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(n: int) -> None:
        try:
            work = ready(n)
            start.wait(timeout=10)
            try:
                outcome = work()
            except ValidationError as exc:
                outcome = str(exc.code)
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)
