"""How django-axes sees a client and what a locked-out client is shown.

Axes counts failed sign-ins per account and per address and refuses further attempts for
the cool-off period once either count reaches the limit (settings ``AXES_*``). Editors
clear a lock-out under Settings → Sign-in lock-outs, or with ``manage.py axes_reset``.
"""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from axes.helpers import get_cool_off, get_failure_limit


def client_ip(request: HttpRequest) -> str | None:
    """The client's address. Behind ``TRUSTED_PROXY_COUNT`` reverse proxies, each of which
    appends the address it saw to X-Forwarded-For, the client is that many entries from the
    right; anything further left was written by the client and cannot be trusted."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """A page in the admin's own look saying sign-in is paused and for how long."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return TemplateResponse(
        request,
        "login_throttle/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()
