"""Writes of the feedback loop: inviting, answering, following up."""

from __future__ import annotations

import contextlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.core import statements
from kohtaamo.core.dates import local_date
from kohtaamo.core.hashing import secret_digest
from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.feedback.models import (
    CES_RANGE,
    COMMENT_MAX_LENGTH,
    CSAT_RANGE,
    NPS_RANGE,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    Invitation,
    InvitationRule,
    InvitationStatus,
    Response,
    RootCause,
    Survey,
)
from kohtaamo.feedback.workdays import add_working_days
from kohtaamo.insights.aggregates import answer_day_add, answer_day_writes
from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager

ERROR_NO_CUSTOMER = _("The encounter has no customer to invite.")
ERROR_OPTED_OUT = _("The customer has asked not to be sent surveys.")
ERROR_NO_EMAIL = _("The customer has no e-mail address to send the survey to.")
ERROR_INVITED_RECENTLY = _(
    "The customer was already invited to a survey in the last %(days)s days."
)
ERROR_ALREADY_INVITED = _("This encounter already has a survey invitation.")
ERROR_ALREADY_ANSWERED = _("This survey has already been answered. Thank you!")
ERROR_EXPIRED = _("This survey link has expired.")
ERROR_OUT_OF_RANGE = _("%(question)s must be a whole number from %(low)s to %(high)s.")
ERROR_NOT_ASKED = _("%(question)s is not asked in this survey.")
ERROR_COMMENT_TOO_LONG = _("The comment can be at most %(limit_value)s characters long.")
ERROR_FOLLOWUP_CLOSED = _("This follow-up is already closed.")
ERROR_UNKNOWN_OUTCOME = _("Choose one of the listed outcomes.")
ERROR_UNKNOWN_ROOT_CAUSE = _("Choose one of the listed root causes.")

FOLLOWUP_WORKING_DAYS = 2


# A survey link's token as stored (one place for every stored secret).
token_hash = secret_digest


def new_token() -> str:
    # 32 random bytes: 256 bits, well above the 128 the issue asks for.
    return secrets.token_urlsafe(32)


def invitation_create(
    *,
    encounter: Encounter,
    survey: Survey,
    language: str | None = None,
    rule: InvitationRule | None = None,
    send_email: bool = False,
) -> tuple[Invitation, str]:
    """A new invitation and its token; the token is returned once, never stored.

    With `send_email` the invitation is due for e-mail at once: the sender
    gives it a fresh token of its own (see `feedback.delivery`), so the token
    returned here stops working then.
    """
    if encounter.customer_id is None:
        raise ValidationError(ERROR_NO_CUSTOMER, code="no_customer")
    days = settings.KOHTAAMO_SURVEY_FATIGUE_DAYS
    try:
        with transaction.atomic():
            # Locking the customer makes two simultaneous invitations wait for
            # each other, so that the fatigue rule holds under concurrency too.
            customer = Customer.objects.select_for_update().get(pk=encounter.customer_id)
            if not customer.consent_surveys:
                raise ValidationError(ERROR_OPTED_OUT, code="opted_out")
            if send_email and not customer.email:
                raise ValidationError(ERROR_NO_EMAIL, code="no_email")
            if Invitation.objects.filter(encounter=encounter).exists():
                raise ValidationError(ERROR_ALREADY_INVITED, code="already_invited")
            now = timezone.now()
            if Invitation.objects.filter(
                customer=customer, created_at__gt=now - timedelta(days=days)
            ).exists():
                raise ValidationError(
                    ERROR_INVITED_RECENTLY, code="invited_recently", params={"days": days}
                )
            token = new_token()
            invitation = Invitation.objects.create(
                survey=survey,
                encounter=encounter,
                customer=customer,
                language=language or customer.language,
                token_hash=token_hash(token),
                created_at=now,
                expires_at=now + timedelta(days=survey.invitation_expiry_days),
                rule=rule,
                next_email_at=now if send_email else None,
            )
    except IntegrityError as exc:
        # Another request invited this encounter between the check and the insert.
        raise ValidationError(ERROR_ALREADY_INVITED, code="already_invited") from exc
    return invitation, token


def _check_answer(name: Any, value: int | None, asked: bool, bounds: tuple[int, int]) -> None:
    if value is None:
        return
    if not asked:
        raise ValidationError(ERROR_NOT_ASKED, code="not_asked", params={"question": name})
    if not bounds[0] <= value <= bounds[1]:
        raise ValidationError(
            ERROR_OUT_OF_RANGE,
            code="out_of_range",
            params={"question": name, "low": bounds[0], "high": bounds[1]},
        )


def followup_assignee(*, team: Team) -> Any | None:
    """The team's lead, or else the manager of the nearest unit above that has one."""
    assignee_id = followup_assignee_id(team_id=team.pk)
    return None if assignee_id is None else get_user_model().objects.get(pk=assignee_id)


