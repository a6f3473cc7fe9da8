# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Settings shared by every environment. Environment variables only via config()."""

from __future__ import annotations

from datetime import timedelta

from csp.constants import NONE, SELF

from migratieketen import logs
from migratieketen_web.conf.accounts import *  # noqa: F403
from migratieketen_web.conf.accounts import ACCOUNT_APPS
from migratieketen_web.conf.database import database_from_url
from migratieketen_web.conf.hardening import proxy_ssl_header
from migratieketen_web.conf.paths import BASE_DIR, DATA_DIR_HELP, SRC_DIR, VAR_DIR
from migratieketen_web.config import config

SECRET_KEY = config(
    "SECRET_KEY",
    "",
    "Django secret key. Required in production; dev and test generate their own.",
)
DEBUG = config("DEBUG", False, "Django debug mode. Never on in production.")
ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost"], "Comma-separated host names served."
)

MIGRATIEKETEN_CONTACT = config(
    "MIGRATIEKETEN_CONTACT",
    "https://github.com/migratieketen/migratieketen/issues",
    "Contact for questions about this installation, shown on /over (an e-mail "
    "address or a web address of the organisation that runs it).",
)
MIGRATIEKETEN_DATA_DIR = config(
    "MIGRATIEKETEN_DATA_DIR",
    "",
    DATA_DIR_HELP,
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "migratieketen_web.jobs",
    "axes",
    "csp",
    "migratieketen_web.gemeenten",
    "migratieketen_web.api",
    "migratieketen_web.monitor",
    "migratieketen_web.prognoses",
    "migratieketen_web.scenarios",
    "migratieketen_web.opvang",
    "migratieketen_web.woningmarkt",
    *ACCOUNT_APPS,
    "migratieketen_web.koppeling",
    "migratieketen_web.werkplaats",
]

MIDDLEWARE = [
    # First, so errors raised by any later middleware still become problem+json.
    "migratieketen_web.api.middleware.ApiVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "migratieketen_web.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "migratieketen_web.accounts.middleware.SessionLimitMiddleware",
    # Before any view or process_view (the CSRF check) reads a body.
    "migratieketen_web.middleware.WebBodySizeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): failed logins are counted in the database, so the
# count holds across processes and restarts; the admin form, the API's HTTP Basic
# login and any other authenticate() call with a request go through it.
# (The axes backend comes first in AUTHENTICATION_BACKENDS, below.)
AXES_FAILURE_LIMIT = config(
    "MIGRATIEKETEN_LOGIN_FAILURE_LIMIT",
    10,
    "Failed logins for one user name from one address before that combination is "
    "locked out (django-axes).",
    minimum=1,
)
AXES_COOLOFF_TIME = timedelta(
    minutes=config(
        "MIGRATIEKETEN_LOGIN_LOCKOUT_MINUTES",
        15,
        "Minutes a locked-out user name and address combination must wait.",
        minimum=1,
    )
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "429.html"
AXES_VERBOSE = False
# Behind proxies the client address comes from X-Forwarded-For, as for the API
# throttles: MIGRATIEKETEN_NUM_PROXIES (REST_FRAMEWORK['NUM_PROXIES']).
AXES_CLIENT_IP_CALLABLE = "migratieketen_web.security.client_ip_address"

# A strict Content-Security-Policy (django-csp): scripts and styles only from our own
# static files, no inline script or style attribute, no framing, no plugins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# TLS ends at a reverse proxy in most deployments: it tells Django through a header.
_PROXY_SSL_HEADER = config(
    "MIGRATIEKETEN_PROXY_SSL_HEADER",
    "",
    "Header by which the reverse proxy says the request came over HTTPS, as "
    "'HTTP_X_FORWARDED_PROTO=https'. Empty: no proxy header is trusted.",
)
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(_PROXY_SSL_HEADER)

ROOT_URLCONF = "migratieketen_web.urls"
WSGI_APPLICATION = "migratieketen_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "migratieketen_web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        config(
            "MIGRATIEKETEN_DATABASE_URL",
            "sqlite:///var/db.sqlite3",
            "Database: sqlite:///relative/path.sqlite3 (default, embedded) or "
            "postgres://user:password@host:5432/name.",
        ),
        BASE_DIR,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Pages that need a login send the user to the app's own two-step sign-in page
# (LOGIN_URL in conf/accounts.py); the admin's login redirects there too.

# One cache shared by every web and worker process, kept across restarts: the API's
# and the scenario form's start throttles count here (docs/architecture.md, "Jobs").
# `createcachetable` runs after every migrate (jobs app), so it needs no extra step.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "migratieketen_cache",
    }
}

