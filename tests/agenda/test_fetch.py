"""Downloading feeds from a real HTTP server on 127.0.0.1: limits, conditional GET, refusals, errors."""

import gzip
import importlib
import socket
import time

import pytest

from agenda.importing import FeedError, fetch, parse_feed
from tests.agenda.support import NOW, FeedServer, fixture_bytes

# The package re-exports the function ``fetch`` under the module's name.
fetch_module = importlib.import_module("agenda.importing.fetch")
GOOGLE = fixture_bytes("google-export.ics")
CALENDAR_HEADERS = {
    "Content-Type": "text/calendar; charset=utf-8",
    "ETag": '"v1-7f3a"',
    "Last-Modified": "Fri, 20 Nov 2026 09:00:00 GMT",
}
SCHEME_REFUSED = "Adresse refusée : seuls les liens http:// et https:// sont acceptés."


@pytest.fixture
def private_hosts_refused(settings):
    settings.AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = False


@pytest.fixture
def no_connection(monkeypatch):
    """Fail the test if anything opens a TCP connection."""

    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_feed_server_serves_what_is_registered(feed_server):
    url = feed_server.add("/hello.txt", "bonjour", headers={"Content-Type": "text/plain"})

    result = fetch(url)

    assert result.content == b"bonjour"
    assert feed_server.url("/hello.txt") == url
    assert [r.path for r in feed_server.requests] == ["/hello.txt"]


def test_fetch_returns_content_and_validators(feed_server):
    url = feed_server.add("/agenda.ics", GOOGLE, headers=CALENDAR_HEADERS)

    result = fetch(url)

    assert result.content == GOOGLE
    assert not result.not_modified
    assert (result.etag, result.last_modified) == ('"v1-7f3a"', "Fri, 20 Nov 2026 09:00:00 GMT")
    assert (result.content_type, result.encoding) == ("text/calendar", "utf-8")
    assert (result.url, result.status) == (url, 200)
    [request] = feed_server.requests
    assert request.headers["User-Agent"].startswith("Cooperations et mobilites ville-campagne - import d'agenda")
    assert "If-None-Match" not in request.headers and "If-Modified-Since" not in request.headers


def test_conditional_get_sends_the_validators_and_reads_304(feed_server):
    url = feed_server.add("/agenda.ics", GOOGLE, headers=CALENDAR_HEADERS)

    result = fetch(url, etag='"v1-7f3a"', last_modified="Fri, 20 Nov 2026 09:00:00 GMT")

    assert result.not_modified
    assert result.content is None
    assert result.status == 304
    assert (result.etag, result.last_modified) == ('"v1-7f3a"', "Fri, 20 Nov 2026 09:00:00 GMT")
    [request] = feed_server.requests
    assert request.headers["If-None-Match"] == '"v1-7f3a"'
    assert request.headers["If-Modified-Since"] == "Fri, 20 Nov 2026 09:00:00 GMT"


def test_changed_feed_answers_200_with_new_validators(feed_server):
    url = feed_server.add("/agenda.ics", GOOGLE, headers={**CALENDAR_HEADERS, "ETag": '"v2-0b9c"'})

    result = fetch(url, etag='"v1-7f3a"')

    assert not result.not_modified
    assert result.content == GOOGLE
    assert result.etag == '"v2-0b9c"'


def test_last_modified_alone_is_enough_for_304(feed_server):
    url = feed_server.add("/agenda.ics", GOOGLE, headers={"Last-Modified": "Fri, 20 Nov 2026 09:00:00 GMT"})

    result = fetch(url, last_modified="Fri, 20 Nov 2026 09:00:00 GMT")

    assert result.not_modified
    assert result.etag == ""


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "Le serveur a répondu 404 (Not Found)."),
        (403, "Le serveur a répondu 403 (Forbidden)."),
        (500, "Le serveur a répondu 500 (Internal Server Error)."),
        (503, "Le serveur a répondu 503 (Service Unavailable)."),
    ],
)
def test_http_error_is_a_feed_error_with_the_status(feed_server, status, message):
    url = feed_server.add("/agenda.ics", b"<html>erreur</html>", status=status, headers={"Content-Type": "text/html"})

    with pytest.raises(FeedError) as error:
        fetch(url)

    assert str(error.value) == message


def test_unknown_path_is_a_404(feed_server):
    with pytest.raises(FeedError, match=r"^Le serveur a répondu 404 \(Not Found\)\.$"):
        fetch(feed_server.url("/nothing-here.ics"))


def test_slow_server_times_out(feed_server, settings):
    settings.AGENDA_IMPORT_TIMEOUT = 1
    started = time.monotonic()

    with pytest.raises(FeedError) as error:
        fetch(feed_server.url("/slow.ics"))

    assert str(error.value) == "Le serveur 127.0.0.1 n'a pas répondu à temps (délai de 1 s)."
    assert time.monotonic() - started < FeedServer.SLOW_SECONDS


