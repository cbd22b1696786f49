from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_http_methods, require_POST

from kohtaamo.accounts.forms import ApiTokenForm, LoginForm
from kohtaamo.accounts.selectors import api_tokens_of, get_own_token_or_404
from kohtaamo.accounts.services import api_token_create, api_token_revoke, language_remember


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    new_secret = None
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_secret = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": api_tokens_of(user=request.user), "new_secret": new_secret},
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_own_token_or_404(user=request.user, pk=pk)
    api_token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:tokens")


def language_choose(request: HttpRequest) -> HttpResponse:
    """Django's own language switch (`set_language`), which also remembers a
    signed-in person's choice for what is sent to them by e-mail."""
    response = i18n.set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        language_remember(user=request.user, language=request.POST.get("language", ""))
    return response
