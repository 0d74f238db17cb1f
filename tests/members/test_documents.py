"""Members' documents: the "Documents adhérents" collection is restricted to the members' group; its files are
served only through Wagtail's document view, with the rule of members' pages, and never from /media/documents/."""

import pytest
import time_machine

from django.conf import settings as django_settings
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from members.access import MEMBERS_GROUP
from members.documents import MEMBERS_COLLECTION, members_collection
from tests.conftest import soup
from tests.members.conftest import make_person

pytestmark = pytest.mark.django_db

SECRET = "Zxq-contenu-confidentiel du memento adhérents"
PUBLIC = "Contenu public de la plaquette"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def make_document(collection, title, content, name):
    return Document.objects.create(title=title, collection=collection, file=ContentFile(content.encode(), name=name))


@pytest.fixture
def private_document(media):
    return make_document(members_collection(), "Memento adhérents", SECRET, "memento-adherents.txt")


@pytest.fixture
def public_document(media):
    return make_document(Collection.get_first_root_node(), "Plaquette", PUBLIC, "plaquette.txt")


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_the_migration_created_the_collection_restricted_to_the_members_group():
    collections = Collection.objects.filter(name=MEMBERS_COLLECTION)
    assert collections.count() == 1
    collection = collections.get()
    assert collection.get_parent() == Collection.get_first_root_node()
    restrictions = list(collection.view_restrictions.all())
    assert len(restrictions) == 1
    assert restrictions[0].restriction_type == CollectionViewRestriction.GROUPS
    assert [group.name for group in restrictions[0].groups.all()] == [MEMBERS_GROUP]


def test_members_collection_finds_it_by_name_and_restores_a_removed_restriction():
    collection = members_collection()
    assert members_collection() == collection
    CollectionViewRestriction.objects.filter(collection=collection).delete()
    assert members_collection() == collection
    assert collection.view_restrictions.filter(groups__name=MEMBERS_GROUP).count() == 1
    assert Collection.objects.filter(name=MEMBERS_COLLECTION).count() == 1


def test_members_collection_creates_it_where_it_is_missing():
    Collection.objects.filter(name=MEMBERS_COLLECTION).delete()
    collection = members_collection()
    assert collection.name == MEMBERS_COLLECTION
    assert collection.view_restrictions.filter(groups__name=MEMBERS_GROUP).count() == 1


def test_anonymous_visitors_are_sent_to_the_login_page_with_next(client, private_document, frozen):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert response["Location"] == f"/fr/compte/connexion/?next={private_document.url}"
    assert SECRET not in body(response)
    assert_private(response)


@pytest.mark.parametrize("who", ["non_member", "lapsed_member"])
def test_non_members_and_lapsed_members_get_the_join_page(client, private_document, who, request, frozen):
    client.force_login(request.getfixturevalue(who))
    response = client.get(private_document.url)
    assert response.status_code == 403
    assert soup(response).h1.get_text(strip=True) == "Réservé aux adhérents"
    assert SECRET not in body(response)
    assert_private(response)


def test_a_valid_member_downloads_the_file_privately(client, private_document, member, frozen):
    client.force_login(member)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert body(response) == SECRET
    assert_private(response)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Cookie" in response["Vary"]
    assert "attachment" in response["Content-Disposition"]


def test_a_valid_member_outside_the_group_is_told_access_opens_tonight(client, private_document, frozen):
    client.force_login(make_person(in_group=False))
    response = client.get(private_document.url)
    assert response.status_code == 403
    assert SECRET not in body(response)


def test_the_membership_ends_at_midnight_in_paris(client, private_document, media):
    person = make_person(years=(2026,))
    with time_machine.travel("2026-12-31 23:30 +01:00", tick=False):
        client.force_login(person)
        assert client.get(private_document.url).status_code == 200
    with time_machine.travel("2027-01-01 00:30 +01:00", tick=False):  # still 2026 in UTC
        client.force_login(person)
        response = client.get(private_document.url)
    assert response.status_code == 403
    assert SECRET not in body(response)


def test_public_documents_stay_public(client, public_document, frozen):
    response = client.get(public_document.url)
    assert response.status_code == 200
    assert body(response) == PUBLIC


def test_a_document_in_a_subcollection_of_the_members_collection_is_private(client, media, non_member, frozen):
    sub = members_collection().add_child(name="Enregistrements")
    document = make_document(sub, "Enregistrement", SECRET, "enregistrement.txt")
    assert client.get(document.url).status_code == 302
    client.force_login(non_member)
    assert client.get(document.url).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/{name}",
        "/media//documents/{name}",
        "/media/./documents/{name}",
        "/media/images/../documents/{name}",
        "/media/images/%2E%2E/documents/{name}",
        "/media/documents/",
    ],
)
def test_media_documents_are_never_served_even_to_members(client, private_document, public_document, member, path):
    client.force_login(member)
    for document in (private_document, public_document):
        name = document.file.name.removeprefix("documents/")
        assert (django_settings.MEDIA_ROOT / "documents" / name).exists()
        response = client.get(path.format(name=name))
        assert response.status_code == 403
        assert SECRET not in body(response)
        assert PUBLIC not in body(response)


def test_local_media_still_serves_images(client, media):
    (media / "images").mkdir()
    (media / "images" / "photo.txt").write_text("une image")
    assert body(client.get("/media/images/photo.txt")) == "une image"


def test_whitenoise_serves_no_media():
    """WhiteNoise serves STATIC_ROOT and the static finders only: no WHITENOISE_ROOT, media outside static dirs."""
    assert not getattr(django_settings, "WHITENOISE_ROOT", None)
    media_root = str(django_settings.MEDIA_ROOT)
    for directory in getattr(django_settings, "STATICFILES_DIRS", []):
        assert not media_root.startswith(str(directory))
    assert not str(django_settings.STATIC_ROOT).startswith(media_root)
    assert django_settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert django_settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS == {"SHARED_PASSWORD": False}


def test_the_deployment_guide_denies_media_documents_at_the_proxy():
    guide = (django_settings.BASE_DIR / "docs" / "deploy.md").read_text()
    assert "location ^~ /media/documents/" in guide
    assert "deny all;" in guide
