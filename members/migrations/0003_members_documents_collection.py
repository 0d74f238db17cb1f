"""The "Documents adhérents" collection, restricted to the members' group (see members/documents.py).

Historical models have no treebeard methods: the collection is appended under the root by hand, the way
Wagtail's own migrations create the root collection. Found by name, so running it where the collection exists
(created by the demo, or by hand) only adds the missing restriction.
"""

from django.db import migrations

MEMBERS_GROUP = "Adhérents"
MEMBERS_COLLECTION = "Documents adhérents"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's default for Collection (MP_Node, steplen 4)
STEPLEN = 4


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return  # no root collection: nothing to restrict yet; members_collection() creates it on first use
    collection = Collection.objects.filter(depth=2, name=MEMBERS_COLLECTION).order_by("path").first()
    if collection is None:
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        collection = Collection.objects.create(
            name=MEMBERS_COLLECTION, depth=2, path=root.path + _step(number), numchild=0
        )
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    if not CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type="groups", groups=group
    ).exists():
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
        restriction.groups.set([group])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_training_resources"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_collection, migrations.RunPython.noop)]
