from django.urls import path

from kohtaamo.encounters.views import browse, imports

app_name = "encounters"

urlpatterns = [
    path("", browse.encounters, name="list"),
    path("<int:pk>/", browse.encounter_detail, name="detail"),
    path("import/", imports.import_upload, name="import_upload"),
    path("import/<int:pk>/", imports.import_status, name="import_status"),
]