def test_trickling_server_hits_the_total_deadline(feed_server, settings):
    settings.AGENDA_IMPORT_TIMEOUT = 1
    settings.AGENDA_IMPORT_TOTAL_TIMEOUT = 1
    url = feed_server.add("/trickle.ics", b"B" * 4000, trickle=0.3, chunk_size=200)

    with pytest.raises(FeedError, match="Le téléchargement depuis 127.0.0.1 a pris trop de temps"):
        fetch(url)


def test_huge_file_is_cut_at_the_size_limit(feed_server, settings):
    settings.AGENDA_IMPORT_MAX_BYTES = 512 * 1024

    with pytest.raises(FeedError) as error:
        fetch(feed_server.url("/huge.ics"))

    assert str(error.value) == "Le fichier dépasse la taille maximale autorisée (512 ko)."


def test_announced_length_over_the_limit_is_refused_before_reading(feed_server, settings):
    settings.AGENDA_IMPORT_MAX_BYTES = 10 * 1024 * 1024
    url = feed_server.add("/big.ics", b"x" * 100, headers={"Content-Length": str(11 * 1024 * 1024)})

    with pytest.raises(FeedError, match=r"^Le fichier dépasse la taille maximale autorisée \(10 Mo\)\.$"):
        fetch(url)


def test_compressed_bomb_is_measured_after_decompression(feed_server, settings):
    settings.AGENDA_IMPORT_MAX_BYTES = 100 * 1024
    bomb = gzip.compress(b"A" * (5 * 1024 * 1024))
    url = feed_server.add("/bomb.ics", bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/calendar"})

    with pytest.raises(FeedError, match="Le fichier dépasse la taille maximale autorisée"):
        fetch(url)


def test_compressed_feed_is_decompressed(feed_server):
    url = feed_server.add("/agenda.ics", gzip.compress(GOOGLE), headers={"Content-Encoding": "gzip"})

    assert fetch(url).content == GOOGLE


def test_connection_cut_short_is_reported(feed_server):
    url = feed_server.add("/cut.ics", b"BEGIN:VCALENDAR\r\n", headers={"Content-Length": "5000"})

    with pytest.raises(FeedError, match=r"^Le téléchargement depuis 127\.0\.0\.1 a été interrompu avant la fin\.$"):
        fetch(url)


def test_nobody_listening_is_reported():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(FeedError, match=r"^Impossible de joindre le serveur 127\.0\.0\.1\.$"):
        fetch(f"http://127.0.0.1:{port}/agenda.ics")


def test_unknown_domain_is_reported(settings):
    for allow in (True, False):
        settings.AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = allow
        with pytest.raises(FeedError, match="Le nom de domaine agenda.invalid est introuvable"):
            fetch("http://agenda.invalid/feed.ics")


def test_redirects_are_followed(feed_server):
    feed_server.add("/old.ics", status=301, headers={"Location": "/moved.ics"})
    target = feed_server.add("/moved.ics", GOOGLE, headers=CALENDAR_HEADERS)

    result = fetch(feed_server.url("/old.ics"))

    assert result.content == GOOGLE
    assert result.url == target


def test_redirect_loop_stops(feed_server):
    feed_server.add("/a.ics", status=302, headers={"Location": "/b.ics"})
    feed_server.add("/b.ics", status=302, headers={"Location": "/a.ics"})

    with pytest.raises(FeedError, match=r"Trop de redirections \(plus de 5\)"):
        fetch(feed_server.url("/a.ics"))


def test_redirect_to_another_scheme_is_refused(feed_server):
    feed_server.add("/sneaky.ics", status=302, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(FeedError, match=f"^{SCHEME_REFUSED}$"):
        fetch(feed_server.url("/sneaky.ics"))


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://ftp.example.org/agenda.ics", "gopher://example.org/", "javascript:alert(1)", "/a"],
)
def test_other_schemes_are_refused_without_any_connection(url, no_connection):
    with pytest.raises(FeedError) as error:
        fetch(url)

    assert str(error.value) == SCHEME_REFUSED


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://10.0.0.1/agenda.ics", "10.0.0.1"),
        ("http://192.168.1.20/agenda.ics", "192.168.1.20"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::1]:8000/agenda.ics", "::1"),
        ("https://0.0.0.0/agenda.ics", "0.0.0.0"),  # noqa: S104 - an address to refuse, not to bind
        ("http://100.64.0.1/agenda.ics", "100.64.0.1"),
        ("http://[::ffff:127.0.0.1]/agenda.ics", "::ffff:7f00:1"),
    ],
)
def test_private_addresses_are_refused_without_any_connection(private_hosts_refused, no_connection, url, address):
    with pytest.raises(FeedError) as error:
        fetch(url)

    assert str(error.value).startswith("Adresse refusée : ")
    assert str(error.value).endswith(f"désigne une adresse privée ou locale ({address}).")


