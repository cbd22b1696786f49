"""The web upload of import files and the page that follows one import."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from kohtaamo.core.htmx import is_htmx
from kohtaamo.encounters import selectors, services
from kohtaamo.encounters.forms import ImportUploadForm
from kohtaamo.encounters.models import ImportKind
from kohtaamo.org import access


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    if not access.can_import(request.user):
        raise PermissionDenied
    kinds = [(k.value, k.label) for k in ImportKind if access.can_import_kind(request.user, k)]
    form = ImportUploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        job = services.import_job_create(
            user=request.user,
            upload=form.cleaned_data["file"],
            kind=form.cleaned_data["kind"],
            source=form.cleaned_data["source"],
            partial=form.cleaned_data["partial"],
            dry_run=form.cleaned_data["dry_run"],
            language=translation.get_language() or "fi",
        )
        return redirect("encounters:import_status", pk=job.pk)
    return render(
        request,
        "encounters/import_upload.html",
        {
            "form": form,
            # A job whose worker died shows as failed, not as forever running.
            "jobs": [
                services.import_job_check(job=job)
                for job in selectors.import_jobs_recent(user=request.user)
            ],
            "section": "import",
        },
    )


@login_required
@require_GET
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    if not access.can_import(request.user):
        raise PermissionDenied
    job = services.import_job_check(job=access.get_import_job_or_404(request.user, pk))
    template = (
        "encounters/_import_progress.html" if is_htmx(request) else "encounters/import_status.html"
    )
    return render(request, template, {"job": job, "section": "import"})
