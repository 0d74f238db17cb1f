"""Import the territories' calendars into the agenda (nightly, and on demand)."""

from django.core.management.base import BaseCommand, CommandError

from agenda.imports import import_source
from agenda.models import EventSource
from agenda.models.sources import RunStatus


class Command(BaseCommand):
    help = "Importe les agendas des territoires (sources actives, ou --source ID)."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", help="Identifiant d'une source (répétable).")
        parser.add_argument("--force", action="store_true", help="Relire le fichier même s'il n'a pas changé.")

    def handle(self, *args, source=None, force=False, **options):
        sources = EventSource.objects.select_related("territory").order_by("name")
        if source:
            sources = sources.filter(pk__in=source)
            missing = set(source) - set(sources.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"Source inconnue : {', '.join(map(str, sorted(missing)))}")
        else:
            sources = sources.filter(active=True)
        failed = 0
        totals = {"created": 0, "updated": 0, "cancelled": 0, "unchanged": 0, "skipped": 0, "rejected": 0}
        for event_source in sources:
            run = import_source(event_source, force=force)
            if run.status == RunStatus.FAILED:
                failed += 1
                self.stdout.write(self.style.ERROR(f"{event_source.name} : échec – {run.error}"))
                continue
            for name in totals:
                totals[name] += len(run.rejected) if name == "rejected" else getattr(run, name)
            line = (
                f"{event_source.name} : {run.get_status_display()} – {run.created} créés, {run.updated} mis à jour, "
                f"{run.cancelled} annulés, {run.unchanged} inchangés, {run.skipped} ignorés, "
                f"{len(run.rejected)} refusés"
            )
            self.stdout.write(self.style.WARNING(line) if run.rejected or run.conflicts else line)
        self.stdout.write(
            f"{sources.count()} source(s), {failed} en échec ; "
            f"{totals['created']} créés, {totals['updated']} mis à jour, {totals['cancelled']} annulés, "
            f"{totals['unchanged']} inchangés, {totals['skipped']} ignorés, {totals['rejected']} refusés."
        )
