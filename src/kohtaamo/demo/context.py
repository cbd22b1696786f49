"""What the demo steps share: the seed, the scale, the anchor time and the ids
of what earlier steps created."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

# The demo organisation works in Finland whatever the server's time zone is.
DEMO_TIME_ZONE = ZoneInfo("Europe/Helsinki")

# Markers that tell demo rows from everything else. Only rows carrying them
# are ever updated or removed by a re-run.
DEMO_SOURCE = "demo"
DEMO_CUSTOMER_PREFIX = "demo-"
# A domain reserved for examples (RFC 2606), so that a demo that sends
# e-mail can never reach a real mailbox.
DEMO_EMAIL_DOMAIN = "aurora-hotellit.example"
DEMO_PASSWORD = "kohtaamo-demo"
DEMO_BRAND = "Aurora"


@dataclass(frozen=True)
class DemoScale:
    """How much volume data to make; the organisation itself is always whole."""

    customers: int
    encounters: int
    transcripts: int
    days: int = 90


FULL_SCALE = DemoScale(customers=2000, encounters=20000, transcripts=300)


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str


@dataclass(frozen=True)
class StaffRef:
    """A demo person as later steps need them, without a database round trip."""

    user_id: int
    first_name: str


@dataclass(frozen=True)
class CustomerRef:
    customer_id: int
    first_name: str
    language: str


@dataclass
class EncounterRef:
    """An encounter as written, for steps that add to it (transcripts, later
    surveys and reviews)."""

    encounter_id: int
    external_id: str
    channel: str
    started_at: datetime
    ended_at: datetime
    staff_id: int
    team_code: str
    customer_id: int | None
    topic_key: str
    outcome: str


@dataclass
class DemoContext:
    seed: int
    scale: DemoScale
    today: date
    password: str = DEMO_PASSWORD
    report: Callable[[str], None] = lambda line: None
    unit_ids: dict[str, int] = field(default_factory=dict)
    team_ids: dict[str, int] = field(default_factory=dict)
    staff: dict[int, StaffRef] = field(default_factory=dict)
    team_members: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    customers: list[CustomerRef] = field(default_factory=list)
    encounters: list[EncounterRef] = field(default_factory=list)
    logins: list[DemoLogin] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def anchor(self) -> datetime:
        """Midnight at the start of today in Helsinki: the demo's "now".

        Everything is placed before it, so the same seed gives the same data
        all day long, and yesterday is always a full day of work."""
        return datetime.combine(self.today, time.min, tzinfo=DEMO_TIME_ZONE)

    def rng(self, step: str) -> random.Random:
        """A generator of its own for each step, so that adding or changing a
        step leaves the data of every other step as it was."""
        return random.Random(f"kohtaamo-demo:{self.seed}:{step}")


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    counts: dict[str, int]
    logins: list[DemoLogin]

    def describe(self) -> str:
        c = self.counts
        return (
            f"Demo organisation loaded (seed {self.seed}): "
            f"{c['regions']} regions, {c['units']} units under them, {c['teams']} teams, "
            f"{c['staff']} staff, {c['customers']} customers, "
            f"{c['encounters']} encounters ({c['transcripts']} with transcripts)."
        )
