"""Test support for the agenda imports: the fixture files, a fixed "now", a real HTTP server for feeds."""

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

from requests.structures import CaseInsensitiveDict

FIXTURES = Path(__file__).parent / "fixtures"
PARIS = ZoneInfo("Europe/Paris")
# Every parse in these tests happens "now": never the real clock.
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=PARIS)


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    trickle: float = 0.0  # seconds to wait between chunks of the body
    chunk_size: int = 64 * 1024


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: CaseInsensitiveDict


class FeedServer:
    """A real HTTP server on 127.0.0.1, in a thread, serving what a test registers.

    ``add(path, body, status=200, headers={...})`` registers a response; ``url(path)`` is its address;
    ``requests`` lists what was asked, headers included. A route with an ``ETag`` (or ``Last-Modified``)
    header answers 304 to a request carrying the same If-None-Match (or If-Modified-Since).

    Two routes are there from the start: ``/slow.ics`` waits ``SLOW_SECONDS`` before answering, and
    ``/huge.ics`` streams ``HUGE_BYTES`` without announcing a length.
    """

    SLOW_SECONDS = 3.0
    HUGE_BYTES = 2 * 1024 * 1024

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[RecordedRequest] = []
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, client_address: None  # clients hanging up on purpose
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.add("/slow.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", delay=self.SLOW_SECONDS)
        self.add("/huge.ics", b"X" * self.HUGE_BYTES, headers={"Content-Type": "text/calendar"}, chunk_size=16 * 1024)

    def add(self, path: str, body: bytes | str = b"", *, status: int = 200, headers: dict | None = None, **options):
        """Serve ``body`` at ``path``; options: ``delay``, ``trickle``, ``chunk_size`` (see Route)."""
        if isinstance(body, str):
            body = body.encode()
        self.routes[path] = Route(body=body, status=status, headers=dict(headers or {}), **options)
        return self.url(path)

    def add_file(self, path: str, name: str, *, content_type: str = "text/calendar; charset=utf-8", **options):
        """Serve the fixture file ``name`` at ``path``."""
        headers = {"Content-Type": content_type, **options.pop("headers", {})}
        return self.add(path, fixture_bytes(name), headers=headers, **options)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    def start(self):
        self._thread.start()

    def stop(self):
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.requests.append(RecordedRequest("GET", self.path, CaseInsensitiveDict(self.headers.items())))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    return self._send(404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>")
                if route.delay and server._stopping.wait(route.delay):
                    return None
                if self._not_modified(route):
                    kept = {k: v for k, v in route.headers.items() if k.lower() in ("etag", "last-modified")}
                    return self._send(304, kept, b"")
                return self._send(route.status, route.headers, route.body, route)

            def _not_modified(self, route):
                headers = CaseInsensitiveDict(route.headers)
                etag, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                if etag and headers.get("ETag"):
                    return etag == headers["ETag"]
                return bool(since and headers.get("Last-Modified") == since)

            def _send(self, status, headers, body, route=None):
                self.send_response(status)
                announced = {k.lower() for k in headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                streamed = route is not None and (route.trickle or len(body) > route.chunk_size)
                if streamed and "content-length" not in announced:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                elif "content-length" not in announced:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.close_connection = True  # a announced length longer than the body: cut short
                self.end_headers()
                if not streamed:
                    self.wfile.write(body)
                    return
                for start in range(0, len(body), route.chunk_size):
                    if route.trickle and server._stopping.wait(route.trickle):
                        return
                    try:
                        self.wfile.write(body[start : start + route.chunk_size])
                        self.wfile.flush()
                    except OSError:
                        return  # the client gave up, as it should past its limits

            def log_message(self, format, *args):
                pass

        return Handler


def wait_for(predicate, timeout=2.0):
    """Poll until ``predicate()`` is true (the server records requests in its own thread)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
