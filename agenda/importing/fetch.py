"""Download a territory's feed, carefully: the URL is typed by an editor and the server is not ours.

- only http:// and https://;
- unless ``AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS``, no private, loopback, link-local or otherwise non-public
  address: the host is resolved and checked *before* any connection, every redirect is checked the
  same way, and the address actually connected to is checked again (a DNS answer that changes between
  the check and the connection, "DNS rebinding", is refused before a byte is sent);
- ``AGENDA_IMPORT_TIMEOUT`` seconds to connect and between two reads, and a deadline for the whole
  download (``AGENDA_IMPORT_TOTAL_TIMEOUT``, 4 × the timeout by default);
- at most ``AGENDA_IMPORT_MAX_BYTES``, counted after decompression;
- conditional GET (If-None-Match / If-Modified-Since): a 304 means "nothing changed".

Every failure is a ``FeedError`` with a French message for editors. Environment proxies are ignored
(``trust_env = False``): the import must not depend on the shell it runs in.
"""

import ipaddress
import socket
import time
import unicodedata
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NameResolutionError

from django.conf import settings

from .parsed import FeedError

MAX_REDIRECTS = 5
CHUNK_SIZE = 64 * 1024
ACCEPT = "text/calendar, application/json;q=0.9, text/plain;q=0.5, */*;q=0.1"


