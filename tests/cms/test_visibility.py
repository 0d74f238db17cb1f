"""The one visibility gate: live, public (or allowed), active locale, not expired."""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

from cms.models import NewsPage
from cms.visibility import can_see, visible_pages
from tests.conftest import translate
from tests.factories import NewsIndexPageFactory, NewsPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def request_for(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


@pytest.fixture
def news(site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home)
    public = NewsPageFactory(parent=index, title="Publique")
    draft = NewsPageFactory(parent=index, title="Brouillon", live=False)
    expired = NewsPageFactory(parent=index, title="Expirée", expire_at=timezone.now() - datetime.timedelta(hours=1))
    private = NewsPageFactory(parent=index, title="Réservée aux connectés")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    group_only = NewsPageFactory(parent=index, title="Réservée au groupe")
    # Any group but the members' one ("Adhérents" also needs a valid membership: see tests/members).
    members = Group.objects.create(name="Comité de pilotage")
    restriction = PageViewRestriction.objects.create(page=group_only, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    translate(index, site_tree.en, title="News", slug="news")
    english = translate(public, site_tree.en, title="Public in English", slug="public-en")
    return {
        "index": index,
        "public": public,
        "draft": draft,
        "expired": expired,
        "private": private,
        "group_only": group_only,
        "members": members,
        "english": english,
    }


def titles(request, **kwargs):
    return set(visible_pages(request, NewsPage.objects.all(), **kwargs).values_list("title", flat=True))


def test_anonymous_sees_only_live_public_current_locale_pages(news):
    with translation.override("fr"):
        assert titles(request_for()) == {"Publique"}


def test_other_locale_is_scoped_by_active_language(news):
    with translation.override("en"):
        assert titles(request_for()) == {"Public in English"}


def test_expired_page_is_hidden_even_before_publish_scheduled_runs(news):
    # The page is still marked live: only the gate's expiry check hides it.
    news["expired"].refresh_from_db()
    assert news["expired"].live
    with translation.override("fr"):
        assert "Expirée" not in titles(request_for())


def test_future_expiry_is_visible_until_it_passes(news):
    page = news["public"]
    page.expire_at = timezone.now() + datetime.timedelta(days=2)
    page.save()
    with translation.override("fr"):
        assert "Publique" in titles(request_for())
        with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
            assert "Publique" not in titles(request_for())


def test_logged_in_user_passes_login_restriction_but_not_group(news):
    user = UserFactory()
    with translation.override("fr"):
        assert titles(request_for(user)) == {"Publique", "Réservée aux connectés"}


def test_group_member_passes_group_restriction(news):
    user = UserFactory()
    user.groups.add(news["members"])
    with translation.override("fr"):
        assert titles(request_for(user)) == {"Publique", "Réservée aux connectés", "Réservée au groupe"}


def test_descendants_of_a_private_page_are_private(news, site_tree):
    PageViewRestriction.objects.create(page=news["index"], restriction_type=PageViewRestriction.LOGIN)
    with translation.override("fr"):
        assert titles(request_for()) == set()


def test_any_locale_keeps_both_languages(news):
    assert titles(request_for(), any_locale=True) == {"Publique", "Public in English"}


def test_can_see_one_page(news):
    assert can_see(request_for(), news["public"])
    assert not can_see(request_for(), news["private"])
    assert not can_see(request_for(), news["draft"])
