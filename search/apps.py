from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the receiver that counts searches answered from the page cache, before any URL is resolved.
        from search import views  # noqa: F401
