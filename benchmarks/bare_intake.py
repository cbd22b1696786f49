"""The yardstick of `survey_intake.py`: a bare Django view that inserts one row.

    gunicorn --chdir benchmarks bare_intake:application

One module is the settings, the URLs, the view and the WSGI application:
no middleware, no templates, no apps. The database comes from
`KOHTAAMO_DATABASE_URL` with the same connection age as Kohtaamo's own
settings (`KOHTAAMO_DB_CONN_MAX_AGE`, default 0), so the two servers differ
only in what the request does. The benchmark creates the table
(`survey_intake.BARE_TABLE`): a primary key and a unique key.

A POST of `key`, `nps` and `comment` inserts one row; the same key again
inserts nothing (ON CONFLICT DO NOTHING), so replays can be counted on both
sides of the comparison alike.
"""

from __future__ import annotations

import os

import dj_database_url
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

TABLE = "bare_answer"
INSERT = (
    f"INSERT INTO {TABLE} (key, nps, comment, answered_at) VALUES (%s, %s, %s, now()) "
    "ON CONFLICT (key) DO NOTHING"
)


def answer(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse("ok", content_type="text/plain")
    nps = request.POST.get("nps", "")
    with connection.cursor() as cursor:
        cursor.execute(
            INSERT,
            [
                request.POST.get("key", ""),
                int(nps) if nps.isdigit() else None,
                request.POST.get("comment", ""),
            ],
        )
    return HttpResponse(status=201)


urlpatterns = [path("answer/", answer)]

if not settings.configured:
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
                conn_max_age=int(os.environ.get("KOHTAAMO_DB_CONN_MAX_AGE", "0")),
            )
        },
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402 (needs the settings above)

application = get_wsgi_application()
