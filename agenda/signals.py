"""On publishing an event: its generated dates follow its rule, and new seats go to the waiting list. A
registration changes the seats left that event pages show: it replaces the cached content."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from agenda.models import EventDate, EventPage, Registration
from agenda.recurrence import generate_dates
from cms.content_cache import content_changed


@receiver([post_save, post_delete], sender=Registration, dispatch_uid="agenda.registration_changes_content")
def registration_changes_seats(sender, instance, **kwargs):
    content_changed()


@receiver(page_published, sender=EventPage)
def generate_recurring_dates(sender, instance, revision, **kwargs):
    # A fresh copy: the published instance may hold its dates in memory, as they were in the revision.
    page = EventPage.objects.get(pk=instance.pk)
    if not page.recurrence and not page.dates.filter(generated=True).exists():
        return
    added, removed = generate_dates(page)
    if (added or removed) and revision is not None and page.latest_revision_id == revision.pk:
        # The generated rows become part of the live revision, so the next edit in the admin shows them and
        # publishing it keeps them (a child row missing from a revision is deleted when it is published).
        revision.content = EventPage.objects.get(pk=page.pk).serializable_data()
        revision.save(update_fields=["content"])


@receiver(page_published, sender=EventPage)
def give_new_seats_to_the_waiting_list(sender, instance, **kwargs):
    """An organiser who adds seats to a full date publishes: the people waiting get them, in order."""
    from agenda.registrations import accepts_registrations, fill_free_seats

    if not accepts_registrations(instance):
        return
    for date in EventDate.objects.filter(
        page_id=instance.pk, start__gt=timezone.now(), registrations__status="waiting"
    ).distinct():
        fill_free_seats(date)


# --- The agenda's index and cached lists (issue 9, scale) -----------------------------------------------------------
@receiver([post_save, post_delete], sender=EventDate, dispatch_uid="agenda.signals.forget_content_on_date_change")
def forget_content_on_date_change(sender, instance, **kwargs):
    """A date is content: the agenda's facet index (``agenda.date_index``) and lists must not outlive it.

    Publishing a page replaces the content version already; this covers dates written on their own
    (registrations' status changes, the admin's date snippets, a script). Bulk writes send no signal:
    ``agenda.recurrence.generate_dates`` forgets the content itself.
    """
    content_changed()
