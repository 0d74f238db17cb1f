"""Importing a territory's calendar: fetch, parse, then create, update or cancel its EventPages by UID.

``import_source(source)`` is what ``manage.py import_events`` and the admin's "import now" button run. The
fetch and the parsing happen first (``agenda.importing``): a feed that cannot be used at all (an HTTP
error, a web page instead of a calendar, a truncated file…) is recorded on the source as a failed run and
nothing else is touched. Otherwise each event of the feed is upserted under the source's territory,
keyed on (source, UID), its dates keyed on their recurrence id:

- an unchanged event (same fingerprint as last time) is left alone, so a second run writes nothing;
- a changed one gets a new revision (published for a trusted source, a draft for review otherwise);
- an event edited by hand since its last import is not overwritten: the conflict is recorded;
- an event that disappears from the feed, or comes back cancelled, has its future dates marked
  cancelled, never deleted;
- a date that disappears from an event's recurrence is cancelled in the same way.

Each event is written in its own savepoint: an unexpected error on one is recorded as a rejection and
the others go on. Every run leaves an :class:`~agenda.models.EventImportRun` with its counts and reasons.
"""

import hashlib
import json
import logging
import re
from dataclasses import asdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from agenda.importing import parse_feed
from agenda.importing.fetch import fetch
from agenda.importing.parsed import FeedError
from agenda.models import (
    AttendanceMode,
    DateStatus,
    EventDate,
    EventImportRun,
    EventPage,
    EventSource,
    RegistrationMode,
)
from agenda.models.sources import RunStatus
from cms.models import Theme

logger = logging.getLogger(__name__)

SLUG_LENGTH = 70
SUMMARY_LENGTH = 400


