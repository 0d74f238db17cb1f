"""Who is a member on a given day: the queries behind access checks, the admin filters and ``sync_members``."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef

from members.dates import today


def _covering(on, outer="pk"):
    """The memberships of the outer query's organisation (``outer``) valid on the day ``on``, bounds included."""
    from members.models import Membership

    return Membership.objects.filter(organisation=OuterRef(outer), valid_from__lte=on, valid_until__gte=on)


class MemberOrganisationQuerySet(models.QuerySet):
    def valid(self, on=None):
        """Organisations with a membership covering ``on`` (default: today in Paris)."""
        on = on or today()
        return self.filter(Exists(_covering(on)))

    def lapsing(self, within_days=30, on=None):
        """Valid on ``on`` with a last valid day at most ``within_days`` later: ending, and not renewed yet."""
        on = on or today()
        return self.valid(on).exclude(Exists(_covering(on + datetime.timedelta(days=within_days + 1))))

    def lapsed(self, on=None):
        """Not valid on ``on`` although a membership of theirs has ended before: they were members."""
        from members.models import Membership

        on = on or today()
        ended = Membership.objects.filter(organisation=OuterRef("pk"), valid_until__lt=on)
        return self.filter(Exists(ended)).exclude(Exists(_covering(on)))


class MemberProfileQuerySet(models.QuerySet):
    def valid(self, on=None):
        """People whose organisation is valid on ``on``."""
        on = on or today()
        return self.filter(Exists(_covering(on, outer="organisation")))
