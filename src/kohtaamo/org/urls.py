from django.urls import path

from kohtaamo.org import views

app_name = "org"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
]
