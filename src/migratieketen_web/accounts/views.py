# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Login with a second factor, logout, and API tokens (own and, for a beheerder, others').

Login is two steps: the password step only remembers *who* for five minutes; `login()`
is called after the TOTP code (or after enrolling an app on the first login), so a
session never exists on a password alone. Django's admin login sends here too.
"""

from __future__ import annotations

import base64
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

import segno
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from migratieketen_web.accounts.forms import (
    CodeForm,
    LoginForm,
    MemberTokenForm,
    TokenForm,
)
from migratieketen_web.accounts.isolation import IsolationDenied, organisation_coverage
from migratieketen_web.accounts.models import ApiToken, Membership, Organisation
from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.accounts.tokens import TokenError, issue_token, revoke_token

PENDING = "migratieketen_pending_login"
PENDING_SECONDS = 300


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def _pending_user(request: HttpRequest) -> Any:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    return get_user_model().objects.filter(pk=pending["user"], is_active=True).first()


def _finish(request: HttpRequest, user: Any, device: Any = None) -> HttpResponse:
    pending = request.session.pop(PENDING, {})
    auth_login(request, user, backend=pending.get("backend"))
    if device is not None:
        otp_login(request, device)
    return redirect(pending.get("next", "/"))


@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.user
        request.session.cycle_key()
        request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": _next_url(request),
        }
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            return redirect("accounts:code")
        if settings.MIGRATIEKETEN_REQUIRE_2FA:
            return redirect("accounts:koppelen")
        return _finish(request, user)
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "next": _next_url(request),
            "oidc": settings.MIGRATIEKETEN_OIDC_ENABLED,
            "oidc_failed": request.GET.get("oidc") == "mislukt",
        },
    )


@never_cache
def code_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("accounts:koppelen")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"].strip()):
            return _finish(request, user, device)
        form.add_error(
            "code",
            gettext("De code klopt niet of is verlopen; wacht op een nieuwe code.")
            if allowed
            else gettext("Te veel foute codes; wacht even en probeer het opnieuw."),
        )
    return render(request, "accounts/code.html", {"form": form})


def _qr_data_uri(url: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@never_cache
def enrol_view(request: HttpRequest) -> HttpResponse:
    """First login: link an authenticator app, prove it with one code, then log in."""
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:code")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            return _finish(request, user, device)
        form.add_error("code", gettext("De code klopt niet; probeer de volgende."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/enrol.html",
        {"form": form, "qr": _qr_data_uri(device.config_url), "secret": secret},
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.info(request, gettext("U bent uitgelogd."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


def admin_login_redirect(request: HttpRequest) -> HttpResponse:
    """The admin has no login of its own: it would skip the second factor."""
    target = request.GET.get("next", "/beheer/")
    return redirect(f"/inloggen?next={target}")


# --- API tokens -----------------------------------------------------------------------


def _own_organisations(user: Any) -> list[Organisation]:
    ids = Membership.objects.filter(user=user).values_list("organisation", flat=True)
    return list(Organisation.objects.filter(pk__in=ids))


@never_cache
@login_required
def tokens_view(request: HttpRequest) -> HttpResponse:
    """The user's own tokens; a new one is shown once, on this response only."""
    form = TokenForm(_own_organisations(request.user), request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = issue_token(
                user=request.user,
                name=form.cleaned_data["name"],
                grants=form.chosen(),
                expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
                issuer=request.user,
            )
        except TokenError as exc:
            form.add_error(None, str(exc))
    # @login_required: request.user is a User here, not the AnonymousUser.
    own = ApiToken.objects.filter(user=request.user)  # type: ignore[misc]
    tokens = own.prefetch_related("grants__organisation")
    response = render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": tokens, "issued": issued, "now": timezone.now()},
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def revoke_view(request: HttpRequest, token_uuid: str) -> HttpResponse:
    token = ApiToken.objects.filter(uuid=token_uuid).select_related("user").first()
    if token is None:
        raise Http404(gettext("Token bestaat niet."))
    try:
        revoke_token(token, request.user)
    except IsolationDenied as exc:
        raise Http404(gettext("Token bestaat niet.")) from exc
    messages.success(request, gettext("Het token is ingetrokken."))
    return redirect(
        _next_url(request) if request.POST.get("next") else "accounts:tokens"
    )


@never_cache
@login_required
def organisation_users_view(request: HttpRequest) -> HttpResponse:
    """For a beheerder: the users of the own organisations and their tokens."""
    actor = request_actor(request)
    if not actor.holds(Right.USERS_MANAGE):
        raise Http404(gettext("Deze pagina is er alleen voor beheerders."))
    organisations = [
        o
        for o in Organisation.objects.all()
        if all(
            actor.may(Right.USERS_MANAGE, c)
            for c in organisation_coverage(o.kind, o.code)
        )
    ]
    memberships = (
        Membership.objects.filter(organisation__in=organisations)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__username")
    )
    members = sorted({(str(m.user.pk), m.user.username) for m in memberships})
    form = MemberTokenForm(members, organisations, request.POST or None)
    issued = _issue_for_member(request, form) if request.method == "POST" else None
    tokens = ApiToken.objects.filter(
        user__memberships__organisation__in=organisations
    ).distinct()
    response = render(
        request,
        "accounts/organisation_users.html",
        {
            "memberships": memberships,
            "tokens": tokens,
            "now": timezone.now(),
            "form": form,
            "issued": issued,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def _issue_for_member(request: HttpRequest, form: MemberTokenForm) -> Any:
    """A beheerder's token for a member; the rules check every organisation named."""
    if not form.is_valid():
        return None
    member = get_user_model().objects.get(pk=form.cleaned_data["member"])
    try:
        return issue_token(
            user=member,
            name=form.cleaned_data["name"],
            grants=form.chosen(),
            expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
            issuer=request.user,
        )
    except (TokenError, IsolationDenied) as exc:
        form.add_error(None, str(exc))
        return None
