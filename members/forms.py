"""Front-end forms of the accounts and the admin's CSV upload, with errors linked to their field."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class LinkedErrorsMixin:
    """Point each field at its help text and errors (``aria-describedby``) and mark invalid fields.

    The ids are those ``components/form_field.html`` gives: ``<auto_id>_helptext`` and ``<auto_id>_errors``.
    """

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described_by.append(f"{bound.auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)


class LoginForm(LinkedErrorsMixin, auth_forms.AuthenticationForm):
    username = auth_forms.UsernameField(
        label=_("Adresse électronique ou identifiant"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class PasswordResetForm(LinkedErrorsMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(LinkedErrorsMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(LinkedErrorsMixin, auth_forms.PasswordChangeForm):
    pass


class MembersImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Colonnes : organisation, kind, valid_from, valid_until, email, first_name, last_name "
            "(séparateur virgule ou point-virgule, UTF-8)."
        ),
    )


class MemberProfileForm(WagtailAdminModelForm):
    """A person of a member organisation with their account: found by e-mail, created without a password
    (they choose one through "mot de passe oublié")."""

    email = forms.EmailField(label=_("Adresse électronique"))
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.user_id:
            user = self.instance.user
            self.initial.update(email=user.email, first_name=user.first_name, last_name=user.last_name)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        others = get_user_model().objects.filter(email__iexact=email)
        if self.instance.user_id:
            others = others.exclude(pk=self.instance.user_id)
        elif others.filter(member_profile__isnull=False).exists():
            raise forms.ValidationError(_("Cette personne est déjà rattachée à une organisation."))
        if self.instance.user_id and others.exists():
            raise forms.ValidationError(_("Un autre compte utilise déjà cette adresse."))
        return email

    def save(self, commit=True):
        profile = super().save(commit=False)
        email = self.cleaned_data["email"]
        user = profile.user if profile.user_id else get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            user = get_user_model()(username=email)
            user.set_unusable_password()
        user.email = email
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save()
        profile.user = user
        if commit:
            profile.save()
        return profile
