from django.urls import path

from kohtaamo.encounters.views import browse

app_name = "encounters"

urlpatterns = [
    path("", browse.encounters, name="list"),
    path("<int:pk>/", browse.encounter_detail, name="detail"),
]
