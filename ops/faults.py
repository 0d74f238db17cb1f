"""Break the local production stack (`make stack`) under load and check that it behaves: `make faults`.

Four scenarios, each under the same steady background load (Python threads with `requests`): GETs of the
home page, the catalogue, an offer and the agenda, and acknowledged WRITES — registrations to an "on this
site" event date (each with its own email address) and contact form submissions (each with its own token).

  a. PostgreSQL restarted: errors only while it is down; the site answers again within a few seconds, with the
     same gunicorn masters (the app servers reconnect by themselves: `conn_health_checks`).
  b. Redis stopped for 10 s: no error at all (cache misses instead), then restarted.
  c. One gunicorn instance killed (SIGKILL to its master and workers): no GET fails (nginx retries GETs on the
     other instance); it is restarted afterwards.
  d. A feed server that accepts and never answers: `import_events` on a source pointing at it, with
     AGENDA_IMPORT_TIMEOUT=2, ends within a bound, records the failure, and the GETs' p95 stays normal.

  e. (after the load) nginx's micro-cache: a member's restricted page is never kept by nginx nor served to an
     anonymous visitor, and a title published through Wagtail shows in the catalogue within
     PROXY_CACHE_SECONDS (1 s) for visitors without cookies.

At the end every write the user saw acknowledged (the registration's redirect to its confirmation, the
contact form's thank-you page) must be in the database: nothing acknowledged is lost. One PASS/FAIL line per
scenario with its figures; the exit status is non-zero when any fails.

The stack's client address is always 127.0.0.1: ops/stack/stack.sh raises the per-address registration limit
in the stack's env file (AGENDA_REGISTRATION_RATE_PER_IP); the per-email limit is respected by using a new
address for each registration.
"""

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / "var" / "stack"
STACK = ROOT / "ops" / "stack" / "stack.sh"
BASE = "http://127.0.0.1:8080"
PG_VERSION = os.environ.get("STACK_PG_VERSION") or sorted(os.listdir("/etc/postgresql"), key=float)[-1]
APP_PORTS = (8001, 8002)
# A request that takes longer counts as failed: well above the p95 of this busy 2-core machine, below nginx's 60 s.
REQUEST_TIMEOUT = 30
RUN_ID = uuid.uuid4().hex[:8]


def load_stack_env():
    """The stack's environment (var/stack/env) into ours, so Django here reads the stack's database."""
    for line in (STATE / "env").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            os.environ[name] = value


def setup_django():
    load_stack_env()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def db():
    """The ORM, with a fresh connection (PostgreSQL may have been restarted since the last query)."""
    from django.db import connection

    connection.close()
    return connection


# --- What the load reads and writes -------------------------------------------------------------------------


@dataclass
class Targets:
    gets: list
    register_url: str
    contact_url: str
    login_url: str
    member: tuple  # (username, password)


def load_member():
    """A demo member who may register (every "on this site" demo event is for members).

    Demo accounts have no usable password in production: a random one is set on this member, in the stack's
    own database only."""
    import secrets

    from members.dates import today
    from members.models import MemberProfile

    profile = MemberProfile.objects.valid(today()).filter(user__is_superuser=False).select_related("user").first()
    if profile is None:
        raise SystemExit("!! no valid member in the stack's database")
    password = secrets.token_urlsafe(12)
    profile.user.set_password(password)
    profile.user.save(update_fields=["password"])
    return profile.user.get_username(), password


def find_targets():
    """The URLs of the load, taken from the demo content in the stack's database."""
    from django.urls import reverse
    from django.utils import translation

    from wagtail.models import Locale

    from agenda import registrations
    from agenda.models import EventIndexPage, EventPage, RegistrationMode
    from cms.models import FormPage
    from offers.models import OfferIndexPage, OfferPage

    db()
    fr = Locale.objects.get(language_code="fr")

    def live(model):
        return model.objects.live().filter(locale=fr)

    register_url = None
    for page in live(EventPage).filter(registration_mode=RegistrationMode.SITE):
        for date in page.dates.order_by("start"):
            if registrations.closed_reason(registrations.seat_date(date), page) is None:
                register_url = BASE + page.url + page.reverse_subpage("register", args=(date.pk,))
                break
        if register_url:
            break
    if register_url is None:
        raise SystemExit("!! no event date takes registrations on this site in the stack's database")
    gets = [
        BASE + "/fr/",
        BASE + live(OfferIndexPage).public().first().url,
        BASE + live(OfferPage).public().order_by("pk").first().url,
        BASE + live(EventIndexPage).public().first().url,
    ]
    with translation.override("fr"):
        login_url = BASE + reverse("accounts:login")
    return Targets(
        gets=gets,
        register_url=register_url,
        contact_url=BASE + live(FormPage).public().first().url,
        login_url=login_url,
        member=load_member(),
    )


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FIELD = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"[^>]*>', re.S)