def followup_assignee_id(*, team_id: int) -> int | None:
    with connection.cursor() as cursor:
        # The team's id goes in twice: once for its lead, once for its unit.
        cursor.execute(f"SELECT {followup_assignee_sql('%s')}", [team_id, team_id])
        row = cursor.fetchone()
    return None if row is None else row[0]


def followup_assignee_sql(team_id: str) -> str:
    """SQL for the id of whoever gets an unhappy answer's follow-up, for the
    team whose id the SQL expression `team_id` gives: its active lead (the
    first made, if several), or else an active manager of the nearest unit
    above it that has one (the first made there). The rule is stated here
    once, for `followup_assignee` and the survey link's one statement
    (`feedback.link_answer`); a test holds it to the rule written out in Python."""
    # Only the models' own table names and a role's constant go into the text.
    quote = connection.ops.quote_name
    membership = quote(TeamMembership._meta.db_table)
    manager = quote(UnitManager._meta.db_table)
    user = quote(get_user_model()._meta.db_table)
    unit = quote(Unit._meta.db_table)
    team = quote(Team._meta.db_table)
    # A unit's path lists its ancestors ("/1/4/9/"), so the units above a
    # team's are those whose path begins its own; the longest is the nearest.
    return (
        "COALESCE("  # noqa: S608
        f"(SELECT m.user_id FROM {membership} m JOIN {user} u ON u.id = m.user_id "
        f"WHERE m.team_id = {team_id} AND m.role = '{TeamRole.LEAD.value}' AND u.is_active "
        "ORDER BY m.id LIMIT 1), "
        f"(SELECT um.user_id FROM {manager} um JOIN {user} u ON u.id = um.user_id "
        f"JOIN {unit} above ON above.id = um.unit_id "
        f"JOIN {team} t ON t.id = {team_id} JOIN {unit} own ON own.id = t.unit_id "
        "WHERE u.is_active AND own.path LIKE above.path || '%%' "
        "ORDER BY length(above.path) DESC, um.id LIMIT 1))"
    )


def followup_due(*, opened_at: datetime) -> datetime:
    """Two Finnish working days after opening, at the same local time."""
    local = timezone.localtime(opened_at)
    due_day = add_working_days(local.date(), FOLLOWUP_WORKING_DAYS)
    naive = datetime.combine(due_day, local.time().replace(tzinfo=None))
    return timezone.make_aware(naive)


def followup_open(
    *, response: Response, encounter: Encounter, opened_at: datetime | None = None
) -> FollowUp:
    followup = followup_new(response=response, encounter=encounter, opened_at=opened_at)
    followup.save(force_insert=True)
    return followup


def followup_new(
    *, response: Response, encounter: Encounter, opened_at: datetime | None = None
) -> FollowUp:
    """The (unsaved) follow-up of an unhappy answer: for the team's lead, due
    in two working days after it opens, which is when the answer came unless
    it came earlier than Kohtaamo heard of it (`opened_at`, an import)."""
    opened = opened_at or response.answered_at
    # The survey page has loaded the team and its unit with the invitation
    # (`invitation_by_token`); only a caller that has not pays the query.
    if Encounter.team.is_cached(encounter) and Team.unit.is_cached(encounter.team):
        team = encounter.team
    else:
        team = Team.objects.select_related("unit").get(pk=encounter.team_id)
    return FollowUp(
        response=response,
        encounter=encounter,
        team=team,
        assignee_id=followup_assignee_id(team_id=team.pk),
        created_at=opened,
        due_at=followup_due(opened_at=opened),
    )


def response_submit(
    *,
    invitation: Invitation,
    nps: int | None,
    csat: int | None,
    ces: int | None,
    comment: str,
    consent_contact: bool,
    language: str | None = None,
) -> Response:
    """Store the answer; an unhappy one opens a follow-up with it, all or nothing.

    One answer per invitation is the database's rule (a one-to-one column), so
    two submissions racing each other store exactly one response.
    """
    survey = invitation.survey
    if invitation.status == InvitationStatus.ANSWERED:
        raise ValidationError(ERROR_ALREADY_ANSWERED, code="already_answered")
    if invitation.is_expired:
        raise ValidationError(ERROR_EXPIRED, code="expired")
    _check_answer("NPS", nps, survey.ask_nps, NPS_RANGE)
    _check_answer("CSAT", csat, survey.ask_csat, CSAT_RANGE)
    _check_answer("CES", ces, survey.ask_ces, CES_RANGE)
    comment = comment.strip() if survey.ask_comment else ""
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            ERROR_COMMENT_TOO_LONG,
            code="comment_too_long",
            params={"limit_value": COMMENT_MAX_LENGTH},
        )
    now = timezone.now()
    encounter = invitation.encounter
    response = Response(
        invitation=invitation,
        nps=nps,
        csat=csat,
        ces=ces,
        comment=comment,
        consent_contact=consent_contact and survey.ask_consent,
        language=language or invitation.language,
        answered_at=now,
        **response_copies(encounter=encounter, answered_at=now),
    )
    followup = followup_new(response=response, encounter=encounter) if response.is_unhappy else None
    try:
        if connection.vendor == "postgresql":
            _answer_in_one_statement(response, followup, invitation)
        else:
            with transaction.atomic():
                response.save(force_insert=True)
                Invitation.objects.filter(pk=invitation.pk).update(
                    status=InvitationStatus.ANSWERED, answered_at=now
                )
                answer_day_add(response=response)
                if followup is not None:
                    followup.response = response
                    followup.save(force_insert=True)
    except IntegrityError as exc:
        # The values were checked above, so only the one-answer rule can fail.
        raise ValidationError(ERROR_ALREADY_ANSWERED, code="already_answered") from exc
    invitation.status = InvitationStatus.ANSWERED
    invitation.answered_at = now
    return response


