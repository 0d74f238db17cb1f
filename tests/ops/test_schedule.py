"""The scheduled jobs: one list (cms/schedule.py), whose crontab is the one in docs/deploy.md, whose systemd
timers fire when the crontab does, and whose every command exists and accepts its arguments."""

import datetime
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command, get_commands, load_command_class

from cms import schedule

EXPECTED_COMMANDS = {
    "publish_scheduled",
    "import_events",
    "extend_recurrences",
    "sync_members",
    "send_registration_emails",
    "send_registration_reminders",
    "anonymise_registrations",
    "flush_search_hits",
    "searchpromotions_garbage_collect",
    "update_index",
    "backup",
}


def run(*args):
    out = StringIO()
    call_command("scheduled_jobs", *args, stdout=out)
    return out.getvalue()


def test_the_schedule_names_every_job_once():
    assert {job.command for job in schedule.JOBS} == EXPECTED_COMMANDS
    names = [job.name for job in schedule.JOBS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("job", schedule.JOBS, ids=lambda job: job.name)
def test_each_command_exists_and_accepts_its_arguments(job):
    commands = get_commands()
    assert job.command in commands, f"no management command {job.command}"
    command = load_command_class(commands[job.command], job.command)
    parser = command.create_parser("manage.py", job.command)
    parser.parse_args(list(job.args))  # exits (SystemExit) on an unknown or malformed argument


def docs_crontab():
    text = (Path(settings.BASE_DIR) / "docs" / "deploy.md").read_text()
    section = text.split("## Scheduled jobs", 1)[1]
    return re.search(r"```cron\n(.*?)```", section, re.S).group(1)


def test_the_deployment_docs_show_the_generated_crontab():
    """Regenerate with: manage.py scheduled_jobs --crontab"""
    assert docs_crontab() == run("--crontab")


def test_the_crontab_prefix_can_be_changed():
    crontab = run("--crontab", "--prefix", "/opt/site/manage")
    assert "15 2,12 * * * /opt/site/manage import_events\n" in crontab
    assert "/opt/site/manage backup --keep 7\n" in crontab


def test_the_list_shows_each_job_with_its_cadence():
    listing = run()
    assert len(listing.splitlines()) == len(schedule.JOBS)
    assert re.search(r"^import_events\s+15 2,12 \* \* \*\s+The territories' calendars", listing, re.M)


def test_systemd_units_are_written_for_every_job(tmp_path):
    run("--systemd", str(tmp_path), "--workdir", "/srv/site", "--env-file", "/etc/site.env")
    written = {path.name for path in tmp_path.iterdir()}
    assert len(written) == 2 * len(schedule.JOBS)
    import_events = (tmp_path / "villecampagne-import-events.service").read_text()
    assert "Type=oneshot\n" in import_events
    assert "WorkingDirectory=/srv/site\n" in import_events
    assert "EnvironmentFile=/etc/site.env\n" in import_events
    assert "ExecStart=/srv/site/.venv/bin/python manage.py import_events\n" in import_events
    backup = (tmp_path / "villecampagne-backup.service").read_text()
    assert "ExecStart=/srv/site/.venv/bin/python manage.py backup --keep 7\n" in backup
    for job in schedule.JOBS:
        unit = f"villecampagne-{job.name.replace('_', '-')}"
        timer = (tmp_path / f"{unit}.timer").read_text()
        assert f"OnCalendar={job.on_calendar}\n" in timer
        assert f"Unit={unit}.service\n" in timer
        assert "WantedBy=timers.target" in timer


def test_running_an_unknown_job_is_refused():
    with pytest.raises(CommandError, match="Tâche inconnue"):
        run("--run", "no_such_job")


def test_running_a_job_by_name_runs_its_command(db):
    assert run("--run", "anonymise_registrations").startswith("0 inscription(s) anonymisée(s)")


# --- cron and OnCalendar agree --------------------------------------------------------------------------------


def cron_values(field, low, high):
    values = set()
    for part in field.split(","):
        if part == "*":
            values.update(range(low, high + 1))
        elif part.startswith("*/"):
            values.update(range(low, high + 1, int(part[2:])))
        else:
            values.add(int(part))
    return values


def cron_times(expression, start, days):
    """The minutes from ``start`` over ``days`` days at which a simple cron expression fires (no ranges)."""
    minute, hour, day, month, weekday = expression.split()
    minutes, hours = cron_values(minute, 0, 59), cron_values(hour, 0, 23)
    days_of_month, months = cron_values(day, 1, 31), cron_values(month, 1, 12)
    weekdays = cron_values(weekday, 0, 6)
    times, moment = [], start
    while moment < start + datetime.timedelta(days=days):
        if (
            moment.minute in minutes
            and moment.hour in hours
            and moment.day in days_of_month
            and moment.month in months
            and (moment.isoweekday() % 7) in weekdays
        ):
            times.append(moment)
        moment += datetime.timedelta(minutes=1)
    return times


def systemd_times(on_calendar, count):
    output = subprocess.run(  # noqa: S603
        ["systemd-analyze", "calendar", f"--iterations={count}", on_calendar],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r"(?:Next elapse|Iter\. #\d+): \w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", output)
    return [datetime.datetime.fromisoformat(value) for value in found]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
@pytest.mark.parametrize("job", schedule.JOBS, ids=lambda job: job.name)
def test_cron_and_systemd_fire_at_the_same_minutes_over_a_week(job):
    first = systemd_times(job.on_calendar, 1)[0]
    expected = cron_times(job.cron, first, days=8)
    assert expected and expected[0] == first
    assert systemd_times(job.on_calendar, len(expected)) == expected
