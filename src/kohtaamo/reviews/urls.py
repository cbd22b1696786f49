from django.urls import path

from kohtaamo.reviews.models import ReviewKind
from kohtaamo.reviews.views import assignments, checklist, disputes, reviewing

app_name = "reviews"

urlpatterns = [
    path("checklist/", checklist.checklist, name="checklist"),
    path("", reviewing.reviews, name="list"),
    path("help/score/", reviewing.score_help, name="score_help"),
    path("<int:pk>/", reviewing.review_detail, name="detail"),
    path("<int:pk>/disputes/", disputes.dispute_create, name="dispute_create"),
    path("disputes/<int:pk>/decide/", disputes.dispute_decide_view, name="dispute_decide"),
    path("assignments/", assignments.assignments, name="assignments"),
    path(
        "assignments/reviewers/",
        assignments.reviewer_nominate_view,
        name="reviewer_nominate",
    ),
    path(
        "encounters/<int:pk>/review/",
        reviewing.review_edit,
        {"kind": ReviewKind.LEAD},
        name="lead_review",
    ),
    path(
        "encounters/<int:pk>/self-review/",
        reviewing.review_edit,
        {"kind": ReviewKind.SELF},
        name="self_review",
    ),
]
