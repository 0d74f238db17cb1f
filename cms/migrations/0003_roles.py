"""The editors' roles (cms/roles.py): "Communication", one "Territoire – <nom>" group and collection per
existing territory, and "Adhérents". ``manage.py sync_roles`` applies the same list later.

On a new database, Django creates permissions only after the last migration (post_migrate): they are
created here first, through the historical models, so the groups get them.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from cms.roles import sync_roles


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_site_settings_privacy_page"),
        ("offers", "0002_offer_sector_lookup_index"),
        ("agenda", "0002_registrations"),
        ("members", "0003_members_documents_collection"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
