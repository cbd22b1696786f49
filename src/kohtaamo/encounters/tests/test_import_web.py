"""The web upload: a file becomes an ImportJob that a background task runs."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.models import Encounter, ImportJob, ImportKind, ImportStatus
from kohtaamo.encounters.tests.import_support import encounter_row, write_csv
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env

UPLOAD = reverse("encounters:import_upload")


def csv_upload(tmp_path: Path, rows: list[dict[str, Any]], name: str = "kohtaamiset.csv") -> Any:
    path = write_csv(tmp_path / name, rows)
    return SimpleUploadedFile(name, path.read_bytes(), content_type="text/csv")


def upload(user: Any, file: Any, **fields: Any) -> Any:
    data = {"kind": ImportKind.ENCOUNTERS, "file": file, **fields}
    return client_for(user).post(UPLOAD, data, headers={"Accept-Language": "en"})


@pytest.mark.django_db
def test_a_manager_uploads_a_file_and_follows_it_to_the_end(
    cast: Cast, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    # Given a file with a good row and a row for a team outside the manager's units
    rows = [
        encounter_row(external_id="Z-1"),
        encounter_row(external_id="Z-2", team=cast.other_team.code, staff_email="olli@example.fi"),
    ]

    # When the manager uploads it (the test's task backend runs the task at once)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(cast.manager, csv_upload(tmp_path, rows), partial="on")

    # Then the page of the import shows the result, in the uploader's language
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("encounters:import_status", args=[job.pk])
    assert (job.status, job.language, job.created_by) == (
        ImportStatus.SUCCEEDED,
        "en",
        cast.manager,
    )
    assert (job.rows_done, job.rows_created, job.rows_rejected, job.error_count) == (2, 1, 1, 1)
    with translation.override("en"):
        assert job.errors == [
            {"row": 3, "column": "team", "message": str(messages.ERROR_TEAM_NOT_ALLOWED)}
        ]
    assert list(Encounter.objects.values_list("external_id", flat=True)) == ["Z-1"]
    # The uploaded file, with customers' data in it, is gone.
    assert not Path(job.stored_path).exists()

    page = client_for(cast.manager).get(response["Location"], headers={"Accept-Language": "en"})
    assert "You may not import encounters for this team." in page.content.decode()
    assert 'hx-trigger="every 1s"' not in page.content.decode()


@pytest.mark.django_db
def test_all_or_nothing_upload_fails_with_the_list_of_errors(
    cast: Cast, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    rows = [encounter_row(external_id="Z-1"), encounter_row(external_id="Z-2", channel="fax")]

    with django_capture_on_commit_callbacks(execute=True):
        upload(cast.admin, csv_upload(tmp_path, rows))

    job = ImportJob.objects.get()
    assert (job.status, job.rows_written, job.error_count) == (ImportStatus.FAILED, 0, 1)
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "channel")]
    assert Encounter.objects.count() == 0


@pytest.mark.django_db
def test_a_running_import_is_polled_by_htmx(cast: Cast) -> None:
    job = ImportJob.objects.create(
        kind=ImportKind.ENCOUNTERS,
        original_name="kohtaamiset.csv",
        stored_path="",
        file_size=1000,
        bytes_done=250,
        rows_done=1200,
        status=ImportStatus.RUNNING,
        created_by=cast.manager,
    )
    url = reverse("encounters:import_status", args=[job.pk])

    fragment = client_for(cast.manager).get(url, headers={"HX-Request": "true"})

    html = fragment.content.decode()
    assert html.startswith('<section id="import-progress"')
    assert f'hx-get="{url}" hx-trigger="every 1s"' in html
    assert '<progress max="100" value="25"' in html


@pytest.mark.django_db
def test_a_file_of_another_type_is_refused_on_the_form(cast: Cast) -> None:
    file = SimpleUploadedFile("kohtaamiset.xlsx", b"PK\x03\x04")

    response = upload(cast.admin, file)

    assert response.status_code == 200
    with translation.override("en"):
        assert response.context["form"].errors == {"file": [str(messages.ERROR_UNKNOWN_FORMAT)]}
    assert ImportJob.objects.count() == 0


@pytest.mark.django_db
def test_a_manager_may_not_choose_a_kind_they_cannot_import(cast: Cast, tmp_path: Path) -> None:
    response = upload(cast.manager, csv_upload(tmp_path, [encounter_row()]), kind="units")

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["kind"]
    assert ImportJob.objects.count() == 0


@pytest.mark.django_db
def test_people_see_only_their_own_imports_and_admins_all(cast: Cast) -> None:
    for user in (cast.manager, cast.admin):
        ImportJob.objects.create(
            kind=ImportKind.ENCOUNTERS, original_name=f"{user.first_name}.csv", created_by=user
        )

    mine = client_for(cast.manager).get(UPLOAD).context["jobs"]
    everyone = client_for(cast.admin).get(UPLOAD).context["jobs"]

    assert [j.original_name for j in mine] == ["Matti.csv"]
    assert sorted(j.original_name for j in everyone) == ["Anna.csv", "Matti.csv"]


@pytest.mark.django_db
def test_the_import_page_is_in_the_navigation_of_those_who_may_import(cast: Cast) -> None:
    for user, shown in ((cast.manager, True), (cast.admin, True), (cast.lead, False)):
        page = client_for(user).get(reverse("encounters:list")).content.decode()
        assert (f'href="{UPLOAD}"' in page) is shown


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_web_import_runs_in_a_real_worker(cast: Cast, tmp_path: Path, settings: Any) -> None:
    # Given tasks that go to the database queue, as in production
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    rows = [encounter_row(external_id=f"Z-{n}") for n in range(25)]

    # When a manager uploads a file
    response = upload(cast.manager, csv_upload(tmp_path, rows))
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert job.status == ImportStatus.QUEUED
    assert Encounter.objects.count() == 0

    # And the worker runs what is queued
    done = subprocess.run(
        kohtaamo_command("worker", "--batch"),
        env=subprocess_env(tasks_in_database=True),
        capture_output=True,
        text=True,
        timeout=120,
    )

    # Then the job has run to the end and the rows are there
    assert done.returncode == 0, done.stderr
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.rows_created, job.error_count) == (
        ImportStatus.SUCCEEDED,
        25,
        25,
        0,
    )
    with translation.override("en"):
        assert job.message == "25 rows read: 25 new, 0 updated, 0 unchanged."
    assert Encounter.objects.filter(source="zendesk").count() == 25
