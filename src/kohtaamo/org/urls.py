from django.urls import path

from kohtaamo.org.views import people, teams, units

app_name = "org"

urlpatterns = [
    path("", units.overview, name="overview"),
    path("units/new/", units.unit_create, name="unit_create"),
    path("units/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("units/<int:pk>/edit/", units.unit_edit, name="unit_edit"),
    path("units/<int:pk>/move/", units.unit_move, name="unit_move"),
    path("units/<int:pk>/managers/", units.unit_manager_add, name="unit_manager_add"),
    path(
        "units/<int:pk>/managers/<int:person_pk>/remove/",
        units.unit_manager_remove,
        name="unit_manager_remove",
    ),
    path("teams/new/", teams.team_create, name="team_create"),
    path("teams/<int:pk>/", teams.team_detail, name="team_detail"),
    path("teams/<int:pk>/edit/", teams.team_edit, name="team_edit"),
    path("teams/<int:pk>/members/", teams.team_member_add, name="team_member_add"),
    path(
        "teams/<int:pk>/members/<int:person_pk>/remove/",
        teams.team_member_remove,
        name="team_member_remove",
    ),
    path("people/", people.people, name="people"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/active/", people.person_active, name="person_active"),
    path("people/<int:pk>/admin/", people.person_admin, name="person_admin"),
    path("people/<int:pk>/teams/", people.person_team_add, name="person_team_add"),
    path("people/<int:pk>/units/", people.person_unit_add, name="person_unit_add"),
]
