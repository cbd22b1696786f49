"""The yardsticks of `survey_intake.py`: a bare Django view that inserts one row.

    gunicorn --chdir benchmarks bare_intake:application
    KOHTAAMO_BARE_STACK=kohtaamo gunicorn --chdir benchmarks bare_intake:application

One module is the settings, the URLs, the view and the WSGI application.
By default nothing else: no middleware, no templates, no apps. With
`KOHTAAMO_BARE_STACK=kohtaamo` the view runs under Kohtaamo's own settings
instead (every installed app and the whole middleware stack: security
headers, sessions, language, CSRF, authentication, CSP and the rest); the
view is exempt from the CSRF check, which is thus counted as the survey's
own work. The database comes from `KOHTAAMO_DATABASE_URL` with the same
connection age as Kohtaamo's settings (`KOHTAAMO_DB_CONN_MAX_AGE`, default
60), so the servers differ only in what the request does. The benchmark
creates the table (`survey_intake.BARE_TABLE`): a primary key and a unique
key.

A POST to `answer/` of `key`, `nps` and `comment` inserts one row; the same key again
inserts nothing (ON CONFLICT DO NOTHING), so replays can be counted on both
sides of the comparison alike. A POST to `lookup/` of `token`, `nps` and
`comment` first finds the invitation of the survey link (by the hash of its
token, one indexed read of Kohtaamo's own table) and then inserts the row keyed
by its id: the least that any survey answer must do.
"""

from __future__ import annotations

import os
from typing import Any

import dj_database_url
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from kohtaamo.core.hashing import secret_digest

TABLE = "bare_answer"
INSERT = (
    f"INSERT INTO {TABLE} (key, nps, comment, answered_at) VALUES (%s, %s, %s, now()) "
    "ON CONFLICT (key) DO NOTHING"
)


def _store(cursor: Any, key: str, request: HttpRequest) -> HttpResponse:
    nps = request.POST.get("nps", "")
    cursor.execute(
        INSERT, [key, int(nps) if nps.isdigit() else None, request.POST.get("comment", "")]
    )
    return HttpResponse(status=201)


@csrf_exempt
def answer(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse("ok", content_type="text/plain")
    with connection.cursor() as cursor:
        return _store(cursor, request.POST.get("key", ""), request)


# The least a survey answer must do: find the invitation by its link's hash
# (one indexed read, the product's own hash), then store the answer. Under
# Kohtaamo's settings it is the floor of what the survey POST could reach.
LOOKUP = "SELECT id FROM feedback_invitation WHERE token_hash = %s"


@csrf_exempt
def answer_after_lookup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse("ok", content_type="text/plain")
    with connection.cursor() as cursor:
        cursor.execute(LOOKUP, [secret_digest(request.POST.get("token", ""))])
        found = cursor.fetchone()
        if found is None:
            return HttpResponse(status=404)
        return _store(cursor, str(found[0]), request)


urlpatterns = [path("answer/", answer), path("lookup/", answer_after_lookup)]

if not settings.configured and os.environ.get("KOHTAAMO_BARE_STACK") == "kohtaamo":
    from kohtaamo import settings as kohtaamo_settings

    own = {name: getattr(kohtaamo_settings, name) for name in dir(kohtaamo_settings)}
    settings.configure(**{n: v for n, v in own.items() if n.isupper()} | {"ROOT_URLCONF": __name__})
elif not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("KOHTAAMO_SECRET_KEY", "bare-benchmark-only-" + "x" * 40),
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
        USE_TZ=True,
        DATABASES={
            "default": dj_database_url.parse(
                os.environ["KOHTAAMO_DATABASE_URL"],
                conn_max_age=int(os.environ.get("KOHTAAMO_DB_CONN_MAX_AGE", "60")),
                conn_health_checks=True,
            )
        },
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402 (needs the settings above)

application = get_wsgi_application()
