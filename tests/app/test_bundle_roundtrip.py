# SPDX-License-Identifier: Apache-2.0
"""The whole trip through the commands: roster → packages → judges score and export → organizer merges."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from app.casebook import NewCase, add_case
from app.cli import main
from app.judge_home import JudgeHome
from app.models import Assignment, Case, Criterion, Judge, Score
from app.workspace import Workspace

ROSTER = """姓名,工作单位,省份,手机,电子邮箱,擅长主题
王医生,第一人民医院,浙江,13800000001,wang@example.cn,"主题一、主题三"
李主任,协和医院,北京市,13800000002,li@example.cn,2
赵教授,华西医院,四川,13800000003,,"1,2,3"
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def _workspace_scores(root: Path) -> dict[tuple[str, str, str], float]:
    with Workspace.open(root) as ws, ws.sessions() as s:
        rows = s.execute(
            select(Judge.code, Case.code, Criterion.key, Score.value)
            .join(Assignment, Score.assignment_id == Assignment.id)
            .join(Judge, Assignment.judge_id == Judge.id)
            .join(Case, Assignment.case_id == Case.id)
            .join(Criterion, Score.criterion_id == Criterion.id)
        ).all()
    return {(j, c, k): v for j, c, k, v in rows}


def test_round_trip_through_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ws"
    with Workspace.create(root, season=2022, passphrase="correct horse battery") as ws:
        for i in range(4):
            pdf = tmp_path / f"{i}.pdf"
            pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(800))
            add_case(
                ws,
                NewCase(
                    code=f"2022-{i:03d}",
                    hospital=f"测试医院{i}",
                    province="广东",
                    theme=1 + i,
                    title="案例",
                    pdf=pdf,
                ),
            )
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    code, out = _run(capsys, "judges", "import", str(roster), "--workspace", str(root))
    assert code == 0
    assert "已导入 3 位评委" in out
    code, out = _run(capsys, "judges", "import", str(roster), "--workspace", str(root))
    assert "已导入 0 位评委" in out  # the same sheet twice adds nobody twice

    # the passphrase: wrong from a file, then right from the environment
    bad = tmp_path / "bad-pass"
    bad.write_text("wrong passphrase\n")
    code, out = _run(capsys, "package", "build", "--workspace", str(root), "--all", "--round", "review",
                     "--out", str(tmp_path / "pkgs"), "--passphrase-file", str(bad))  # fmt: skip
    assert code == 2
    assert "口令不正确" in out
    monkeypatch.setenv("LEITAI_PASSPHRASE", "correct horse battery")
    code, out = _run(capsys, "package", "build", "--workspace", str(root), "--all", "--round", "review",
                     "--out", str(tmp_path / "pkgs"), "--judges-per-case", "2", "--json")  # fmt: skip
    assert code == 0
    built = json.loads(out)["packages"]
    assert len(built) == 3
    assert (tmp_path / "pkgs" / "organizer.pub.pem").read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")

    entered: dict[tuple[str, str, str], float] = {}
    bundles = tmp_path / "usb"
    bundles.mkdir()
    for n, pkg in enumerate(built):
        home = tmp_path / f"home-{pkg['judge_code']}"
        code, out = _run(capsys, "package", "verify", pkg["path"])
        assert code == 0
        assert "[完好]" in out
        code, out = _run(
            capsys, "judge", "open", pkg["path"], "--home", str(home), "--code", pkg["access_code"]
        )
        assert code == 0, out
        code, out = _run(capsys, "judge", "status", "--home", str(home), "--json")
        cases = json.loads(out)["cases"]
        assert len(cases) == pkg["cases"]
        first, *rest = cases
        values = {"background_goals": 10 + n, "methods": 20.5, "results": 15, "value": 12.5}
        args = [f"--criterion={k}={v}" for k, v in values.items()]
        code, out = _run(capsys, "judge", "score", "--home", str(home), "--case", first["code"], *args,
                         "--comment", "思路清楚", "--submit")  # fmt: skip
        assert code == 0, out
        for k, v in values.items():
            entered[(pkg["judge_code"], first["code"], k)] = float(v)
        code, out = _run(capsys, "judge", "score", "--home", str(home), "--case", str(rest[0]["id"]),
                         "--criterion", "methods=40")  # fmt: skip
        assert code == 2
        assert "0 到 35" in out
        code, out = _run(capsys, "judge", "recuse", "--home", str(home), "--case", rest[0]["code"],
                         "--reason", "曾在该院进修")  # fmt: skip
        assert code == 0
        code, out = _run(capsys, "judge", "status", "--home", str(home))
        states = [line.split("\t")[2] for line in out.splitlines()]
        assert {"已提交", "已回避", "未开始"} <= set(states)  # names, not not_started / recused
        code, out = _run(
            capsys,
            "judge",
            "export",
            "--home",
            str(home),
            "--out",
            str(bundles),
            "--code",
            pkg["access_code"],
        )  # fmt: skip (the key is sealed under the code)
        assert code == 0
        assert "修订号" in out

    code, out = _run(capsys, "bundle", "verify", str(bundles), "--workspace", str(root), "--json")
    assert code == 0
    assert {b["code"] for b in json.loads(out)["bundles"]} == {"ok"}
    code, out = _run(capsys, "bundle", "merge", str(bundles), "--workspace", str(root))
    assert code == 0
    assert out.count("[已合并]") == 3
    code, out = _run(capsys, "bundle", "merge", str(bundles), "--workspace", str(root), "--json")
    assert {b["code"] for b in json.loads(out)["bundles"]} == {"duplicate"}
    assert _workspace_scores(root) == entered
    with Workspace.open(root) as ws, ws.sessions() as s:
        recused = s.scalars(select(Assignment).where(Assignment.recused)).all()
        assert len(recused) == 3
        assert {a.recuse_reason for a in recused} == {"曾在该院进修"}

    # a damaged bundle: refused with its code, exit status 1, one line, no traceback
    victim = next(bundles.iterdir())
    data = bytearray(victim.read_bytes())
    data[60] ^= 0x20
    victim.write_bytes(bytes(data))
    code, out = _run(capsys, "bundle", "merge", str(victim), "--workspace", str(root))
    assert code == 1
    assert "Traceback" not in out
    assert "[签名无效]" in out or "[文件损坏]" in out


