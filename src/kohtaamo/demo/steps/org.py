"""Units, teams and the sixty staff with their roles.

Units and teams are kept by their codes and people by their e-mail, so a
re-run updates them in place: ids, sessions and anything an admin added to
the demo organisation survive.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from kohtaamo.demo.context import DEMO_EMAIL_DOMAIN, DemoContext, DemoLogin, StaffRef
from kohtaamo.demo.naming import PersonName, email_local_part, person_name, unique_email
from kohtaamo.demo.vocabulary import organisation as org
from kohtaamo.org.models import Role, Team, TeamMembership, TeamRole, Unit, UnitManager
from kohtaamo.org.services import (
    person_create,
    team_create,
    team_update,
    unit_create,
    unit_move,
    unit_update,
)

LABEL = "Organisation"


@dataclass
class StaffSpec:
    name: PersonName
    email: str
    is_admin: bool = False
    manages: str | None = None
    teams: list[tuple[str, str]] = field(default_factory=list)  # (team code, role)


def staff_plan(rng: random.Random) -> list[StaffSpec]:
    """Who works where: an admin, the managers, a lead per team and its agents."""
    taken_names: set[str] = set()
    taken_emails: set[str] = set()

    def new_person(place: str) -> StaffSpec:
        share = next(
            (s for prefix, s in org.SWEDISH_NAME_SHARE.items() if place.startswith(prefix)),
            org.SWEDISH_NAME_SHARE_DEFAULT,
        )
        while True:
            name = person_name(rng, kind="sv" if rng.random() < share else "fi")
            if name.full not in taken_names:
                break
        taken_names.add(name.full)
        email = unique_email(email_local_part(name), DEMO_EMAIL_DOMAIN, taken_emails)
        return StaffSpec(name=name, email=email)

    admin = new_person("aurora")
    admin.is_admin = True
    plan = [admin]
    for unit_code in org.MANAGED_UNITS:
        manager = new_person(unit_code)
        manager.manages = unit_code
        plan.append(manager)
    agents_by_team: dict[str, list[StaffSpec]] = {}
    for team in org.TEAMS:
        lead = new_person(team.code)
        lead.teams.append((team.code, TeamRole.LEAD))
        plan.append(lead)
        agents_by_team[team.code] = []
        for _ in range(team.agents):
            agent = new_person(team.code)
            agent.teams.append((team.code, TeamRole.AGENT))
            agents_by_team[team.code].append(agent)
            plan.append(agent)
    for home, second in org.SECOND_TEAMS:
        # The last agent of the home team, so the login agent stays in one team.
        agents_by_team[home][-1].teams.append((second, TeamRole.AGENT))
    return plan


def run(ctx: DemoContext) -> str:
    units = _units_upsert(ctx)
    _teams_upsert(ctx, units)
    plan = staff_plan(ctx.rng("staff"))
    users = _people_upsert(ctx, plan)
    _roles_reset(ctx, plan, users)
    ctx.counts.update(
        regions=len(org.REGION_CODES),
        units=len(org.UNITS) - len(org.REGION_CODES),
        teams=len(org.TEAMS),
        staff=len(plan),
    )
    return (
        f"{ctx.counts['regions']} regions, {ctx.counts['units']} units, "
        f"{ctx.counts['teams']} teams, {ctx.counts['staff']} staff"
    )


def _units_upsert(ctx: DemoContext) -> dict[str, Unit]:
    existing = {u.code: u for u in Unit.objects.filter(code__in=[s.code for s in org.UNITS])}
    units: dict[str, Unit] = {}
    for spec in org.UNITS:
        parent = units[spec.parent] if spec.parent else None
        unit = existing.get(spec.code)
        if unit is None:
            unit = unit_create(name=spec.name, code=spec.code, parent=parent)
        else:
            # An admin may have moved or renamed a demo unit; put it back.
            if unit.parent_id != (parent.pk if parent else None):
                unit = unit_move(unit=unit, parent=parent)
            if unit.name != spec.name:
                unit = unit_update(unit=unit, name=spec.name, code=spec.code)
        units[spec.code] = unit
    ctx.unit_ids = {code: unit.pk for code, unit in units.items()}
    return units


def _teams_upsert(ctx: DemoContext, units: dict[str, Unit]) -> None:
    existing = {t.code: t for t in Team.objects.filter(code__in=[s.code for s in org.TEAMS])}
    for spec in org.TEAMS:
        unit = units[spec.unit]
        team = existing.get(spec.code)
        if team is None:
            team = team_create(name=spec.name, code=spec.code, unit=unit)
        elif (team.name, team.unit_id) != (spec.name, unit.pk):
            team = team_update(team=team, name=spec.name, code=spec.code, unit=unit)
        ctx.team_ids[spec.code] = team.pk


def _people_upsert(ctx: DemoContext, plan: list[StaffSpec]) -> dict[str, Any]:
    user_model = get_user_model()
    by_email = {u.email: u for u in user_model.objects.filter(email__in=[s.email for s in plan])}
    # One hash for everyone: hashing sixty passwords with Argon2 would take
    # seconds, and every demo person shares the printed password anyway.
    password_hash = make_password(ctx.password)
    changed: list[Any] = []
    for spec in plan:
        user = by_email.get(spec.email)
        if user is None:
            user = person_create(
                email=spec.email,
                first_name=spec.name.first,
                last_name=spec.name.last,
                is_admin=spec.is_admin,
            )
            user.password = password_hash
            by_email[spec.email] = user
            changed.append(user)
            continue
        wanted = (spec.name.first, spec.name.last, spec.is_admin, spec.is_admin, True)
        current = (
            user.first_name,
            user.last_name,
            user.is_superuser,
            user.is_staff,
            user.is_active,
        )
        if current != wanted:
            user.first_name, user.last_name = spec.name.first, spec.name.last
            user.is_superuser = user.is_staff = spec.is_admin
            user.is_active = True
            changed.append(user)
    user_model.objects.bulk_update(
        changed, ["first_name", "last_name", "is_superuser", "is_staff", "is_active", "password"]
    )
    for spec in plan:
        ref = StaffRef(user_id=by_email[spec.email].pk, first_name=spec.name.first)
        ctx.staff[ref.user_id] = ref
    return by_email


def _roles_reset(ctx: DemoContext, plan: list[StaffSpec], users: dict[str, Any]) -> None:
    """Give the demo people exactly the roles of the plan in the demo units."""
    demo_people = {"user__email__endswith": f"@{DEMO_EMAIL_DOMAIN}"}
    TeamMembership.objects.filter(team_id__in=ctx.team_ids.values(), **demo_people).delete()
    UnitManager.objects.filter(unit_id__in=ctx.unit_ids.values(), **demo_people).delete()
    memberships = []
    managers = []
    ctx.team_members = {spec.code: [] for spec in org.TEAMS}
    for spec in plan:
        user = users[spec.email]
        for team_code, role in spec.teams:
            memberships.append(
                TeamMembership(user=user, team_id=ctx.team_ids[team_code], role=role)
            )
            ctx.team_members[team_code].append((user.pk, role))
        if spec.manages:
            managers.append(UnitManager(user=user, unit_id=ctx.unit_ids[spec.manages]))
    TeamMembership.objects.bulk_create(memberships)
    UnitManager.objects.bulk_create(managers)
    _logins_choose(ctx, plan, users)


def _logins_choose(ctx: DemoContext, plan: list[StaffSpec], users: dict[str, Any]) -> None:
    admin = next(s for s in plan if s.is_admin)
    manager = next(s for s in plan if s.manages == org.LOGIN_MANAGER_UNIT)
    lead = next(s for s in plan if (org.LOGIN_TEAM, TeamRole.LEAD) in s.teams)
    agent = next(s for s in plan if s.teams == [(org.LOGIN_TEAM, TeamRole.AGENT)])
    for role, spec in (
        (Role.ADMIN, admin),
        (Role.MANAGER, manager),
        (Role.LEAD, lead),
        (Role.AGENT, agent),
    ):
        user = users[spec.email]
        # Someone may have changed a demo password; the printed one must work.
        if not user.check_password(ctx.password):
            user.set_password(ctx.password)
            user.save(update_fields=["password"])
        ctx.logins.append(
            DemoLogin(role=str(role), username=user.get_username(), password=ctx.password)
        )
