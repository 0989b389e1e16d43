# SPDX-License-Identifier: Apache-2.0
"""The LAN receiver on loopback: judges' bundles merge and the sender hears the outcome in their language;
junk, oversized uploads and floods are turned away without stopping valid bundles or growing memory."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from live_support import rehearsal

from app.errors import DomainError
from app.judge_home.send import normalise_url, post_bundle, send_bundle
from app.live.arrivals import Arrival, Arrivals
from app.live.receiver import BUNDLE_PATH, BundleReceiver, Limits, inbox_for
from app.live.rehearsal import ROUND, Rehearsal
from app.live.setup import LiveSetup, create_session
from app.live.show import LiveShow


@pytest.fixture
def rh(tmp_path: Path) -> Rehearsal:
    r = rehearsal(tmp_path / "r")
    yield r
    r.close()


class Hall:
    """A session with its receiver listening on loopback."""

    def __init__(self, rh: Rehearsal, limits: Limits | None = None) -> None:
        self.rh = rh
        self.info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=11))
        self.show = LiveShow(rh.ws, self.info.id)
        self.arrivals = Arrivals(rh.ws)
        self.arrivals.subscribe(self.show.on_arrival)
        self.receiver = BundleReceiver(
            self.arrivals, inbox_for(rh.ws.root), "127.0.0.1", 0, limits=limits or Limits()
        )
        self.receiver.start()
        self.case = self.info.order[0].case_id

    @property
    def port(self) -> int:
        return self.receiver.address[1]

    def raw(self, body: bytes, headers: dict[str, str] | None = None, source: str = "127.0.0.1",
            path: str = BUNDLE_PATH) -> tuple[int, dict[str, str]]:  # fmt: skip
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10, source_address=(source, 0))
        try:
            conn.putrequest("POST", path, skip_accept_encoding=True)
            for k, v in (headers or {"Content-Length": str(len(body))}).items():
                conn.putheader(k, v)
            conn.endheaders()
            if body:
                with contextlib.suppress(OSError):  # answered (and closed) before reading: the point
                    conn.send(body)
            response = conn.getresponse()
            return response.status, json.loads(response.read() or b"{}")
        finally:
            conn.close()

    def close(self) -> None:
        self.receiver.stop()


@pytest.fixture
def hall(rh: Rehearsal) -> Hall:
    h = Hall(rh)
    yield h
    h.close()


def test_a_judge_sends_and_hears_the_merge_outcome_in_their_language(hall: Hall) -> None:
    seen: list[Arrival] = []
    hall.arrivals.subscribe(seen.append)
    hall.rh.score("J001", hall.case)
    result = send_bundle(hall.rh.homes["J001"], f"127.0.0.1:{hall.port}")
    assert (result.code, result.status, result.accepted) == ("merged", 200, True)
    assert result.name == "已合并"
    assert "J001" in result.message
    assert "已合并" in result.message
    assert result.bundle.path.parent == hall.rh.homes["J001"].home_dir / "outbox"  # kept for a USB stick
    board = hall.show.snapshot().board
    assert board is not None
    assert board.marks[0].judge == "J001"
    assert board.marks[0].value is not None
    assert [(a.code, a.judge, a.source) for a in seen] == [("merged", "J001", "lan")]

    again = post_bundle(result.bundle.path, hall.receiver.url, lang="en")
    assert again[0] == 200
    assert again[1]["code"] == "duplicate"
    assert again[1]["message"] == "This bundle was merged before: nothing changed."  # the merge's reason


def test_junk_and_a_tampered_bundle_are_refused_and_change_nothing(hall: Hall) -> None:
    status, answer = hall.raw(os.urandom(3000))
    assert (status, answer["code"]) == (422, "malformed")
    assert answer["name"] == "文件损坏"  # the glossary's name of the outcome
    hall.rh.score("J002", hall.case)
    good = hall.rh.homes["J002"].export_bundle(hall.rh.root / "out").path
    data = bytearray(good.read_bytes())
    i = data.find(b'"value"') if b'"value"' in data else len(data) // 2
    tampered = hall.rh.root / "tampered.leitai-scores"
    data[i] ^= 0x01
    tampered.write_bytes(bytes(data))
    status, answer = post_bundle(tampered, hall.receiver.url)
    assert status == 422
    assert answer["code"] in ("bad_signature", "malformed")
    board = hall.show.snapshot().board
    assert board is not None
    assert board.received == 0
    assert not list(inbox_for(hall.rh.ws.root).iterdir())  # uploads are not left behind


def test_oversized_and_lengthless_uploads_are_refused_before_reading(hall: Hall) -> None:
    huge = str(hall.receiver.limits.max_body + 1)
    status, answer = hall.raw(b"", {"Content-Length": huge})  # not a byte of body sent: answered anyway
    assert (status, answer["code"]) == (413, "too_large")
    status, answer = hall.raw(b"", {"Transfer-Encoding": "chunked"})
    assert (status, answer["code"]) == (411, "length_required")
    status, answer = hall.raw(b"x", path="/elsewhere")
    assert (status, answer["code"]) == (404, "not_found")
    assert BUNDLE_PATH in answer["message"]
    assert hall.receiver.refusals() == {"too_large": 1, "length_required": 1, "not_found": 1}


def test_each_sender_is_rate_limited_on_its_own(rh: Rehearsal) -> None:
    hall = Hall(rh, Limits(burst=3, per_second=0.01))
    try:
        codes = [hall.raw(b"junk", source="127.0.0.9")[0] for _ in range(5)]
        assert codes == [422, 422, 422, 429, 429]
        status, answer = hall.raw(b"junk", source="127.0.0.9")
        assert answer["code"] == "rate_limited"
        assert status == 429
        rh.score("J003", hall.case)
        ok = send_bundle(rh.homes["J003"], hall.receiver.url, source="127.0.0.10")
        assert ok.code == "merged"  # another laptop is not held back by the first one's flood
    finally:
        hall.close()


def test_the_receiver_listens_only_on_the_chosen_interface(hall: Hall) -> None:
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.2", hall.port), timeout=2):
        pass


def test_sending_to_nobody_says_so(rh: Rehearsal) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # a port nobody listens on
    rh.score("J001", rh.cases[sorted(rh.cases)[0]])
    with pytest.raises(DomainError) as e:
        send_bundle(rh.homes["J001"], f"http://127.0.0.1:{port}", timeout=3)
    assert e.value.code == "send_failed"
    assert list((rh.homes["J001"].home_dir / "outbox").iterdir())  # the bundle is still there to carry
    with pytest.raises(DomainError) as bad:
        normalise_url("ftp://x")
    assert bad.value.code == "send_bad_url"
    assert normalise_url("192.168.1.10:8765") == "http://192.168.1.10:8765/bundle"


def test_the_watched_folder_feeds_the_same_show(hall: Hall, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    stop = threading.Event()
    got = threading.Event()
    hall.arrivals.subscribe(lambda a: got.set() if a.source == "folder" else None)
    thread = hall.arrivals.watch_folder(folder, stop, interval=0.05)
    try:
        hall.rh.score("J004", hall.case)
        hall.rh.homes["J004"].export_bundle(folder)
        assert got.wait(10)
    finally:
        stop.set()
        thread.join(5)
    board = hall.show.snapshot().board
    assert board is not None
    assert [m.judge for m in board.marks if m.value is not None] == ["J004"]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_a_flood_of_junk_and_oversized_posts_neither_stops_valid_bundles_nor_grows_memory(hall: Hall) -> None:
    for judge in hall.rh.judge_codes():
        hall.rh.score(judge, hall.case)
    before = _rss_mb()
    junk_size = 4096

    def junk(i: int) -> int:
        # half from one address (rate-limited), half spread over 50 addresses (each read and refused)
        source = "127.0.0.66" if i % 2 else f"127.0.1.{i % 50 + 1}"
        return hall.raw(os.urandom(junk_size), source=source)[0]

    def oversized(i: int) -> int:
        return hall.raw(b"", {"Content-Length": str(200 * 1024 * 1024)}, source=f"127.0.2.{i + 1}")[0]

    def valid(i: int, judge: str) -> str:
        return send_bundle(hall.rh.homes[judge], hall.receiver.url, source=f"127.0.3.{i + 1}").code

    with ThreadPoolExecutor(max_workers=12) as pool:
        floods = [pool.submit(junk, i) for i in range(1000)] + [pool.submit(oversized, i) for i in range(50)]
        sends = [pool.submit(valid, i, j) for i, j in enumerate(hall.rh.judge_codes())]
        statuses = [f.result() for f in floods]
        codes = [f.result() for f in sends]
    grown = _rss_mb() - before
    assert codes == ["merged"] * len(codes)
    board = hall.show.snapshot().board
    assert board is not None
    assert board.complete
    assert statuses.count(413) == 50
    # 503 (busy): every upload slot was taken at that moment; more likely the busier the machine. A
    # judge's send retries on it (the valid bundles above all merged), junk is simply turned away.
    assert set(statuses) <= {413, 422, 429, 503}
    assert statuses.count(429) > 0
    assert statuses.count(422) > 0
    assert grown < 50, f"memory grew by {grown:.1f} MB"


def test_a_sender_holding_uploads_open_cannot_take_every_slot(rh: Rehearsal) -> None:
    hall = Hall(rh, Limits(per_sender_uploads=1, concurrent_uploads=2, upload_wait=0.2))
    slow = socket.create_connection(("127.0.0.1", hall.port), source_address=("127.0.0.7", 0))
    try:  # a sender that starts an upload and never finishes it
        slow.sendall(
            f"POST {BUNDLE_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n".encode() + b"x" * 10
        )
        time.sleep(0.2)
        status, answer = hall.raw(b"junk", source="127.0.0.7")
        assert (status, answer["code"]) == (503, "busy")
        rh.score("J001", hall.case)
        assert send_bundle(rh.homes["J001"], hall.receiver.url, source="127.0.0.8").code == "merged"
    finally:
        slow.close()
        hall.close()
