"""Content-Security-Policy: enforced on the public site, Report-Only in the Wagtail admin.

The public templates carry no inline script and load only this site's own files, so the
strict policy in ``CONTENT_SECURITY_POLICY`` can be enforced there. The admin is Wagtail's
own, which still relies on inline code in places; there the stricter-than-today policy in
``CONTENT_SECURITY_POLICY_REPORT_ONLY`` only reports, so we learn what enforcing it would
break without breaking the editors' screens.
"""

from functools import cached_property

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy

# django-csp's per-view policy changes (decorators), any of which needs its full build.
PER_VIEW_POLICY = ("_csp_config", "_csp_update", "_csp_replace")
DEBUG_EXEMPT = (404, 500)


class PublicAndAdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing one of its two policies by where the request goes.

    A public page that used no nonce and changed no policy gets the settings' policy as it
    is, so its header is built once (per settings object) rather than on every response:
    that build cost as much as answering a page from the whole-page cache."""

    _public_header: tuple[object, str] | None = None

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        in_admin = request.path_info.startswith(self.admin_prefix)
        # django-csp's own per-response exemption flags, set before it writes the headers.
        if in_admin:
            response._csp_exempt = True
        else:
            response._csp_exempt_ro = True
        if in_admin or not self.uses_settings_policy(request, response):
            return super().process_response(request, response)
        if response.status_code in DEBUG_EXEMPT and settings.DEBUG:
            return response
        header = self.public_header()
        excluded = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        ) or ()
        if (
            header
            and HEADER not in response
            and not getattr(response, "_csp_exempt", False)
            and not request.path_info.startswith(tuple(excluded))
        ):
            response[HEADER] = header
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def uses_settings_policy(request: HttpRequest, response: HttpResponseBase) -> bool:
        if getattr(request, "_csp_nonce", None) is not None:
            return False
        return not any(getattr(response, name, None) is not None for name in PER_VIEW_POLICY)

    def public_header(self) -> str:
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        built = self._public_header
        if built is None or built[0] is not policy:  # override_settings gives a new object
            built = self._public_header = (policy, build_policy())
        return built[1]
