"""Every installation starts with the essay checklist as its default scorecard."""

from django.db import migrations


def install(apps, schema_editor):
    from kohtaamo.reviews.services import default_scorecard_install

    default_scorecard_install(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