def fingerprint(event):
    """A digest of everything the import writes for ``event``: equal digests mean nothing to update."""
    data = json.dumps(asdict(event), sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def edited_by_hand(page):
    """Whether someone saved the page in the admin since its last import (imports save revisions as no user)."""
    revision = page.latest_revision
    return revision is not None and revision.user_id is not None


class Importer:
    """One run over one source; see the module docstring."""

    def __init__(self, source, now, run):
        self.source = source
        self.now = now
        self.run = run
        self.territory = source.territory
        self.locale_id = self.territory.locale_id
        self.existing = {
            page.external_uid: page
            for page in EventPage.objects.filter(source=source, locale_id=self.locale_id).select_related(
                "latest_revision"
            )
        }
        self.themes = {}
        for theme in Theme.objects.filter(locale_id=self.locale_id):
            self.themes[theme.slug] = theme
            self.themes[slugify(theme.name)] = theme
        self.slugs = set(self.territory.get_children().values_list("slug", flat=True))
        self.window_end = None

    # Bookkeeping -----------------------------------------------------------------------------------------

    def reject(self, uid, title, reason):
        self.run.rejected.append({"uid": uid, "title": title, "reason": reason})

    def conflict(self, page, reason):
        self.run.conflicts.append({"uid": page.external_uid, "title": page.title, "page": page.pk, "reason": reason})
        self.run.skipped += 1

    # Writing ---------------------------------------------------------------------------------------------

    def unique_slug(self, title):
        base = slugify(title)[:SLUG_LENGTH].strip("-") or "evenement"
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        return slug

    def fill(self, page, event):
        """Copy ``event`` onto ``page``'s fields (not its dates)."""
        page.title = Truncator(event.title).chars(255)
        page.draft_title = page.title
        page.summary = Truncator(event.summary or event.description).chars(SUMMARY_LENGTH)
        page.body = [("paragraph", rich_text(event.description))] if event.description else []
        page.attendance_mode = event.attendance_mode if event.attendance_mode in AttendanceMode.values else "offline"
        page.online_link = event.online_link[:200]
        page.venue_name = event.location_name[:200]
        page.address = event.address[:255]
        page.commune = event.commune[:120]
        page.postcode = event.postcode[:5]
        page.latitude, page.longitude = event.latitude, event.longitude
        page.external_url = event.url[:500]
        page.registration_url = event.registration_url[:200]
        page.registration_email = event.registration_email[:254]
        if event.registration_url:
            page.registration_mode = RegistrationMode.LINK
        elif event.registration_email:
            page.registration_mode = RegistrationMode.EMAIL
        else:
            page.registration_mode = RegistrationMode.NONE
        if self.source.event_type_id and not page.event_type_id:
            page.event_type_id = self.source.event_type_id

    def themes_of(self, event):
        return {self.themes[slugify(word)] for word in event.keywords if slugify(word) in self.themes}

    def dates_for(self, page, event):
        """The page's date rows after the import: matched on recurrence id, the missing ones cancelled."""
        current = {row.recurrence_id: row for row in page.dates.all()} if page.pk else {}
        rows, seen = [], set()
        for parsed in event.dates:
            row = current.get(parsed.recurrence_id) or EventDate(recurrence_id=parsed.recurrence_id)
            row.start = parsed.start
            row.end = parsed.end or parsed.start
            row.all_day = parsed.all_day
            row.status = DateStatus.CANCELLED if event.cancelled else parsed.status
            rows.append(row)
            seen.add(parsed.recurrence_id)
        for key, row in current.items():
            if key in seen:
                continue
            # Beyond the window the feed lists nothing: a row there is not missing, just not listed.
            in_window = self.window_end is None or row.start < self.window_end
            if row.start > self.now and in_window and row.status != DateStatus.CANCELLED:
                row.status = DateStatus.CANCELLED
            rows.append(row)
        return sorted(rows, key=lambda row: row.start)

    def save(self, page, *, created):
        page.imported_at = self.now
        if created:
            self.territory.add_child(instance=page)
        revision = page.save_revision(user=None, log_action=True)
        if self.source.trusted:
            revision.publish(user=None)
        else:
            self.submit_for_review(page)

    def submit_for_review(self, page):
        """Untrusted sources: the change waits as a draft, in the moderation workflow when there is one."""
        workflow = page.get_workflow()
        if workflow is not None and page.current_workflow_state is None:
            workflow.start(page, user=None)

    def upsert(self, event):
        page = self.existing.get(event.uid)
        digest = fingerprint(event)
        if page is not None and page.import_fingerprint == digest:
            self.run.unchanged += 1
            return
        if page is not None and edited_by_hand(page):
            self.conflict(page, _("Modifié à la main depuis le dernier import : non écrasé."))
            return
        created = page is None
        if created:
            page = EventPage(
                slug=self.unique_slug(event.title),
                locale_id=self.locale_id,
                source=self.source,
                external_uid=event.uid,
                live=False,
            )
        else:
            page = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        self.fill(page, event)
        page.import_fingerprint = digest
        page.dates = self.dates_for(page, event)
        page.themes = list(self.themes_of(event))
        self.save(page, created=created)
        self.existing[event.uid] = page
        if created:
            self.run.created += 1
        elif event.cancelled:
            self.run.cancelled += 1
        else:
            self.run.updated += 1

    def cancel_missing(self, uids):
        """Events of this source no longer in the feed: their future dates are cancelled, never deleted."""
        for uid, page in self.existing.items():
            if uid in uids:
                continue
            rows = list(page.dates.all())
            future = [row for row in rows if row.start > self.now and row.status != DateStatus.CANCELLED]
            if not future:
                continue
            if edited_by_hand(page):
                self.conflict(page, _("Absent de l'agenda d'origine, mais modifié à la main : non annulé."))
                continue
            for row in future:
                row.status = DateStatus.CANCELLED
            page.dates = rows
            self.save(page, created=False)
            self.run.cancelled += 1

    def apply(self, feed):
        self.window_end = feed.window_end
        for rejected in feed.rejected:
            self.reject(rejected.uid, rejected.title, rejected.reason)
        self.run.skipped += len(feed.skipped)
        for event in feed.events:
            try:
                with transaction.atomic():
                    self.upsert(event)
            except Exception as error:  # noqa: BLE001 - one bad event must not stop the others
                logger.exception("Import of %s from source %s failed", event.uid, self.source.pk)
                self.reject(event.uid, event.title, _("Erreur à l'enregistrement : %(error)s") % {"error": error})
        self.cancel_missing(feed.uids)


def import_source(source, *, now=None, force=False):
    """Import ``source`` once and return the recorded :class:`EventImportRun`.

    ``force`` ignores the conditional GET (ETag / Last-Modified) and re-reads the whole feed.
    """
    now = now or timezone.now()
    run = EventImportRun(source=source, started_at=now, status=RunStatus.SUCCESS)
    try:
        result = fetch(
            source.url,
            etag="" if force else source.etag,
            last_modified="" if force else source.last_modified,
        )
        if result.not_modified:
            run.status = RunStatus.NOT_MODIFIED
        else:
            feed = parse_feed(
                result.content,
                format=source.format,
                now=now,
                horizon_days=settings.AGENDA_RECURRENCE_HORIZON_DAYS,
                charset=result.encoding,
            )
            with transaction.atomic():
                Importer(source, now, run).apply(feed)
            EventSource.objects.filter(pk=source.pk).update(etag=result.etag, last_modified=result.last_modified)
            source.etag, source.last_modified = result.etag, result.last_modified
    except FeedError as error:
        run.status = RunStatus.FAILED
        run.error = str(error)
    except Exception as error:  # noqa: BLE001 - recorded on the source; the transaction left pages untouched
        logger.exception("Import of source %s failed", source.pk)
        run.status = RunStatus.FAILED
        run.error = _("Erreur inattendue pendant l'import (%(error)s) : rien n'a été modifié.") % {
            "error": type(error).__name__
        }
    run.finished_at = timezone.now()
    run.save()
    return run


def rich_text(text):
    """Plain text as Wagtail's rich-text HTML: a ``<p>`` per paragraph, ``<br/>`` per line break.

    Not Django's ``linebreaks``: its ``<br>`` is not what Wagtail's editor reads back (opening such a page in the
    admin failed with "Unmatched tags: expected br, got p").
    """
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
        if paragraph.strip()
    )
