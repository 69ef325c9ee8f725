"""How the admin refuses: ``articles.editorial.permissions.require`` raises PermissionDenied, which
Wagtail's admin answers with a redirect to the dashboard and an error message."""

from django.urls import reverse


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
