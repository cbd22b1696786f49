from django.urls import path

from kohtaamo.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.results, name="results"),
    path("feedback/", views.feedback, name="feedback"),
]
