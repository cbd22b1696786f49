from django.urls import path

from kohtaamo.feedback.views import followups, survey

app_name = "feedback"

urlpatterns = [
    path("s/<str:token>/", survey.survey, name="survey"),
    path("feedback/followups/", followups.followups, name="followups"),
    path("feedback/followups/<int:pk>/", followups.followup_detail, name="followup_detail"),
]
