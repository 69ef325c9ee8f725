"""The admin's sign-in form, with its password field labelled in the reader's language."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    # Wagtail's field has no label, so Django derives "Password" from the field's name and
    # the Chinese sign-in page showed it in English.
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
