"""Background tasks of the encounters app (django.tasks)."""

from __future__ import annotations

from django.tasks import task

from kohtaamo.encounters.models import ImportJob


@task()
def import_job_process(job_id: int) -> str:
    """Run an import uploaded on the web; the job records progress and result."""
    from kohtaamo.encounters.services import import_job_run

    job = import_job_run(job=ImportJob.objects.select_related("created_by").get(pk=job_id))
    return job.status
