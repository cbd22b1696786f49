from __future__ import annotations

from typing import Any

import pytest

from kohtaamo.feedback.models import Invitation, Survey
from kohtaamo.feedback.services import invitation_create


@pytest.fixture
def survey(db: None) -> Survey:
    return Survey.objects.create(name="Asiakaskysely")


@pytest.fixture
def invited(survey: Survey, encounter: Any) -> tuple[Invitation, str]:
    """An open invitation for the agent's encounter, and its token."""
    return invitation_create(encounter=encounter, survey=survey, language="fi")
