from django.urls import path

from kohtaamo.reviews import views

app_name = "reviews"

urlpatterns = [
    path("checklist/", views.checklist, name="checklist"),
]