@dataclass(frozen=True)
class FetchResult:
    """What the server sent. ``content`` is None when ``not_modified`` (HTTP 304).

    ``etag`` and ``last_modified`` are the validators to store for the next conditional request (the
    previous ones when the server did not send new ones). ``encoding`` is the charset announced in
    Content-Type, or None; ``url`` is the address finally read, after redirects.
    """

    content: bytes | None
    not_modified: bool
    etag: str
    last_modified: str
    content_type: str
    encoding: str | None
    url: str = ""
    status: int = 200


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    """Download ``url`` within the limits set in settings; raise FeedError with a readable reason."""
    timeout = settings.AGENDA_IMPORT_TIMEOUT
    max_bytes = settings.AGENDA_IMPORT_MAX_BYTES
    allow_private = settings.AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS
    deadline = time.monotonic() + getattr(settings, "AGENDA_IMPORT_TOTAL_TIMEOUT", 4 * timeout)
    headers = {"User-Agent": user_agent(), "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    with requests.Session() as session:
        session.trust_env = False
        if not allow_private:
            session.mount("http://", _PublicOnlyAdapter())
            session.mount("https://", _PublicOnlyAdapter())
        current = url.strip()
        for _ in range(MAX_REDIRECTS + 1):
            host = check_url(current, allow_private=allow_private)
            try:
                response = session.get(current, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
            except requests.RequestException as exc:
                raise _request_error(exc, host, timeout) from exc
            with response:
                if response.is_redirect:
                    current = urljoin(current, response.headers["Location"])
                    continue
                return _result(response, current, host, etag, last_modified, max_bytes, deadline, timeout)
    raise FeedError(f"Trop de redirections (plus de {MAX_REDIRECTS}) : vérifiez l'adresse du flux.")


def user_agent() -> str:
    # HTTP headers are Latin-1: the site's name has an en dash and accents.
    site = unicodedata.normalize("NFKD", getattr(settings, "WAGTAIL_SITE_NAME", "Wagtail").replace("–", "-"))
    site = site.encode("ascii", "ignore").decode()
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return f"{site} - import d'agenda (+{base_url})" if base_url else f"{site} - import d'agenda"


def check_url(url: str, *, allow_private: bool) -> str:
    """Return the URL's host if it may be fetched, else raise FeedError. Resolves names when needed."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FeedError(f"Adresse invalide : {url[:200]}") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FeedError("Adresse refusée : seuls les liens http:// et https:// sont acceptés.")
    host = parts.hostname
    if not host:
        raise FeedError(f"Adresse invalide (pas de nom de serveur) : {url[:200]}")
    if allow_private:
        return host
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    for address in _addresses(host, port):
        if not is_public_address(address):
            raise FeedError(f"Adresse refusée : {host} désigne une adresse privée ou locale ({address}).")
    return host


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public Internet (not private, loopback, link-local, reserved…)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _addresses(host: str, port: int) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FeedError(f"Le nom de domaine {host} est introuvable : vérifiez l'adresse du flux.") from exc
    return sorted({info[4][0] for info in infos})


def _result(response, url, host, etag, last_modified, max_bytes, deadline, timeout) -> FetchResult:
    content_type, encoding = _content_type(response.headers.get("Content-Type", ""))
    new_etag = response.headers.get("ETag", "") or etag
    new_last_modified = response.headers.get("Last-Modified", "") or last_modified
    if response.status_code == HTTPStatus.NOT_MODIFIED:
        return FetchResult(None, True, new_etag, new_last_modified, content_type, encoding, url, 304)
    if not 200 <= response.status_code < 300:
        reason = response.reason or _reason(response.status_code)
        raise FeedError(f"Le serveur a répondu {response.status_code} ({reason}).")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes and not response.headers.get("Content-Encoding"):
        raise FeedError(_too_big(max_bytes))
    chunks, size = [], 0
    try:
        # read1 returns what one read of the socket gave (decompressed, at most CHUNK_SIZE): the size and
        # the deadline are checked as the data comes, however slowly it trickles.
        while chunk := response.raw.read1(CHUNK_SIZE, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise FeedError(_too_big(max_bytes))
            if time.monotonic() > deadline:
                raise FeedError(f"Le téléchargement depuis {host} a pris trop de temps : il a été interrompu.")
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise _read_error(exc, host, timeout) from exc
    return FetchResult(
        b"".join(chunks), False, new_etag, new_last_modified, content_type, encoding, url, response.status_code
    )


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["Content-Type"] = header or "application/octet-stream"
    return message.get_content_type(), message.get_content_charset()


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "erreur"


def _too_big(max_bytes: int) -> str:
    return f"Le fichier dépasse la taille maximale autorisée ({_size(max_bytes)})."


def _size(value: int) -> str:
    if value >= 1024 * 1024:
        return f"{value / (1024 * 1024):.1f}".rstrip("0").rstrip(".").replace(".", ",") + " Mo"
    if value >= 1024:
        return f"{value // 1024} ko"
    return f"{value} octets"


def _read_error(exc: Exception, host: str, timeout) -> FeedError:
    if isinstance(exc, urllib3.exceptions.ReadTimeoutError | TimeoutError):
        return FeedError(f"Le serveur {host} n'a pas répondu à temps (délai de {timeout} s).")
    if isinstance(exc, urllib3.exceptions.DecodeError):
        return FeedError(f"Le serveur {host} a envoyé un fichier compressé illisible.")
    return FeedError(f"Le téléchargement depuis {host} a été interrompu avant la fin.")


def _request_error(exc: Exception, host: str, timeout) -> FeedError:
    if isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower():
        return FeedError(f"Le serveur {host} n'a pas répondu à temps (délai de {timeout} s).")
    if isinstance(exc, requests.exceptions.SSLError):
        return FeedError(f"La connexion sécurisée (HTTPS) avec {host} a échoué : certificat invalide ou expiré ?")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return FeedError("Adresse invalide : vérifiez l'adresse du flux.")
    if _caused_by(exc, NameResolutionError):
        return FeedError(f"Le nom de domaine {host} est introuvable : vérifiez l'adresse du flux.")
    return FeedError(f"Impossible de joindre le serveur {host}.")


def _caused_by(exc: BaseException, kind: type) -> bool:
    seen = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        pending += [current.__cause__, current.__context__, getattr(current, "reason", None)]
        pending += [arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException)]
    return False


class _PublicOnlyConnectionMixin:
    """Check the address really connected to, before anything is sent on the socket."""

    def _new_conn(self):
        sock = super()._new_conn()
        address = sock.getpeername()[0]
        if not is_public_address(address):
            sock.close()
            raise FeedError(f"Adresse refusée : {self.host} désigne une adresse privée ou locale ({address}).")
        return sock


class _PublicOnlyHTTPConnection(_PublicOnlyConnectionMixin, HTTPConnection):
    pass


class _PublicOnlyHTTPSConnection(_PublicOnlyConnectionMixin, HTTPSConnection):
    pass


class _PublicOnlyHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _PublicOnlyHTTPConnection


class _PublicOnlyHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _PublicOnlyHTTPSConnection


class _PublicOnlyAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _PublicOnlyHTTPConnectionPool,
            "https": _PublicOnlyHTTPSConnectionPool,
        }
