"""Checking encounter rows and turning them into records for the staging table."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Any

from django.contrib.auth import get_user_model

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.customer_lookup import CustomerLookup
from kohtaamo.encounters.importing.errors import ErrorCollector
from kohtaamo.encounters.importing.formats import CellBatch, Columns, RawRow
from kohtaamo.encounters.importing.validation import (
    INVALID,
    Problems,
    add,
    add_format_problems,
    aware,
    moment,
    report,
    text,
)
from kohtaamo.encounters.models import Channel, Speaker
from kohtaamo.org.models import Team

ENCOUNTER_COLUMNS = Columns(
    in_csv=(
        "source",
        "external_id",
        "channel",
        "started_at",
        "ended_at",
        "staff_email",
        "team",
        "customer_external_id",
        "topic",
        "outcome",
    ),
    required=("external_id", "channel", "started_at", "staff_email", "team"),
    json_only=("transcript",),
)
CHANNELS = frozenset(Channel.values)
CHANNEL_ALIASES = {"e_mail": Channel.EMAIL.value, "inperson": Channel.IN_PERSON.value}
SPEAKERS = frozenset(Speaker.values)
TURN_KEYS = frozenset({"speaker", "text", "at"})
MAX_TURNS = 2000
# Good values of the columns with few distinct ones (source, channel, staff,
# team) are remembered by their raw text, so that a million rows check each
# distinct value once; at most this many per column.
REMEMBER_MAX = 10_000
# Where the customer id sits in a record (see EncounterRows.check).
CUSTOMER_INDEX = 8
# The longest text of each column (the model's limits).
MAX_LENGTHS = {"external_id": 128, "customer_external_id": 128, "topic": 200, "outcome": 200}


@dataclass(frozen=True)
class EncounterLookups:
    """Staff and teams by what a file names them with. Both are small (the
    people and teams of one organisation), so they are read once; customers
    may be millions and are looked up a batch at a time (CustomerLookup)."""

    staff_by_email: dict[str, int]
    team_by_code: dict[str, int]

    @classmethod
    def load(cls) -> EncounterLookups:
        staff: dict[str, int] = {}
        people = get_user_model().objects.filter(is_active=True).order_by("-pk")
        # Lowest id wins should two accounts share an address in different case.
        for email, pk in people.values_list("email", "pk"):
            if email:
                staff[email.strip().lower()] = pk
        teams: dict[str, int] = {}
        for code, pk in Team.objects.order_by("-pk").values_list("code", "pk"):
            teams[code.lower()] = pk
        return cls(staff_by_email=staff, team_by_code=teams)


class EncounterRows:
    """Checks rows one by one; `flush()` hands over the good ones as records
    in the staging table's column order:

    rn, source, external_id, channel, started_at, ended_at, staff_id, team_id,
    customer_id, topic, outcome, transcript_given, turn_count

    A value of None in an optional column means "not given": an update keeps
    what is stored, a new encounter gets the default."""

    columns = ENCOUNTER_COLUMNS

    def __init__(
        self,
        *,
        errors: ErrorCollector,
        lookups: EncounterLookups,
        zone: tzinfo,
        default_source: str = "",
        forced_source: str = "",
        allowed_team_ids: frozenset[int] | None = None,
        customers: CustomerLookup | None = None,
    ) -> None:
        self.errors = errors
        self.lookups = lookups
        self.zone = zone
        self.default_source = default_source
        self.forced_source = forced_source
        self.allowed_team_ids = allowed_team_ids
        # Read-only once made: a second checker of the same file may share it.
        self.customers = CustomerLookup() if customers is None else customers
        self.rows_rejected = 0
        self._records: list[list[Any]] = []
        self._turns: list[tuple[Any, ...]] = []
        # Rows that name a customer wait for the batch's customer lookup
        # (unless all customers were read at the start).
        self._waiting: list[tuple[int, Problems, list[Any] | None, str]] = []
        self._rejected: set[int] = set()
        self._good: dict[str, dict[str, Any]] = {
            column: {} for column in ("source", "channel", "staff_email", "team")
        }
        # Rows kept a column at a time, in file order (see keep_columns).
        self._blocks: list[list[Sequence[Any]]] | None = None

    def keep_columns(self) -> None:
        """Keep the good rows a column at a time for `flush_columns()`, as a
        writer that sends them column by column wants them: a batch checked
        by column is then never turned into a list per row and back. Only
        with every customer read at the start (no row waits for a lookup)."""
        if self.reads_database:
            raise ValueError("rows kept by column need every customer read at the start")
        self._blocks = []

    @property
    def pending_turns(self) -> int:
        return len(self._turns)

    @property
    def reads_database(self) -> bool:
        """Whether `flush()` looks customers up in the database (there are
        too many to read them all at the start)."""
        return self.customers.preloaded is None

    def check(self, raw: RawRow) -> None:
        number, values, format_problems = raw
        problems: Problems = []
        if format_problems:
            add_format_problems(problems, format_problems)
            if not values:  # not a row at all: nothing more to say about it
                report(problems, number, self.errors)
                self.rows_rejected += 1
                return
        get = values.get
        good = self._good
        source = self._remembered(good["source"], get("source"), self._source, problems)
        external_id = text(
            get("external_id"), "external_id", MAX_LENGTHS["external_id"], problems, required=True
        )
        channel = self._remembered(good["channel"], get("channel"), self._channel, problems)
        started_at = moment(get("started_at"), "started_at", self.zone, problems)
        if started_at is None:
            started_at = add(problems, "started_at", messages.ERROR_REQUIRED, "required")
        ended_at = moment(get("ended_at"), "ended_at", self.zone, problems)
        staff_id = self._remembered(good["staff_email"], get("staff_email"), self._staff, problems)
        team_id = self._remembered(good["team"], get("team"), self._team, problems)
        customer = text(
            get("customer_external_id"),
            "customer_external_id",
            MAX_LENGTHS["customer_external_id"],
            problems,
        )
        topic = text(get("topic"), "topic", MAX_LENGTHS["topic"], problems)
        outcome = text(get("outcome"), "outcome", MAX_LENGTHS["outcome"], problems)
        turns = self._transcript(get("transcript"), number, problems)
        if (
            isinstance(started_at, datetime)
            and isinstance(ended_at, datetime)
            and ended_at < started_at
        ):
            add(problems, "ended_at", messages.ERROR_END_BEFORE_START, "end_before_start")

        record = None
        if not problems:
            record = [
                number,
                source,
                external_id,
                channel,
                started_at,
                ended_at,
                staff_id,
                team_id,
                None,
                topic or None,
                outcome or None,
                turns is not None,
                len(turns or ()),
            ]
            self._records.append(record)
            if turns:
                self._turns.extend(turns)
        if customer.__class__ is str and customer:
            known = self.customers.preloaded
            if known is None:
                self._waiting.append((number, problems, record, customer))
                return
            customer_id = known.get(customer)
            if customer_id is None:
                self._unknown_customer(number, problems, record)
                return
            if record is not None:
                record[CUSTOMER_INDEX] = customer_id
        if problems:
            report(problems, number, self.errors)
            self.rows_rejected += 1

    def _unknown_customer(self, number: int, problems: Problems, record: list[Any] | None) -> None:
        add(problems, "customer_external_id", messages.ERROR_UNKNOWN_CUSTOMER, "unknown_customer")
        report(problems, number, self.errors)
        self.rows_rejected += 1
        if record is not None:
            self._rejected.add(number)

    def flush(self) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
        """The good rows checked since the last flush, and their turns."""
        if self._waiting:
            known = self.customers.resolve({customer for *_rest, customer in self._waiting})
            for number, problems, record, customer in self._waiting:
                customer_id = known.get(customer)
                if customer_id is None:
                    self._unknown_customer(number, problems, record)
                elif problems:
                    report(problems, number, self.errors)
                    self.rows_rejected += 1
                elif record is not None:
                    record[CUSTOMER_INDEX] = customer_id
        records, turns, rejected = self._records, self._turns, self._rejected
        if rejected:
            records = [r for r in records if r[0] not in rejected]
            turns = [t for t in turns if t[0] not in rejected]
        self._records, self._turns, self._waiting, self._rejected = [], [], [], set()
        return records, turns

    def flush_columns(self) -> list[list[Sequence[Any]]]:
        """The good rows checked since the last flush as blocks of columns in
        `flush()`'s order, each block's rows following the last block's
        (keep_columns). A CSV file carries no transcript, so no turns."""
        assert self._blocks is not None, "keep_columns() first"
        assert not self._turns, "rows kept by column carry no transcript"
        self._block_records()
        blocks, self._blocks = self._blocks, []
        return blocks

    def _block_records(self) -> None:
        """Rows checked one by one since the last block become a block of their
        own, but those refused for an unknown customer (as `flush()` leaves
        them out)."""
        records, rejected = self._records, self._rejected
        if rejected:
            records = [r for r in records if r[0] not in rejected]
        if records:
            assert self._blocks is not None
            self._blocks.append(list(zip(*records, strict=True)))
        self._records, self._rejected = [], set()

    # --- A batch one column at a time -------------------------------------------

    def check_cells(self, batch: CellBatch) -> None:
        """`check` for each row of the batch: column by column when every value
        is plainly good (`_checked_by_column`), else row by row."""
        columns = dict(zip(batch.header, zip(*batch.cells, strict=True), strict=True))
        if not self._checked_by_column(batch.numbers, columns):
            for raw in batch.raw_rows():
                self.check(raw)

    def _checked_by_column(self, numbers: list[int], columns: Mapping[str, Sequence[Any]]) -> bool:
        """Check the rows of a batch a column at a time and keep their records,
        exactly as `check` keeps them; or return False, with nothing kept, as
        soon as some value is not plainly good. Each step states a rule of
        `check` for a whole column: what it cannot decide at a glance sends
        the batch back to be checked row by row, which reports it."""
        count = len(numbers)
        get = columns.get
        source = self._remembered_column("source", get("source"), self._source, count)
        channel = self._remembered_column("channel", get("channel"), self._channel, count)
        staff = self._remembered_column("staff_email", get("staff_email"), self._staff, count)
        team = self._remembered_column("team", get("team"), self._team, count)
        external_id = self._text_column(get("external_id"), "external_id", count, required=True)
        customer = self._text_column(get("customer_external_id"), "customer_external_id", count)
        topic = self._text_column(get("topic"), "topic", count)
        outcome = self._text_column(get("outcome"), "outcome", count)
        started_at = self._time_column(get("started_at"), count, required=True)
        ended_at = self._time_column(get("ended_at"), count)
        if (
            source is None
            or channel is None
            or staff is None
            or team is None
            or external_id is None
            or customer is None
            or topic is None
            or outcome is None
            or started_at is None
            or ended_at is None
            # No NUL in any text (the checked columns above say so themselves).
            or "\x00" in "".join((*external_id, *customer, *topic, *outcome))
            or self._ends_before_start(started_at, ended_at)
        ):
            return False
        customer_ids: list[int | None] = [None] * count
        known = self.customers.preloaded
        if known is not None:
            customer_ids = list(map(known.get, customer))
            # No customer has the empty id, so an unknown one leaves more Nones.
            if "" in known or customer_ids.count(None) != customer.count(""):
                return False  # an unknown customer: reported row by row
        kept: list[Sequence[Any]] = [
            numbers,
            source,
            external_id,
            channel,
            started_at,
            ended_at,
            staff,
            team,
            customer_ids,
            [t or None for t in topic],
            [o or None for o in outcome],
            [False] * count,
            [0] * count,
        ]
        if self._blocks is not None:
            self._block_records()
            self._blocks.append(kept)
            return True
        records = list(map(list, zip(*kept, strict=True)))
        self._records.extend(records)
        if known is None:
            self._waiting.extend(
                (record[0], [], record, c) for record, c in zip(records, customer, strict=True) if c
            )
        return True

    @staticmethod
    def _ends_before_start(
        started_at: Sequence[datetime | None], ended_at: Sequence[datetime | None]
    ) -> bool:
        if None in ended_at or None in started_at:
            return any(s and e and e < s for s, e in zip(started_at, ended_at, strict=True))
        later: Callable[[Any, Any], bool] = operator.gt
        return any(map(later, started_at, ended_at))

    def _remembered_column(
        self,
        name: str,
        values: Sequence[Any] | None,
        check: Callable[[Any, Problems], Any],
        count: int,
    ) -> list[Any] | None:
        """A column of few distinct values: each checked once (and remembered,
        as `_remembered` does), or None when one of them has a problem."""
        if values is None:  # not in the file: the check of "not given"
            probe: Problems = []
            clean = check(None, probe)
            return None if probe else [clean] * count
        good = self._good[name]
        try:
            return [good[value] for value in values]
        except (KeyError, TypeError):
            pass
        try:
            distinct = set(values)
        except TypeError:  # a list or an object in JSON: reported row by row
            return None
        for value in distinct:
            probe = []
            self._remembered(good, value, check, probe)
            if probe:
                return None
        cleaned = [good.get(value, INVALID) for value in values]
        return None if any(value is INVALID for value in cleaned) else cleaned

    @staticmethod
    def _text_column(
        values: Sequence[Any] | None, name: str, count: int, *, required: bool = False
    ) -> list[str] | None:
        """`text()` of a column of strings, or None when it would add a problem
        (NUL is looked for over all the columns at once)."""
        if values is None:
            return None if required else [""] * count
        if not all(value.__class__ is str for value in values):
            return None
        stripped = list(map(str.strip, values))
        if required and not all(stripped):
            return None
        return None if max(map(len, stripped)) > MAX_LENGTHS[name] else stripped

    def _time_column(
        self, values: Sequence[Any] | None, count: int, *, required: bool = False
    ) -> list[datetime | None] | None:
        """`moment()` of a column of strings, or None when it would add a problem."""
        if values is None:
            return None if required else [None] * count
        if not all(value.__class__ is str for value in values):
            return None
        parse = datetime.fromisoformat
        try:
            parsed = [parse(v) if v else None for v in map(str.strip, values)]
        except ValueError:
            return None
        if required and not all(parsed):
            return None
        if all(t is None or (t.tzinfo.__class__ is timezone and 1 < t.year < 9999) for t in parsed):
            return parsed  # fixed UTC offsets, as `aware` keeps them
        zone = self.zone
        stored = [None if t is None else aware(t, zone) for t in parsed]
        if any(s is None and t is not None for s, t in zip(stored, parsed, strict=True)):
            return None
        return stored

    # --- One column each ------------------------------------------------------

    @staticmethod
    def _remembered(
        good: dict[str, Any], value: Any, check: Callable[[Any, Problems], Any], problems: Problems
    ) -> Any:
        """`check(value)`, or what it said before about the same text. Only
        good values are remembered: a problem is added to each row's list."""
        if value.__class__ is not str:
            return check(value, problems)
        clean = good.get(value, INVALID)
        if clean is INVALID:
            before = len(problems)
            clean = check(value, problems)
            if len(problems) == before and len(good) < REMEMBER_MAX:
                good[value] = clean
        return clean

    def _source(self, value: Any, problems: Problems) -> Any:
        source = text(value, "source", 64, problems)
        if source is INVALID:
            return source
        if self.forced_source:
            if source and source != self.forced_source:
                return add(problems, "source", messages.ERROR_SOURCE_MISMATCH, "source_mismatch")
            return self.forced_source
        if not source:
            source = self.default_source
        if not source:
            return add(problems, "source", messages.ERROR_NO_SOURCE, "required")
        return source

    def _channel(self, value: Any, problems: Problems) -> Any:
        channel = text(value, "channel", 32, problems, required=True)
        if not isinstance(channel, str):
            return channel
        channel = channel.lower().replace("-", "_").replace(" ", "_")
        channel = CHANNEL_ALIASES.get(channel, channel)
        if channel not in CHANNELS:
            return add(
                problems,
                "channel",
                messages.ERROR_UNKNOWN_CHANNEL,
                "unknown_channel",
                choices=", ".join(Channel.values),
            )
        return channel

    def _staff(self, value: Any, problems: Problems) -> Any:
        email = text(value, "staff_email", 254, problems, required=True)
        if not isinstance(email, str):
            return email
        staff_id = self.lookups.staff_by_email.get(email.lower())
        if staff_id is None:
            return add(problems, "staff_email", messages.ERROR_UNKNOWN_STAFF, "unknown_staff")
        return staff_id

    def _team(self, value: Any, problems: Problems) -> Any:
        code = text(value, "team", 64, problems, required=True)
        if not isinstance(code, str):
            return code
        team_id = self.lookups.team_by_code.get(code.lower())
        if team_id is None:
            return add(problems, "team", messages.ERROR_UNKNOWN_TEAM, "unknown_team")
        if self.allowed_team_ids is not None and team_id not in self.allowed_team_ids:
            return add(problems, "team", messages.ERROR_TEAM_NOT_ALLOWED, "team_not_allowed")
        return team_id

    def _transcript(
        self, value: Any, number: int, problems: Problems
    ) -> list[tuple[Any, ...]] | None:
        """The turns as staging records (rn, position, speaker, text, spoken_at),
        or None when the row carries no transcript at all."""
        if value is None:
            return None
        if not isinstance(value, list):
            add(problems, "transcript", messages.ERROR_BAD_TRANSCRIPT, "bad_transcript")
            return []
        if len(value) > MAX_TURNS:
            add(
                problems,
                "transcript",
                messages.ERROR_TOO_MANY_TURNS,
                "too_many_turns",
                max=MAX_TURNS,
            )
            return []
        turns = []
        for index, turn in enumerate(value):
            if not isinstance(turn, dict) or not turn.keys() <= TURN_KEYS:
                add(problems, "transcript", messages.ERROR_BAD_TURN, "bad_turn", (index,))
                continue
            speaker = turn.get("speaker")
            if speaker not in SPEAKERS:
                add(
                    problems,
                    "transcript",
                    messages.ERROR_UNKNOWN_SPEAKER,
                    "unknown_speaker",
                    (index, "speaker"),
                )
            said = turn.get("text")
            if not isinstance(said, str) or not said.strip():
                add(problems, "transcript", messages.ERROR_REQUIRED, "required", (index, "text"))
            elif "\x00" in said:
                add(problems, "transcript", messages.ERROR_NUL, "nul_character", (index, "text"))
            at = moment(turn.get("at"), "transcript", self.zone, problems, path=(index, "at"))
            turns.append((number, index + 1, speaker, said, at))
        return turns
