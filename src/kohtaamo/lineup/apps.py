from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LineupConfig(AppConfig):
    name = "kohtaamo.lineup"
    label = "lineup"
    verbose_name = _("Wow stories and line-ups")
