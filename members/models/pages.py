"""The members' area: a page per locale under the home page, private to the members' group with what it holds.

It is also the members' index: its training resources, filtered (see ``members.listing``)."""

from django.utils.translation import gettext_lazy as _

from cms.models import IndexPage
from cms.visibility import visible_pages


class MemberAreaPage(IndexPage):
    """ "Espace adhérents": an introduction for members; its subtree is restricted to the members' group.

    The restriction is (re)created on every save and on translation, so the page and its translations are
    never public, even when wagtail-localize or an editor creates them. ``subpage_types`` is left open:
    the child page types (training resources…) declare this page in their ``parent_page_types``.
    """

    class Meta:
        verbose_name = _("espace adhérents")
        verbose_name_plural = _("espaces adhérents")

    def sections(self, request=None):
        """The visible pages under this one other than training resources (those are in the filtered index)."""
        from members.models.resources import TrainingResourcePage

        children = self.get_children().not_type(TrainingResourcePage)
        return list(visible_pages(request, children, locale=self.locale).specific().defer_streamfields())

    def get_context(self, request, *args, **kwargs):
        from members.listing import build_resource_listing

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections(request)
        context["resources"] = build_resource_listing(request, self)
        return context

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        from members.access import ensure_members_restriction

        ensure_members_restriction(self)
        return result

    def copy_for_translation(self, *args, **kwargs):
        # Wagtail's copy also copies the source's restriction after our save() made one: keep a single one.
        translation = super().copy_for_translation(*args, **kwargs)
        from members.access import ensure_members_restriction

        ensure_members_restriction(translation)
        return translation
