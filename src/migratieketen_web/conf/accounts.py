# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Settings of the accounts, audit and register apps (ADR 0012, 0013).

Imported by base.py; every value read through config() so docs/configuration.md lists it.
"""

from __future__ import annotations

from migratieketen_web.config import config

ACCOUNT_APPS = [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
    "migratieketen_web.accounts",
    "migratieketen_web.audit",
    "migratieketen_web.inburgering",
    "migratieketen_web.arbeidsmigranten",
    "migratieketen_web.lvv",
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Sessions end after idle time and at most after a working day (BIO, ASVS V3).
SESSION_COOKIE_AGE = 60 * config(
    "MIGRATIEKETEN_SESSION_IDLE_MINUTES",
    30,
    "Minutes without a request after which a login session ends.",
    minimum=1,
)
SESSION_SAVE_EVERY_REQUEST = True  # the idle clock restarts on every request
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
MIGRATIEKETEN_SESSION_MAX_HOURS = config(
    "MIGRATIEKETEN_SESSION_MAX_HOURS",
    10,
    "Hours after login after which a session ends however active it is.",
    minimum=1,
)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

MIGRATIEKETEN_REQUIRE_2FA = config(
    "MIGRATIEKETEN_REQUIRE_2FA",
    True,
    "Local accounts must log in with a second factor (TOTP app). Only switch off for "
    "a deployment where every user logs in through OpenID Connect with MFA.",
)
OTP_TOTP_ISSUER = "Migratieketen"

MIGRATIEKETEN_API_TOKEN_MAX_DAYS = config(
    "MIGRATIEKETEN_API_TOKEN_MAX_DAYS",
    365,
    "Longest validity of an API token in days.",
    minimum=1,
)
MIGRATIEKETEN_BSN_KEY = config(
    "MIGRATIEKETEN_BSN_KEY",
    "",
    "Secret key of the keyed BSN hash (search without storing the BSN). Empty: derived "
    "from SECRET_KEY. Set it once and keep it: a new key makes stored BSNs unfindable.",
)
MIGRATIEKETEN_MIN_CELL = config(
    "MIGRATIEKETEN_MIN_CELL",
    10,
    "Smallest count public pages show from the registers; smaller cells are hidden.",
    minimum=1,
)

# The BAG address check of the labour-migrant housing register; empty switches it off.
MIGRATIEKETEN_PDOK_LOCATIESERVER_URL = config(
    "MIGRATIEKETEN_PDOK_LOCATIESERVER_URL",
    "https://api.pdok.nl/bzk/locatieserver/search/v3_1",
    "PDOK Locatieserver used to check housing-location addresses against the BAG; "
    "empty: no check (addresses are stored as not checked).",
)

# OpenID Connect (mozilla-django-oidc), for deployments with an identity provider.
MIGRATIEKETEN_OIDC_ENABLED = config(
    "MIGRATIEKETEN_OIDC_ENABLED",
    False,
    "Log in through an OpenID Connect identity provider (docs/accounts.md).",
)
OIDC_RP_CLIENT_ID = config("OIDC_RP_CLIENT_ID", "", "OIDC client id.")
OIDC_RP_CLIENT_SECRET = config("OIDC_RP_CLIENT_SECRET", "", "OIDC client secret.")
OIDC_RP_SIGN_ALGO = config(
    "OIDC_RP_SIGN_ALGO", "RS256", "Signature algorithm of the ID token (RS256, HS256)."
)
OIDC_OP_JWKS_ENDPOINT = config(
    "OIDC_OP_JWKS_ENDPOINT", "", "JWKS URL of the provider (for RS256)."
)
OIDC_OP_AUTHORIZATION_ENDPOINT = config(
    "OIDC_OP_AUTHORIZATION_ENDPOINT", "", "Authorization endpoint URL."
)
OIDC_OP_TOKEN_ENDPOINT = config("OIDC_OP_TOKEN_ENDPOINT", "", "Token endpoint URL.")
OIDC_OP_USER_ENDPOINT = config("OIDC_OP_USER_ENDPOINT", "", "Userinfo endpoint URL.")
OIDC_RP_SCOPES = "openid email profile"
MIGRATIEKETEN_OIDC_ROLES_CLAIM = config(
    "MIGRATIEKETEN_OIDC_ROLES_CLAIM",
    "migratieketen_rollen",
    "Claim with the user's roles as 'ORGANISATIECODE:rol' (GM0363:klantmanager).",
)
MIGRATIEKETEN_OIDC_MFA_VALUES = config(
    "MIGRATIEKETEN_OIDC_MFA_VALUES",
    ["mfa", "otp", "hwk", "swk"],
    "Values of the ID token's 'amr' claim that prove a second factor; a login "
    "without one of them is refused. Empty: trust the provider without checking.",
)
LOGIN_REDIRECT_URL_FAILURE = "/inloggen?oidc=mislukt"
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
