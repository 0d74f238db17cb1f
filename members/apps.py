from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Adhérents"
    default_auto_field = "django.db.models.BigAutoField"
