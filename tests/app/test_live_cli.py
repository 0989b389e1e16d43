# SPDX-License-Identifier: Apache-2.0
"""The live commands: ``live setup`` / ``live show``, the headless receiver ``live serve`` (Ctrl-C stops it
cleanly) and a judge's ``judge send`` to it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from live_support import rehearsal

from app.cli import main
from app.glossary.terms import outcome_name
from app.live.rehearsal import ROUND, Rehearsal
from app.live.setup import draw

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rh(tmp_path: Path) -> Rehearsal:
    r = rehearsal(tmp_path / "r")
    yield r
    r.close()


def test_setup_draws_with_the_seed_and_show_reports_it(
    rh: Rehearsal, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(rh.ws.root)
    assert main(["live", "setup", "-w", ws, "--round", ROUND, "--group", "5", "--seed", "99", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [c["code"] for c in doc["order"]] == draw(list(rh.cases), 99)
    assert (doc["seed"], doc["order_source"], doc["talk_seconds"], doc["warnings"]) == (
        99,
        "draw",
        480,
        [60, 0],
    )
    assert main(["live", "show", "-w", ws]) == 0
    out = capsys.readouterr().out
    assert "随机抽签（种子 99）" in out
    assert doc["order"][0]["code"] in out
    code = main(["live", "setup", "-w", ws, "--round", ROUND, "--group", "5", "--order", "A,B"])
    assert code == 2
    assert "出场顺序" in capsys.readouterr().err


def test_serve_receives_a_judge_send_and_stops_cleanly_on_ctrl_c(rh: Rehearsal) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    serve = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "live", "serve", "-w", str(rh.ws.root), "--round", ROUND,
         "--group", "5", "--port", "0"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert serve.stdout is not None
        first = serve.stdout.readline()
        assert "http://127.0.0.1:" in first, first + (serve.stderr.read() if serve.poll() is not None else "")
        url = first.split("：", 1)[1].split("（", 1)[0]
        rh.score("J001", rh.cases[sorted(rh.cases)[0]])
        rh.homes["J001"].close()  # the command opens the home itself
        sent = subprocess.run(
            [sys.executable, "-m", "app.cli", "judge", "send", "--home", str(rh.root / "judges" / "J001"),
             "--to", url, "--code", rh.access_code("J001"), "--json"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert sent.returncode == 0, sent.stderr
        assert json.loads(sent.stdout)["code"] == "merged"
        logged = serve.stdout.readline()
        assert f"[{outcome_name('merged')}] J001" in logged  # named, never the code
        assert "J001" in logged.split(")", 1)[-1] or "J001" in logged.split("）", 1)[-1]  # and why
        serve.send_signal(signal.SIGINT)
        out, err = serve.communicate(timeout=20)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
    assert serve.returncode == 0, err
    assert "已停止接收" in out
    assert "Traceback" not in err
    del rh.homes["J001"]


def test_serve_refuses_a_port_in_use(rh: Rehearsal, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        code = main(["live", "serve", "-w", str(rh.ws.root), "--round", ROUND, "--port", str(port)])
    assert code == 2
    assert f"127.0.0.1:{port}" in capsys.readouterr().err
