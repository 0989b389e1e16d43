# SPDX-License-Identifier: Apache-2.0
"""Send to the organizer: export a fresh signed bundle and post it to the live session's LAN receiver.

The bundle is written into the judge's home first (``outbox/``), exactly as ``judge export`` would, so a
send that fails leaves a file the judge can still carry over on a USB stick. The organizer's receiver
answers with the merge outcome (``app.live.receiver``), in the judge's language.
"""

from __future__ import annotations

import functools
import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.glossary import language
from app.judge_home.home import JudgeHome
from app.judge_home.records import ExportResult

#: Where a judge's home keeps the bundles it sent.
OUTBOX = "outbox"
#: Seconds to wait for the organizer's answer (a merge takes milliseconds; the venue Wi-Fi may not).
TIMEOUT = 30.0
#: Times a send is tried again when the organizer's receiver says it is busy (HTTP 503).
BUSY_RETRIES = 2


@dataclass(frozen=True, slots=True)
class SendResult:
    """The organizer's answer to one send."""

    code: str  # a merge outcome (merged, duplicate, …) or a receiver refusal (too_large, rate_limited, …)
    name: str
    message: str
    status: int  # HTTP status
    bundle: ExportResult

    @property
    def accepted(self) -> bool:
        """The organizer holds these scores now (merged now or before)."""
        return self.code in ("merged", "duplicate")


class _SourceHandler(urllib.request.HTTPHandler):
    """Connect from a chosen local address (a laptop with two networks; tests on 127.0.0.x)."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self._source = source

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(http.client.HTTPConnection, source_address=(self._source, 0))
        return self.do_open(connection, req)


def normalise_url(url: str) -> str:
    """``host:port`` or ``http://host:port`` → the receiver's bundle address (``…/bundle``)."""
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urllib.parse.urlsplit(text)
    if parts.scheme != "http" or not parts.hostname:
        raise DomainError("send_bad_url", url=url)
    try:
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise DomainError("send_bad_url", url=url) from exc
    path = parts.path if parts.path not in ("", "/") else "/bundle"
    return urllib.parse.urlunsplit(("http", parts.netloc, path, "", ""))


def post_bundle(
    path: Path, url: str, *, lang: str | None = None, source: str | None = None, timeout: float = TIMEOUT
) -> tuple[int, dict[str, Any]]:
    """Post a bundle file's bytes to ``url``; the HTTP status and the receiver's JSON answer."""
    data = Path(path).read_bytes()
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/octet-stream",
            "Accept-Language": "en" if (lang or language()) == "en" else "zh-CN",
        },
    )
    opener = urllib.request.build_opener(*([_SourceHandler(source)] if source else []))
    for attempt in range(BUSY_RETRIES + 1):
        try:
            with opener.open(request, timeout=timeout) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as exc:  # a refusal still carries the receiver's answer
            status, body = exc.code, exc.read()
            wait = exc.headers.get("Retry-After", "") if exc.headers else ""
            if status == 503 and attempt < BUSY_RETRIES:  # the organizer's laptop is busy: try again soon
                time.sleep(min(float(wait) if wait.isdigit() else 1.0, 3.0))
                continue
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise DomainError("send_failed", url=url, reason=str(reason)) from exc
        break
    try:
        answer = json.loads(body.decode("utf-8"))
        if not isinstance(answer, dict) or "code" not in answer:
            raise ValueError
    except ValueError as exc:
        raise DomainError("send_bad_answer", status=status) from exc
    return status, answer


def send_bundle(
    home: JudgeHome, url: str, *, lang: str | None = None, source: str | None = None, timeout: float = TIMEOUT
) -> SendResult:
    """Export everything entered so far as a new signed bundle and post it to the organizer."""
    target = normalise_url(url)
    outbox = home.home_dir / OUTBOX
    outbox.mkdir(parents=True, exist_ok=True)
    exported = home.export_bundle(outbox)
    status, answer = post_bundle(exported.path, target, lang=lang, source=source, timeout=timeout)
    result = SendResult(
        code=str(answer["code"]),
        name=str(answer.get("name", "")),
        message=str(answer.get("message", "")),
        status=status,
        bundle=exported,
    )
    if result.accepted:
        home.mark_sent(exported.revision, target)
    return result
