# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch first: the interface is Dutch unless the user picks English explicitly."""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but ignores the browser's Accept-Language.

    Our users are Dutch civil servants whose browsers often say "en-US"; the
    language switch (a cookie set by /i18n/setlang/) is the only way to English.
    """

    def process_request(self, request):  # type: ignore[no-untyped-def]
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return super().process_request(request)
