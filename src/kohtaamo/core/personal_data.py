"""The one place that lists where personal data about customers is stored.

Export and erasure walk this registry, so a new model that stores a
customer's personal data must be added here (a test checks the known ones).
"""

from __future__ import annotations

# app_label.ModelName -> the fields that hold personal data
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "encounters.Customer": ("name", "email", "phone"),
    "encounters.TranscriptTurn": ("text",),
    # Written by the customer, or about what they said when called back.
    "feedback.Response": ("comment",),
    "feedback.FollowUp": ("note",),
}
