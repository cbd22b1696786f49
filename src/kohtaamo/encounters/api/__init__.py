"""The encounters part of the REST API: reads in `reads.py`, writes (create,
bulk upsert, the helpdesk webhook) in `writes.py`, all on the one router of
`router.py` (GET and POST of /encounters must share one URL pattern)."""

from kohtaamo.encounters.api import reads, writes
from kohtaamo.encounters.api.router import router

__all__ = ["reads", "router", "writes"]
