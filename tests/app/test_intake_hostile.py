# SPDX-License-Identifier: Apache-2.0
"""Broken and hostile inputs: each gets a finding or a clear error, and the rest of the check goes on."""

from __future__ import annotations

import os
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import DomainError
from app.intake import CheckOptions, CheckReport, check_source
from app.media import CRASHED, MEMORY, OK, TIMEOUT, Job, WorkerPool, pdf_facts
from app.seasons import load_season

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import (
    Corpus,
    build_corpus,
    make_encrypted_pdf,
    make_slides,
    make_slow_pdf,
    make_truncated_pdf,
    make_zero_bomb,
    make_zero_stream_pdf,
)

RULES = load_season(2022)


def _findings(report: CheckReport, case_id: str) -> dict[str, dict[str, Any]]:
    case = next(c for c in report.cases if c.case_id == case_id)
    return {f.code: f.detail for f in case.findings}


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return build_corpus(tmp_path / "src", clean=4, videos=0, planted=False, edges=False)


def _replace_pdf(corpus: Corpus, index: int, maker: Callable[[Path], object]) -> str:
    row = corpus.rows[index]
    maker(corpus.root / row["PPT文件"])
    return row["案例编号"]


def test_broken_pdfs_each_get_a_finding_and_the_rest_goes_on(corpus: Corpus) -> None:
    files = corpus.root / "files"
    ids = [r["案例编号"] for r in corpus.rows]
    for fraction, case_id in zip((0.2, 0.6, 0.97), ids[:3], strict=True):
        path = files / f"{case_id}.pdf"
        make_slides(path)
        path.write_bytes(path.read_bytes()[: int(path.stat().st_size * fraction)])
    report = check_source(corpus.root, RULES)
    for case_id in ids[:3]:
        assert _findings(report, case_id)["pdf_corrupt"]["reason"] == "truncated"
    assert not next(c for c in report.cases if c.case_id == ids[3]).violations


@pytest.mark.parametrize(
    ("maker", "code", "reason"),
    [
        (make_encrypted_pdf, "pdf_corrupt", "encrypted"),
        (lambda p: p.write_bytes(b""), "pdf_corrupt", "unreadable"),
        (lambda p: p.write_bytes(b"PK\x03\x04 this is a zip, renamed"), "pdf_corrupt", "unreadable"),
        (lambda p: p.write_bytes(os.urandom(4096)), "pdf_corrupt", "unreadable"),
        (make_truncated_pdf, "pdf_corrupt", "truncated"),
    ],
)
def test_unusable_pdf(corpus: Corpus, maker: Callable[[Path], object], code: str, reason: str) -> None:
    case_id = _replace_pdf(corpus, 0, maker)
    report = check_source(corpus.root, RULES, options=CheckOptions(workers=1))
    assert _findings(report, case_id)[code]["reason"] == reason
    assert all(c.clean for c in report.cases if c.case_id != case_id)


def test_pdf_with_a_zero_byte_stream_is_reported_as_blank(corpus: Corpus) -> None:
    case_id = _replace_pdf(corpus, 1, make_zero_stream_pdf)
    found = _findings(check_source(corpus.root, RULES, options=CheckOptions(workers=1)), case_id)
    assert found["pdf_blank_pages"]["pages"] == [1]
    assert "pdf_no_text" in found