def _answer_in_one_statement(
    response: Response, followup: FollowUp | None, invitation: Invitation
) -> None:
    """The writes of an answer as one PostgreSQL statement: one round trip
    instead of six to eight (`core.statements`). Inside a caller's
    transaction a savepoint keeps a refusal from spoiling it."""
    table = connection.ops.quote_name(Invitation._meta.db_table)
    writes = [
        statements.insert("answer", response),
        statements.Write(
            "marked",
            f"UPDATE {table} SET status = %s, answered_at = %s WHERE id = %s",  # noqa: S608
            [InvitationStatus.ANSWERED, response.answered_at, invitation.pk],
        ),
        *answer_day_writes(response=response),
    ]
    if followup is not None:
        writes.append(
            statements.insert(
                "followup", followup, expressions={"response_id": "(SELECT id FROM answer)"}
            )
        )
    with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
        returned = statements.run_together(writes)
    response.pk = returned["answer"]
    response._state.adding = False
    if followup is not None:
        followup.pk = returned["followup"]
        followup.response = response
        followup._state.adding = False


# What an answer copies from its encounter and its own time (`Response.team`).
RESPONSE_COPY_FIELDS = ("team_id", "staff_id", "channel", "answered_on")


def response_copies(*, encounter: Encounter, answered_at: datetime) -> dict[str, Any]:
    """The values of RESPONSE_COPY_FIELDS for an answer, for every writer
    that makes or moves one."""
    values = (encounter.team_id, encounter.staff_id, encounter.channel, local_date(answered_at))
    return dict(zip(RESPONSE_COPY_FIELDS, values, strict=True))


def response_copies_refresh(*, responses: QuerySet[Response]) -> int:
    """Copy the encounter's team, staff member and channel and the local day
    into these answers again, after their encounters changed (the encounter
    import) or TIME_ZONE did (the aggregates' rebuild); returns how many
    answers were written."""
    encounter = Encounter.objects.filter(invitations=OuterRef("invitation_id"))
    return responses.update(
        team_id=Subquery(encounter.values("team_id")),
        staff_id=Subquery(encounter.values("staff_id")),
        channel=Subquery(encounter.values("channel")),
        answered_on=TruncDate("answered_at", tzinfo=timezone.get_current_timezone()),
    )


def followup_close(
    *, followup: FollowUp, outcome: str, root_cause: str, note: str, by: Any
) -> FollowUp:
    """Record the call-back. Every outcome but "not reached" means the customer
    was contacted, at the time of closing."""
    if outcome not in FollowUpOutcome.values:
        raise ValidationError(ERROR_UNKNOWN_OUTCOME, code="unknown_outcome")
    if root_cause not in RootCause.values:
        raise ValidationError(ERROR_UNKNOWN_ROOT_CAUSE, code="unknown_root_cause")
    now = timezone.now()
    with transaction.atomic():
        locked = FollowUp.objects.select_for_update().get(pk=followup.pk)
        if locked.status == FollowUpStatus.CLOSED:
            raise ValidationError(ERROR_FOLLOWUP_CLOSED, code="closed")
        locked.status = FollowUpStatus.CLOSED
        locked.outcome = outcome
        locked.root_cause = root_cause
        locked.note = note.strip()
        locked.contacted_at = None if outcome == FollowUpOutcome.NOT_REACHED else now
        locked.closed_by = by
        locked.closed_at = now
        locked.save(
            update_fields=[
                "status",
                "outcome",
                "root_cause",
                "note",
                "contacted_at",
                "closed_by",
                "closed_at",
            ]
        )
    for field in (
        "status",
        "outcome",
        "root_cause",
        "note",
        "contacted_at",
        "closed_by",
        "closed_at",
    ):
        setattr(followup, field, getattr(locked, field))
    return followup
