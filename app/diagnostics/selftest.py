# SPDX-License-Identifier: Apache-2.0
"""``leitai --self-test``: the whole chain a judge's laptop needs, run once on a tiny demo, in minutes.

A demo competition of one case (slides and a short video) is made in a temporary folder; a signed judge
package is built for its judge and opened as a judge would; a page of the slides is rendered and a second
of the video decoded; every criterion is scored and the case submitted; a signed score bundle is
exported, verified and merged back into the demo workspace. Each step is a :class:`Check` that either
passes (with what it saw) or stops the run naming itself: what a judge reads out to the organizer on
the phone, and what the packaging test runs in the built app.

The steps that need Qt (rendering through the reader's render thread, decoding through the video player
the app really uses) are given by the caller as :class:`MediaChecks` (``ui/self_test.py``); without them
the same two steps run here without Qt (PyMuPDF and PyAV), so the domain's part can be tested alone.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.glossary import Term

if TYPE_CHECKING:
    from app.judge_home import JudgeHome
    from app.workspace import Workspace

#: Seconds of video the decode check plays through.
VIDEO_SECONDS = 1.0
#: Width in pixels the page check renders at (a laptop's reader width).
PAGE_WIDTH_PX = 960

#: Each check's name, in the glossary's two languages (the stable key is what a failure names).
TITLES: dict[str, Term] = {
    "demo": Term("生成演示赛事（1 个案例、1 位评委）", "make a demo competition (1 case, 1 judge)"),
    "package": Term("生成并签名评审包", "build and sign a judge package"),
    "open_package": Term(
        "以评委身份打开评审包（验证签名与文件）", "open the package as the judge (signature, files)"
    ),
    "render_page": Term("渲染一页幻灯片", "render a slide page"),
    "decode_video": Term("解码 1 秒视频", "decode one second of video"),
    "score": Term("评分并提交", "score every criterion and submit"),
    "export": Term("导出签名评分包", "export a signed score bundle"),
    "verify": Term("验证并合并评分包", "verify and merge the score bundle"),
    "translations": Term("界面语言文件", "the interface's translations"),
    "keyring": Term("系统凭据存储", "the system's credential store"),
    "libraries": Term(
        "二维码、安全表格解析与分配求解器", "QR codes, hardened spreadsheet parsing, the assignment solver"
    ),
}


class MediaChecks(Protocol):
    """The steps that depend on the interface (how it shows a case, what language it speaks); each
    returns what it saw."""

    def render_page(self, pdf: Path) -> str: ...
    def decode_video(self, video: Path, seconds: float) -> str: ...
    def translations(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Check:
    """One step's outcome: ``detail`` says what was seen (or, failed, why)."""

    name: str
    ok: bool
    detail: str
    seconds: float

    @property
    def title(self) -> str:
        return TITLES[self.name].text() if self.name in TITLES else self.name


@dataclass
class SelfTestReport:
    """Every check run, in order; the run stops at the first failure."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def failed(self) -> Check | None:
        return next((c for c in self.checks if not c.ok), None)


class PlainMediaChecks:
    """Rendering and decoding without Qt: PyMuPDF draws the page, PyAV (FFmpeg) decodes the frames."""

    def render_page(self, pdf: Path) -> str:
        import pymupdf as _pymupdf

        pymupdf: Any = _pymupdf  # its API is only partly annotated

        with pymupdf.open(pdf) as doc:
            page = doc.load_page(0)
            zoom = PAGE_WIDTH_PX / page.rect.width
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            colours = len(set(bytes(pix.samples)[:: 3 * 97]))
            pages = doc.page_count
        if colours < 2:
            raise SelfTestError(f"page 1 rendered blank ({pix.width}×{pix.height})")
        return f"page 1 of {pages}: {pix.width}×{pix.height} px, {colours} sampled colours"

    def decode_video(self, video: Path, seconds: float) -> str:
        import av

        frames = 0
        reached = 0.0
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            for frame in container.decode(stream):
                frames += 1
                reached = float(frame.time or 0.0)
                if reached >= seconds:
                    break
        if reached < seconds * 0.8 or frames == 0:
            raise SelfTestError(f"only {frames} frames ({reached:.2f} s) decoded")
        return f"{frames} frames up to {reached:.2f} s ({stream.codec_context.name})"

    def translations(self) -> str:
        from app.paths import RESOURCES_DIR

        catalogues = sorted(p.name for p in (RESOURCES_DIR / "i18n").glob("*_zh_CN.qm"))
        if not catalogues:
            raise SelfTestError(f"no compiled catalogue in {RESOURCES_DIR / 'i18n'}")
        return f"{len(catalogues)} zh_CN catalogues: {', '.join(catalogues)}"


class SelfTestError(Exception):
    """A check saw something wrong; the message says what."""


@dataclass
class _Run:
    """The chain's state, handed from step to step."""

    root: Path
    media: MediaChecks
    ws: Workspace | None = None
    round_key: str = ""
    package: Any = None
    home: JudgeHome | None = None
    pdf: Path | None = None
    video: Path | None = None
    bundle: Path | None = None


