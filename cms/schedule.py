"""Every scheduled job of the site, declared once: what runs, when, and why.

``manage.py scheduled_jobs`` turns this list into a crontab (``--crontab``, the block in docs/deploy.md) or into
systemd service and timer units (``--systemd DIR``), and runs one job by name (``--run NAME``). Each job carries
its cadence twice, as a cron expression and as a systemd ``OnCalendar`` value; tests/ops/test_schedule.py checks
that both fire at the same minutes over a week. Times are the server's local time (Europe/Paris).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    cron: str
    on_calendar: str
    why: str
    args: tuple[str, ...] = field(default=())

    @property
    def argv(self):
        return (self.command, *self.args)


JOBS = (
    Job(
        name="publish_scheduled",
        command="publish_scheduled",
        cron="*/5 * * * *",
        on_calendar="*-*-* *:00/5:00",
        why="Pages: publish what editors scheduled, unpublish what has expired (Wagtail's go-live / expiry dates).",
    ),
    Job(
        name="backup",
        command="backup",
        args=("--keep", "7"),
        cron="30 1 * * *",
        on_calendar="*-*-* 01:30:00",
        why="Backup: database dump and media archive in BACKUP_DIR, the last 7 kept; copy them off the server.",
    ),
    Job(
        name="import_events",
        command="import_events",
        cron="15 2,12 * * *",
        on_calendar="*-*-* 02,12:15:00",
        why="The territories' calendars (iCalendar / OpenAgenda sources), every night and at noon.",
    ),
    Job(
        name="extend_recurrences",
        command="extend_recurrences",
        cron="45 2 * * *",
        on_calendar="*-*-* 02:45:00",
        why="Recurring events typed in the admin: move the 18-month horizon of their dates forward.",
    ),
    Job(
        name="sync_members",
        command="sync_members",
        cron="5 0 * * *",
        on_calendar="*-*-* 00:05:00",
        why='Members: put the people of valid organisations in the "Adhérents" group, take lapsed ones out.',
    ),
    Job(
        name="send_registration_emails",
        command="send_registration_emails",
        cron="*/10 * * * *",
        on_calendar="*-*-* *:00/10:00",
        why="Registrations: send the emails a mail server failure left unsent (they are stored before any send).",
    ),
    Job(
        name="send_registration_reminders",
        command="send_registration_reminders",
        cron="0 8 * * *",
        on_calendar="*-*-* 08:00:00",
        why="Registrations: the reminder, two days before each date (AGENDA_REGISTRATION_REMINDER_DAYS).",
    ),
    Job(
        name="anonymise_registrations",
        command="anonymise_registrations",
        cron="20 3 * * *",
        on_calendar="*-*-* 03:20:00",
        why="Registrations: personal data anonymised 12 months after the date (AGENDA_REGISTRATION_RETENTION_MONTHS).",
    ),
    Job(
        name="flush_search_hits",
        command="flush_search_hits",
        cron="*/5 * * * *",
        on_calendar="*-*-* *:00/5:00",
        why="Search terms report: write the searches counted in Redis since the last run (search/hits.py).",
    ),
    Job(
        name="searchpromotions_garbage_collect",
        command="searchpromotions_garbage_collect",
        cron="30 3 * * *",
        on_calendar="*-*-* 03:30:00",
        why="Search terms report: drop daily hits older than WAGTAILSEARCH_HITS_MAX_AGE (90 days), then unused terms.",
    ),
    Job(
        name="update_index",
        command="update_index",
        cron="0 4 * * 0",
        on_calendar="Sun *-*-* 04:00:00",
        why="Search index: pages are indexed as they are saved; a weekly rebuild catches writes that bypass signals.",
    ),
)


def get_job(name):
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(name)


DEFAULT_PREFIX = "cd /srv/villecampagne && .venv/bin/python manage.py"
CRON_WIDTH = 13  # the cron expressions line up, as they did when the crontab was written by hand


def crontab(prefix=DEFAULT_PREFIX):
    """The crontab: each job after a comment saying why."""
    lines = []
    for job in JOBS:
        lines.append(f"# {job.why}")
        lines.append(f"{job.cron.ljust(CRON_WIDTH)} {' '.join((prefix, *job.argv))}")
    return "\n".join(lines) + "\n"


UNIT_PREFIX = "villecampagne-"


def systemd_units(workdir="/srv/villecampagne", user="villecampagne", env_file="/etc/villecampagne/env"):
    """{file name: content} for one oneshot service and one timer per job."""
    units = {}
    for job in JOBS:
        unit = f"{UNIT_PREFIX}{job.name.replace('_', '-')}"
        units[f"{unit}.service"] = (
            "[Unit]\n"
            f"Description=villecampagne: {job.name}\n"
            "After=network-online.target\n"
            "Wants=network-online.target\n"
            "\n"
            "[Service]\n"
            "Type=oneshot\n"
            f"User={user}\n"
            f"WorkingDirectory={workdir}\n"
            f"EnvironmentFile={env_file}\n"
            f"ExecStart={workdir}/.venv/bin/python manage.py {' '.join(job.argv)}\n"
        )
        units[f"{unit}.timer"] = (
            "[Unit]\n"
            f"Description=villecampagne: {job.why}\n"
            "\n"
            "[Timer]\n"
            f"OnCalendar={job.on_calendar}\n"
            # A run missed while the server was off happens at boot (once), not never.
            "Persistent=true\n"
            f"Unit={unit}.service\n"
            "\n"
            "[Install]\n"
            "WantedBy=timers.target\n"
        )
    return units
