from django.urls import path

from kohtaamo.lineup.views import meeting, stories, wall

app_name = "lineup"

urlpatterns = [
    path("", meeting.team_list, name="teams"),
    path("teams/<int:pk>/", meeting.team_lineup, name="team_lineup"),
    path("teams/<int:pk>/print/", meeting.team_print, name="team_print"),
    path("teams/<int:pk>/notes/", meeting.team_notes, name="team_notes"),
    path("teams/<int:pk>/held/", meeting.team_held, name="team_held"),
    path("teams/<int:pk>/settings/", meeting.team_settings, name="team_settings"),
    path("teams/<int:pk>/wall-links/", wall.wall_links, name="wall_links"),
    path("wall-links/<int:pk>/revoke/", wall.wall_revoke, name="wall_revoke"),
    path("wall/<str:token>/", wall.wall, name="wall"),
    path("stories/", stories.story_list, name="stories"),
    path("stories/new/", stories.story_new, name="story_new"),
    path("stories/<int:pk>/", stories.story_detail, name="story_detail"),
    path("stories/<int:pk>/approve/", stories.story_approve, name="story_approve"),
    path("stories/<int:pk>/thanks/", stories.story_thank, name="story_thank"),
    path("candidates/<int:pk>/story/", stories.candidate_story, name="candidate_story"),
    path("people/<int:pk>/stories/", stories.person_stories, name="person_stories"),
    path("notices/", stories.notices, name="notices"),
]
