"""A new territory gets its editors' group and its collection (cms/roles.py) as soon as its page is created."""

from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page

from cms.models import TerritoryPage
from cms.roles import ensure_territory_role


@receiver(post_save, sender=TerritoryPage, dispatch_uid="cms.territory_role")
def create_territory_role(sender, instance, created, raw=False, **kwargs):
    """Only for a new French source page: its translations and aliases share the source's group."""
    if not created or raw or instance.alias_of_id:
        return
    if Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).exists():
        return
    ensure_territory_role(apps, instance)
