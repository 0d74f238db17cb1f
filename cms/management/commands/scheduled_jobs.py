"""The scheduled jobs of cms/schedule.py: list them, print the crontab, write systemd timers, or run one."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError, call_command

from cms import schedule


class Command(BaseCommand):
    help = "Tâches planifiées (cms/schedule.py) : liste, crontab, unités systemd, ou exécution d'une tâche."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--crontab", action="store_true", help="Afficher la crontab.")
        action.add_argument("--systemd", metavar="DIR", help="Écrire les unités systemd (.service, .timer) dans DIR.")
        action.add_argument("--run", metavar="NAME", help="Exécuter la tâche NAME maintenant.")
        parser.add_argument("--prefix", default=schedule.DEFAULT_PREFIX, help="Début de chaque ligne de la crontab.")
        parser.add_argument("--workdir", default="/srv/villecampagne", help="Répertoire du site (systemd).")
        parser.add_argument("--user", default="villecampagne", help="Utilisateur des services (systemd).")
        parser.add_argument("--env-file", default="/etc/villecampagne/env", help="EnvironmentFile (systemd).")

    def handle(self, *args, **options):
        if options["crontab"]:
            self.stdout.write(schedule.crontab(options["prefix"]), ending="")
        elif options["systemd"]:
            self.write_units(Path(options["systemd"]), options)
        elif options["run"]:
            try:
                job = schedule.get_job(options["run"])
            except KeyError:
                names = ", ".join(job.name for job in schedule.JOBS)
                raise CommandError(f"Tâche inconnue : {options['run']} (tâches : {names}).") from None
            call_command(*job.argv, stdout=self.stdout, stderr=self.stderr)
        else:
            for job in schedule.JOBS:
                self.stdout.write(f"{job.name:<34} {job.cron:<14} {job.why}")

    def write_units(self, directory, options):
        directory.mkdir(parents=True, exist_ok=True)
        units = schedule.systemd_units(options["workdir"], options["user"], options["env_file"])
        for name, content in units.items():
            (directory / name).write_text(content)
        timers = " ".join(name for name in units if name.endswith(".timer"))
        self.stdout.write(f"{len(units)} unités écrites dans {directory}. Puis : systemctl enable --now {timers}")
