"""A few hundred phone calls and chats with transcripts, in the customer's
language: most go well, some recover from a mistake, some go badly."""

from __future__ import annotations

import random
from datetime import timedelta

from kohtaamo.demo.context import DEMO_SOURCE, DEMO_TIME_ZONE, DemoContext, EncounterRef
from kohtaamo.demo.conversation import Course, Turn, conversation_compose, conversation_slots
from kohtaamo.demo.vocabulary.conversations import Case, LanguagePack
from kohtaamo.demo.vocabulary.conversations import en as english
from kohtaamo.demo.vocabulary.conversations import fi as finnish
from kohtaamo.demo.vocabulary.conversations import sv as swedish
from kohtaamo.demo.vocabulary.organisation import HOTELS, TEAMS
from kohtaamo.demo.vocabulary.topics import RECOVERED_OUTCOMES, UNRESOLVED_OUTCOMES
from kohtaamo.encounters.models import Channel, Encounter, Speaker, TranscriptTurn

LABEL = "Transcripts"
PACKS: dict[str, LanguagePack] = {p.code: p for p in (finnish.PACK, swedish.PACK, english.PACK)}
TRANSCRIBED_CHANNELS = (Channel.PHONE, Channel.CHAT)
COURSES = ((Course.GOOD, 55), (Course.RECOVERY, 25), (Course.BAD, 20))
BATCH_SIZE = 1000


def run(ctx: DemoContext) -> str:
    rng = ctx.rng("transcripts")
    language_of = {c.customer_id: c.language for c in ctx.customers}
    cases: dict[tuple[str, str], list[Case]] = {}
    for pack in PACKS.values():
        for case in pack.cases:
            cases.setdefault((pack.code, case.topic), []).append(case)
    candidates = [
        e
        for e in ctx.encounters
        if e.channel in TRANSCRIBED_CHANNELS
        and e.customer_id is not None
        and (language_of[e.customer_id], e.topic_key) in cases
    ]
    chosen = sorted(
        rng.sample(candidates, min(ctx.scale.transcripts, len(candidates))),
        key=lambda e: e.external_id,
    )

    TranscriptTurn.objects.filter(encounter__source=DEMO_SOURCE).delete()
    rows: list[TranscriptTurn] = []
    updates: list[Encounter] = []
    for ref in chosen:
        assert ref.customer_id is not None
        pack = PACKS[language_of[ref.customer_id]]
        case = rng.choice(cases[(pack.code, ref.topic_key)])
        turns, course = _transcript(ctx, ref, pack, case, rng)
        spoken_at = ref.started_at
        for position, turn in enumerate(turns, start=1):
            rows.append(
                TranscriptTurn(
                    encounter_id=ref.encounter_id,
                    position=position,
                    speaker=turn.speaker,
                    text=turn.text,
                    spoken_at=spoken_at,
                )
            )
            spoken_at += timedelta(seconds=_seconds_for(turn, ref.channel, rng))
        ref.ended_at = spoken_at
        if course == Course.BAD:
            ref.outcome = rng.choice(UNRESOLVED_OUTCOMES)
        elif course == Course.RECOVERY:
            ref.outcome = rng.choice(RECOVERED_OUTCOMES)
        updates.append(
            Encounter(
                pk=ref.encounter_id, has_transcript=True, ended_at=ref.ended_at, outcome=ref.outcome
            )
        )
    TranscriptTurn.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    Encounter.objects.bulk_update(
        updates, ["has_transcript", "ended_at", "outcome"], batch_size=BATCH_SIZE
    )
    ctx.counts["transcripts"] = len(updates)
    ctx.counts["turns"] = len(rows)
    return f"{len(updates)} ({len(rows)} turns)"


def _transcript(
    ctx: DemoContext, ref: EncounterRef, pack: LanguagePack, case: Case, rng: random.Random
) -> tuple[list[Turn], Course]:
    courses = [(c, w) for c, w in COURSES if c != Course.RECOVERY or case.can_recover]
    course = rng.choices([c for c, _ in courses], [w for _, w in courses])[0]
    team = _TEAMS[ref.team_code]
    when = ref.started_at.astimezone(DEMO_TIME_ZONE)
    slots = conversation_slots(
        pack,
        rng,
        agent=ctx.staff[ref.staff_id].first_name,
        team_kind=team.kind,
        hotel_key=team.hotel or rng.choice(sorted(HOTELS)),
        when=when,
    )
    turns = conversation_compose(
        pack=pack,
        case=case,
        course=course,
        channel=ref.channel,
        slots=slots,
        when=when,
        rng=rng,
    )
    return turns, course


_TEAMS = {team.code: team for team in TEAMS}


def _seconds_for(turn: Turn, channel: str, rng: random.Random) -> float:
    """How long a turn takes: speaking on the phone, typing in a chat, and
    for the agent's longer answers, looking things up first."""
    looking_up = (
        rng.uniform(10, 45) if turn.speaker == Speaker.STAFF and len(turn.text) > 100 else 0
    )
    if channel == Channel.CHAT:
        return round(len(turn.text) / 5 + rng.uniform(8, 40) + looking_up)
    return round(len(turn.text) / 14 + rng.uniform(1, 5) + looking_up)
