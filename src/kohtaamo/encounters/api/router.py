"""The one router of the encounters API: `reads.py` and `writes.py` both
register their operations on it (`from kohtaamo.encounters.api.router import
router`).

They must share it: two routers cannot answer different methods of one path.
With GET /encounters in one router and POST /encounters in another, Django
sends every request to the first pattern that matches, and that one answers
405 to the method it does not know.
"""

from __future__ import annotations

from ninja import Router

router = Router(tags=["encounters"])
