"""The test settings' login throttle: django-axes for every sign-in made over HTTP."""

from django.http import HttpRequest

from axes.backends import AxesStandaloneBackend


class ThrottleRequestsOnlyBackend(AxesStandaloneBackend):
    """``Client.login()`` authenticates without a request; there is no client to count."""

    def authenticate(self, request: HttpRequest | None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
