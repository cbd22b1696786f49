"""The web import: the upload page and the page that follows one import."""

from typing import Any

from kohtaamo.encounters.models import ImportJob, ImportKind, ImportStatus
from kohtaamo.testing.url_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Route


def build_world(*, cast: Any, encounter: Any, other_encounter: Any) -> dict[str, Any]:
    def job(user: Any) -> ImportJob:
        return ImportJob.objects.create(
            kind=ImportKind.ENCOUNTERS,
            original_name="kohtaamiset.csv",
            stored_path="",
            status=ImportStatus.SUCCEEDED,
            created_by=user,
        )

    return {"managers_import": job(cast.manager), "admins_import": job(cast.admin)}


EXPECTED = {
    "encounters:import_upload": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": FORBIDDEN, "manager": OK, "admin": OK}
    ),
    "encounters:import_status": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": FORBIDDEN, "manager": OK, "admin": OK},
        kwargs=lambda w: {"pk": w.managers_import.pk},
    ),
    "encounters:import_status#other": Route(
        {
            "anonymous": LOGIN,
            "agent": FORBIDDEN,
            "lead": FORBIDDEN,
            "manager": NOT_FOUND,
            "admin": OK,
        },
        kwargs=lambda w: {"pk": w.admins_import.pk},
    ),
}