def test_watch_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Workspace.create(tmp_path / "ws").close()
    code, out = _run(
        capsys, "bundle", "watch", str(tmp_path / "nowhere"), "--workspace", str(tmp_path / "ws")
    )
    assert code == 2
    assert "找不到" in out


def test_passphrase_is_required_headless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEITAI_PASSPHRASE", raising=False)
    Workspace.create(tmp_path / "ws").close()
    ws = str(tmp_path / "ws")
    code, out = _run(
        capsys, "package", "build", "-w", ws, "--all", "--round", "review", "--out", str(tmp_path)
    )
    assert code == 2
    assert "LEITAI_PASSPHRASE" in out


def test_demo_bundles_merge_into_the_scores_the_demo_judges_entered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "demo"
    code, out = _run(capsys, "demo", str(root), "--cases", "5", "--judges", "2", "--videos", "0", "--bundles")
    assert code == 0, out
    bundles = sorted((root / "bundles").glob("*.leitai-scores"))
    assert len(bundles) == 2
    entered: dict[tuple[str, str, str], float] = {}
    for home_dir in sorted((root / "judges").iterdir()):
        with JudgeHome.open(home_dir) as home:
            judge = home.info().judge_code
            for row in home.cases():
                for key, value in home.scores(row.id).values.items():
                    entered[(judge, row.code, key)] = value
    assert entered
    code, out = _run(capsys, "bundle", "merge", str(root / "bundles"), "--workspace", str(root))
    assert code == 0, out
    assert out.count("[已合并]") == 2
    assert _workspace_scores(root) == entered
