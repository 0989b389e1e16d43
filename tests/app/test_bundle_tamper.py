# SPDX-License-Identifier: Apache-2.0
"""Nothing altered is ever accepted: single-byte flips, truncation, extra bytes, hostile ZIP files."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bundles.bundle import BundleError, read_bundle
from app.bundles.container import CHUNK, ContainerError, ContainerReader, ContainerWriter
from app.bundles.manifest import bundle_entry_ok, package_entry_ok
from app.bundles.merge import REFUSALS, merge_bundle
from app.bundles.package import BuiltPackage, build_packages
from app.bundles.package_check import verify_package
from app.casebook import NewCase, add_case
from app.errors import DomainError
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import Score
from app.workspace import Workspace

PASS = "organizer-pass"


@pytest.fixture
def package(workspace: Workspace, tmp_path: Path) -> BuiltPackage:
    """A small real package: two cases, one with a PDF and a video, one with a PDF."""
    for i in range(2):
        pdf = tmp_path / f"{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(300))
        video = tmp_path / f"{i}.mp4"
        video.write_bytes(os.urandom(400))
        add_case(
            workspace,
            NewCase(
                code=f"K{i}",
                hospital=f"医院{i}",
                province="湖南",
                theme=2,
                title="t",
                pdf=pdf,
                video=video if i == 0 else None,
            ),
        )
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", 1)
    return build_packages(workspace, "review", None, tmp_path / "pkgs", PASS)[0]


def _wrap(path: Path, entries: list[tuple[str, bytes]]) -> None:
    writer = ContainerWriter(path)
    for name, data in entries:
        writer.add_bytes(name, data)
    writer.close()


def _db_bytes(ws: Workspace) -> bytes:
    with ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ws.db_path.read_bytes()


def test_every_single_byte_flip_of_a_bundle_is_refused(
    workspace: Workspace, package: BuiltPackage, tmp_path: Path
) -> None:
    with JudgeHome.open_package(package.path, tmp_path / "home", package.access_code) as home:
        for row in home.cases():
            home.set_score(row.id, "methods", 30)
            home.set_comment(row.id, "评语")
        good = home.export_bundle(tmp_path / "good.leitai-scores").path
    data = good.read_bytes()
    before = _db_bytes(workspace)
    bad = tmp_path / "flipped.leitai-scores"
    codes: set[str] = set()
    for pos in range(len(data)):  # every byte: header, entries, signature, directory, end records
        flipped = bytearray(data)
        flipped[pos] ^= 0x01 if pos % 2 else 0x80
        bad.write_bytes(bytes(flipped))
        out = merge_bundle(workspace, bad)
        assert out.code in REFUSALS, f"byte {pos} flipped was not refused: {out.code}"
        codes.add(out.code)
    assert codes == {"malformed"}  # the container's own CRC-32 of the JSON and signature notices first
    # someone who knows ZIP re-wraps the altered JSON or signature with fresh CRCs: the signature fails
    with ContainerReader(good, bundle_entry_ok) as reader:
        payload = reader.read_small(reader.entries[0], 1 << 20)
        signature = reader.read_small(reader.entries[1], 64)
    for pos in range(0, len(payload) + len(signature), 3):
        p, sig = bytearray(payload), bytearray(signature)
        if pos < len(payload):
            p[pos] ^= 0x01
        else:
            sig[pos - len(payload)] ^= 0x01
        _wrap(bad, [("bundle.json", bytes(p)), ("bundle.sig", bytes(sig))])
        out = merge_bundle(workspace, bad)
        assert out.code in REFUSALS, f"re-wrapped flip at {pos} was not refused: {out.code}"
        codes.add(out.code)
    assert {"malformed", "bad_signature", "wrong_competition"} <= codes
    assert _db_bytes(workspace) == before
    with workspace.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Score)) == 0
    assert merge_bundle(workspace, good).code == "merged"  # the original still merges


def test_byte_flips_across_a_package_are_all_reported(package: BuiltPackage, tmp_path: Path) -> None:
    data = package.path.read_bytes()
    with ContainerReader(package.path, package_entry_ok) as reader:
        entries = reader.entries
    # every byte of every header, the manifest, the signature and the end; every 7th byte of file data
    positions: set[int] = set(range(len(data) - 2000, len(data)))
    for e in entries:
        positions.update(range(e.offset, e.data_offset))
        positions.update(range(e.data_offset, e.data_offset + e.size, 7))
        positions.add(e.data_offset + e.size - 1)
    bad = tmp_path / "flipped.leitai-pkg"
    codes: set[str] = set()
    for pos in sorted(p for p in positions if 0 <= p < len(data)):
        flipped = bytearray(data)
        flipped[pos] ^= 0x04
        bad.write_bytes(bytes(flipped))
        check = verify_package(bad)
        assert not check.ok, f"byte {pos} flipped was not noticed"
        codes.add(check.code)
    assert codes == {"malformed", "file_mismatch"}  # CRC-32 and SHA-256 notice before the signature
    # re-wrapped with fresh CRCs after altering the manifest or its signature: the signature fails
    with ContainerReader(package.path, package_entry_ok) as reader:
        contents = [(e.name, b"".join(reader.iter_data(e))) for e in reader.entries]
    manifest_and_sig = contents[-2][1] + contents[-1][1]
    split = len(contents[-2][1])
    for pos in range(0, len(manifest_and_sig), 13):
        altered = bytearray(manifest_and_sig)
        altered[pos] ^= 0x01
        _wrap(
            bad,
            [
                *contents[:-2],
                ("manifest.json", bytes(altered[:split])),
                ("manifest.sig", bytes(altered[split:])),
            ],
        )
        check = verify_package(bad)
        assert not check.ok, f"re-wrapped flip at {pos} was not noticed"
        codes.add(check.code)
    assert codes == {"malformed", "file_mismatch", "bad_signature"}
    # and the judge's side refuses such a package outright
    flipped = bytearray(data)
    flipped[entries[0].data_offset + 5] ^= 0x01
    bad.write_bytes(bytes(flipped))
    with pytest.raises(DomainError) as err:
        JudgeHome.open_package(bad, tmp_path / "home", package.access_code)
    assert err.value.code == "file_mismatch"


def test_truncated_or_padded_packages_are_reported(package: BuiltPackage, tmp_path: Path) -> None:
    data = package.path.read_bytes()
    bad = tmp_path / "cut.leitai-pkg"
    for variant in (data[:-1], data[: len(data) // 2], data[:97], b"", data + b"\0" * 10, b"PK" + data):
        bad.write_bytes(variant)
        assert verify_package(bad).code == "malformed"


def _zip(path: Path, entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name",
    [
        "../bundle.json",
        "/etc/bundle.json",
        "..\\bundle.json",
        "C:/bundle.json",
        "a/../../bundle.json",
        "bundle.json/",
    ],
)
def test_entries_that_would_escape_are_refused(tmp_path: Path, name: str) -> None:
    path = _zip(tmp_path / "evil.leitai-scores", [(name, b"{}"), ("bundle.sig", b"\0" * 64)])
    with pytest.raises(ContainerError):
        ContainerReader(path, bundle_entry_ok)
    with pytest.raises(ContainerError):
        ContainerReader(path, package_entry_ok)


def test_zip_bombs_and_foreign_zips_are_refused_without_inflating(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.leitai-pkg", [("manifest.json", b"\0" * (50 * CHUNK))], zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 200_000
    assert verify_package(bomb).code == "malformed"
    # a plain ZIP of the right names, as any zip tool makes it, is not the canonical profile
    plain = _zip(tmp_path / "plain.leitai-scores", [("bundle.json", b"{}"), ("bundle.sig", b"\0" * 64)])
    with pytest.raises(BundleError) as err:
        read_bundle(plain)
    assert err.value.code == "malformed"


def test_declared_sizes_beyond_the_file_are_refused(package: BuiltPackage, tmp_path: Path) -> None:
    data = bytearray(package.path.read_bytes())
    with ContainerReader(package.path, package_entry_ok) as reader:
        first = reader.entries[0]
    # claim the first entry is one byte longer, in both its local and its central header
    n = len(first.name)
    local_size_at = first.offset + 30 + n + 4
    data[local_size_at : local_size_at + 16] = ((first.size + 1).to_bytes(8, "little")) * 2
    bad = tmp_path / "big.leitai-pkg"
    bad.write_bytes(bytes(data))
    assert verify_package(bad).code == "malformed"


def test_reading_streams_in_chunks(tmp_path: Path) -> None:
    """A large entry is handed out chunk by chunk, never as one block."""
    path = tmp_path / "big.leitai-pkg"
    writer = ContainerWriter(path)
    blob = os.urandom(CHUNK) * 5
    writer.add_bytes("files/" + "a" * 64 + ".mp4", blob)
    writer.close()
    with ContainerReader(path, package_entry_ok) as reader:
        sizes = [len(b) for b in reader.iter_data(reader.entries[0])]
    assert max(sizes) == CHUNK
    assert sum(sizes) == len(blob)
