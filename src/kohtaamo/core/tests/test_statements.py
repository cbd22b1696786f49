"""Several writes as one PostgreSQL statement (`core.statements`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from kohtaamo.core.statements import Write, insert, run_together
from kohtaamo.org.models import Team

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="data-modifying WITH is PostgreSQL's"
)


def test_writes_go_together_and_return_their_keys(cast: Any) -> None:
    # Given an unsaved team, and a rename of another team
    team = Team(name="Chat", code="chat-2", unit=cast.hotel)
    rename = Write(
        "renamed", "UPDATE org_team SET name = %s WHERE id = %s", ["Puhelin", cast.team.pk]
    )
    # When both go as one statement
    returned = run_together([insert("made", team), rename])
    # Then the team is stored as save() would have stored it, and the rename done
    made = Team.objects.get(pk=returned["made"])
    assert (made.name, made.code, made.unit_id) == ("Chat", "chat-2", cast.hotel.pk)
    cast.team.refresh_from_db()
    assert cast.team.name == "Puhelin"


def test_one_refused_write_leaves_every_write_undone(cast: Any) -> None:
    # Given a rename, and a new team whose code is taken (a unique key)
    rename = Write(
        "renamed", "UPDATE org_team SET name = %s WHERE id = %s", ["Puhelin", cast.team.pk]
    )
    taken = Team(name="Toinen", code=cast.team.code, unit=cast.hotel)
    # When they go together, the database refuses
    with pytest.raises(IntegrityError), transaction.atomic():
        run_together([rename, insert("made", taken)])
    # Then the rename did not happen either
    cast.team.refresh_from_db()
    assert cast.team.name != "Puhelin"
    assert Team.objects.filter(code=cast.team.code).count() == 1
