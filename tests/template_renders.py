"""The test client's record of rendered templates, kept to the outermost ones.

Django's test set-up makes every template render send a signal, and during a test client
request each of them stores a copy of its whole context. An article's editor renders some
3,000 templates (one for each field, widget, icon and component) to answer one request, and
the signals and copies took about a tenth of that request. Tests read ``response.context`` for
what a view gave its own template: that render is still recorded, with its context; the
templates rendered inside it (extends, includes, widgets, components) are not.
"""

import threading

from django.template.base import Template
from django.template.context import Context
from django.test.signals import template_rendered
from django.utils.safestring import SafeString

_inside = threading.local()


def render_recording_outermost(self: Template, context: Context) -> SafeString:
    depth = getattr(_inside, "depth", 0)
    if depth == 0:
        template_rendered.send(sender=self, template=self, context=context)
    _inside.depth = depth + 1
    try:
        return self.nodelist.render(context)
    finally:
        _inside.depth = depth


def install() -> None:
    """In place of Django's ``instrumented_test_render``, which its test environment's
    teardown puts back to the original."""
    Template._render = render_recording_outermost