def test_loopback_test_server_is_refused_unless_allowed(feed_server, settings, private_hosts_refused):
    url = feed_server.add("/agenda.ics", GOOGLE)

    with pytest.raises(FeedError, match=r"127\.0\.0\.1 désigne une adresse privée ou locale \(127\.0\.0\.1\)"):
        fetch(url)
    assert feed_server.requests == []

    settings.AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = True
    assert fetch(url).content == GOOGLE


def test_names_are_resolved_before_the_check(feed_server, private_hosts_refused):
    url = feed_server.add("/agenda.ics", GOOGLE).replace("127.0.0.1", "localhost")

    with pytest.raises(FeedError, match=r"^Adresse refusée : localhost désigne une adresse privée ou locale"):
        fetch(url)
    assert feed_server.requests == []


def test_address_changing_after_the_check_is_refused_before_sending(feed_server, private_hosts_refused, monkeypatch):
    """DNS rebinding: the check saw a public address, the connection lands on loopback."""
    monkeypatch.setattr(fetch_module, "_addresses", lambda host, port: ["93.184.216.34"])
    url = feed_server.add("/agenda.ics", GOOGLE).replace("127.0.0.1", "localhost")

    with pytest.raises(FeedError, match=r"localhost désigne une adresse privée ou locale \((127\.0\.0\.1|::1)\)"):
        fetch(url)
    time.sleep(0.1)
    assert feed_server.requests == []


def test_public_addresses_pass_the_check():
    assert fetch_module.is_public_address("93.184.216.34")
    assert fetch_module.is_public_address("2a00:1450:4007:80e::200e")
    assert not fetch_module.is_public_address("127.0.0.1")
    assert not fetch_module.is_public_address("fd00::1")
    assert not fetch_module.is_public_address("fe80::1%eth0")
    assert not fetch_module.is_public_address("224.0.0.1")
    assert not fetch_module.is_public_address("pas une adresse")


def test_fetched_latin1_feed_is_parsed_with_the_announced_charset(feed_server):
    url = feed_server.add_file("/latin1.ics", "broken/latin1.ics", content_type="text/calendar; charset=ISO-8859-1")

    result = fetch(url)
    feed = parse_feed(result.content, format="ical", now=NOW, horizon_days=548, charset=result.encoding)

    assert result.encoding == "iso-8859-1"
    assert feed.events[0].title == "Réunion d'information : créer son activité à Montbrison"


def test_html_page_served_as_a_feed_is_a_feed_error(feed_server):
    url = feed_server.add_file("/agenda", "broken/html-page.ics", content_type="text/html; charset=utf-8")

    result = fetch(url)
    assert result.content_type == "text/html"
    with pytest.raises(FeedError, match="page web"):
        parse_feed(result.content, format="ical", now=NOW, horizon_days=548, charset=result.encoding)


@pytest.fixture
def test_server_counts_as_public(monkeypatch, private_hosts_refused):
    """127.0.0.1 stands for a public feed server (the only one a test can run); every other address keeps its
    real verdict, so private addresses stay refused."""
    real = fetch_module.is_public_address
    monkeypatch.setattr(fetch_module, "is_public_address", lambda address: address == "127.0.0.1" or real(address))


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/agenda.ics", "http://[::1]/agenda.ics"],
)
def test_redirect_from_a_public_server_to_a_private_address_is_refused(
    feed_server, test_server_counts_as_public, target
):
    feed_server.add("/agenda.ics", status=302, headers={"Location": target})
    address = target.split("/")[2].strip("[]")

    with pytest.raises(FeedError, match=rf"^Adresse refusée : .* désigne une adresse privée ou locale \({address}\)"):
        fetch(feed_server.url("/agenda.ics"))
    assert [r.path for r in feed_server.requests] == ["/agenda.ics"]  # the public server was asked, nothing else


def test_the_public_stand_in_still_serves_feeds(feed_server, test_server_counts_as_public):
    """The stand-in above lets the fetch through: the refusals are about the redirect target, not the server."""
    assert fetch(feed_server.add("/agenda.ics", GOOGLE)).content == GOOGLE


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/agenda.ics",  # 127.0.0.1 as one decimal number
        "http://0177.0.0.1/agenda.ics",  # octal
        "http://0x7f.0.0.1/agenda.ics",  # hexadecimal
        "http://0x7f000001/agenda.ics",
        "http://127.1/agenda.ics",  # shortened
        "http://017700000001/agenda.ics",
    ],
)
def test_loopback_written_as_a_number_is_refused(private_hosts_refused, no_connection, url):
    with pytest.raises(FeedError) as error:
        fetch(url)

    assert str(error.value).startswith("Adresse refusée : ")
    assert str(error.value).endswith("désigne une adresse privée ou locale (127.0.0.1).")
