"""Shapes of customers and encounters in the REST API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from kohtaamo.core.api_common import BodyBool, Moment, ObjectId, Text
from kohtaamo.encounters.models import Channel, Language, Speaker
from kohtaamo.encounters.selectors import encounter_transcript

# --- Customers --------------------------------------------------------------------


class CustomerOut(Schema):
    """A customer with their personal fields. Only ever built for a customer
    the reader may see (access.visible_customers, or an encounter they see)."""

    id: int
    external_id: str
    name: str
    email: str
    phone: str
    language: Language
    consent_surveys: bool
    consent_contact: bool


class CustomerIn(Schema):
    external_id: Text = Field(min_length=1, max_length=128)
    name: Text = Field("", max_length=200)
    email: Text = Field("", max_length=254)
    phone: Text = Field("", max_length=40)
    language: Language = Language.FI
    consent_surveys: BodyBool = True
    consent_contact: BodyBool = False


class CustomerFilters(Schema):
    external_id: Text | None = Field(None, max_length=128)
    language: Language | None = None


# --- Encounters -------------------------------------------------------------------


class StaffRef(Schema):
    id: int
    first_name: str
    last_name: str


class TeamRef(Schema):
    id: int
    code: str
    name: str


class EncounterOut(Schema):
    id: int
    source: str
    external_id: str
    channel: Channel
    started_at: datetime
    ended_at: datetime | None
    staff: StaffRef
    team: TeamRef
    customer: CustomerOut | None
    topic: str
    outcome: str
    has_transcript: bool


class TurnOut(Schema):
    position: int
    speaker: Speaker
    text: str
    spoken_at: datetime | None


class EncounterDetailOut(EncounterOut):
    turns: list[TurnOut]

    @staticmethod
    def resolve_turns(obj: Any) -> Any:
        return encounter_transcript(encounter=obj)


class EncounterFilters(Schema):
    team: ObjectId | None = Field(None, description="Team id.")
    staff: ObjectId | None = Field(None, description="Staff member's person id.")
    channel: Channel | None = None
    started_after: Moment | None = Field(
        None, description="Started at or after this time (inclusive)."
    )
    started_before: Moment | None = Field(None, description="Started before this time (exclusive).")
    has_transcript: bool | None = None
    source: Text | None = Field(None, max_length=64)
    external_id: Text | None = Field(None, max_length=128)
