from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection

from kohtaamo.feedback.models import Invitation, Response
from kohtaamo.feedback.services import response_submit


def answer(invitation: Invitation, **values: Any) -> Response:
    """Submit an answer, with a content customer's values for those not given."""
    defaults: dict[str, Any] = {
        "nps": 9,
        "csat": 4,
        "ces": 6,
        "comment": "",
        "consent_contact": False,
    }
    return response_submit(invitation=invitation, **{**defaults, **values})


WORKERS = 4


def at_once(work: Callable[[int], str], workers: int = WORKERS) -> list[str]:
    """Run work(0) … work(workers - 1) in threads released at the same moment,
    each with a database connection of its own, as separate gunicorn
    processes or workers would have; their outcomes (a refusal's code),
    sorted."""
    start = threading.Barrier(workers)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(n: int) -> None:
        try:
            start.wait(timeout=10)
            try:
                outcome = work(n)
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