# Long work runs as Django tasks (django-tasks backport) stored in the database and
# run by `migratieketen worker` (started by `migratieketen serve`); see ADR 0009.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
JOBS_RETENTION_DAYS = config(
    "MIGRATIEKETEN_JOBS_RETENTION_DAYS",
    30,
    "Days that finished task records (and jobs without a result) are kept.",
    minimum=0,
)
JOBS_WORKER_STALE_SECONDS = config(
    "MIGRATIEKETEN_JOBS_WORKER_STALE_SECONDS",
    600,
    "A worker on another machine without a heartbeat for this long counts as dead "
    "(its running job is then marked failed). Workers on the same machine are "
    "checked by process id at once.",
    minimum=30,
)

PROGNOSE_AT_START = config(
    "MIGRATIEKETEN_PROGNOSE_AT_START",
    True,
    "Queue the forecast for the current data when 'migratieketen serve' starts, so "
    "/prognose is ready when the first visitor comes.",
)

# Scenario runs (ketenmodel) started from the web form or the API: open to everyone,
# so bounded (docs/scenarios.md, "Limits").
SCENARIOS_MAX_ACTIVE = config(
    "MIGRATIEKETEN_SCENARIOS_MAX_ACTIVE",
    2,
    "Scenario runs queued or running at once, for all users together; a start "
    "beyond it gets 429.",
    minimum=1,
)
SCENARIOS_START_RATE = config(
    "MIGRATIEKETEN_SCENARIOS_START_RATE",
    "30/hour",
    "Scenario starts per client address (web form and API together), e.g. 30/hour.",
)
REPORTS_RATE = config(
    "MIGRATIEKETEN_REPORTS_RATE",
    "30/hour",
    "Raadsrapportages (PDF and Excel together) per client address, e.g. 30/hour; "
    "each takes seconds of CPU, so a public server bounds them.",
)
SCENARIOS_RETENTION_DAYS = config(
    "MIGRATIEKETEN_SCENARIOS_RETENTION_DAYS",
    7,
    "Days an anonymous, unpublished scenario run is kept before the cleanup task "
    "deletes it.",
    minimum=0,
)
KOPPELING_INPUT_RETENTION_DAYS = config(
    "MIGRATIEKETEN_KOPPELING_INPUT_RETENTION_DAYS",
    30,
    "Days an uploaded koppeling week (households, scores, capacity) is kept; then "
    "the upload is emptied and the result and decisions stay.",
    minimum=0,
)
SCENARIOS_DASK_ADDRESS = config(
    "MIGRATIEKETEN_DASK_ADDRESS",
    "",
    "Dask scheduler (tcp://host:8786) that runs the scenario ensembles; empty = in "
    "the worker process.",
)

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [SRC_DIR / "migratieketen_web" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [SRC_DIR / "migratieketen_web" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security headers (style-anchors A14).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "migratieketen_web.errors.csrf_failure"

# The API must answer 404 on a trailing slash, never redirect (NL API Design Rules).
APPEND_SLASH = False

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "migratieketen_web.api.schema.ScopedAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["migratieketen_web.api.parsers.LimitedJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "migratieketen_web.api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": None,
    # Client address for the throttles: X-Forwarded-For only from this many trusted
    # proxies (0: the connecting address; a client cannot pick its own address).
    "NUM_PROXIES": config(
        "MIGRATIEKETEN_NUM_PROXIES",
        0,
        "Number of trusted reverse proxies in front of the app (for the client "
        "address the start throttles count by; 0 = none, X-Forwarded-For ignored).",
        minimum=0,
    ),
}
API_VERSION = "1.0.0"
# One body-size limit for the whole API, checked before the body is read (413).
MIGRATIEKETEN_API_MAX_BODY_BYTES = config(
    "MIGRATIEKETEN_API_MAX_BODY_BYTES",
    1_048_576,
    "Largest request body the API accepts, in bytes; larger is a 413 problem.",
    minimum=1024,
)
# Django reads a JSON body into memory up to this limit and refuses more (2.5 MB by
# default): never below the API's own limit, or a body the API accepts would fail.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, MIGRATIEKETEN_API_MAX_BODY_BYTES)
# Web pages: a body beyond this is a 413 page before anything reads it (Django's CSRF
# check reads a form body before a page checks the login; waitress alone takes 1 GB).
MIGRATIEKETEN_WEB_MAX_BODY_BYTES = config(
    "MIGRATIEKETEN_WEB_MAX_BODY_BYTES",
    10 * 1_048_576,
    "Largest request body a web page accepts, in bytes (its own uploads are smaller: "
    "5 MB at most); larger is a 413 page. The koppeling upload page has "
    "MIGRATIEKETEN_MAX_UPLOAD_BYTES.",
    minimum=1024,
)
# The koppeling upload, on its page (/koppeling) and through the API (POST
# /api/v1/koppelingen with files as multipart/form-data): the three files of a run,
# as large as the web form takes (households 5 MB, scores 64 MB, capacity 5 MB;
# koppeling/forms.py), with room for the multipart framing.
MIGRATIEKETEN_MAX_UPLOAD_BYTES = config(
    "MIGRATIEKETEN_MAX_UPLOAD_BYTES",
    80 * 1_048_576,
    "Largest request body of a koppeling upload (the households, scores and capacity "
    "of a run, on the page /koppeling or as files to POST /api/v1/koppelingen), in "
    "bytes; larger is a 413. Other requests keep MIGRATIEKETEN_WEB_MAX_BODY_BYTES or "
    "MIGRATIEKETEN_API_MAX_BODY_BYTES.",
    minimum=1024,
)
SPECTACULAR_SETTINGS = {
    "TITLE": "Migratieketen API",
    "DESCRIPTION": "Open data en berekeningen over de migratieketen per gemeente, "
    "provincie en Nederland.",
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "Migratieketen maintainers",
        "url": "https://github.com/migratieketen/migratieketen",
        "email": config(
            "MIGRATIEKETEN_API_CONTACT_EMAIL",
            "api@migratieketen.nl",
            "Contact e-mail address in the OpenAPI document (info.contact).",
        ),
    },
    "LICENSE": {
        "name": "EUPL-1.2",
        "url": "https://eupl.eu/1.2/nl/",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Paths relative to the server URL, which carries the major version.
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [
        {
            "url": "https://{host}/api/v1",
            "description": "Uw installatie van Migratieketen.",
            "variables": {
                "host": {
                    "default": "localhost",
                    "description": "Host (en poort) van de installatie.",
                }
            },
        }
    ],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "migratieketen_web.api.schema_hooks.api_design_rules_hook",
    ],
}

# Logs through structlog (migratieketen.logs): readable lines here, JSON lines in
# production; personal data masked or dropped on every line.
LOG_LEVEL = config(
    "MIGRATIEKETEN_LOG_LEVEL",
    "WARNING",
    "Lowest level written to the log (DEBUG, INFO, WARNING, ERROR).",
)
LOGGING_CONFIG = "migratieketen.logs.apply"
LOGGING = logs.logging_config(json=False, level=LOG_LEVEL)

# Local accounts first; OpenID Connect when a deployment has an identity provider.
# django-axes' lockout check first: a locked-out login fails before any other backend.
AUTHENTICATION_BACKENDS = [
    "migratieketen_web.security.RequestAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if MIGRATIEKETEN_OIDC_ENABLED:  # noqa: F405
    AUTHENTICATION_BACKENDS.append("migratieketen_web.accounts.oidc.RolesOIDCBackend")
