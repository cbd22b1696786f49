"""Strings of Django itself that its own catalogues do not translate yet, so
that `makemessages` puts them in ours (LOCALE_PATHS comes before Django's
catalogues).

Django 6 labels the empty choice of a select "- Select an option -"
(`django.db.models.fields.BLANK_CHOICE_LABEL`); its Finnish and Swedish
catalogues have no translation for it, so the rule and QR-survey forms
showed it in English.
"""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = (gettext_noop("- Select an option -"),)
