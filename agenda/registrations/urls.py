"""Registrations outside the event pages, under the language prefix: /fr/inscriptions/… and /en/registrations/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from agenda.registrations import cancel_views as views

app_name = "registrations"

urlpatterns = [
    path("", views.my_registrations, name="mine"),
    path(_("annuler/<str:token>/"), views.cancel_registration, name="cancel"),
    path(_("<int:pk>/annuler/"), views.cancel_mine, name="cancel_mine"),
]
