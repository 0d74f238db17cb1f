from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = "Offres d'activités"
    default_auto_field = "django.db.models.BigAutoField"
