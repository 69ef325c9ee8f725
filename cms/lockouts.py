"""Settings → Sign-in lock-outs: who cannot sign in now, and a button to let them in again.

django-axes keeps one row per account, address and browser; a lock-out is the sum of those
rows' failures for one account or one address within the cool-off period. The screen shows
both sums and clears them with axes' own reset, as ``manage.py axes_reset_username`` and
``axes_reset_ip`` would.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def may_unlock(user) -> bool:
    return user.has_perm(UNLOCK_PERMISSION)


@dataclass(frozen=True)
class Counted:
    """Failed sign-ins for one account or one address within the cool-off period."""

    key: str
    failures: int
    last_attempt: datetime

    @property
    def locked(self) -> bool:
        return self.failures >= settings.AXES_FAILURE_LIMIT


def recent_failures(field: str) -> list[Counted]:
    attempts = AccessAttempt.objects.exclude(**{f"{field}__isnull": True})
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    rows = (
        attempts.values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("-last")
    )
    return [Counted(row[field], row["failures"], row["last"]) for row in rows]


class UnlockForm(forms.Form):
    """One account or one address; Django's fields refuse NUL characters and non-addresses,
    which the database would otherwise reject with an error."""

    username = forms.CharField(required=False, max_length=255)
    ip_address = forms.GenericIPAddressField(required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("username") and not cleaned.get("ip_address"):
            raise forms.ValidationError("nothing to unlock")
        return cleaned


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Sign-in lock-outs")
    header_icon = "lock"
    template_name = "login_throttle/lockouts.html"
    index_url = reverse_lazy("login_throttle_lockouts")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cool_off = get_cool_off()
        context.update(
            accounts=recent_failures("username"),
            addresses=recent_failures("ip_address"),
            failure_limit=settings.AXES_FAILURE_LIMIT,
            minutes=int(cool_off.total_seconds() // 60) if cool_off else None,
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UnlockForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Choose an account or an address to unlock."))
        elif username := form.cleaned_data["username"]:
            reset(username=username)
            messages.success(request, gettext("“%(name)s” can sign in again.") % {"name": username})
        else:
            address = form.cleaned_data["ip_address"]
            reset(ip=address)
            messages.success(
                request, gettext("Sign-in from %(address)s is open again.") % {"address": address}
            )
        return redirect(self.index_url)