class LocalSession(requests.Session):
    """A visitor whose `Secure` cookies are sent back over http. The stack's cookies are Secure (production
    settings) and the local stack has no TLS; browsers do the same for localhost, a "potentially trustworthy"
    origin. (A cookie policy would be lost: requests copies the jar for every request.)"""

    def request(self, *args, **kwargs):
        response = super().request(*args, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response


def new_session():
    return LocalSession()


def _form(session, url):
    """GET a form: (its CSRF token, its field names)."""
    response = session.get(url, timeout=REQUEST_TIMEOUT)
    response.raise_for_status()
    token = CSRF_INPUT.search(response.text).group(1)
    return token, FIELD.findall(response.text)


def log_in(session, targets):
    token, _fields = _form(session, targets.login_url)
    username, password = targets.member
    response = session.post(
        targets.login_url,
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT,
    )
    if response.status_code != 302:
        raise requests.HTTPError(f"login answered {response.status_code}")


def register(session, targets, number):
    """Register someone new (the member's session, a new email each time). Returns (acknowledged, email, status)."""
    email = f"faults-{RUN_ID}-{number}@example.org"
    url = targets.register_url
    if not session.cookies.get("sessionid"):
        log_in(session, targets)
    response = session.get(url, timeout=REQUEST_TIMEOUT, allow_redirects=False)
    if response.status_code == 302:  # the session is gone: log in again
        session.cookies.clear()
        log_in(session, targets)
    token, _fields = _form(session, url)
    data = {
        "csrfmiddlewaretoken": token,
        "first_name": "Essai",
        "last_name": f"Panne {number}",
        "email": email,
        "organisation": "Banc d'essai",
        "role": "Testeur",
        "territory": "Diois",
        "consent": "on",
        "website": "",  # the honeypot stays empty, as a person leaves it
    }
    response = session.post(url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=REQUEST_TIMEOUT)
    acknowledged = response.status_code == 302 and response.headers.get("Location", "").rstrip("/").endswith("merci")
    return acknowledged, email, response.status_code


def contact(session, targets, number):
    """Send the contact form with a unique token in the message. Returns (acknowledged, token, status)."""
    url = targets.contact_url
    marker = f"faults-{RUN_ID}-{number}"
    token, fields = _form(session, url)
    data = {"csrfmiddlewaretoken": token}
    for name in fields:
        if name == "csrfmiddlewaretoken":
            continue
        if "courriel" in name or "email" in name:
            data[name] = f"{marker}@example.org"
        elif name == "message":
            data[name] = f"Message d'essai {marker}"
        else:
            data[name] = marker
    response = session.post(url, data=data, headers={"Referer": url}, timeout=REQUEST_TIMEOUT)
    acknowledged = response.status_code == 200 and "bien été envoyé" in response.text
    return acknowledged, marker, response.status_code


@dataclass
class Sample:
    kind: str  # "get", "register", "contact"
    start: float
    end: float
    ok: bool
    detail: str = ""


@dataclass
class Load:
    """Background threads that read and write until stopped; every request becomes a Sample."""

    targets: Targets
    get_threads: int = 3
    pause: float = 0.05
    write_pause: float = 0.25
    samples: list = field(default_factory=list)
    acknowledged: dict = field(default_factory=lambda: {"register": [], "contact": []})
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _counter: int = 0

    def _record(self, sample):
        with self._lock:
            self.samples.append(sample)

    def _next(self):
        with self._lock:
            self._counter += 1
            return self._counter

    def _getter(self, offset):
        session = new_session()
        urls = self.targets.gets
        index = offset
        while not self._stop.is_set():
            url = urls[index % len(urls)]
            index += 1
            start = time.monotonic()
            try:
                status = session.get(url, timeout=REQUEST_TIMEOUT).status_code
                ok, detail = status == 200, str(status)
            except requests.RequestException as error:
                ok, detail = False, type(error).__name__
            self._record(Sample("get", start, time.monotonic(), ok, detail))
            time.sleep(self.pause)

    def _writer(self, kind, action, new_visitor):
        session = new_session()
        while not self._stop.is_set():
            if new_visitor:
                session = new_session()
            number = self._next()
            start = time.monotonic()
            try:
                acknowledged, key, status = action(session, self.targets, number)
                detail = str(status)
            except Exception as error:  # noqa: BLE001 — any failure is a write not acknowledged
                acknowledged, key, detail = False, None, type(error).__name__
            if acknowledged:
                with self._lock:
                    self.acknowledged[kind].append(key)
            self._record(Sample(kind, start, time.monotonic(), acknowledged, detail))
            time.sleep(self.write_pause)

    def __enter__(self):
        self._threads = [threading.Thread(target=self._getter, args=(n,), daemon=True) for n in range(self.get_threads)]
        self._threads.append(threading.Thread(target=self._writer, args=("register", register, False), daemon=True))
        self._threads.append(threading.Thread(target=self._writer, args=("contact", contact, True), daemon=True))
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(REQUEST_TIMEOUT * 3)

    def between(self, start, end, kind=None):
        return [s for s in self.samples if s.start >= start and s.start < end and (kind is None or s.kind == kind)]


def p95(samples):
    durations = sorted(s.end - s.start for s in samples if s.ok)
    if len(durations) < 2:
        return float("nan")
    return statistics.quantiles(durations, n=20)[18]


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


# --- Helpers to break things --------------------------------------------------------------------------------


def pidfile(name):
    return int((STATE / "run" / f"{name}.pid").read_text())


def gunicorn_masters():
    return {port: pidfile(f"gunicorn-{port}") for port in APP_PORTS}


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def wait_for(check, timeout):
    """Poll ``check()`` until it is true; the seconds it took, or None."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if check():
                return time.monotonic() - start
        except requests.RequestException:
            pass
        time.sleep(0.1)
    return None


def site_answers(url=BASE + "/fr/"):
    return requests.get(url, timeout=2).status_code == 200


@dataclass
class Result:
    name: str
    passed: bool
    figures: str

    def line(self):
        return f"{'PASS' if self.passed else 'FAIL'}  {self.name}: {self.figures}"


def error_figures(load, start, end):
    errors = [s for s in load.between(start, end) if not s.ok]
    window = (max(s.end for s in errors) - min(s.start for s in errors)) if errors else 0.0
    kinds = {}
    for s in errors:
        kinds.setdefault(f"{s.kind}:{s.detail}", 0)
        kinds[f"{s.kind}:{s.detail}"] += 1
    return errors, window, kinds


# --- The scenarios ------------------------------------------------------------------------------------------


def scenario_postgres(load):
    masters = gunicorn_masters()
    time.sleep(3)
    baseline_start = time.monotonic() - 3
    down_start = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "-m", "fast", PG_VERSION, "vcstack", "restart"], check=True
    )
    down_end = time.monotonic()
    recovery = wait_for(site_answers, 30)
    time.sleep(5)
    end = time.monotonic()
    errors, window, kinds = error_figures(load, baseline_start, end)
    # Errors may start a little before the command returns and end shortly after (a request that began while
    # the server was down); none may come later than a few seconds after the restart.
    late = [s for s in errors if s.start > down_end + 3]
    same_masters = gunicorn_masters() == masters and all(os.path.exists(f"/proc/{pid}") for pid in masters.values())
    passed = recovery is not None and recovery < 5 and not late and same_masters
    return Result(
        "a. PostgreSQL restarted",
        passed,
        f"restart took {down_end - down_start:.1f} s; {len(errors)} errors {kinds or ''} within {window:.1f} s, "
        f"{len(late)} later than 3 s after it; site answered {recovery if recovery is None else f'{recovery:.1f} s'}"
        f" after the restart; gunicorn masters unchanged: {same_masters}; "
        f"GET p95 during the fault {ms(p95(load.between(down_start, down_end + 3, 'get')))}",
    )


def scenario_redis(load):
    time.sleep(3)
    start = time.monotonic()
    baseline = p95(load.between(start - 3, start, "get"))
    os.kill(pidfile("redis"), signal.SIGTERM)
    wait_for(lambda: subprocess.run(["redis-cli", "-p", "6380", "ping"], capture_output=True).returncode != 0, 5)
    down_start = time.monotonic()
    time.sleep(10)
    down_end = time.monotonic()
    subprocess.run([str(STACK), "redis"], check=True, capture_output=True)
    time.sleep(3)
    end = time.monotonic()
    errors, window, kinds = error_figures(load, start, end)
    during = load.between(down_start, down_end)
    return Result(
        "b. Redis stopped for 10 s",
        not errors and len(during) > 0,
        f"{len(errors)} errors {kinds or ''}; {len(during)} requests while it was down "
        f"({sum(1 for s in during if s.kind != 'get')} writes); GET p95 {ms(baseline)} before, "
        f"{ms(p95([s for s in during if s.kind == 'get']))} while down",
    )


def scenario_app_server(load):
    port = APP_PORTS[1]
    time.sleep(3)
    start = time.monotonic()
    master = pidfile(f"gunicorn-{port}")
    victims = [master, *children(master)]
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    time.sleep(10)
    down_end = time.monotonic()
    subprocess.run([str(STACK), "app", str(port)], check=True, capture_output=True)
    back = wait_for(lambda: site_answers(f"http://127.0.0.1:{port}/robots.txt"), 30)
    time.sleep(3)
    end = time.monotonic()
    errors, window, kinds = error_figures(load, start, end)
    get_errors = [s for s in errors if s.kind == "get"]
    return Result(
        f"c. gunicorn :{port} killed",
        not get_errors and back is not None,
        f"killed {len(victims)} processes; {len(get_errors)} GET errors; {len(errors) - len(get_errors)} writes "
        f"not acknowledged {kinds or ''} (in flight on the killed server: nginx never retries a POST); "
        f"GET p95 while down {ms(p95(load.between(start, down_end, 'get')))}; restarted, answering after "
        f"{back if back is None else f'{back:.1f} s'}",
    )


class HangingServer:
    """A TCP server on 127.0.0.1 that accepts connections and never answers (a broken calendar server)."""

    def __enter__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        return self

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def __exit__(self, *exc):
        self.sock.close()
        for conn in self.held:
            conn.close()


IMPORT_BOUND = 30  # seconds: 4 × the 2 s timeout for the download, plus the command's start-up on a busy machine


def scenario_hanging_feed(load):
    from agenda.models import EventSource
    from agenda.models.sources import RunStatus
    from cms.models import TerritoryPage

    time.sleep(3)
    start = time.monotonic()
    baseline = p95(load.between(start - 3, start, "get"))
    with HangingServer() as server:
        db()
        source = EventSource.objects.create(
            name=f"Serveur qui ne répond pas ({RUN_ID})",
            territory=TerritoryPage.objects.first(),
            url=f"http://127.0.0.1:{server.port}/agenda.ics",
            active=False,  # only this run imports it
        )
        env = {**os.environ, "AGENDA_IMPORT_TIMEOUT": "2", "AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS": "1"}
        import_start = time.monotonic()
        try:
            completed = subprocess.run(
                [sys.executable, "manage.py", "import_events", "--source", str(source.pk)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=IMPORT_BOUND * 2,
            )
            if completed.returncode not in (0, 1):
                print(completed.stdout + completed.stderr)
        except subprocess.TimeoutExpired:
            pass
        import_end = time.monotonic()
        connections = len(server.held)
    db()
    run = source.runs.order_by("-started_at").first()
    recorded = run is not None and run.status == RunStatus.FAILED
    error = run.error if run else "no run recorded"
    # The fetch itself (the command's total also counts Django's start-up, slow on a busy machine).
    fetch = (run.finished_at - run.started_at).total_seconds() if run and run.finished_at else float("nan")
    source.delete()
    time.sleep(2)
    errors, window, kinds = error_figures(load, start, time.monotonic())
    during = p95(load.between(import_start, import_end, "get"))
    # "Normal": the import holds no app server; its own start-up competes for the 2 cores, hence some margin.
    normal = during <= max(3 * baseline, baseline + 0.3)
    took = import_end - import_start
    return Result(
        "d. hanging feed server",
        took < IMPORT_BOUND and recorded and connections > 0 and not errors and normal,
        f"import_events ended in {took:.1f} s (bound {IMPORT_BOUND} s; the import itself {fetch:.1f} s), "
        f"failure recorded: {recorded} ({error!r}); "
        f"{len(errors)} site errors; GET p95 {ms(baseline)} before, {ms(during)} during the import",
    )


def proxy_cache_seconds():
    """How long the running nginx keeps a page (0 when its micro-cache is off), read from its generated config."""
    config = (STATE / "nginx.conf").read_text()
    if re.search(r"^\s*proxy_cache off;", config, re.M):
        return 0
    return int(re.search(r"^\s*proxy_cache_valid 200 (\d+)s;", config, re.M).group(1))


def scenario_proxy_cache(targets):
    """nginx's micro-cache (docs/deploy.md, "Cache"), after the load: a member's page never comes from it and is
    never served to an anonymous visitor; a publication shows in the catalogue within PROXY_CACHE_SECONDS."""
    from wagtail.models import PageViewRestriction

    from offers.models import OfferPage

    db()
    member = new_session()
    log_in(member, targets)
    restricted = (
        PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.GROUPS, page__live=True)
        .select_related("page")
        .first()
        .page.specific
    )
    private_url = BASE + restricted.url
    seconds = proxy_cache_seconds()
    seen = member.get(private_url, timeout=REQUEST_TIMEOUT, allow_redirects=False)
    anonymous = requests.get(private_url, timeout=REQUEST_TIMEOUT, allow_redirects=False)
    private_stays_private = (
        seen.status_code == 200
        and restricted.title in seen.text
        and seen.headers.get("X-Proxy-Cache") == ("BYPASS" if seconds else None)
        and anonymous.status_code == 302
    )

    catalogue = targets.gets[1]
    requests.get(catalogue, timeout=REQUEST_TIMEOUT)
    warm = requests.get(catalogue, timeout=REQUEST_TIMEOUT)
    listed = next(o for o in OfferPage.objects.live().filter(locale__language_code="fr") if o.url in warm.text)
    title = listed.title
    marker = f"{title} (faults-{RUN_ID})"
    try:
        listed.title = marker
        listed.save_revision().publish()
        published = time.monotonic()
        shown_after = None
        while time.monotonic() - published < seconds + 5:
            if marker in requests.get(catalogue, timeout=REQUEST_TIMEOUT).text:
                shown_after = time.monotonic() - published
                break
            time.sleep(0.05)
    finally:
        listed.title = title
        listed.save_revision().publish()
    shown_in_time = shown_after is not None and shown_after <= seconds + 0.5
    kept = warm.headers.get("X-Proxy-Cache") == ("HIT" if seconds else None)
    return Result(
        "e. proxy micro-cache",
        kept and private_stays_private and shown_in_time,
        f"catalogue {warm.headers.get('X-Proxy-Cache')} from nginx on a second visit; a member's restricted page "
        f"{seen.status_code} {seen.headers.get('X-Proxy-Cache')}, the same URL for an anonymous visitor "
        f"{anonymous.status_code} (to the login); a published title shown in the catalogue after "
        f"{'never' if shown_after is None else f'{shown_after:.2f} s'} (bound {seconds} s + 0.5)",
    )


def check_no_loss(load):
    from wagtail.contrib.forms.models import FormSubmission

    from agenda.models import Registration

    db()
    registered = set(Registration.objects.filter(email__startswith=f"faults-{RUN_ID}-").values_list("email", flat=True))
    lost_registrations = [email for email in load.acknowledged["register"] if email not in registered]
    markers = {
        marker
        for data in FormSubmission.objects.filter(submit_time__isnull=False).values_list("form_data", flat=True)
        for marker in re.findall(rf"faults-{RUN_ID}-\d+", str(data))
    }
    lost_contacts = [marker for marker in load.acknowledged["contact"] if marker not in markers]
    acknowledged = len(load.acknowledged["register"]) + len(load.acknowledged["contact"])
    return Result(
        "no acknowledged write lost",
        acknowledged > 0 and not lost_registrations and not lost_contacts,
        f"{len(load.acknowledged['register'])} registrations and {len(load.acknowledged['contact'])} contact "
        f"messages acknowledged; missing from the database: {len(lost_registrations)} and {len(lost_contacts)}",
    )


def main():
    if subprocess.run([str(STACK), "status"], capture_output=True, text=True).stdout.count(" down") > 0:
        subprocess.run([str(STACK), "start"], check=True)
    setup_django()
    targets = find_targets()
    print(f"== faults: load on {', '.join(targets.gets)}")
    print(f"== faults: registrations to {targets.register_url}; contact form {targets.contact_url}")
    results = []
    scenarios = [scenario_postgres, scenario_redis, scenario_app_server, scenario_hanging_feed]
    only = os.environ.get("FAULTS_ONLY", "abcde")  # e.g. FAULTS_ONLY=bc runs two of them
    with Load(targets) as load:
        for letter, scenario in zip("abcd", scenarios, strict=True):
            if letter not in only:
                continue
            result = scenario(load)
            print(result.line(), flush=True)
            results.append(result)
        time.sleep(1)
    total = load.samples
    print(
        f"== faults: {len(total)} requests in all ({sum(1 for s in total if s.kind == 'get')} GETs, "
        f"{sum(1 for s in total if s.kind == 'register')} registrations, "
        f"{sum(1 for s in total if s.kind == 'contact')} contact messages)"
    )
    result = check_no_loss(load)
    print(result.line())
    results.append(result)
    if "e" in only:
        result = scenario_proxy_cache(targets)
        print(result.line())
        results.append(result)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
