"""Each answer gets copies of its encounter's team, staff member and channel
and its local day (see `Response.team`), filled for the answers that exist."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone


def fill_copies(apps, schema_editor):
    Response = apps.get_model("feedback", "Response")
    Encounter = apps.get_model("encounters", "Encounter")
    encounter = Encounter.objects.filter(invitations=OuterRef("invitation_id"))
    Response.objects.update(
        team_id=Subquery(encounter.values("team_id")),
        staff_id=Subquery(encounter.values("staff_id")),
        channel=Subquery(encounter.values("channel")),
        answered_on=TruncDate("answered_at", tzinfo=timezone.get_current_timezone()),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("encounters", "0003_encounter_fk_indexes_covered"),
        ("feedback", "0003_response_answered_at_index"),
        ("org", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="team",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="org.team",
                verbose_name="team",
            ),
        ),
        migrations.AddField(
            model_name="response",
            name="staff",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="staff member",
            ),
        ),
        migrations.AddField(
            model_name="response",
            name="channel",
            field=models.CharField(max_length=16, null=True, verbose_name="channel"),
        ),
        migrations.AddField(
            model_name="response",
            name="answered_on",
            field=models.DateField(null=True, verbose_name="answered on"),
        ),
        migrations.RunPython(fill_copies, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="response",
            name="team",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="org.team",
                verbose_name="team",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="staff",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="staff member",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="channel",
            field=models.CharField(
                choices=[
                    ("phone", "Phone"),
                    ("chat", "Chat"),
                    ("email", "E-mail"),
                    ("in_person", "In person"),
                    ("social", "Social media"),
                    ("other", "Other"),
                ],
                max_length=16,
                verbose_name="channel",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="answered_on",
            field=models.DateField(verbose_name="answered on"),
        ),
    ]
