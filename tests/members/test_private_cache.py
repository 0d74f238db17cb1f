"""Every response that depends on who is asking carries ``Cache-Control: private`` and ``no-store``, so that no
shared cache (the proxy, a CDN) keeps a member's page or file, the join page or the account page."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from members.documents import members_collection
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_urls(site_tree, member_area, member_area_en, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    child = StandardPageFactory(parent=member_area, locale=site_tree.fr, title="Fiche méthode", slug="fiche")
    document = Document.objects.create(
        title="Mémento", collection=members_collection(), file=ContentFile(b"memento", name="memento.txt")
    )
    return {
        "members' area": member_area.url,
        "members' area, English": member_area_en.url,
        "members' page": child.url,
        "members' document": document.url,
        "account fr": "/fr/compte/",
        "account en": "/en/account/",
    }


def test_every_private_response_is_privately_cached(client, private_urls, member, non_member, lapsed_member, frozen):
    seen = []
    for who, user in (("anonymous", None), ("member", member), ("non-member", non_member), ("lapsed", lapsed_member)):
        client.logout()
        if user is not None:
            client.force_login(user)
        for name, url in private_urls.items():
            response = client.get(url)
            cache_control = response.get("Cache-Control", "")
            assert "private" in cache_control, (who, name, response.status_code, cache_control)
            assert "no-store" in cache_control or "no-cache" in cache_control, (who, name, cache_control)
            seen.append((who, name, response.status_code))
    statuses = {status for _who, _name, status in seen}
    # The four kinds of private answer were all enumerated: the content (200), the login redirect (302),
    # the join page (403); the account page answers each logged-in person (200).
    assert statuses == {200, 302, 403}
    assert ("member", "members' document", 200) in seen
    assert ("lapsed", "members' document", 403) in seen
    assert ("non-member", "account fr", 200) in seen


def test_a_members_page_is_never_served_from_the_page_cache_to_an_anonymous_visitor(
    client, private_urls, member, frozen, settings
):
    """With the whole-page cache on (production), a member's visit stores nothing that an anonymous visitor, or
    a logged-out browser, could be served: they get the login redirect, as without the cache."""
    from django.core.cache import cache
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.force_login(member)
    for name in ("members' area", "members' page", "members' document"):
        url = private_urls[name]
        for _ in range(2):
            mine = client.get(url)
            assert mine.status_code == 200, name
            assert mine["X-Cache"] == "BYPASS"
        anonymous = Client().get(url)
        assert anonymous.status_code == 302, name
        assert "/compte/connexion/" in anonymous["Location"]
        assert anonymous["X-Cache"] == "BYPASS"
    client.logout()
    assert client.get(private_urls["members' page"]).status_code == 302
