import os

from django.core.wsgi import get_wsgi_application
from django.urls import reverse

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaamo.settings")
application = get_wsgi_application()

# Each worker loads the URL configuration (every view, and the API with its
# schemas) as it starts, not while its first visitor waits: about a second
# on two shared cores (`benchmarks/nps_report_10m.py` prints a first render).
reverse("core:home")
