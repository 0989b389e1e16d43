# SPDX-License-Identifier: Apache-2.0
"""The judge's home: open a package with its access code, score within the rubric, recuse, export."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bundles import keys
from app.bundles.bundle import read_bundle
from app.bundles.package import BuiltPackage, build_packages
from app.casebook import NewCase, add_case
from app.errors import DomainError
from app.judge_home import JudgeHome
from app.judge_home.key_store import OsKeyStore
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import Round
from app.workspace import Workspace

PASS = "organizer-pass"


def _fill(ws: Workspace, tmp: Path, cases: int = 4, judges: int = 2) -> None:
    for i in range(cases):
        pdf = tmp / f"c{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(1500))
        video = tmp / f"c{i}.mp4"
        video.write_bytes(os.urandom(3000))
        add_case(
            ws,
            NewCase(
                code=f"C{i:03d}",
                hospital=f"第{i}人民医院",
                province="浙江",
                theme=1 + i % 3,
                title=f"案例{i}",
                pdf=pdf,
                video=video if i % 2 == 0 else None,
            ),
        )
    for i in range(judges):
        add_judge(ws, NewJudge(name=f"评委{i}"))
    ensure_assigned(ws, "review", per_case=judges)


@pytest.fixture
def built(workspace: Workspace, tmp_path: Path) -> BuiltPackage:
    _fill(workspace, tmp_path)
    return build_packages(workspace, "review", None, tmp_path / "out", PASS)[0]


def test_open_package_verifies_and_lists_cases_with_files(built: BuiltPackage, tmp_path: Path) -> None:
    home = JudgeHome.open_package(built.path, tmp_path / "home", built.access_code.lower())
    info = home.info()
    assert (info.judge_code, info.round_key, info.blind) == (built.judge_code, "review", False)
    assert [c.key for c in info.criteria] == ["background_goals", "methods", "results", "value"]
    assert info.criteria[1].max == 35.0
    assert info.criteria[1].step == 0.5
    rows = home.cases()
    assert [r.code for r in rows] == ["C000", "C001", "C002", "C003"]
    assert {r.state for r in rows} == {"not_started"}
    assert rows[0].hospital == "第0人民医院"
    files = home.case_files(rows[0].id)
    assert files.pdf is not None
    assert files.pdf.read_bytes().startswith(b"%PDF")
    assert files.video is not None
    assert files.video.stat().st_size == 3000
    assert home.case_files(rows[1].id).video is None
    home.close()


def test_wrong_access_code_is_refused_before_anything_is_copied(built: BuiltPackage, tmp_path: Path) -> None:
    wrong = "0000-0000-0000" if built.access_code != "0000-0000-0000" else "1111-1111-1111"
    with pytest.raises(DomainError) as err:
        JudgeHome.open_package(built.path, tmp_path / "home", wrong)
    assert err.value.code == "bad_access_code"
    assert not (tmp_path / "home" / "files").exists()
    with pytest.raises(DomainError) as err:
        JudgeHome.open_package(built.path, tmp_path / "home", "short")
    assert err.value.code == "access_code_format"


def test_scores_are_checked_saved_at_once_and_survive_reopening(built: BuiltPackage, tmp_path: Path) -> None:
    home = JudgeHome.open_package(built.path, tmp_path / "home", built.access_code)
    case = home.cases()[0].id
    for bad in (35.5, -1, 30.25, "abc"):
        with pytest.raises(DomainError) as err:
            home.set_score(case, "methods", bad)
        assert err.value.code in {"score_out_of_range", "score_off_step", "score_not_a_number"}
    with pytest.raises(DomainError) as err:
        home.set_score(case, "nonsense", 1)
    assert err.value.code == "unknown_criterion"
    home.set_score(case, "methods", "30.5")
    home.set_score(case, "results", 20)
    home.set_comment(case, "数据扎实")
    # no close(): the values must already be on disk, as after pulling the power
    again = JudgeHome.open(tmp_path / "home")
    scores = again.scores(case)
    assert scores.values == {"methods": 30.5, "results": 20.0}
    assert scores.texts == {"methods": "30.5", "results": "20"}
    assert (scores.state, scores.comment, scores.total) == ("draft", "数据扎实", 50.5)
    assert again.cases()[0].total == 50.5
    home.close()
    again.close()


def test_submit_needs_every_criterion_and_locks_until_reopened(built: BuiltPackage, tmp_path: Path) -> None:
    home = JudgeHome.open_package(built.path, tmp_path / "home", built.access_code)
    case = home.cases()[1].id
    home.set_score(case, "methods", 10)
    with pytest.raises(DomainError) as err:
        home.submit(case)
    assert err.value.code == "incomplete"
    for key, value in (("background_goals", 15), ("results", 20), ("value", 12.5)):
        home.set_score(case, key, value)
    assert home.submit(case).state == "submitted"
    with pytest.raises(DomainError) as err:
        home.set_score(case, "methods", 11)
    assert err.value.code == "case_submitted"
    assert home.reopen(case).state == "draft"
    home.set_score(case, "methods", 11)
    assert home.scores(case).total == 58.5
    home.close()


def test_recusal_hides_scores_from_the_export_and_can_be_taken_back(
    built: BuiltPackage, tmp_path: Path
) -> None:
    home = JudgeHome.open_package(built.path, tmp_path / "home", built.access_code)
    a, b = home.cases()[0].id, home.cases()[1].id
    home.set_score(a, "methods", 20)
    with pytest.raises(DomainError):
        home.recuse(a, "  ")
    assert home.recuse(a, "曾在该院任职").state == "recused"
    home.set_score(b, "value", 19.5)
    result = home.export_bundle(tmp_path)
    assert (result.n_recused, result.n_scored, result.n_submitted) == (1, 1, 0)
    doc = read_bundle(result.path).doc
    by_id = {c.id: c for c in doc.cases}
    assert by_id[a].state == "recused"
    assert by_id[a].scores == {}
    assert by_id[a].recuse_reason == "曾在该院任职"
    assert str(by_id[b].scores["value"]) == "19.5"
    assert home.reopen(a).values == {"methods": 20.0}
    home.close()


def test_each_export_has_a_higher_revision(built: BuiltPackage, tmp_path: Path) -> None:
    home = JudgeHome.open_package(built.path, tmp_path / "home", built.access_code)
    first = home.export_bundle(tmp_path / "b1.leitai-scores")
    second = home.export_bundle(tmp_path / "b2.leitai-scores")
    assert second.revision > first.revision >= 1
    assert home.info().last_revision == second.revision
    assert read_bundle(second.path).doc.revision == second.revision
    home.close()


def test_a_tampered_package_is_refused(built: BuiltPackage, tmp_path: Path) -> None:
    data = bytearray(built.path.read_bytes())
    data[200] ^= 0x01  # inside the first case file
    bad = tmp_path / "bad.leitai-pkg"
    bad.write_bytes(bytes(data))
    with pytest.raises(DomainError) as err:
        JudgeHome.open_package(bad, tmp_path / "home", built.access_code)
    assert err.value.code == "file_mismatch"
    assert not (tmp_path / "home" / "judge.db").exists()


def test_blind_round_hides_hospital_and_case_code(workspace: Workspace, tmp_path: Path) -> None:
    _fill(workspace, tmp_path)
    with workspace.sessions.begin() as s:
        s.scalars(select(Round).where(Round.key == "review")).one().blind = True
    pkg = build_packages(workspace, "review", None, tmp_path / "out", PASS)[0]
    assert "人民医院".encode() not in pkg.path.read_bytes()
    home = JudgeHome.open_package(pkg.path, tmp_path / "home", pkg.access_code)
    assert home.info().blind
    rows = home.cases()
    assert {r.hospital for r in rows} == {""}
    assert [r.code for r in rows] == ["B001", "B002", "B003", "B004"]
    assert home.find_case("B002") == rows[1].id
    home.close()


def test_external_media_are_found_on_a_drive_and_bound_by_hash(workspace: Workspace, tmp_path: Path) -> None:
    _fill(workspace, tmp_path)
    pkg = build_packages(workspace, "review", None, tmp_path / "out", PASS, external_media=True)[0]
    media = tmp_path / "out" / "media"
    assert pkg.path.stat().st_size < 20_000
    assert len(list(media.iterdir())) >= pkg.files
    home = JudgeHome.open_package(pkg.path, tmp_path / "home", pkg.access_code)
    assert home.info().missing_files == pkg.files
    assert home.case_files(home.cases()[0].id).pdf is None
    assert home.attach_media(media) == 0
    assert home.case_files(home.cases()[0].id).pdf is not None
    victim = next(media.iterdir())
    victim.write_bytes(b"x" * victim.stat().st_size)
    with pytest.raises(DomainError) as err:
        home.attach_media(media)
    assert err.value.code == "file_mismatch"
    home.close()


def test_opening_into_a_home_of_another_judge_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    _fill(workspace, tmp_path)
    first, second = build_packages(workspace, "review", None, tmp_path / "out", PASS)
    JudgeHome.open_package(first.path, tmp_path / "home", first.access_code).close()
    with pytest.raises(DomainError) as err:
        JudgeHome.open_package(second.path, tmp_path / "home", second.access_code)
    assert err.value.code == "home_in_use"


def test_a_rebuilt_package_keeps_the_work_on_shared_cases(workspace: Workspace, tmp_path: Path) -> None:
    _fill(workspace, tmp_path)
    old = build_packages(workspace, "review", [1], tmp_path / "out1", PASS)[0]
    home = JudgeHome.open_package(old.path, tmp_path / "home", old.access_code)
    case = home.cases()[0].id
    home.set_score(case, "methods", 33)
    home.close()
    new = build_packages(workspace, "review", [1], tmp_path / "out2", PASS)[0]
    assert new.serial > old.serial
    home = JudgeHome.open_package(new.path, tmp_path / "home", new.access_code)
    assert home.info().package_id == new.package_id
    assert home.scores(case).values == {"methods": 33.0}
    home.close()


# --- the judge's signing key (issue 8, item 20) ----------------------------------------------------------


def _seed_of(home_dir: Path, code: str) -> bytes:
    with JudgeHome.open(home_dir, access_code=code) as home:
        return keys.raw_private(home.signing_key())


def _on_disk(home_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in home_dir.glob("judge.db*"))


def test_a_copied_judge_db_alone_cannot_sign(built: BuiltPackage, tmp_path: Path) -> None:
    home = JudgeHome.open_package(built.path, tmp_path / "home", built.access_code)
    case = home.cases()[0].id
    home.set_score(case, "methods", 30)
    assert home.export_bundle(tmp_path / "mine.leitai-scores").revision >= 1  # the judge, this session
    home.close()
    seed = _seed_of(tmp_path / "home", built.access_code)
    assert seed not in _on_disk(tmp_path / "home")  # not in judge.db, nor in its WAL
    stolen = tmp_path / "thief"
    stolen.mkdir()
    (stolen / "judge.db").write_bytes((tmp_path / "home" / "judge.db").read_bytes())
    with JudgeHome.open(stolen) as copy:
        assert copy.scores(case).values == {"methods": 30.0}  # the scores can be read (they are no secret)
        assert copy.key_locked
        with pytest.raises(DomainError) as err:
            copy.export_bundle(tmp_path / "forged.leitai-scores")
        assert err.value.code == "judge_key_locked"
    assert not (tmp_path / "forged.leitai-scores").exists()
    wrong = "0000-0000-0000" if built.access_code != "0000-0000-0000" else "1111-1111-1111"
    with pytest.raises(DomainError) as err:
        JudgeHome.open(stolen, access_code=wrong)
    assert err.value.code == "bad_access_code"


def test_reopening_with_the_access_code_signs_again(built: BuiltPackage, tmp_path: Path) -> None:
    JudgeHome.open_package(built.path, tmp_path / "home", built.access_code).close()
    with JudgeHome.open(tmp_path / "home") as home:
        assert home.needs_access_code
        home.unlock(built.access_code)
        assert not home.key_locked
        result = home.export_bundle(tmp_path)
    assert read_bundle(result.path).doc.judge_code == built.judge_code


def test_a_home_with_the_key_in_clear_keeps_working_and_is_sealed_at_the_first_open_with_the_code(
    built: BuiltPackage, tmp_path: Path
) -> None:
    """A home written by the schema before: its key sat in meta.judge_seed, in clear."""
    home_dir = tmp_path / "home"
    JudgeHome.open_package(built.path, home_dir, built.access_code).close()
    seed = _seed_of(home_dir, built.access_code)
    conn = sqlite3.connect(home_dir / "judge.db")
    conn.execute("INSERT INTO meta (key, value) VALUES ('judge_seed', ?)", (seed,))
    conn.commit()
    conn.close()
    assert seed in _on_disk(home_dir)
    with JudgeHome.open(home_dir) as old:  # still signs, as it did
        assert old.key_in_clear
        assert old.needs_access_code  # the GUI asks for the code, to seal it
        assert old.export_bundle(tmp_path).revision >= 1
    with JudgeHome.open(home_dir, access_code=built.access_code) as home:
        assert not home.key_in_clear
        assert home.export_bundle(tmp_path).revision >= 1
    assert seed not in _on_disk(home_dir)
    with JudgeHome.open(home_dir) as later:
        assert later.key_locked


class _MemoryKeyring:
    """A credential store in memory, standing in for the OS's (the test must never touch a real one)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.items.get((service, account))

    def set_password(self, service: str, account: str, secret: str) -> None:
        self.items[(service, account)] = secret

    def delete_password(self, service: str, account: str) -> None:
        self.items.pop((service, account), None)


def test_with_an_os_credential_store_the_key_is_kept_there_not_in_judge_db(
    built: BuiltPackage, tmp_path: Path
) -> None:
    store = OsKeyStore(_MemoryKeyring())
    JudgeHome.open_package(built.path, tmp_path / "home", built.access_code, key_store=store).close()
    with JudgeHome.open(tmp_path / "home", key_store=store) as home:
        assert home.key_store_name == "os"
        assert not home.needs_access_code  # not asked again on this computer
        home.export_bundle(tmp_path)
        seed = keys.raw_private(home.signing_key())
    assert seed not in _on_disk(tmp_path / "home")
    other_computer = OsKeyStore(_MemoryKeyring())
    with JudgeHome.open(tmp_path / "home", key_store=other_computer) as copy:
        assert copy.key_locked
