"""The PostgreSQL fast path: rows reach the staging table through COPY.

COPY is the fastest way into PostgreSQL, and psycopg 3 streams it: the server
stores each batch's rows as they arrive while Python formats the next ones.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kohtaamo.encounters.importing.staging import TURN_COLUMNS, TYPES, Staging

# Memory for the joins and groupings over the staging table, for this import's
# transaction only: with the default 4 MB, a million rows spill to disk.
WORK_MEM = "64MB"


class PostgresStaging(Staging):
    def load(self, records: list[list[Any]], turns: list[tuple[Any, ...]]) -> None:
        types = TYPES["postgresql"]
        names = ["rn", *(c.name for c in self.target.columns)]
        with self.connection.cursor() as cursor:
            if records:
                with cursor.copy(f"COPY {self.stage} ({', '.join(names)}) FROM STDIN") as copy:
                    copy.set_types(["integer", *(types[c.kind] for c in self.target.columns)])
                    for record in records:
                        copy.write_row(record)
            if turns:
                turn_names = ", ".join(c.name for c in TURN_COLUMNS)
                with cursor.copy(f"COPY {self.turn_stage} ({turn_names}) FROM STDIN") as copy:
                    copy.set_types([types[c.kind] for c in TURN_COLUMNS])
                    for turn in turns:
                        copy.write_row(turn)

    def finish_loading(self) -> None:
        # A temporary table has no statistics until analysed; without them the
        # planner may join a million staged rows the slow way.
        self._execute(f"ANALYZE {self.stage}")
        if self.target.turns_table:
            self._execute(f"ANALYZE {self.turn_stage}")

    def duplicates(self, limit: int) -> tuple[int, list[tuple[int, int]]]:
        with transaction.atomic(using=self.connection.alias):
            self._execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            return super().duplicates(limit)

    def prepare_write(self) -> None:
        self._execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        # Django declares foreign keys DEFERRABLE INITIALLY DEFERRED. Deferred,
        # the checks of a million rows queue up in memory until COMMIT; checked
        # at the end of each chunk's statement instead they cost the same time
        # but the queue stays small, and a violation names its chunk.
        self._execute("SET CONSTRAINTS ALL IMMEDIATE")

    def finish_write(self) -> None:
        # Back to how Django's foreign keys (the schema's only deferrable
        # constraints) start, for a transaction the caller goes on with.
        self._execute("SET CONSTRAINTS ALL DEFERRED")
