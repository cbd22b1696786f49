"""The first survey answer a new server worker takes, in a process of its own
that imports `kohtaamo.wsgi` as gunicorn's workers do and answers on the
test's own database (on PostgreSQL through `feedback.link_answer`)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from kohtaamo.feedback.models import FollowUp
from kohtaamo.testing.subprocesses import subprocess_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

# An unhappy answer (it opens a follow-up) as the worker's first request;
# prints the status and the modules the request imported.
_FIRST_ANSWER = """
import io, sys
import kohtaamo.wsgi
from urllib.parse import urlencode
before = set(sys.modules)
body = urlencode({"nps": "2", "csat": "1", "ces": "2", "comment": "Jonotin pitkään."}).encode()
environ = {
    "REQUEST_METHOD": "POST", "PATH_INFO": "/s/%s/" % sys.argv[1], "SERVER_NAME": "127.0.0.1",
    "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1", "wsgi.url_scheme": "http",
    "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr,
    "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/x-www-form-urlencoded",
}
statuses = []
b"".join(kohtaamo.wsgi.application(environ, lambda status, headers: statuses.append(status)))
print(statuses[0].split()[0])
print(" ".join(sorted(set(sys.modules) - before)))
"""


def test_a_new_workers_first_answer_imports_nothing_of_kohtaamo_or_its_libraries(
    invited: tuple[Any, str],
) -> None:
    # Given a survey link
    _invitation, token = invited
    # When a new worker's first request is an unhappy customer's answer
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_ANSWER, token],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    status, new_modules = [*result.stdout.splitlines(), ""][:2]
    # Then the answer is stored with its follow-up, and all it needed of
    # Kohtaamo and its libraries (the holiday calendar for the due date among
    # it) was loaded as the worker started, not while the customer waited.
    # (Django itself loads a few modules on a process's first request and
    # query, such as its message and session storage: a few milliseconds.)
    assert status == "302", result.stderr
    assert FollowUp.objects.count() == 1
    assert [m for m in new_modules.split() if not m.startswith("django.")] == [], new_modules
