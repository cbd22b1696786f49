"""Customers and encounters in the REST API: lists, details, and recording a
customer. Everyone reads what the access module lets them see."""

# No `from __future__ import annotations`: ninja's paginate wrapper reads the
# annotations in its own module, where these names are unknown.

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Status
from ninja.pagination import paginate

from kohtaamo.core.api_common import READ_ERRORS, WRITE_ERRORS, ObjectId, Page, require
from kohtaamo.encounters import customers, selectors
from kohtaamo.encounters.api.router import router
from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.encounters.schemas import (
    CustomerFilters,
    CustomerIn,
    CustomerOut,
    EncounterDetailOut,
    EncounterFilters,
    EncounterOut,
)
from kohtaamo.org import access

# --- Customers --------------------------------------------------------------------


@router.get(
    "/customers", response=list[CustomerOut], url_name="customer_list", summary="List customers"
)
@paginate(Page)
def customer_list(request: HttpRequest, filters: Query[CustomerFilters]) -> QuerySet[Customer]:
    return selectors.customer_list(
        user=request.user, external_id=filters.external_id, language=filters.language
    )


@router.get(
    "/customers/{int:customer_id}",
    response={200: CustomerOut, **READ_ERRORS},
    url_name="customer_detail",
    summary="Get a customer",
)
def customer_detail(request: HttpRequest, customer_id: ObjectId) -> Customer:
    return access.get_customer_or_404(request.user, customer_id)


@router.post(
    "/customers",
    response={201: CustomerOut, **WRITE_ERRORS},
    url_name="customer_create",
    summary="Record a customer (admins and managers)",
)
def customer_create(request: HttpRequest, payload: CustomerIn) -> Status:
    require(access.can_create_customers(request.user))
    customer = customers.customer_create(**payload.dict())
    return Status(201, customer)


# --- Encounters -------------------------------------------------------------------


@router.get(
    "/encounters",
    response=list[EncounterOut],
    url_name="encounter_list",
    summary="List encounters, newest first",
)
@paginate(Page)
def encounter_list(request: HttpRequest, filters: Query[EncounterFilters]) -> QuerySet[Encounter]:
    return selectors.encounter_list(
        user=request.user,
        team_id=filters.team,
        staff_id=filters.staff,
        channel=filters.channel,
        started_after=filters.started_after,
        started_before=filters.started_before,
        has_transcript=filters.has_transcript,
        source=filters.source,
        external_id=filters.external_id,
    )


@router.get(
    "/encounters/{int:encounter_id}",
    response={200: EncounterDetailOut, **READ_ERRORS},
    url_name="encounter_detail",
    summary="Get an encounter with its transcript",
)
def encounter_detail(request: HttpRequest, encounter_id: ObjectId) -> Encounter:
    return access.get_encounter_or_404(request.user, encounter_id)
