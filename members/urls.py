"""Accounts under the language prefix: /fr/compte/… and /en/account/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path(_("connexion/"), views.LoginView.as_view(), name="login"),
    path(_("deconnexion/"), views.LogoutView.as_view(), name="logout"),
    path(_("mot-de-passe/oublie/"), views.PasswordResetView.as_view(), name="password_reset"),
    path(_("mot-de-passe/oublie/envoye/"), views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        _("mot-de-passe/nouveau/<uidb64>/<token>/"),
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(_("mot-de-passe/nouveau/fait/"), views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path(_("mot-de-passe/changer/"), views.PasswordChangeView.as_view(), name="password_change"),
    path(_("mot-de-passe/change/"), views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
