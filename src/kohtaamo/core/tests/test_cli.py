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


def test_a_server_worker_loads_the_views_and_the_holiday_calendar_as_it_starts(
    tmp_path: Path,
) -> None:
    # Given the WSGI module that gunicorn's workers import
    script = (
        "import sys, kohtaamo.wsgi; "
        "from kohtaamo.feedback.workdays import _finnish_holidays; "
        "print('kohtaamo.api' in sys.modules, 'kohtaamo.insights.views' in sys.modules, "
        "'holidays.countries.finland' in sys.modules, _finnish_holidays.cache_info().currsize)"
    )
    # When a worker imports it, before any request
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    # Then the URL configuration, the views and the API are already loaded,
    # and so are the Finnish holidays of this year and the next: the first
    # unhappy answer's follow-up does not wait for them
    assert result.stdout.split() == ["True", "True", "True", "2"]


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
