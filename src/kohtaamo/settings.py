"""Kohtaamo settings: one file, every value from the environment.

The helpers below are strict on purpose: a typo in a boolean or a number stops
the process at start-up instead of silently running with a default.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DATA_DIR = Path(env_str("KOHTAAMO_DATA_DIR", "kohtaamo-data")).resolve()


def _secret_key() -> str:
    """Use KOHTAAMO_SECRET_KEY, or a key generated once into the data folder."""
    key = env_str("KOHTAAMO_SECRET_KEY")
    if key:
        return key
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # Created with 0600 so that only the owner of the data folder can read it.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("KOHTAAMO_DEBUG", False)
ALLOWED_HOSTS = env_list("KOHTAAMO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("KOHTAAMO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "kohtaamo.core.admin_site.KohtaamoAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "ninja",
    "django_tasks_db",
    "kohtaamo.core",
    "kohtaamo.org",
    "kohtaamo.accounts",
    "kohtaamo.encounters",
    "kohtaamo.feedback",
    "kohtaamo.reviews",
    "kohtaamo.lineup",
    "kohtaamo.insights",
]

MIDDLEWARE = [
    # First: a load balancer's check comes by address and over plain HTTP.
    "kohtaamo.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kohtaamo.core.middleware.MethodNotAllowedPageMiddleware",
    # Last, as django-axes asks, so that it sees the final authentication result.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kohtaamo.urls"
WSGI_APPLICATION = "kohtaamo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kohtaamo.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite in the data folder unless KOHTAAMO_DATABASE_URL says otherwise. The
# test suite uses KOHTAAMO_TEST_DATABASE_URL when it is set (see conftest.py).
_database_url = env_str("KOHTAAMO_DATABASE_URL")
if not _database_url:
    # The embedded default: SQLite in the data folder, which must exist first.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    _database_url = f"sqlite:///{DATA_DIR / 'kohtaamo.sqlite3'}"
# Each web process keeps its connection for a minute (checked before reuse):
# opening one per request costs PostgreSQL a new server process whose caches
# start cold, which halved the survey intake (benchmarks/survey_intake.py).
DATABASES = {
    "default": dj_database_url.parse(
        _database_url,
        conn_max_age=env_int("KOHTAAMO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the worker write while web requests read; the busy timeout
        # makes a writer wait for the lock instead of failing at once.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# The survey answer's statements are prepared on PostgreSQL (core.statements.prepared).
KOHTAAMO_DB_PREPARED_STATEMENTS = env_bool("KOHTAAMO_DB_PREPARED_STATEMENTS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication ---------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = env_int("KOHTAAMO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("KOHTAAMO_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# English pages for a Finnish organisation: day before month, 24-hour clock.
FORMAT_MODULE_PATH = ["kohtaamo.formats"]
TIME_ZONE = env_str("KOHTAAMO_TIME_ZONE", "Europe/Helsinki")

# --- Static files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("KOHTAAMO_STATIC_ROOT", str(DATA_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the app folders when collectstatic has not run (demo).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "media"
UPLOAD_DIR = DATA_DIR / "uploads"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("KOHTAAMO_MAX_REQUEST_BYTES", 10 * 1024 * 1024)

# --- Background tasks (django.tasks) -----------------------------------------
# "database" keeps tasks in the database (django-tasks-db): no extra service.
# "rq" sends them to Redis through django-tasks-rq for larger installations.
TASK_BACKEND = env_str("KOHTAAMO_TASK_BACKEND", "database")
TASKS: dict[str, dict[str, Any]]
if TASK_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASK_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": env_str("KOHTAAMO_REDIS_URL", "redis://127.0.0.1:6379/0")}}
elif TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured("KOHTAAMO_TASK_BACKEND must be database, rq or immediate")

# --- E-mail -------------------------------------------------------------------
# Django 6.1's MAILERS. SMTP in production; the console backend prints mail
# when KOHTAAMO_EMAIL_BACKEND=console (handy on a laptop).
DEFAULT_FROM_EMAIL = env_str("KOHTAAMO_EMAIL_FROM", "kohtaamo@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_email_backend = env_str("KOHTAAMO_EMAIL_BACKEND", "console" if DEBUG else "smtp")
if _email_backend == "smtp":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("KOHTAAMO_EMAIL_HOST", "localhost"),
                "port": env_int("KOHTAAMO_EMAIL_PORT", 25),
                "username": env_str("KOHTAAMO_EMAIL_USER"),
                "password": env_str("KOHTAAMO_EMAIL_PASSWORD"),
                "use_tls": env_bool("KOHTAAMO_EMAIL_USE_TLS", False),
                "timeout": 30,
            },
        }
    }
elif _email_backend == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    raise ImproperlyConfigured("KOHTAAMO_EMAIL_BACKEND must be smtp or console")

# --- Security -----------------------------------------------------------------
CSRF_FAILURE_VIEW = "kohtaamo.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
_https = env_bool("KOHTAAMO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = env_bool("KOHTAAMO_SSL_REDIRECT", _https)
SECURE_HSTS_SECONDS = env_int("KOHTAAMO_HSTS_SECONDS", 31_536_000 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https
if env_bool("KOHTAAMO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Everything the pages need comes from this host; nothing from a CDN.
SECURE_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("KOHTAAMO_LOG_LEVEL", "WARNING")},
}

# --- Kohtaamo -----------------------------------------------------------------
KOHTAAMO_IMPORT_ERROR_LIMIT = env_int("KOHTAAMO_IMPORT_ERROR_LIMIT", 1000)
# A web import whose worker has given no sign of life for this long (its
# upload file untouched) has lost its worker and is marked failed.
KOHTAAMO_IMPORT_STALE_SECONDS = env_int("KOHTAAMO_IMPORT_STALE_SECONDS", 120)
# An imported unhappy answer opens a follow-up only when it was given at most
# this many days before the import; older ones are history, not call-backs.
KOHTAAMO_IMPORT_FOLLOWUP_DAYS = env_int("KOHTAAMO_IMPORT_FOLLOWUP_DAYS", 14)
KOHTAAMO_WEBHOOK_MAX_AGE_SECONDS = 300
KOHTAAMO_API_PAGE_SIZE_MAX = 500
# A customer is invited to a survey at most once in this many days (issue 4).
KOHTAAMO_SURVEY_FATIGUE_DAYS = env_int("KOHTAAMO_SURVEY_FATIGUE_DAYS", 30)
# A figure from fewer answers than this is shown greyed as "few answers".
KOHTAAMO_FEW_ANSWERS_BELOW = env_int("KOHTAAMO_FEW_ANSWERS_BELOW", 30)
# Where people reach this installation; links in e-mails start with it.
KOHTAAMO_BASE_URL = env_str("KOHTAAMO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# One reminder this many days after an unanswered invitation; 0 sends none.
KOHTAAMO_SURVEY_REMINDER_DAYS = env_int("KOHTAAMO_SURVEY_REMINDER_DAYS", 3)
# Attempts to send one e-mail before giving up, the first retry after
# KOHTAAMO_SURVEY_RETRY_MINUTES and each next one after twice as long.
KOHTAAMO_SURVEY_EMAIL_ATTEMPTS = env_int("KOHTAAMO_SURVEY_EMAIL_ATTEMPTS", 5)
KOHTAAMO_SURVEY_RETRY_MINUTES = env_int("KOHTAAMO_SURVEY_RETRY_MINUTES", 5)
if KOHTAAMO_SURVEY_EMAIL_ATTEMPTS < 1 or KOHTAAMO_SURVEY_RETRY_MINUTES < 1:
    raise ImproperlyConfigured(
        "KOHTAAMO_SURVEY_EMAIL_ATTEMPTS and KOHTAAMO_SURVEY_RETRY_MINUTES must be at least 1"
    )
if not KOHTAAMO_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("KOHTAAMO_BASE_URL must start with https:// or http://")
# Answers one device may send to the public (QR) surveys in the window, and
# all devices behind one network address together (a hotel lobby's Wi-Fi).
KOHTAAMO_PUBLIC_SURVEY_LIMIT = env_int("KOHTAAMO_PUBLIC_SURVEY_LIMIT", 10)
KOHTAAMO_PUBLIC_SURVEY_ADDRESS_LIMIT = env_int("KOHTAAMO_PUBLIC_SURVEY_ADDRESS_LIMIT", 200)
KOHTAAMO_PUBLIC_SURVEY_WINDOW_MINUTES = env_int("KOHTAAMO_PUBLIC_SURVEY_WINDOW_MINUTES", 60)
# Behind a reverse proxy the client's address is the last X-Forwarded-For entry.
KOHTAAMO_BEHIND_PROXY = env_bool("KOHTAAMO_BEHIND_PROXY", False)
# A reviewer this many score points from the others in each of their last
# calibration sessions is shown to their leads and managers (issue 5).
KOHTAAMO_CALIBRATION_DEVIATION_BOUND = env_int("KOHTAAMO_CALIBRATION_DEVIATION_BOUND", 15)
