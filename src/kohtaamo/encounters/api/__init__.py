"""The encounters part of the REST API: reads in `reads.py`, writes (create,
bulk upsert, the helpdesk webhook) in `writes.py`."""

from ninja import Router

from kohtaamo.encounters.api import reads, writes

router = Router()
router.add_router("/", reads.router)
router.add_router("/", writes.router)
