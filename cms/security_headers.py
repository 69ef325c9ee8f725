"""Content-Security-Policy: enforced on the public site, Report-Only in the Wagtail admin.

The public templates carry no inline script and load only this site's own files, so the
strict policy in ``CONTENT_SECURITY_POLICY`` can be enforced there. The admin is Wagtail's
own, which still relies on inline code in places; there the stricter-than-today policy in
``CONTENT_SECURITY_POLICY_REPORT_ONLY`` only reports, so we learn what enforcing it would
break without breaking the editors' screens.
"""

from functools import cached_property

from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

from csp.middleware import CSPMiddleware


class PublicAndAdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing one of its two policies by where the request goes."""

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
        return super().process_response(request, response)
