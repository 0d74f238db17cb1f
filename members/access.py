"""Who may enter the members' area: the members' group, its view restrictions and today's validity.

The group is what Wagtail's view restriction checks; it is kept in step by ``sync_members`` (daily). Because a
missed run must not leave a lapsed member inside, every check here also asks whether the person's organisation
is valid today: serving a page (``wagtail_hooks.check_member_access``) and every listing (through
``cms.visibility.allowed_restriction_ids``, which calls ``refuse_lapsed_members``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from members.dates import today
from members.models import MemberProfile

MEMBERS_GROUP = "Adhérents"


def members_group():
    """The members' group, created on first use."""
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    return group


def is_member(user, on=None):
    """Whether ``user`` belongs to an organisation whose membership is valid on ``on`` (default today, Paris).

    Cached on the user object for the day asked, since a page checks it several times.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    on = on or today()
    cached = getattr(user, "_is_member_on", None)
    if cached is not None and cached[0] == on:
        return cached[1]
    result = MemberProfile.objects.valid(on).filter(user=user).exists()
    user._is_member_on = (on, result)
    return result


def is_members_restriction(restriction, group_id):
    """A restriction to groups that include the members' group (``restriction.groups`` prefetched or not)."""
    return restriction.restriction_type == PageViewRestriction.GROUPS and any(
        group.pk == group_id for group in restriction.groups.all()
    )


def passes(user, restriction, group_id):
    """Whether ``user`` passes a members' restriction: through another group it names, or as a valid member."""
    if user.is_superuser:
        return True
    user_groups = _group_ids(user)
    other_groups = {group.pk for group in restriction.groups.all()} - {group_id}
    if user_groups & other_groups:
        return True
    return group_id in user_groups and is_member(user)


def _group_ids(user):
    cached = getattr(user, "_members_group_ids", None)
    if cached is None:
        cached = user._members_group_ids = set(user.groups.values_list("pk", flat=True))
    return cached


def refuse_lapsed_members(request, allowed):
    """Drop from ``allowed`` (restriction ids) the members' restrictions the visitor passes only by a stale group."""
    user = getattr(request, "user", None)
    if not allowed or user is None or user.is_superuser:
        return allowed
    group = Group.objects.filter(name=MEMBERS_GROUP).first()
    if group is None:
        return allowed
    restrictions = PageViewRestriction.objects.filter(
        pk__in=allowed, restriction_type=PageViewRestriction.GROUPS, groups=group
    ).prefetch_related("groups")
    refused = {restriction.pk for restriction in restrictions if not passes(user, restriction, group.pk)}
    return set(allowed) - refused


def ensure_members_restriction(page):
    """Give ``page`` exactly one restriction to the members' group (copies of translations included)."""
    group = members_group()
    ours = [
        restriction
        for restriction in page.view_restrictions.prefetch_related("groups").order_by("pk")
        if is_members_restriction(restriction, group.pk)
    ]
    if not ours:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([group])
        return restriction
    for duplicate in ours[1:]:
        if {g.pk for g in duplicate.groups.all()} == {g.pk for g in ours[0].groups.all()}:
            duplicate.delete()
    return ours[0]


def sync_members(on=None):
    """Put the active people of valid organisations in the members' group and take everyone else out.

    Returns ``(added, removed)``: the users added and removed, sorted by username.
    """
    on = on or today()
    group = members_group()
    user_model = get_user_model()
    should = set(
        MemberProfile.objects.valid(on).filter(user__is_active=True).values_list("user_id", flat=True).distinct()
    )
    current = set(group.user_set.values_list("pk", flat=True))
    added = list(user_model.objects.filter(pk__in=should - current).order_by("username"))
    removed = list(user_model.objects.filter(pk__in=current - should).order_by("username"))
    if added:
        group.user_set.add(*added)
    if removed:
        group.user_set.remove(*removed)
    return added, removed


def proxied_client_ip(request):
    """The client address behind our reverse proxy: the last X-Forwarded-For entry (the proxy appends it)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last = forwarded.split(",")[-1].strip()
    return last or request.META.get("REMOTE_ADDR")
