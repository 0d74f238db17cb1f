"""The admin's login form, with its password field labelled in the editor's language.

Wagtail's own form declares the field without a label, so Django derives "Password" from the field's name,
untranslated: French editors read an English word on an otherwise French page.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mot de passe")
