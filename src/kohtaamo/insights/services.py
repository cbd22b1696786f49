"""Writes of the insights app: importing historical survey answers.

`kohtaamo import responses FILE` follows the encounter import's rules: all or
nothing by default, `partial` writes the good rows, `dry_run` only checks, and
every error names its row, column and message. Importing again updates the
answer, never adds a second one: an encounter has at most one answered
invitation, and the database's one-response-per-invitation rule holds
because every answer is attached to an invitation (made here when the
encounter had none, already answered and with a link nobody knows).

Only an answer an import wrote (`Response.imported`) is updated; an answer
the customer gave through a survey link is a row error
(`response_rows.ERROR_CUSTOMER_ANSWERED`). An update that makes an unhappy
answer happy removes its follow-up while it is open: it was opened only for
the wrong data. A closed one records a call that was made and stays.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ErrorCollector, ImportFileError, ImportResult
from kohtaamo.encounters.importing.formats import open_rows
from kohtaamo.encounters.models import Encounter
from kohtaamo.feedback.models import (
    IMPORT_SURVEY_NAME,
    FollowUp,
    FollowUpStatus,
    Invitation,
    InvitationStatus,
    Response,
    Survey,
)
from kohtaamo.feedback.services import RESPONSE_COPY_FIELDS, followup_open, response_copies
from kohtaamo.insights.aggregates import answer_days_add, answer_days_subtract
from kohtaamo.insights.response_rows import (
    LOOKUP_BATCH,
    RESPONSE_COLUMNS,
    ResponseRecord,
    ResponseRows,
)

ANSWER_FIELDS = ("nps", "csat", "ces", "comment", "answered_at")
BATCH_SIZE = 500


class _CustomerAnsweredMeanwhile(Exception):
    """A customer answered through the link after the rows were checked."""


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
    except (IntegrityError, _CustomerAnsweredMeanwhile):
        # Someone answered or imported the same encounter meanwhile.
        result.file_error = str(messages.ERROR_WRITE_CONFLICT)
        return result
    result.written = True
    return result


@transaction.atomic
def _write(records: list[ResponseRecord]) -> tuple[int, int]:
    """Write the checked answers: new invitations and answers in bulk, changed
    answers by bulk update, then a follow-up for every answer that has become
    unhappy, through the survey's own service; an answer that is no longer
    unhappy loses its follow-up if that is still open."""
    survey, _created = Survey.objects.get_or_create(name=IMPORT_SURVEY_NAME, unit=None)
    invitations = _invitations_by_encounter([r.encounter.pk for r in records if r.encounter])
    new_invitations: list[Invitation] = []
    answered: list[Invitation] = []
    new_responses: list[tuple[Response, Invitation]] = []
    changed_responses: list[Response] = []
    turned_unhappy: list[tuple[Response, Encounter]] = []
    turned_happy: list[Response] = []
    new_encounters: list[Encounter] = []
    for record in records:
        encounter = record.encounter
        assert encounter is not None
        invitation = invitations.get(encounter.pk)
        response = getattr(invitation, "response", None) if invitation else None
        if response is not None:
            if not response.imported:
                # The rows' check refused these; this one came after it.
                raise _CustomerAnsweredMeanwhile
            if all(getattr(response, f) == getattr(record, f) for f in ANSWER_FIELDS):
                continue
            was_unhappy = response.is_unhappy
            for field in ANSWER_FIELDS:
                setattr(response, field, getattr(record, field))
            for field, value in response_copies(
                encounter=encounter, answered_at=response.answered_at
            ).items():
                setattr(response, field, value)
            changed_responses.append(response)
            if response.is_unhappy and not was_unhappy:
                turned_unhappy.append((response, encounter))
            elif was_unhappy and not response.is_unhappy:
                turned_happy.append(response)
            continue
        if invitation is None:
            invitation = _answered_invitation(survey, record)
            new_invitations.append(invitation)
        else:
            invitation.status = InvitationStatus.ANSWERED
            answered.append(invitation)
        invitation.answered_at = record.answered_at
        new_responses.append((_response(record, language=invitation.language), invitation))
        new_encounters.append(encounter)
    Invitation.objects.bulk_create(new_invitations, batch_size=BATCH_SIZE)
    Invitation.objects.bulk_update(answered, ["status", "answered_at"], batch_size=BATCH_SIZE)
    for response, invitation in new_responses:
        response.invitation = invitation
    created = Response.objects.bulk_create([r for r, _i in new_responses], batch_size=BATCH_SIZE)
    _days_changed(answer_days_add, [r.pk for r in created])
    # An edited answer leaves its old day (and values) before it is updated.
    _days_changed(answer_days_subtract, [r.pk for r in changed_responses])
    Response.objects.bulk_update(
        changed_responses, [*ANSWER_FIELDS, *RESPONSE_COPY_FIELDS], batch_size=BATCH_SIZE
    )
    _days_changed(answer_days_add, [r.pk for r in changed_responses])
    Invitation.objects.bulk_update(
        [_with_answer_time(r) for r in changed_responses], ["answered_at"], batch_size=BATCH_SIZE
    )
    _open_followups_delete(turned_happy)
    already = _followed_up([r for r, _e in turned_unhappy])
    unhappy = [(r, e) for r, e in turned_unhappy if r.pk not in already]
    unhappy += [
        (r, e) for (r, _i), e in zip(new_responses, new_encounters, strict=True) if r.is_unhappy
    ]
    # A recent unhappy answer gets its call-back, due two working days after
    # the import (the lead hears of it only now); an old one is history: no
    # follow-up, and no escalation of a call-back nobody could have made.
    now = timezone.now()
    recent_from = now - timedelta(days=settings.KOHTAAMO_IMPORT_FOLLOWUP_DAYS)
    for response, encounter in unhappy:
        if response.answered_at >= recent_from:
            followup_open(response=response, encounter=encounter, opened_at=now)
    return len(created), len(changed_responses)


def _days_changed(change: Callable[..., None], ids: list[int]) -> None:
    for start in range(0, len(ids), LOOKUP_BATCH):
        change(responses=Response.objects.filter(pk__in=ids[start : start + LOOKUP_BATCH]))


def _answered_invitation(survey: Survey, record: ResponseRecord) -> Invitation:
    encounter = record.encounter
    assert encounter is not None and encounter.customer is not None
    return Invitation(
        survey=survey,
        encounter=encounter,
        customer=encounter.customer,
        language=encounter.customer.language,
        # Random bits nobody is told: the link of an imported answer can
        # never be opened.
        token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
        status=InvitationStatus.ANSWERED,
        created_at=record.answered_at,
        expires_at=record.answered_at + timedelta(days=survey.invitation_expiry_days),
        answered_at=record.answered_at,
    )


def _response(record: ResponseRecord, *, language: str) -> Response:
    assert record.encounter is not None
    return Response(
        nps=record.nps,
        csat=record.csat,
        ces=record.ces,
        comment=record.comment,
        language=language,
        answered_at=record.answered_at,
        imported=True,
        **response_copies(encounter=record.encounter, answered_at=record.answered_at),
    )


def _with_answer_time(response: Response) -> Invitation:
    invitation = response.invitation
    invitation.answered_at = response.answered_at
    return invitation


def _followed_up(responses: list[Response]) -> set[int]:
    ids = [r.pk for r in responses]
    found: set[int] = set()
    for start in range(0, len(ids), LOOKUP_BATCH):
        chunk = ids[start : start + LOOKUP_BATCH]
        found.update(
            FollowUp.objects.filter(response_id__in=chunk).values_list("response_id", flat=True)
        )
    return found


def _open_followups_delete(responses: list[Response]) -> None:
    """The open follow-ups of these answers, which are no longer unhappy; a
    closed one (the call was made) stays."""
    ids = [r.pk for r in responses]
    for start in range(0, len(ids), LOOKUP_BATCH):
        FollowUp.objects.filter(
            response_id__in=ids[start : start + LOOKUP_BATCH], status=FollowUpStatus.OPEN
        ).delete()


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
