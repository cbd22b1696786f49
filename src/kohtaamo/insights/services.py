"""Writes of the insights app: importing historical survey answers.

`kohtaamo import responses FILE` follows the encounter import's rules: all or
nothing by default, `partial` writes the good rows, `dry_run` only checks, and
every error names its row, column and message. Importing again updates the
answer, never adds a second one: an encounter has at most one answered
invitation, and the database's one-response-per-invitation rule holds
because every answer is attached to an invitation (made here when the
encounter had none, already answered and with a link nobody knows).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ErrorCollector, ImportFileError, ImportResult
from kohtaamo.encounters.importing.formats import open_rows
from kohtaamo.feedback.models import Invitation, InvitationStatus, Response, Survey
from kohtaamo.feedback.services import followup_open
from kohtaamo.insights.response_rows import (
    LOOKUP_BATCH,
    RESPONSE_COLUMNS,
    ResponseRecord,
    ResponseRows,
)

# The organisation-wide survey that imported answers belong to when their
# encounter had no invitation; found again by this name on the next import.
IMPORT_SURVEY_NAME = "Tuodut vastaukset"
ANSWER_FIELDS = ("nps", "csat", "ces", "comment", "answered_at")


def responses_import(*, path: Path, dry_run: bool = False, partial: bool = False) -> ImportResult:
    result = ImportResult(dry_run=dry_run, partial=partial)
    errors = ErrorCollector(settings.KOHTAAMO_IMPORT_ERROR_LIMIT)
    checker = ResponseRows(errors=errors)
    try:
        for raw in open_rows(path, RESPONSE_COLUMNS):
            checker.check(raw)
        checker.flush()
    except ImportFileError as exc:
        result.file_error = exc.message
        return result
    result.rows_read = checker.rows_read
    result.rows_rejected = checker.rows_rejected
    errors.kept.sort(key=lambda error: error.row)
    result.errors = errors.kept
    result.error_count = errors.count
    if dry_run or (errors.count and not partial):
        return result
    try:
        result.created, result.updated = _write(checker.records)
    except IntegrityError:
        # Someone answered or imported the same encounter meanwhile.
        result.file_error = str(messages.ERROR_WRITE_CONFLICT)
        return result
    result.written = True
    return result


@transaction.atomic
def _write(records: list[ResponseRecord]) -> tuple[int, int]:
    survey, _created = Survey.objects.get_or_create(name=IMPORT_SURVEY_NAME, unit=None)
    invitations = _invitations_by_encounter([r.encounter.pk for r in records if r.encounter])
    created = updated = 0
    for record in records:
        encounter = record.encounter
        assert encounter is not None
        invitation = invitations.get(encounter.pk)
        response = getattr(invitation, "response", None) if invitation else None
        if response is not None:
            changed = [f for f in ANSWER_FIELDS if getattr(response, f) != getattr(record, f)]
            if not changed:
                continue
            was_unhappy = response.is_unhappy
            for field in changed:
                setattr(response, field, getattr(record, field))
            response.save(update_fields=changed)
            Invitation.objects.filter(pk=response.invitation_id).update(
                answered_at=record.answered_at
            )
            updated += 1
            if response.is_unhappy and not was_unhappy and not _has_followup(response):
                followup_open(response=response, encounter=encounter)
            continue
        if invitation is None:
            customer = encounter.customer
            assert customer is not None  # rows without a customer were refused
            invitation = Invitation.objects.create(
                survey=survey,
                encounter=encounter,
                customer=customer,
                language=customer.language,
                # Random bits nobody is told: the link of an imported answer
                # can never be opened.
                token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
                status=InvitationStatus.ANSWERED,
                created_at=record.answered_at,
                expires_at=record.answered_at + timedelta(days=survey.invitation_expiry_days),
                answered_at=record.answered_at,
            )
        else:
            Invitation.objects.filter(pk=invitation.pk).update(
                status=InvitationStatus.ANSWERED, answered_at=record.answered_at
            )
        response = Response.objects.create(
            invitation=invitation,
            nps=record.nps,
            csat=record.csat,
            ces=record.ces,
            comment=record.comment,
            language=invitation.language,
            answered_at=record.answered_at,
        )
        created += 1
        if response.is_unhappy:
            followup_open(response=response, encounter=encounter)
    return created, updated


def _invitations_by_encounter(encounter_ids: list[int]) -> dict[int, Invitation]:
    """Each encounter's invitation to attach an answer to: the answered one if
    there is one, else the latest."""
    chosen: dict[int, Invitation] = {}
    for start in range(0, len(encounter_ids), LOOKUP_BATCH):
        found = (
            Invitation.objects.filter(encounter_id__in=encounter_ids[start : start + LOOKUP_BATCH])
            .select_related("response")
            .order_by("encounter_id", "created_at", "pk")
        )
        _choose(chosen, found)
    return chosen


def _choose(chosen: dict[int, Invitation], found: Iterable[Invitation]) -> None:
    for invitation in found:
        current = chosen.get(invitation.encounter_id)
        if current is not None and hasattr(current, "response"):
            continue
        chosen[invitation.encounter_id] = invitation


def _has_followup(response: Response) -> bool:
    from kohtaamo.feedback.models import FollowUp

    return FollowUp.objects.filter(response=response).exists()
