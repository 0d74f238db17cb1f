"""Each factory builds a valid object (so a broken factory fails here, not in a confusing test)."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_page_factories_build_a_valid_tree(site_tree):
    news_index = factories.NewsIndexPageFactory(parent=site_tree.home)
    territory_index = factories.TerritoryIndexPageFactory(parent=site_tree.home)
    pages = [
        factories.StandardPageFactory(parent=site_tree.home),
        news_index,
        factories.NewsPageFactory(parent=news_index),
        territory_index,
        factories.TerritoryPageFactory(parent=territory_index),
        factories.FormPageFactory(parent=site_tree.home),
    ]
    for page in pages:
        page.full_clean()
        assert page.live
        assert page.locale == site_tree.fr


def test_snippet_and_user_factories():
    theme = factories.ThemeFactory()
    audience = factories.AudienceFactory()
    user = factories.UserFactory()
    assert theme.locale.language_code == "fr" and theme.slug.startswith("theme-")
    assert audience.slug.startswith("public-")
    assert user.check_password("motdepasse-de-test")
