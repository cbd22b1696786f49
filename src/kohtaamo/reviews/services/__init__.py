"""Writes of the reviews app, one module per sub-area; import from here."""

from kohtaamo.reviews.services.assignments import *  # noqa: F403
from kohtaamo.reviews.services.calibration import *  # noqa: F403
from kohtaamo.reviews.services.coaching import *  # noqa: F403
from kohtaamo.reviews.services.disputes import *  # noqa: F403
from kohtaamo.reviews.services.reviewing import *  # noqa: F403
from kohtaamo.reviews.services.scorecards import *  # noqa: F403
