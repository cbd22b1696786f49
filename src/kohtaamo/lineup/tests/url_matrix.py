"""Wow stories, line-ups and the wall screen, for every role."""

from typing import Any

from kohtaamo.feedback.models import Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.lineup.services import story_tell, wall_link_create, wall_link_revoke
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.url_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Route

FOUND = 302
GONE = 410
TEAM_SEES = {"anonymous": LOGIN, "agent": OK, "lead": OK, "manager": OK, "admin": OK}
TEAM_RUNS = {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": OK, "manager": OK, "admin": OK}
TEAM_RUNS_POST = {
    "anonymous": LOGIN,
    "agent": FORBIDDEN,
    "lead": FOUND,
    "manager": FOUND,
    "admin": FOUND,
}
ONLY_ADMIN = {
    "anonymous": LOGIN,
    "agent": NOT_FOUND,
    "lead": NOT_FOUND,
    "manager": NOT_FOUND,
    "admin": OK,
}
EVERYONE = {role: OK for role in ("anonymous", "agent", "lead", "manager", "admin")}


def _promoter(cast: Any) -> Any:
    survey = Survey.objects.create(name="Kysely")
    encounter = EncounterFactory(staff=cast.agent, team=cast.team)
    invitation, _token = invitation_create(encounter=encounter, survey=survey)
    return response_submit(
        invitation=invitation, nps=10, csat=5, ces=7, comment="Upea palvelu!", consent_contact=False
    )


def build_world(*, cast: Any, encounter: Any, other_encounter: Any) -> dict[str, Any]:
    story = story_tell(
        by=cast.lead, team=cast.team, text="Aino löysi kadonneen sormuksen.", heroes=[cast.agent]
    )
    other_story = story_tell(
        by=cast.outsider_lead, team=cast.other_team, text="Olli auttoi.", heroes=[cast.outsider]
    )
    pending = story_tell(
        by=cast.agent, team=cast.team, text="Leena jäi auttamaan.", heroes=[cast.lead]
    )
    _link, token = wall_link_create(team=cast.team, by=cast.lead)
    revoked, revoked_token = wall_link_create(team=cast.team, by=cast.lead)
    wall_link_revoke(link=revoked, by=cast.lead)
    link_to_revoke, _t = wall_link_create(team=cast.team, by=cast.lead)
    return {
        "story": story,
        "other_story": other_story,
        "pending_story": pending,
        "wall_token": token,
        "revoked_token": revoked_token,
        "link_to_revoke": link_to_revoke,
        "promoter": _promoter(cast),
    }


def _team(w: Any) -> dict[str, Any]:
    return {"pk": w.cast.team.pk}


def _other_team(w: Any) -> dict[str, Any]:
    return {"pk": w.cast.other_team.pk}


EXPECTED = {
    "lineup:teams": Route(TEAM_SEES),
    "lineup:team_lineup": Route(TEAM_SEES, kwargs=_team),
    "lineup:team_lineup#other": Route(ONLY_ADMIN, kwargs=_other_team),
    "lineup:team_print": Route(TEAM_SEES, kwargs=_team),
    "lineup:team_print#other": Route(ONLY_ADMIN, kwargs=_other_team),
    "lineup:team_notes": Route(
        TEAM_RUNS_POST, kwargs=_team, method="post", data=lambda w: {"notes": "Muistakaa kiittää."}
    ),
    "lineup:team_notes#other": Route(
        {**ONLY_ADMIN, "admin": FOUND},
        kwargs=_other_team,
        method="post",
        data=lambda w: {"notes": "x"},
    ),
    "lineup:team_held": Route(
        TEAM_RUNS_POST, kwargs=_team, method="post", data=lambda w: {"attendees": [w.cast.agent.pk]}
    ),
    "lineup:team_settings": Route(TEAM_RUNS_POST, kwargs=_team, method="post", data=lambda w: {}),
    "lineup:wall_links": Route(TEAM_RUNS, kwargs=_team),
    "lineup:wall_links#other": Route(ONLY_ADMIN, kwargs=_other_team),
    "lineup:wall_revoke": Route(
        TEAM_RUNS_POST, kwargs=lambda w: {"pk": w.link_to_revoke.pk}, method="post"
    ),
    "lineup:wall": Route(EVERYONE, kwargs=lambda w: {"token": w.wall_token}),
    "lineup:wall#revoked": Route(
        {role: GONE for role in EVERYONE}, kwargs=lambda w: {"token": w.revoked_token}
    ),
    "lineup:wall#tampered": Route(
        {role: NOT_FOUND for role in EVERYONE}, kwargs=lambda w: {"token": w.wall_token[:-2] + "xx"}
    ),
    "lineup:stories": Route(TEAM_SEES),
    "lineup:story_new": Route(TEAM_SEES),
    "lineup:story_detail": Route(TEAM_SEES, kwargs=lambda w: {"pk": w.story.pk}),
    "lineup:story_detail#other": Route(ONLY_ADMIN, kwargs=lambda w: {"pk": w.other_story.pk}),
    "lineup:story_approve": Route(
        TEAM_RUNS_POST,
        kwargs=lambda w: {"pk": w.pending_story.pk},
        method="post",
    ),
    "lineup:story_thank": Route(
        {"anonymous": LOGIN, "agent": 400, "lead": FOUND, "manager": FOUND, "admin": FOUND},
        kwargs=lambda w: {"pk": w.story.pk},
        method="post",
    ),
    "lineup:candidate_story": Route(
        {"anonymous": LOGIN, "agent": NOT_FOUND, "lead": FOUND, "manager": FOUND, "admin": FOUND},
        kwargs=lambda w: {"pk": w.promoter.pk},
        method="post",
    ),
    "lineup:person_stories": Route(TEAM_SEES, kwargs=lambda w: {"pk": w.cast.agent.pk}),
    "lineup:person_stories#other": Route(ONLY_ADMIN, kwargs=lambda w: {"pk": w.cast.outsider.pk}),
    "lineup:notices": Route(TEAM_SEES),
}
