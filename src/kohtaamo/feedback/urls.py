from django.urls import path

from kohtaamo.feedback.views import followups, optout, public, rules, survey

app_name = "feedback"

urlpatterns = [
    path("s/<str:token>/", survey.survey, name="survey"),
    path("q/<str:code>/", public.public_survey, name="public_survey"),
    path("optout/<str:token>/", optout.optout, name="optout"),
    path("feedback/followups/", followups.followups, name="followups"),
    path("feedback/followups/<int:pk>/", followups.followup_detail, name="followup_detail"),
    path("feedback/rules/", rules.rule_list, name="rules"),
    path("feedback/rules/new/", rules.rule_create, name="rule_create"),
    path("feedback/rules/<int:pk>/", rules.rule_edit, name="rule_edit"),
    path("feedback/rules/<int:pk>/delete/", rules.rule_delete, name="rule_delete"),
    path("feedback/qr/", public.public_list, name="public_list"),
    path("feedback/qr/<int:pk>/", public.public_detail, name="public_detail"),
]
