# SPDX-License-Identifier: Apache-2.0
"""docs/bundle-format.md's worked example is real: the reference reader accepts it as documented."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from app.bundles import keys
from app.bundles.bundle import read_bundle
from app.bundles.package_check import verify_package
from app.judge_home import JudgeHome
from app.paths import ROOT

DOC = ROOT / "docs" / "bundle-format.md"


def _example_files(tmp_path: Path) -> tuple[Path, Path]:
    text = DOC.read_text(encoding="utf-8")
    blocks = dict(re.findall(r"<summary>(.*?)</summary>\n\n```\n(.*?)```", text, re.S))
    pkg = tmp_path / "example.leitai-pkg"
    pkg.write_bytes(base64.b64decode("".join(blocks["The package file, base64"].split())))
    bundle = tmp_path / "example.leitai-scores"
    bundle.write_bytes(base64.b64decode("".join(blocks["The bundle file, base64"].split())))
    return pkg, bundle


def test_the_worked_example_verifies_as_documented(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    pkg, bundle_path = _example_files(tmp_path)
    assert pkg.stat().st_size == 2674
    assert bundle_path.stat().st_size == 920
    check = verify_package(pkg)
    assert check.ok, check.reason
    assert check.manifest is not None
    assert check.manifest_bytes.decode() in text  # the manifest printed in the doc is the real one
    assert keys.fingerprint(check.manifest.organizer_key) == "440a c252 de5e 5f0c"
    bundle = read_bundle(bundle_path)
    assert bundle.payload.decode() in text
    assert bundle.doc.package_sha256 == hashlib.sha256(check.manifest_bytes).hexdigest()
    assert bundle.signature.hex() in text
    assert keys.verify(check.manifest.judge_public_key, bundle.signature, bundle.payload)
    assert [str(v) for v in bundle.doc.cases[0].scores.values()] == ["30.5", "20"]
    # the documented access code opens the documented judge key
    with JudgeHome.open_package(pkg, tmp_path / "home", "c8s0 z6qr 5fmm") as home:
        assert home.info().judge_code == "J001"
        assert home.case_files(home.cases()[0].id).pdf is not None
