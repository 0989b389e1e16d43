# SPDX-License-Identifier: Apache-2.0
"""Building packages: streamed with progress and cancel, bound to the store's hashes, keys, rosters."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.bundles import keys
from app.bundles.package import build_packages
from app.bundles.package_check import verify_package
from app.casebook import NewCase, add_case
from app.errors import DomainError
from app.judging.assignment import ensure_assigned
from app.judging.judge_import import import_judges
from app.judging.roster import NewJudge, add_judge, list_judges
from app.models import Assignment, AuditEvent, Conflict, IssuedPackage, Judge, OrganizerKey
from app.workspace import Workspace

PASS = "organizer-pass"


def _case(ws: Workspace, tmp: Path, code: str, hospital: str, size: int = 2000, video: int = 0) -> None:
    pdf = tmp / f"{code}.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(size))
    mp4 = None
    if video:
        mp4 = tmp / f"{code}.mp4"
        with mp4.open("wb") as f:
            block = os.urandom(1 << 20)
            for _ in range(video):
                f.write(block)
    add_case(
        ws, NewCase(code=code, hospital=hospital, province="河南", theme=5, title="题目", pdf=pdf, video=mp4)
    )


def test_progress_counts_every_media_byte_and_cancel_leaves_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    for i in range(3):
        _case(workspace, tmp_path, f"P{i}", f"医院{i}", size=5000, video=2)
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", 1)
    seen: list[tuple[int, int]] = []
    built = build_packages(
        workspace, "review", None, tmp_path / "out", PASS, progress=lambda d, t: seen.append((d, t))
    )
    total = built[0].media_bytes
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert verify_package(built[0].path).bytes_checked == total

    calls = iter(range(3))
    with pytest.raises(DomainError) as err:
        build_packages(
            workspace, "review", None, tmp_path / "out2", PASS, cancel=lambda: next(calls, None) is None
        )
    assert err.value.code == "cancelled"
    assert list((tmp_path / "out2").glob("*.leitai-pkg*")) == []
    with workspace.sessions() as s:
        assert s.scalar(select(func.count()).select_from(IssuedPackage)) == 1

    check_calls = iter(range(2))
    with pytest.raises(DomainError) as err:
        verify_package(built[0].path, cancel=lambda: next(check_calls, None) is None)
    assert err.value.code == "cancelled"


def test_a_corrupted_store_file_stops_the_build(workspace: Workspace, tmp_path: Path) -> None:
    _case(workspace, tmp_path, "Q1", "医院")
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", 1)
    stored = next(p for p in (workspace.root / "files").rglob("*") if p.is_file())
    data = bytearray(stored.read_bytes())
    data[100] ^= 1
    stored.write_bytes(bytes(data))
    with pytest.raises(DomainError) as err:
        build_packages(workspace, "review", None, tmp_path / "out", PASS)
    assert err.value.code == "store_corrupt"
    assert list((tmp_path / "out").glob("*.leitai-pkg*")) == []


def test_building_and_verifying_never_hold_a_whole_video(workspace: Workspace, tmp_path: Path) -> None:
    _case(workspace, tmp_path, "V1", "医院", video=48)
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", 1)
    tracemalloc.start()
    try:
        built = build_packages(workspace, "review", None, tmp_path / "out", PASS)[0]
        _, build_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        check = verify_package(built.path, extract_to=tmp_path / "x")
        _, verify_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert check.ok
    assert built.media_bytes > 48 * (1 << 20)
    assert build_peak < 20 * (1 << 20)
    assert verify_peak < 20 * (1 << 20)


def test_organizer_key_is_sealed_and_needs_its_passphrase(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws", passphrase="first passphrase") as ws:
        with ws.sessions() as s:
            row = s.scalars(select(OrganizerKey)).one()
            assert row.sealed["kdf"] == "scrypt"
            assert b"first passphrase" not in ws.db_path.read_bytes()
        add_judge(ws, NewJudge(name="评委"))
        _case(ws, tmp_path, "K1", "医院")
        ensure_assigned(ws, "review", 1)
        with pytest.raises(DomainError) as err:
            build_packages(ws, "review", None, tmp_path / "out", "another passphrase")
        assert err.value.code == "bad_passphrase"
        built = build_packages(ws, "review", None, tmp_path / "out", "first passphrase")
        assert verify_package(built[0].path).manifest.organizer_key == row.public_key  # type: ignore[union-attr]
    with pytest.raises(DomainError) as err:
        Workspace.create(tmp_path / "ws2", passphrase="short")
    assert err.value.code == "weak_passphrase"


def test_access_codes_read_the_way_people_type_them() -> None:
    code = keys.new_access_code()
    assert len(code) == 14
    assert code.count("-") == 2
    assert keys.normalise_code(code.lower().replace("-", " ")) == code.replace("-", "")
    assert keys.normalise_code("O1IL-0000-0000") == "01110000" + "0000"
    with pytest.raises(DomainError):
        keys.normalise_code("UUUU-UUUU-UUUU")


def test_assignment_spreads_cases_and_respects_conflicts(workspace: Workspace, tmp_path: Path) -> None:
    for i in range(6):
        _case(workspace, tmp_path, f"R{i}", f"医院{i}", size=100)
    add_judge(workspace, NewJudge(name="甲", institution="医院0"))  # conflict with 医院0's case
    for name in ("乙", "丙"):
        add_judge(workspace, NewJudge(name=name))
    assert ensure_assigned(workspace, "review", 2) == 12
    assert ensure_assigned(workspace, "review", 2) == 0  # already assigned: left alone
    with workspace.sessions() as s:
        conflicted = s.scalars(select(Conflict)).one()
        rows = s.execute(select(Assignment.judge_id, Assignment.case_id)).all()
        per_judge = {j: sum(1 for jj, _ in rows if jj == j) for j in {j for j, _ in rows}}
        first_case = s.scalar(select(func.min(Assignment.case_id)))
    assert (conflicted.judge_id, first_case) not in rows
    assert sorted(per_judge.values()) == [4, 4, 4]
    with pytest.raises(DomainError) as err:
        build_packages(workspace, "screening", None, tmp_path / "o", PASS)
    assert err.value.code in {"no_rubric", "round_unassigned"}


def test_judges_import_from_xlsx_with_chinese_headers(workspace: Workspace, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["2022年评审专家名单"])
    ws.append(["序号", "专家姓名", "工作单位", "所在省份", "联系电话", "邮箱", "擅长主题"])
    ws.append([1, "孙专家", "人民医院", "广西", "13900000000", "s@x.cn", "主题二；主题十"])
    ws.append([2, "周专家", "中心医院", "火星", "", "", "第十一主题"])
    ws.append([3, "", "", "", "", "", ""])
    ws.append([4, "孙专家", "人民医院", "广西", "", "", ""])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    report = import_judges(workspace, path)
    assert len(report.added) == 2
    assert report.skipped == 2  # the row with no name, and the same judge again
    messages = " ".join(p.message for p in report.problems)
    assert "火星" in messages
    assert "第十一主题" in messages
    judges = {j.name: j for j in list_judges(workspace)}
    assert judges["孙专家"].province == "广西壮族自治区"
    assert judges["孙专家"].expertise == (2, 10)
    with workspace.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Judge)) == 2
        assert (
            s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "judge.add"))
            == 2
        )
    with pytest.raises(DomainError) as err:
        import_judges(workspace, tmp_path / "nothing.xlsx")
    assert err.value.code == "file_missing"
