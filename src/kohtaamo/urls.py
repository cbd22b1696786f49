from django.contrib import admin
from django.urls import include, path

from kohtaamo.accounts.views import language_choose
from kohtaamo.api import api, not_found

urlpatterns = [
    path("", include("kohtaamo.core.urls")),
    path("accounts/", include("kohtaamo.accounts.urls")),
    path("org/", include("kohtaamo.org.urls")),
    path("encounters/", include("kohtaamo.encounters.urls")),
    path("", include("kohtaamo.feedback.urls")),
    path("reviews/", include("kohtaamo.reviews.urls")),
    path("lineup/", include("kohtaamo.lineup.urls")),
    path("insights/", include("kohtaamo.insights.urls")),
    path("i18n/setlang/", language_choose, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # After the API's own routes: whatever they do not match is a JSON 404.
    path("api/v1/<path:rest>", not_found, name="api_not_found"),
]