def test_video_that_is_really_a_text_file(corpus: Corpus) -> None:
    import csv

    (corpus.root / "files" / "clip.mp4").write_text("<?xml version='1.0'?><note>视频</note>\n" * 50)
    (corpus.root / "files" / "clip2.mp4").write_bytes(b"")
    corpus.rows[0]["视频文件"] = "files/clip.mp4"
    corpus.rows[1]["视频文件"] = "files\\clip2.mp4"  # a Windows path in the sheet
    with (corpus.root / "cases.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(corpus.rows[0]))
        writer.writeheader()
        writer.writerows(corpus.rows)
    report = check_source(corpus.root, RULES, options=CheckOptions(workers=1))
    for row in corpus.rows[:2]:
        assert _findings(report, row["案例编号"])["video_not_mp4"]["reason"] == "unreadable"


def test_sheet_paths_cannot_escape_the_folder(corpus: Corpus, tmp_path: Path) -> None:
    import csv

    secret = tmp_path / "secret.pdf"
    make_slides(secret)
    corpus.rows[0]["PPT文件"] = "../secret.pdf"
    corpus.rows[1]["PPT文件"] = str(secret)
    os.symlink(secret, corpus.root / "files" / "link.pdf")
    corpus.rows[2]["PPT文件"] = "files/link.pdf"
    with (corpus.root / "cases.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(corpus.rows[0]))
        writer.writeheader()
        writer.writerows(corpus.rows)
    report = check_source(corpus.root, RULES, options=CheckOptions(workers=1))
    for row in corpus.rows[:3]:
        assert _findings(report, row["案例编号"])["pdf_missing"]["reason"] == "outside"


def test_zip_with_escaping_entries_is_read_without_them(corpus: Corpus, tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in corpus.root.rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(corpus.root).as_posix())
        zf.writestr("../escaped.txt", "gotcha")
        zf.writestr("files/../../escaped2.txt", "gotcha")
        zf.writestr("/etc/leitai-escaped.txt", "gotcha")
        zf.writestr("..\\escaped3.txt", "gotcha")
    report = check_source(archive, RULES, options=CheckOptions(workers=1))
    refused = sorted(p.detail["entry"] for p in report.problems if p.code == "zip_entry_refused")
    assert refused == sorted(
        ["../escaped.txt", "files/../../escaped2.txt", "/etc/leitai-escaped.txt", "../escaped3.txt"]
    )
    assert all(c.clean for c in report.cases)
    assert len(report.cases) == 4
    import tempfile

    leaked = [p for p in Path(tempfile.gettempdir()).glob("escaped*.txt")] + list(tmp_path.glob("escaped*"))
    assert not leaked
    assert not Path("/etc/leitai-escaped.txt").exists()


def test_a_case_naming_a_refused_entry_gets_pdf_missing(corpus: Corpus, tmp_path: Path) -> None:
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in corpus.root.rglob("*"):
            if path.is_file() and path.name != f"{corpus.rows[0]['案例编号']}.pdf":
                zf.write(path, path.relative_to(corpus.root).as_posix())
        info = zipfile.ZipInfo(corpus.rows[0]["PPT文件"])
        info.external_attr = 0o120777 << 16  # a symlink entry
        zf.writestr(info, "/etc/passwd")
    report = check_source(archive, RULES, options=CheckOptions(workers=1))
    assert _findings(report, corpus.rows[0]["案例编号"])["pdf_missing"]["reason"] == "refused"


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("cases.csv", "案例编号\n")
        zf.writestr("files/huge.pdf", bytes(64 * 1024 * 1024))  # 64 MB of zeros → ~64 KB
    with pytest.raises(DomainError) as err:
        check_source(bomb, RULES)
    assert err.value.code == "zip_bomb"
    assert "压缩炸弹" in err.value.message


def test_zip_of_many_moderate_zero_entries_is_refused_as_a_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8 #14: 200 entries of 8 MiB zeros (1.6 MB of zip) — no entry alone is a bomb, the archive is."""
    import tempfile

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    rows = "".join(f"C{i:04d},某医院{i},河北,1,案例,files/{i:04d}.pdf\n" for i in range(200))
    sheet = ("案例编号,医院名称,省份,主题,案例名称,PPT文件\n" + rows).encode()
    bomb = make_zero_bomb(tmp_path / "zeros.zip", sheet)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(DomainError) as err:
        check_source(bomb, RULES, options=CheckOptions(workers=1))
    assert err.value.code == "zip_bomb_archive"
    assert "压缩炸弹" in err.value.text("zh")
    assert "zip bomb" in err.value.text("en")
    written = sum(p.stat().st_size for p in temp.rglob("*") if p.is_file())
    assert written < 1024 * 1024, written


def test_zip_entry_inflating_beyond_its_declared_size_never_writes_more(tmp_path: Path) -> None:
    from app.intake.archive import extract_zip

    archive = tmp_path / "liar.zip"
    payload = bytes(2 * 1024 * 1024)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("cases.csv", "案例编号\n")
        zf.writestr("big.bin", payload)
    data = bytearray(archive.read_bytes())
    # Declare 1000 bytes in both the local header and the central directory.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + 7] == b"big.bin":
                data[start + offset : start + offset + 4] = (1000).to_bytes(4, "little")
            start += 4
    archive.write_bytes(bytes(data))
    out = tmp_path / "out"
    out.mkdir()
    # zipfile stops at the declared size, the CRC then fails: the entry is refused, never half-written.
    problems, refused = extract_zip(archive, out)
    assert [p.code for p in problems] == ["zip_entry_corrupt"]
    assert "big.bin" in refused
    assert not (out / "big.bin").exists()


def test_a_file_that_hangs_the_parser_is_cut_off(corpus: Corpus) -> None:
    slow_id = _replace_pdf(corpus, 0, make_slow_pdf)
    started = time.monotonic()
    report = check_source(corpus.root, RULES, options=CheckOptions(workers=2, pdf_timeout=1.0))
    assert time.monotonic() - started < 10  # parsing it in full takes ~15 s
    assert _findings(report, slow_id)["pdf_corrupt"]["reason"] == "timeout"
    assert all(c.clean for c in report.cases if c.case_id != slow_id)


def test_pool_survives_crashes_memory_hogs_and_hangs(tmp_path: Path) -> None:
    deck = make_slides(tmp_path / "deck.pdf", pages=2)
    seen: list[int] = []
    with WorkerPool(2, memory_bytes=1024**3) as pool:
        outcomes = pool.run(
            [
                Job(time.sleep, (30,), timeout=0.5),
                Job(os.abort, (), timeout=5),
                Job(bytearray, (2 * 1024**3,), timeout=5),
                Job(pdf_facts, (str(deck),), timeout=30),
                Job(pdf_facts, (str(tmp_path / "missing.pdf"),), timeout=30),
            ],
            on_outcome=lambda i, _o: seen.append(i),
        )
        assert [o.kind for o in outcomes] == [TIMEOUT, CRASHED, MEMORY, OK, "error"]
        assert outcomes[3].value.page_count == 2
        assert "SIGABRT" in outcomes[1].message
        assert sorted(seen) == [0, 1, 2, 3, 4]
        # The pool replaced its dead workers and still works.
        assert pool.run([Job(pdf_facts, (str(deck),))])[0].ok


def test_cancel_stops_the_workers(tmp_path: Path) -> None:
    from app.errors import Cancelled

    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with WorkerPool(1) as pool, pytest.raises(Cancelled):
        pool.run([Job(time.sleep, (30,), timeout=60)], cancelled=cancelled)
