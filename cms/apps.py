from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package doubles as the app holding the shared kit every other app builds on."""

    name = "cms"
    verbose_name = "Coopérations ville–campagne"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import (
            cdn,  # noqa: F401 - a CDN in front is purged of the listings that show a published page
            content_cache,  # noqa: F401 - connects the receivers that replace the content version
            signals,  # noqa: F401 - a new territory page gets its group and collection
        )
        from cms.translations import guards  # noqa: F401 - no French text goes live under /en/ (aliases, drafts)
