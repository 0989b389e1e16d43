# SPDX-License-Identifier: Apache-2.0
"""The LAN receiver: judges' laptops post their signed bundles to the organizer's over the venue network.

The standard library's ``ThreadingHTTPServer`` in a thread, listening only on the address and port the
session chose. The network is not trusted — a bundle proves itself by its signature in the merge — but
the receiver protects the live show from junk: a body larger than a bundle can be is refused from its
Content-Length without being read, each sender's requests are rate-limited (token bucket per address),
bodies stream to disk in small chunks (memory stays flat whatever arrives), a body that is not even a
bundle is refused before it reaches the database, and only a bounded number of uploads are read at once
(a few per sender, so one flooding address cannot take every slot).
A valid bundle from another laptop never waits behind junk: junk is turned away before the merge lock.

Protocol: ``POST /bundle`` with the bundle's bytes; the answer is JSON ``{"code", "name", "message",
"judge", "revision"}`` in the sender's language (``Accept-Language``), with the merge outcome's code.
``POST /ping`` answers at once (a baseline for bench/live.py); ``GET /`` says what is listening.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from app.bundles.bundle import BUNDLE_SUFFIX, MAX_BUNDLE_FILE, BundleError, read_bundle
from app.glossary import Phrase
from app.glossary.bundles import MERGE
from app.glossary.live import RECEIVER_REFUSALS, arrival_name
from app.live.arrivals import Arrival, Arrivals

#: Where judges post their bundles.
BUNDLE_PATH = "/bundle"
PING_PATH = "/ping"
#: Bytes read from a socket at a time (a body never sits whole in memory).
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one sender may do: a burst of ``burst`` requests, then one every ``1 / per_second`` seconds."""

    max_body: int = MAX_BUNDLE_FILE  # the largest bundle file the merge would read at all
    burst: int = 20
    per_second: float = 2.0
    concurrent_uploads: int = 32  # bodies read at once, over all senders (each streams to disk)
    per_sender_uploads: int = 2  # bodies one sender may have in flight: a flooder cannot take every slot
    upload_wait: float = 5.0  # seconds an upload waits for a free slot before "busy"
    timeout: float = 15.0  # seconds a sender may take to send its request


class RateLimiter:
    """A token bucket per sender address; thread-safe, and it forgets senders that stay quiet."""

    def __init__(self, burst: int, per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._burst = burst
        self._rate = per_second
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # address → (tokens, when)
        self._lock = threading.Lock()

    def take(self, sender: str) -> float:
        """0 if ``sender`` may go on now, else the seconds until it may."""
        now = self._clock()
        with self._lock:
            tokens, when = self._buckets.get(sender, (float(self._burst), now))
            tokens = min(float(self._burst), tokens + (now - when) * self._rate)
            if tokens >= 1.0:
                self._buckets[sender] = (tokens - 1.0, now)
                return 0.0
            self._buckets[sender] = (tokens, now)
            if len(self._buckets) > 10_000:  # a sweep of many addresses must not grow memory
                full = [k for k, (t, w) in self._buckets.items() if t + (now - w) * self._rate >= self._burst]
                for k in full:
                    del self._buckets[k]
            return (1.0 - tokens) / self._rate


def _language(header: str | None) -> str:
    return "en" if (header or "").strip().lower().startswith("en") else "zh_CN"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "Leitai"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        self.request.settimeout(self.server.receiver.limits.timeout)  # a slow sender cannot hold a thread

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: every request that matters is in the arrivals log."""

    def _answer(self, status: int, body: dict[str, Any], retry_after: float | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        if retry_after is not None:
            self.send_header("Retry-After", str(max(1, round(retry_after))))
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def _refuse(
        self, status: int, code: str, lang: str, retry_after: float | None = None, **params: Any
    ) -> None:
        message = RECEIVER_REFUSALS[code].text(lang, **params)
        body = {
            "code": code,
            "name": arrival_name(code, lang),
            "message": message,
            "judge": "",
            "revision": 0,
        }
        self.server.receiver.note_refusal(code)  # counted before the answer, so a reader of it sees it
        self._answer(status, body, retry_after)

    def do_GET(self) -> None:
        receiver = self.server.receiver
        if receiver.limiter.take(self.client_address[0]):
            self._answer(429, {"code": "rate_limited"})
            return
        self._answer(200, {"service": "leitai-live", "post_to": BUNDLE_PATH, "label": receiver.label})

    def do_POST(self) -> None:
        receiver = self.server.receiver
        lang = _language(self.headers.get("Accept-Language"))
        sender = self.client_address[0]
        wait = receiver.limiter.take(sender)
        if wait:
            self._refuse(429, "rate_limited", lang, retry_after=wait, seconds=max(1, round(wait)))
            return
        path = self.path.split("?", 1)[0]
        if path == PING_PATH:
            self._answer(200, {"code": "pong"})
            return
        if path != BUNDLE_PATH:
            self._refuse(404, "not_found", lang, path=BUNDLE_PATH)
            return
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.strip().isdigit():
            self._refuse(411, "length_required", lang)
            return
        length = int(length_text)
        if length > receiver.limits.max_body:
            self._refuse(413, "too_large", lang, limit=receiver.limits.max_body)
            return
        if not receiver.begin_upload(sender):
            self._refuse(503, "busy", lang, retry_after=2.0)
            return
        try:
            file = receiver.receive(self.rfile, length)
        finally:
            receiver.end_upload(sender)
        if file is None:  # the sender stopped half-way: nobody to answer
            self.close_connection = True
            return
        try:
            status, body = self._merge(file, sender, lang)
        finally:
            file.unlink(missing_ok=True)  # the merge keeps the bytes it accepted in the database
        self._answer(status, body)

    def _merge(self, file: Path, sender: str, lang: str) -> tuple[int, dict[str, Any]]:
        """The merge's answer to an upload: junk is turned away before it queues for the merge lock."""
        receiver = self.server.receiver
        try:
            read_bundle(file)
        except BundleError as exc:
            why = Phrase(MERGE, exc.code, {"problem": exc.problem})
            receiver.arrivals.publish(Arrival(datetime.now(UTC), "lan", sender, exc.code, why=why))
            name = arrival_name(exc.code, lang)
            return 422, {
                "code": exc.code,
                "name": name,
                "message": why.text(lang),
                "judge": "",
                "revision": 0,
            }
        outcome = receiver.arrivals.merge(file, "lan", sender)
        facts = {"judge": outcome.judge, "revision": outcome.revision, "submitted": outcome.submitted}
        status = 422 if outcome.refused else 200
        answer = {
            "code": outcome.code,
            "name": arrival_name(outcome.code, lang),
            "message": outcome.why.text(lang),
        }
        return status, {**answer, **facts}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], receiver: BundleReceiver) -> None:
        self.receiver = receiver
        super().__init__(address, _Handler)


