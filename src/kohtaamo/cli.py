"""The `kohtaamo` command.

Each subcommand parses its arguments, sets Django up and hands over to a
service; nothing here decides anything about the data.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

DEMO_HOST = "127.0.0.1"
DEMO_PORT = 8000


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaamo.settings")
    import django

    django.setup()


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def cmd_demo(args: argparse.Namespace) -> int:
    # The demo is for one laptop: debug pages off, but no HTTPS required.
    os.environ.setdefault("KOHTAAMO_HTTPS", "0")
    _setup_django()
    from django.conf import settings

    from kohtaamo.demo.loader import demo_load

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    # Static files come from the app folders (WhiteNoise finders) in the demo.
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    print(f"Kohtaamo data folder: {settings.DATA_DIR}")
    _migrate()
    summary = demo_load(seed=args.seed, progress=not args.quiet)
    print(summary.describe())
    url = f"http://{DEMO_HOST}:{args.port}/"
    print(f"\nOpen {url} and sign in as one of:")
    for login in summary.logins:
        print(f"  {login.role:<8} {login.username:<40} password: {login.password}")
    if args.no_serve:
        # `kohtaamo serve` alone requires HTTPS, as in production.
        print(
            f"\nTo serve it: KOHTAAMO_HTTPS=0 kohtaamo serve --bind {DEMO_HOST}:{args.port}"
            " (or run kohtaamo demo again without --no-serve)"
        )
        return 0
    return _serve_development(port=args.port)


def _serve_development(*, port: int) -> int:
    """Serve with gunicorn on loopback; static files come through WhiteNoise."""
    return _gunicorn([f"--bind={DEMO_HOST}:{port}", "--workers=2", "--threads=4"])


def _gunicorn(extra: Sequence[str]) -> int:
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "kohtaamo.wsgi:application", "--access-logfile=-", *extra]
    run()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    if args.migrate:
        _migrate(verbosity=1)
    extra = [f"--bind={args.bind}", f"--workers={args.workers}", f"--timeout={args.timeout}"]
    return _gunicorn(extra)


def cmd_createadmin(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.exceptions import ValidationError

    from kohtaamo.org.services import person_create

    password = args.password or os.environ.get("KOHTAAMO_ADMIN_PASSWORD")
    if not password:
        import getpass

        password = getpass.getpass("Password: ")
    try:
        user = person_create(
            email=args.email,
            first_name=args.first_name,
            last_name=args.last_name,
            password=password,
            is_admin=True,
        )
    except ValidationError as exc:
        for message in exc.messages:
            print(message, file=sys.stderr)
        return 1
    print(f"Administrator {user.email} created.")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if settings.TASK_BACKEND == "rq":
        # django-tasks-rq's own job class runs a django.tasks Task; --batch
        # works until the queue is empty, then exits (RQ calls it burst).
        call_command(
            "rqworker",
            "default",
            job_class="django_tasks_rq.backend.Job",
            with_scheduler=not args.batch,
            burst=args.batch,
        )
        return 0
    options: dict[str, object] = {"queue_name": "*", "interval": args.interval, "reload": False}
    if args.batch:
        options["batch"] = True
    call_command("db_worker", **options)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kohtaamo manage", *args.rest])
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _setup_django()
    if args.kind == "invitations":
        from kohtaamo.encounters.importing.cli import run_file_import
        from kohtaamo.feedback.invitation_import import invitations_import

        return run_file_import(
            invitations_import, path=Path(args.file), dry_run=args.dry_run, partial=args.partial
        )
    if args.kind == "responses":
        from kohtaamo.insights.import_cli import run_responses_import

        return run_responses_import(
            path=Path(args.file), dry_run=args.dry_run, partial=args.partial
        )
    from kohtaamo.encounters.importing.cli import run_import_command

    return run_import_command(
        kind=args.kind,
        path=Path(args.file),
        source=args.source,
        dry_run=args.dry_run,
        partial=args.partial,
        progress=not args.quiet,
        timings=args.timings,
    )


def cmd_report(args: argparse.Namespace) -> int:
    _setup_django()
    from kohtaamo.insights.cli import run_report_command

    return run_report_command(
        by=args.by,
        period=args.period,
        date_from=args.date_from,
        date_to=args.date_to,
        output_format=args.format,
        language=args.language,
    )


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def cmd_token(args: argparse.Namespace) -> int:
    _setup_django()
    from django.contrib.auth import get_user_model

    from kohtaamo.accounts.services import api_token_create

    user = get_user_model().objects.filter(email__iexact=args.email, is_active=True).first()
    if user is None:
        print(f"No active person with the e-mail {args.email}.", file=sys.stderr)
        return 1
    _token, secret = api_token_create(user=user, name=args.name)
    print("Keep this token safe; it is shown only once:")
    print(secret)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kohtaamo", description="Kohtaamo: practise excellent customer service every day."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="load the demo organisation and serve it")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--no-serve", action="store_true", help="stop after loading")
    demo.add_argument("--port", type=int, default=DEMO_PORT, help=f"default {DEMO_PORT}")
    demo.add_argument("--quiet", action="store_true", help="no progress output")
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve the platform with gunicorn")
    serve.add_argument(
        "--bind",
        default=os.environ.get("KOHTAAMO_BIND", "127.0.0.1:8000"),
        help="address:port (default $KOHTAAMO_BIND or 127.0.0.1:8000)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("KOHTAAMO_WORKERS", "3")),
        help="web processes (default $KOHTAAMO_WORKERS or 3)",
    )
    serve.add_argument(
        "--timeout",
        type=int,
        default=60,
        help="seconds before a stuck request's worker is restarted",
    )
    serve.add_argument("--migrate", action="store_true", help="apply migrations first")
    serve.set_defaults(func=cmd_serve)

    admin = sub.add_parser("createadmin", help="create an administrator")
    admin.add_argument("--email", required=True)
    admin.add_argument("--first-name", default="")
    admin.add_argument("--last-name", default="")
    admin.add_argument("--password", help="default: $KOHTAAMO_ADMIN_PASSWORD or a prompt")
    admin.set_defaults(func=cmd_createadmin)

    worker = sub.add_parser("worker", help="run background tasks")
    worker.add_argument("--batch", action="store_true", help="run what is queued, then exit")
    worker.add_argument(
        "--interval", type=float, default=1.0, help="seconds between looks at the queue (default 1)"
    )
    worker.set_defaults(func=cmd_worker)

    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    imp = sub.add_parser(
        "import",
        help="import encounters, customers, survey answers or survey invitations (CSV or JSON Lines)",
    )
    imp.add_argument("kind", choices=["encounters", "customers", "responses", "invitations"])
    imp.add_argument("file", help="a .csv or .jsonl file")
    imp.add_argument("--source", help="source name for rows without one (encounters)")
    imp.add_argument("--dry-run", action="store_true", help="only validate, write nothing")
    imp.add_argument("--partial", action="store_true", help="write good rows, report bad ones")
    imp.add_argument("--quiet", action="store_true", help="no progress bar")
    imp.add_argument(
        "--timings",
        action="store_true",
        help="print the seconds of each phase (encounters, customers)",
    )
    imp.set_defaults(func=cmd_import)

    report = sub.add_parser("report", help="print survey results")
    report_sub = report.add_subparsers(dest="report", required=True)
    nps = report_sub.add_parser("nps", help="NPS with its 95%% interval by group and period")
    nps.add_argument("--by", choices=["unit", "team", "staff", "channel"], default="team")
    nps.add_argument("--period", choices=["week", "month", "quarter"], default="month")
    nps.add_argument("--from", dest="date_from", type=_iso_date, help="first day, YYYY-MM-DD")
    nps.add_argument("--to", dest="date_to", type=_iso_date, help="last day, YYYY-MM-DD")
    nps.add_argument("--format", choices=["table", "json", "csv"], default="table")
    nps.add_argument(
        "--language",
        choices=["fi", "sv", "en"],
        help="only the answers given in this language (read from the answers, not the daily sums)",
    )
    nps.set_defaults(func=cmd_report)

    token = sub.add_parser("token", help="create a personal API token for a person")
    token.add_argument("--email", required=True)
    token.add_argument("--name", default="CLI")
    token.set_defaults(func=cmd_token)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
