"""The `kohtaamo` command, run as a person would run it: as a process."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from kohtaamo.org.services import ERROR_EMAIL_TAKEN

pytestmark = pytest.mark.slow


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOHTAAMO_", "DJANGO_"))}
    env.update({"KOHTAAMO_DATA_DIR": str(data_dir), **extra})
    return env


def _kohtaamo(
    *args: str, env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kohtaamo.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = _kohtaamo("--help", env=_env(tmp_path))
    assert result.returncode == 0
    for command in (
        "demo",
        "serve",
        "createadmin",
        "worker",
        "manage",
        "import",
        "report",
        "token",
    ):
        assert command in result.stdout


def test_secret_key_is_generated_once_into_the_data_folder(tmp_path: Path) -> None:
    # Given an empty data folder and no KOHTAAMO_SECRET_KEY
    env = _env(tmp_path)
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    # When settings are loaded twice
    runs = [
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='kohtaamo.settings'; django.setup(); {script}",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    # Then the same key is used, kept in a file only its owner can read
    key_file = tmp_path / "secret_key"
    assert runs[0] == runs[1] == key_file.read_text().strip()
    assert len(runs[0]) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_a_server_worker_loads_the_views_as_it_starts(tmp_path: Path) -> None:
    # Given the WSGI module that gunicorn's workers import
    script = (
        "import sys, kohtaamo.wsgi; "
        "print('kohtaamo.api' in sys.modules, 'kohtaamo.insights.views' in sys.modules)"
    )
    # When a worker imports it, before any request
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    # Then the URL configuration, the views and the API are already loaded
    assert result.stdout.split() == ["True", "True"]


def test_a_server_worker_loads_the_holiday_calendar_as_it_starts(tmp_path: Path) -> None:
    # Given the WSGI module that gunicorn's workers import
    script = (
        "import sys, kohtaamo.wsgi; "
        "from kohtaamo.feedback.workdays import _finnish_holidays; "
        "print('holidays.countries.finland' in sys.modules, _finnish_holidays.cache_info().currsize)"
    )
    # When a worker imports it, before any request
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    # Then the Finnish holidays of this year and the next are already known:
    # the first unhappy answer's follow-up does not wait for them
    assert result.stdout.split() == ["True", "2"]


# A survey link to answer, made in a process of its own (so that nothing it
# imports is already loaded when the worker's process answers).
_MAKE_A_LINK = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "kohtaamo.settings"
django.setup()
from datetime import timedelta
from django.utils import timezone
from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.feedback.models import Survey
from kohtaamo.feedback.services import invitation_create
from kohtaamo.org.models import TeamRole
from kohtaamo.org.services import membership_set, person_create, team_create, unit_create
unit = unit_create(name="Hotelli Aurora Oulu", code="oulu")
team = team_create(name="Vastaanotto", code="oulu-vo", unit=unit)
lead = person_create(email="lead@oulu.example", first_name="Liisa", last_name="Laine")
agent = person_create(email="agent@oulu.example", first_name="Aki", last_name="Aho")
membership_set(user=lead, team=team, role=TeamRole.LEAD)
membership_set(user=agent, team=team, role=TeamRole.AGENT)
customer = Customer.objects.create(external_id="c1", name="Asiakas", email="c1@oulu.example")
now = timezone.now()
encounter = Encounter.objects.create(
    source="pos", external_id="e1", channel="phone", started_at=now - timedelta(minutes=10),
    ended_at=now - timedelta(minutes=5), staff=agent, team=team, customer=customer,
)
_invitation, token = invitation_create(encounter=encounter, survey=Survey.objects.create(name="K"))
print(token)
"""

# The first answer a worker takes: an unhappy one, which opens a follow-up.
_ANSWER_IN_A_NEW_WORKER = """
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
from kohtaamo.feedback.models import FollowUp
print(statuses[0].split()[0], FollowUp.objects.count())
print(" ".join(sorted(set(sys.modules) - before)))
"""


def test_a_new_workers_first_answer_imports_nothing_of_kohtaamo_or_its_libraries(
    tmp_path: Path,
) -> None:
    # Given a survey link in a migrated database
    env = _env(tmp_path, KOHTAAMO_HTTPS="0", KOHTAAMO_ALLOWED_HOSTS="127.0.0.1")
    assert _kohtaamo("manage", "migrate", "--verbosity", "0", env=env).returncode == 0
    made = subprocess.run(
        [sys.executable, "-c", _MAKE_A_LINK], env=env, capture_output=True, text=True, check=True
    )
    token = made.stdout.split()[-1]
    # When a new worker's first request is an unhappy customer's answer
    result = subprocess.run(
        [sys.executable, "-c", _ANSWER_IN_A_NEW_WORKER, token],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    status_line, new_modules = [*result.stdout.splitlines(), ""][:2]
    # Then the answer is stored with its follow-up, and all it needed of
    # Kohtaamo and its libraries (the holiday calendar for the due date among
    # it) was loaded as the worker started, not while the customer waited.
    # (Django itself loads a few modules on a process's first request and
    # query, such as its message and session storage: a few milliseconds.)
    assert status_line.split() == ["302", "1"], result.stderr
    assert [m for m in new_modules.split() if not m.startswith("django.")] == [], new_modules


def test_deploy_check_passes_with_production_settings(tmp_path: Path) -> None:
    env = _env(
        tmp_path,
        KOHTAAMO_SECRET_KEY="a-production-key-" + "q7Zr9" * 12,
        KOHTAAMO_ALLOWED_HOSTS="kohtaamo.example.fi",
    )
    result = _kohtaamo("manage", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_createadmin_makes_an_administrator_who_can_sign_in(tmp_path: Path) -> None:
    env = _env(tmp_path, KOHTAAMO_ADMIN_PASSWORD="pitkä-ja-hyvä-salasana-42")
    assert _kohtaamo("manage", "migrate", "--verbosity", "0", env=env).returncode == 0
    result = _kohtaamo("createadmin", "--email", "Paakayttaja@Example.fi", env=env)
    assert result.returncode == 0, result.stderr
    check = _kohtaamo(
        "manage",
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.contrib.auth import authenticate, get_user_model;"
        "u = get_user_model().objects.get(email='paakayttaja@example.fi');"
        "print(u.is_superuser, u.password.startswith('argon2'),"
        " u.check_password('pitkä-ja-hyvä-salasana-42'))",
        env=env,
    )
    assert check.stdout.split() == ["True", "True", "True"], check.stderr
    # A second admin with the same e-mail is refused with a clear message.
    again = _kohtaamo("createadmin", "--email", "paakayttaja@example.fi", env=env)
    assert again.returncode == 1
    with translation.override(settings.LANGUAGE_CODE):
        assert str(ERROR_EMAIL_TAKEN) in again.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_through_gunicorn(tmp_path: Path) -> None:
    port = _free_port()
    env = _env(tmp_path, KOHTAAMO_HTTPS="0")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kohtaamo.cli",
            "serve",
            "--migrate",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as response:
                    assert response.status == 200
                    assert b'"ok"' in response.read()
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/accounts/login/", timeout=5
        ) as response:
            page = response.read().decode()
            assert "Content-Security-Policy" in response.headers
        assert "kohtaamo.css" in page
    finally:
        server.terminate()
        server.wait(timeout=20)
