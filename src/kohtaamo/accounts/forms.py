from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

ERROR_LOGIN_INVALID = _("The e-mail address or the password is not correct.")


class LoginForm(AuthenticationForm):
    """Log in with the e-mail address, which is every person's username."""

    username = forms.CharField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": ERROR_LOGIN_INVALID,
    }

    def clean_username(self) -> str:
        # Usernames are stored in lower case (org.services.person_create).
        return str(self.cleaned_data["username"]).strip().lower()


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the helpdesk integration."),
    )