def run_self_test(
    media: MediaChecks | None = None,
    workdir: Path | None = None,
    on_check: Callable[[Check], None] | None = None,
) -> SelfTestReport:
    """Run every check in a temporary folder (inside ``workdir`` if given), removed at the end."""
    report = SelfTestReport()
    with ExitStack() as stack:
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="leitai-selftest-", dir=workdir)))
        run = _Run(root, media or PlainMediaChecks())
        stack.callback(_close, run)
        for name, step in _steps(run):
            started = time.perf_counter()
            try:
                detail = step()
                check = Check(name, True, detail, time.perf_counter() - started)
            except Exception as exc:  # any failure of any layer is the check's finding, never a traceback
                message = getattr(exc, "message", "") or str(exc) or type(exc).__name__
                check = Check(name, False, f"{type(exc).__name__}: {message}", time.perf_counter() - started)
            report.checks.append(check)
            if on_check is not None:
                on_check(check)
            if not check.ok:
                break
    return report


def _close(run: _Run) -> None:
    if run.home is not None:
        run.home.close()
    if run.ws is not None:
        run.ws.close()


def _steps(run: _Run) -> Iterator[tuple[str, Callable[[], str]]]:
    yield "demo", lambda: _demo(run)
    yield "package", lambda: _package(run)
    yield "open_package", lambda: _open_package(run)
    yield "render_page", lambda: run.media.render_page(_need(run.pdf))
    yield "decode_video", lambda: run.media.decode_video(_need(run.video), VIDEO_SECONDS)
    yield "score", lambda: _score(run)
    yield "export", lambda: _export(run)
    yield "verify", lambda: _verify(run)
    yield "translations", run.media.translations
    yield "keyring", _keyring
    yield "libraries", _libraries


def _need(path: Path | None) -> Path:
    if path is None:
        raise SelfTestError("an earlier step did not provide the file")
    return path


def _demo(run: _Run) -> str:
    from app.demo import generate_demo
    from app.rounds.service import first_judged_round

    run.ws = generate_demo(run.root / "workspace", cases=1, judges=1, videos=1)
    run.round_key = first_judged_round(run.ws)
    return f"season {run.ws.season_year}, round {run.round_key}"


def _package(run: _Run) -> str:
    from app.bundles import DEMO_PASSPHRASE
    from app.bundles.package import build_packages
    from app.judging.assignment import ensure_assigned

    ws = _ws(run)
    ensure_assigned(ws, run.round_key, actor="self-test")
    built = build_packages(ws, run.round_key, None, run.root / "packages", DEMO_PASSPHRASE, actor="self-test")
    if len(built) != 1:
        raise SelfTestError(f"{len(built)} packages built, 1 expected")
    run.package = built[0]
    return (
        f"{built[0].path.name}: {built[0].cases} case, {built[0].files} files, {built[0].media_bytes} bytes"
    )


