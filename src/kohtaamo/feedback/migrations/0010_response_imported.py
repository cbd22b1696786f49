"""Answers written by `kohtaamo import responses` are marked, so that an
import corrects only the answers an import wrote, never one a customer gave
through a survey link.

The answers that exist are marked when their invitation belongs to the
import's own survey ("Tuodut vastaukset", organisation-wide): the import
made those invitations, with links nobody knows. An answer an import
attached to an invitation that was sent earlier cannot be told from the
customer's own and stays unmarked: an import leaves it alone from now on."""

from django.db import migrations, models

# `insights.services.IMPORT_SURVEY_NAME`, as it was when this was written.
IMPORT_SURVEY_NAME = "Tuodut vastaukset"


def mark_imported(apps, schema_editor):
    Survey = apps.get_model("feedback", "Survey")
    Response = apps.get_model("feedback", "Response")
    surveys = list(
        Survey.objects.filter(name=IMPORT_SURVEY_NAME, unit=None).values_list("pk", flat=True)
    )
    if surveys:
        Response.objects.filter(invitation__survey_id__in=surveys).update(imported=True)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0009_invitation_email_wait_without_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="imported",
            field=models.BooleanField(default=False, verbose_name="imported"),
        ),
        migrations.RunPython(mark_imported, migrations.RunPython.noop, elidable=False),
    ]
