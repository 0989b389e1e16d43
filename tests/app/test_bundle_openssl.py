# SPDX-License-Identifier: Apache-2.0
"""A third party checks our signatures with OpenSSL exactly as docs/bundle-format.md §6 says."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.bundles.manifest import parse_manifest
from app.bundles.merge import verify_bundle
from app.bundles.package import build_packages
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the documented commands need a POSIX shell (CI runs them on Linux)"
)

#: The commands of §6, verbatim apart from the variables.
DOC_COMMANDS = r"""
set -e
unzip -p "$FILE" "$PAYLOAD_ENTRY" > PAYLOAD
unzip -p "$FILE" "$SIG_ENTRY"  > SIG
( printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'; printf '%s' "$PUBLIC_KEY_BASE64" | base64 -d ) \
  | openssl pkey -pubin -inform DER -out KEY.pem
openssl pkeyutl -verify -pubin -inkey KEY.pem -rawin -in PAYLOAD -sigfile SIG
"""


def _openssl_check(
    cwd: Path, file: Path, payload: str, sig: str, key_b64: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FILE": str(file),
        "PAYLOAD_ENTRY": payload,
        "SIG_ENTRY": sig,
        "PUBLIC_KEY_BASE64": key_b64,
    }
    return subprocess.run(
        ["bash", "-c", DOC_COMMANDS], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_openssl_verifies_a_package_and_a_bundle_as_documented(workspace: Workspace, tmp_path: Path) -> None:
    missing = [tool for tool in ("openssl", "unzip", "bash") if shutil.which(tool) is None]
    assert not missing, f"install {' '.join(missing)} (scripts/dev.sh does)"
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(500))
    add_case(
        workspace, NewCase(code="X1", hospital="某医院", province="江苏", theme=4, title="标题", pdf=pdf)
    )
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", 1)
    pkg = build_packages(workspace, "review", None, tmp_path / "pkgs", "organizer-pass")[0]
    work = tmp_path / "work"
    work.mkdir()

    unzipped = subprocess.run(
        ["unzip", "-p", str(pkg.path), "manifest.json"], capture_output=True, check=True
    )
    manifest = parse_manifest(unzipped.stdout)
    organizer_b64 = base64.b64encode(manifest.organizer_key).decode()
    done = _openssl_check(work, pkg.path, "manifest.json", "manifest.sig", organizer_b64)
    assert done.returncode == 0, done.stderr
    assert "Signature Verified Successfully" in done.stdout
    # the PEM written next to the packages is the same key
    assert (work / "KEY.pem").read_bytes() == (tmp_path / "pkgs" / "organizer.pub.pem").read_bytes()

    with JudgeHome.open_package(pkg.path, tmp_path / "home", pkg.access_code) as home:
        home.set_score(home.cases()[0].id, "results", 22.5)
        bundle = home.export_bundle(tmp_path / "b.leitai-scores").path
    judge_b64 = verify_bundle(workspace, bundle).judge_public_key
    assert base64.b64decode(judge_b64) == manifest.judge_public_key
    done = _openssl_check(work, bundle, "bundle.json", "bundle.sig", judge_b64)
    assert done.returncode == 0, done.stderr
    assert "Signature Verified Successfully" in done.stdout

    # and OpenSSL says no to a signature from the wrong key
    done = _openssl_check(work, bundle, "bundle.json", "bundle.sig", organizer_b64)
    assert done.returncode != 0
