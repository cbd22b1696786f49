"""Recording encounters through the REST API: one at a time, in bulk, and the
signed webhook of a helpdesk. All three go through the import's rule
(`services.encounters_import`), so they check and write exactly as an import
file would: upsert by (source, external_id), all or nothing unless partial."""

# No `from __future__ import annotations`: ninja reads these annotations.
import time
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Body, Field, Schema, Status
from ninja.errors import HttpError

from kohtaamo.core.api_common import WRITE_ERRORS, FieldErrorOut, Moment, Text, require
from kohtaamo.encounters import services
from kohtaamo.encounters.api.router import router
from kohtaamo.encounters.importing.encounter_rows import MAX_TURNS
from kohtaamo.encounters.importing.errors import ImportResult, RowError
from kohtaamo.encounters.models import Channel, Encounter, Speaker, WebhookSource
from kohtaamo.encounters.schemas import EncounterOut
from kohtaamo.encounters.webhooks import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureRefused,
    webhook_source_verify,
)
from kohtaamo.org import access

API_SOURCE = "api"
BULK_MAX = 1000


class TurnIn(Schema):
    speaker: Speaker
    text: Text = Field(min_length=1)
    at: Moment | None = Field(None, description="When it was said.")


class EncounterIn(Schema):
    source: Text | None = Field(
        None,
        max_length=64,
        description=f'Where the encounter comes from; "{API_SOURCE}" if left out.',
    )
    external_id: Text = Field(min_length=1, max_length=128, description="Its id in the source.")
    channel: Channel
    started_at: Moment = Field(description="ISO 8601; without a zone, the organisation's zone.")
    ended_at: Moment | None = None
    staff_email: Text = Field(
        min_length=1, max_length=254, description="An active person's e-mail."
    )
    team: Text = Field(min_length=1, max_length=64, description="The team's code.")
    customer_external_id: Text | None = Field(None, max_length=128)
    topic: Text | None = Field(None, max_length=200)
    outcome: Text | None = Field(None, max_length=200)
    transcript: list[TurnIn] | None = Field(
        None, max_length=MAX_TURNS, description="Replaces the stored transcript when given."
    )


class BulkResultOut(Schema):
    created: int
    updated: int
    unchanged: int
    rejected: int = Field(description="Rows left out because of their errors (partial).")
    error_count: int
    errors: list[FieldErrorOut]
    written: bool


def _row(payload: Schema) -> dict[str, Any]:
    # JSON mode: enums as their values and times as ISO 8601 text, which is
    # what the import's checks read from a file too.
    return payload.model_dump(mode="json")


def _field_errors(errors: list[RowError], *, bulk: bool) -> list[dict[str, Any]]:
    def location(error: RowError) -> list[str | int]:
        place: list[str | int] = ["body", "payload"]
        if bulk:
            place.append(error.row)
        if error.column:
            place += [error.column, *error.path]
        return place

    return [{"loc": location(e), "msg": e.message, "type": e.code} for e in errors]


def _refused(result: ImportResult, *, bulk: bool) -> Status:
    if result.file_error:
        return Status(409, {"detail": result.file_error})
    return Status(400, {"detail": _field_errors(result.errors, bulk=bulk)})


@router.post(
    "/encounters",
    response={200: EncounterOut, 201: EncounterOut, **WRITE_ERRORS},
    url_name="encounter_create",
    summary="Record an encounter, or update the one with the same source and external id",
)
def encounter_create(request: HttpRequest, payload: EncounterIn) -> Status:
    """Admins for any team, managers for teams under their units, leads for the
    teams they lead. An empty field keeps what is stored."""
    require(access.can_write_encounters(request.user))
    result = services.encounters_import(
        rows=[(0, _row(payload), None)],
        source=API_SOURCE,
        allowed_team_ids=access.writable_team_ids(request.user),
    )
    if not result.written:
        return _refused(result, bulk=False)
    encounter = Encounter.objects.select_related("staff", "team", "customer").get(
        source=(payload.source or "").strip() or API_SOURCE,
        external_id=payload.external_id.strip(),
    )
    return Status(201 if result.created else 200, encounter)


@router.post(
    "/encounters/bulk",
    response={200: BulkResultOut, **WRITE_ERRORS},
    url_name="encounter_bulk_upsert",
    summary=f"Record or update up to {BULK_MAX} encounters at once",
)
def encounter_bulk_upsert(
    request: HttpRequest,
    payload: Annotated[list[EncounterIn], Body(max_length=BULK_MAX)],
    partial: bool = False,
    dry_run: bool = False,
) -> Status:
    """All or nothing: one bad encounter and nothing is written (400, with every
    error's path). With `partial=true` the good ones are written and the bad
    ones reported; with `dry_run=true` nothing is written at all."""
    require(access.can_write_encounters(request.user))
    result = services.encounters_import(
        rows=[(index, _row(item), None) for index, item in enumerate(payload)],
        source=API_SOURCE,
        allowed_team_ids=access.writable_team_ids(request.user),
        dry_run=dry_run,
        partial=partial,
    )
    if result.file_error or (result.error_count and not result.written):
        return _refused(result, bulk=True)
    return Status(
        200,
        {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "rejected": result.rows_rejected,
            "error_count": result.error_count,
            "errors": _field_errors(result.errors, bulk=True),
            "written": result.written,
        },
    )


class WebhookSignature:
    """Ninja calls this before it reads the body, so that an unsigned request
    learns nothing, not even whether its body would pass."""

    def __call__(self, request: HttpRequest) -> Any:
        match = request.resolver_match
        try:
            return webhook_source_verify(
                name=str(match.kwargs.get("source", "")) if match else "",
                timestamp=request.headers.get(TIMESTAMP_HEADER),
                signature=request.headers.get(SIGNATURE_HEADER),
                body=request.body,
                now=time.time(),
            )
        except SignatureRefused as exc:
            raise HttpError(401, str(exc.message)) from exc


@router.post(
    "/webhooks/{source}/encounters",
    auth=WebhookSignature(),
    response={200: EncounterOut, 201: EncounterOut, **WRITE_ERRORS},
    url_name="webhook_encounter",
    summary="A helpdesk pushes an encounter (signed with its secret, no user)",
)
def webhook_encounter(request: HttpRequest, source: str, payload: EncounterIn) -> Status:
    """Sign `<X-Kohtaamo-Timestamp>.<body>` with HMAC-SHA256 and the source's
    secret and send `X-Kohtaamo-Signature: sha256=<hex>`. The encounter's
    source is the one in the address."""
    webhook: WebhookSource = request.auth  # type: ignore[attr-defined]  # set by WebhookSignature
    result = services.encounters_import(rows=[(0, _row(payload), None)], forced_source=webhook.name)
    if not result.written:
        return _refused(result, bulk=False)
    encounter = Encounter.objects.select_related("staff", "team", "customer").get(
        source=webhook.name, external_id=payload.external_id.strip()
    )
    return Status(201 if result.created else 200, encounter)
