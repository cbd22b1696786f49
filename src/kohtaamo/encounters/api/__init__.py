"""The encounters part of the REST API: reads in `reads.py`, writes (create,
bulk upsert, the helpdesk webhook) in `writes.py`, all on the one router of
`router.py`."""

from kohtaamo.encounters.api import reads, writes
from kohtaamo.encounters.api.router import router

__all__ = ["reads", "router", "writes"]

# A module that still keeps a router of its own is mounted beside the shared
# one; its paths must then differ from the shared router's (see router.py).
if writes.router is not router:
    router.add_router("/", writes.router)
