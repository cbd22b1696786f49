from django.urls import path

from kohtaamo.reviews.models import ReviewKind
from kohtaamo.reviews.views import (
    assignments,
    calibration,
    checklist,
    coaching,
    disputes,
    export,
    iqs,
    reviewing,
)

app_name = "reviews"

urlpatterns = [
    path("checklist/", checklist.checklist, name="checklist"),
    path("", reviewing.reviews, name="list"),
    path("help/score/", reviewing.score_help, name="score_help"),
    path("iqs/", iqs.iqs, name="iqs"),
    path("coaching/", coaching.coaching, name="coaching"),
    path("coaching/<int:pk>/", coaching.coaching_detail, name="coaching_detail"),
    path(
        "coaching/actions/<int:pk>/done/",
        coaching.coaching_action_done_view,
        name="coaching_action_done",
    ),
    path("export.csv", export.reviews_csv, name="export_csv"),
    path("<int:pk>/", reviewing.review_detail, name="detail"),
    path("<int:pk>/disputes/", disputes.dispute_create, name="dispute_create"),
    path("disputes/<int:pk>/decide/", disputes.dispute_decide_view, name="dispute_decide"),
    path("assignments/", assignments.assignments, name="assignments"),
    path("calibration/", calibration.calibrations, name="calibrations"),
    path("calibration/<int:pk>/", calibration.calibration_detail, name="calibration_detail"),
    path(
        "calibration/<int:pk>/items/<int:item_pk>/",
        calibration.calibration_score,
        name="calibration_score",
    ),
    path(
        "calibration/items/<int:item_pk>/agree/",
        calibration.calibration_agree_view,
        name="calibration_agree",
    ),
    path(
        "calibration/<int:pk>/close/", calibration.calibration_close_view, name="calibration_close"
    ),
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