class BundleReceiver:
    """An HTTP server in a thread that merges the bundles judges post; ``start()``, then ``stop()``."""

    def __init__(
        self,
        arrivals: Arrivals,
        inbox: Path,
        bind: str = "127.0.0.1",
        port: int = 0,
        *,
        limits: Limits = Limits(),
        label: str = "",
    ) -> None:
        self.arrivals = arrivals
        self.inbox = Path(inbox)
        self.limits = limits
        self.label = label
        self.limiter = RateLimiter(limits.burst, limits.per_second)
        self.uploads = threading.BoundedSemaphore(limits.concurrent_uploads)
        self._bind = bind
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._refusals: dict[str, int] = {}
        self._in_flight: dict[str, int] = {}  # uploads being read, per sender
        self._refusal_lock = threading.Lock()

    @property
    def address(self) -> tuple[str, int]:
        """The address and port listened on (the port is known once started, when 0 was asked for)."""
        if self._server is None:
            return self._bind, self._port
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}{BUNDLE_PATH}"

    def start(self) -> tuple[str, int]:
        """Listen (only on the chosen interface) and serve in a background thread."""
        self.inbox.mkdir(parents=True, exist_ok=True)
        self._server = _Server((self._bind, self._port), self)
        self._thread = threading.Thread(target=self._server.serve_forever, name="live-receiver", daemon=True)
        self._thread.start()
        return self.address

    def stop(self) -> None:
        """Stop listening and wait for the server thread; uploads in flight are abandoned."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> BundleReceiver:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def begin_upload(self, sender: str) -> bool:
        """Take an upload slot for ``sender``: at most a few per sender, waiting briefly for a free one."""
        with self._refusal_lock:
            if self._in_flight.get(sender, 0) >= self.limits.per_sender_uploads:
                return False
            self._in_flight[sender] = self._in_flight.get(sender, 0) + 1
        if self.uploads.acquire(timeout=self.limits.upload_wait):
            return True
        self._release_sender(sender)
        return False

    def end_upload(self, sender: str) -> None:
        self.uploads.release()
        self._release_sender(sender)

    def _release_sender(self, sender: str) -> None:
        with self._refusal_lock:
            left = self._in_flight.get(sender, 1) - 1
            if left:
                self._in_flight[sender] = left
            else:
                self._in_flight.pop(sender, None)

    def refusals(self) -> dict[str, int]:
        """How many requests were refused before a merge, by reason (the console shows a count)."""
        with self._refusal_lock:
            return dict(self._refusals)

    def note_refusal(self, code: str) -> None:
        with self._refusal_lock:
            self._refusals[code] = self._refusals.get(code, 0) + 1

    def receive(self, stream: Any, length: int) -> Path | None:
        """Stream ``length`` bytes to a new file in the inbox; None when the sender sends fewer."""
        path = self.inbox / f"{time.time_ns()}-{secrets.token_hex(4)}{BUNDLE_SUFFIX}"
        left = length
        try:
            with open(path, "wb") as out:
                while left:
                    chunk = stream.read(min(CHUNK, left))
                    if not chunk:
                        raise EOFError
                    out.write(chunk)
                    left -= len(chunk)
        except (OSError, EOFError):
            path.unlink(missing_ok=True)
            return None
        return path


def inbox_for(root: Path) -> Path:
    """Where a workspace's receiver puts uploads while they are checked (removed after the merge)."""
    return Path(root) / "live" / "inbox"
