"""Survey invitations in the REST API: invite the customer of one encounter
with the same rules as the periodic tick (consent, fatigue, one invitation
per encounter) and the same messages."""

# No `from __future__ import annotations`: ninja reads these annotations.
from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema, Status

from kohtaamo.core.api_common import WRITE_ERRORS, BodyBool, BodyId, require
from kohtaamo.encounters.models import Language
from kohtaamo.feedback.delivery import survey_url
from kohtaamo.feedback.invitation_requests import survey_for_team
from kohtaamo.feedback.models import Invitation, InvitationStatus
from kohtaamo.feedback.services import invitation_create
from kohtaamo.feedback.tasks import invitation_email
from kohtaamo.org import access, access_delivery

ERROR_UNKNOWN_ENCOUNTER = _("There is no such encounter.")

router = Router(tags=["feedback"])


class InvitationIn(Schema):
    encounter: BodyId = Field(description="The encounter whose customer is invited.")
    survey: BodyId | None = Field(
        None, description="The survey; the team's invitation rule's survey if left out."
    )
    language: Language | None = Field(None, description="The customer's language if left out.")
    send_email: BodyBool = Field(
        True,
        description=(
            "E-mail the invitation (and its reminder). With false the answer carries "
            "the survey link instead, for delivery by other means."
        ),
    )


class InvitationOut(Schema):
    id: int
    encounter: int = Field(alias="encounter_id")
    survey: int = Field(alias="survey_id")
    customer: int = Field(alias="customer_id")
    language: Language
    status: InvitationStatus
    created_at: datetime
    expires_at: datetime
    url: str | None = Field(None, description="The survey link, only when not e-mailed.")


@router.post(
    "/invitations",
    response={201: InvitationOut, **WRITE_ERRORS},
    url_name="invitation_create",
    summary="Invite an encounter's customer to a survey (leads, managers, admins)",
)
def invitation_create_api(request: HttpRequest, payload: InvitationIn) -> Status:
    require(access.can_write_encounters(request.user))
    encounter = (
        access.visible_encounters(request.user)
        .select_related("team__unit")
        .filter(pk=payload.encounter)
        .first()
    )
    if encounter is None:
        raise ValidationError({"encounter": ERROR_UNKNOWN_ENCOUNTER})
    require(access_delivery.may_invite(request.user, encounter))
    survey = survey_for_team(team=encounter.team, survey_id=payload.survey)
    try:
        invitation, token = invitation_create(
            encounter=encounter,
            survey=survey,
            language=payload.language.value if payload.language else None,
            send_email=payload.send_email,
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise
        # The rules refuse the encounter's customer (none, opted out, invited
        # lately, invited already): the error belongs to that field, as in
        # the file import, where it stands in the encounter's column.
        raise ValidationError({"encounter": exc.error_list}) from exc
    if payload.send_email:
        invitation_email.enqueue(invitation.pk)
        invitation = Invitation.objects.get(pk=invitation.pk)
        return Status(201, InvitationOut.from_orm(invitation))
    out = InvitationOut.from_orm(invitation)
    out.url = survey_url(token, language=invitation.language)
    return Status(201, out)
