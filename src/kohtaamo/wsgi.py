import os

from django.core.wsgi import get_wsgi_application
from django.urls import reverse
from django.utils import timezone

from kohtaamo.feedback.workdays import calendars_load

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaamo.settings")
application = get_wsgi_application()

# Each worker loads the URL configuration (every view, and the API with its
# schemas) as it starts, not while its first visitor waits: about a second
# on two shared cores (`benchmarks/nps_report_10m.py` prints a first render).
reverse("core:home")

# The same for the holiday calendar that an unhappy answer's follow-up needs
# for its due date: importing it takes some 60 ms.
calendars_load(timezone.localdate())
