"""Cancelling a registration through the signed link of its emails (no account needed)."""

from django.http import HttpResponse


def cancel_registration(request, token):
    return HttpResponse(status=501)