def _open_package(run: _Run) -> str:
    from app.judge_home import JudgeHome
    from app.judge_home.key_store import SealedOnly

    package = run.package
    # Sealed only: a self-test never files a demo key in the judge's real credential store.
    run.home = JudgeHome.open_package(
        package.path, run.root / "judge", package.access_code, key_store=SealedOnly()
    )
    case = run.home.cases()[0]
    files = run.home.case_files(case.id)
    if files.missing or files.pdf is None or files.video is None:
        raise SelfTestError(f"case {case.code}: files missing after verification: {files.missing}")
    run.pdf, run.video = files.pdf, files.video
    info = run.home.info()
    return f"judge {info.judge_code}, case {case.code}, organizer key {info.organizer_fingerprint}"


def _score(run: _Run) -> str:
    home = _home(run)
    case = home.cases()[0]
    criteria = home.info().criteria
    for criterion in criteria:
        home.set_score(case.id, criterion.key, Decimal(str(criterion.step)) * 2)
    done = home.submit(case.id)
    if done.state != "submitted" or len(done.values) != len(criteria):
        raise SelfTestError(f"case {case.code} is {done.state} with {len(done.values)} scores")
    return f"case {case.code}: {len(criteria)} criteria, total {done.total:g}, submitted"


def _export(run: _Run) -> str:
    outbox = run.root / "outbox"
    outbox.mkdir()
    result = _home(run).export_bundle(outbox)
    run.bundle = result.path
    return f"{result.path.name}: revision {result.revision}, {result.size} bytes"


def _verify(run: _Run) -> str:
    from app.bundles.merge import merge_bundle, verify_bundle

    bundle, ws = _need(run.bundle), _ws(run)
    checked = verify_bundle(ws, bundle)
    if checked.code != "ok":
        raise SelfTestError(f"verify: {checked.code}: {checked.message}")
    merged = merge_bundle(ws, bundle, actor="self-test")
    if merged.code != "merged" or merged.scores == 0:
        raise SelfTestError(f"merge: {merged.code}: {merged.message}")
    return f"signature valid; merged {merged.scores} scores of judge {merged.judge}"


def _keyring() -> str:
    """Every credential-store backend keyring knows loads (an installed copy must carry them: they are
    found by name), and which one the judge's key would go to. Read only: nothing is stored."""
    import importlib
    from importlib.metadata import entry_points

    import keyring

    names = []
    for point in entry_points(group="keyring.backends"):
        importlib.import_module(point.value.split(":")[0])
        names.append(point.name)
    if not names:
        raise SelfTestError("keyring lists no backend (its metadata is missing)")
    backend = keyring.get_keyring()
    used = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in used.lower():
        used = "none usable here: the judge's key stays sealed under the access code"
    return f"{len(names)} backends ({', '.join(sorted(names))}); in use: {used}"


def _libraries() -> str:
    """What an installed copy must carry that the chain above does not touch: segno (the live session's
    QR code), defusedxml under openpyxl (every workbook read from outside), OR-Tools' min-cost flow."""
    import openpyxl.xml
    import segno
    from ortools.graph.python import min_cost_flow

    qr = segno.make("http://192.0.2.1:8765", error="m")
    if not openpyxl.xml.DEFUSEDXML:
        raise SelfTestError("openpyxl would parse workbooks without defusedxml")
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arc_with_capacity_and_unit_cost(0, 1, 1, 3)
    flow.set_node_supply(0, 1)
    flow.set_node_supply(1, -1)
    if flow.solve() != flow.OPTIMAL or flow.optimal_cost() != 3:
        raise SelfTestError("OR-Tools' min-cost flow gave a wrong answer")
    return f"QR {qr.designator}; openpyxl parses through defusedxml; min-cost flow solved"


def _ws(run: _Run) -> Workspace:
    if run.ws is None:
        raise SelfTestError("no demo workspace")
    return run.ws


def _home(run: _Run) -> JudgeHome:
    if run.home is None:
        raise SelfTestError("no judge home")
    return run.home
