from django.apps import apps

from kohtaamo.core.personal_data import PERSONAL_FIELDS


def test_every_registered_personal_field_exists() -> None:
    for label, fields in PERSONAL_FIELDS.items():
        model = apps.get_model(label)
        names = {f.name for f in model._meta.get_fields()}
        assert set(fields) <= names, label


def test_customer_contact_details_are_registered_as_personal() -> None:
    assert PERSONAL_FIELDS["encounters.Customer"] == ("name", "email", "phone")
    assert PERSONAL_FIELDS["encounters.TranscriptTurn"] == ("text",)
