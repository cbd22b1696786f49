"""Answers through a QR code remember the device (an HMAC of the id in its
cookie) beside the address, so the rate limit can count devices. Answers
stored before have no device: they still count for their address."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0004_response_copies"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicresponse",
            name="device_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
        migrations.AddIndex(
            model_name="publicresponse",
            index=models.Index(
                fields=["device_key", "-answered_at"], name="public_response_device"
            ),
        ),
    ]
