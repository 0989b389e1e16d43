# SPDX-License-Identifier: Apache-2.0
"""A submission folder with planted violations of every finding code, and the answers to check against.

``build_corpus(dest)`` writes ``cases.csv`` (or ``cases.xlsx``) and the files it names: clean cases made by
the demo generator (``app.demo``: its case plans, slide decks and videos), clean cases that stress the
rules from the right side (text at exactly 14 pt, 1–3 character page numbers in small print, provinces
written as short names and aliases, Hong Kong/Macao/Taiwan, numbered look-alike hospitals), and one case
per planted violation. ``Corpus.expected`` says, for every case, which violation codes it must get and
which region it is in — written down here by hand from the notices, not computed by the code under test.

The two "over the size limit" files are sparse, so they take no disk space. Also used by
``bench/intake.py``.
"""

from __future__ import annotations

import csv
import os
import random
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from app.demo import plan_demo
from app.demo.content import CasePlan
from app.seasons import SeasonRules, load_season

#: Every province by its official name → region, as the notices' 赛区设置 list them (Hong Kong, Macao
#: and Taiwan go to 中南).
REGION_OF: dict[str, str] = {
    **dict.fromkeys(("辽宁省", "吉林省", "黑龙江省"), "东北"),
    **dict.fromkeys(("北京市", "天津市", "河北省", "山西省", "内蒙古自治区"), "华北"),
    **dict.fromkeys(("上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省"), "华东"),
    **dict.fromkeys(("河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省"), "中南"),
    **dict.fromkeys(("香港特别行政区", "澳门特别行政区", "台湾省"), "中南"),
    **dict.fromkeys(("重庆市", "四川省", "贵州省", "云南省", "西藏自治区"), "西南"),
    **dict.fromkeys(("陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"), "西北"),
}
#: How submitters shorten a province's name (used on every other demo case).
SHORT: dict[str, str] = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "北京市": "北京",
    "上海市": "上海 ",
    "天津市": "天津",
    "重庆市": "重庆",
}
#: Titles for the hand-made cases (the demo's own cases bring theirs).
_TITLES = (
    "门诊预约诊疗流程再造",
    "县域胸痛中心救治网络建设",
    "日间手术全流程管理",
    "护理服务延伸到家",
    "处方前置审核提升合理用药",
    "医共体远程会诊平台",
    "老年患者就医绿色通道",
    "健康科普进乡村",
)
_BULLETS = (
    "建立多学科协作诊疗门诊，患者一次就诊完成评估",
    "优化预约流程，平均候诊时间由四十分钟降至十五分钟",
    "信息系统打通检查检验结果，医生随时调阅",
    "护理团队开展延续服务，出院随访覆盖全部患者",
    "每月质量分析会，持续改进服务中的薄弱环节",
    "患者满意度由百分之八十六提升到百分之九十五",
)


@dataclass(frozen=True, slots=True)
class Expected:
    """What the checks must say about one case."""

    case_id: str
    codes: frozenset[str]  #: violation codes, exactly
    region: str | None  #: region name, None when the province cannot be resolved
    theme: int | None
    detail: dict[str, object] = field(default_factory=dict)  #: details the finding must carry


@dataclass
class Corpus:
    root: Path
    season: int
    expected: dict[str, Expected]
    rows: list[dict[str, str]]

    @property
    def clean_ids(self) -> list[str]:
        return [k for k, e in self.expected.items() if not e.codes]

    def row(self, case_id: str) -> dict[str, str]:
        return next(r for r in self.rows if r["案例编号"] == case_id)

    def write_sheet(self) -> None:
        """Write ``rows`` again (after a test edited them) as the corpus's cases.csv."""
        (self.root / "cases.xlsx").unlink(missing_ok=True)
        _write_csv(self.root / "cases.csv", self.rows)


# --- files -------------------------------------------------------------------------------------------


_DECKS: dict[tuple[str, int, float, tuple[float, float]], bytes] = {}


def make_slides(
    path: Path,
    *,
    title: str = "改善医疗服务案例",
    pages: int = 17,
    body_pt: float = 18.0,
    small: dict[int, float] | None = None,
    page_size: tuple[float, float] = (960.0, 540.0),
) -> Path:
    """A slides PDF: title and bullets per page (``body_pt``), page numbers and a 3-character source
    note in 9 pt (too short to count); ``small`` = {page: pt} adds a sentence in that size.

    Decks are built once per shape and copied (PyMuPDF takes ~0.3 s to set 17 pages of CJK text)."""
    import pymupdf

    key = (title, pages, body_pt, page_size)
    if key not in _DECKS:
        _DECKS[key] = _build_deck(*key)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not small:
        path.write_bytes(_DECKS[key])
        return path
    with pymupdf.open(stream=_DECKS[key], filetype="pdf") as doc:
        for number, size in small.items():
            page = doc[number - 1]
            page.insert_text(
                (60, page.rect.height - 60), "注：数据来自医院信息系统统计", fontsize=size, fontname="china-s"
            )
        doc.save(path, garbage=3, deflate=True)
    return path


def _build_deck(title: str, pages: int, body_pt: float, page_size: tuple[float, float]) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    w, h = page_size
    for number in range(1, pages + 1):
        page = doc.new_page(width=w, height=h)
        page.draw_rect(pymupdf.Rect(0, 0, w, 56), color=None, fill=(0.12, 0.35, 0.6))
        page.insert_text((40, 40), f"{title}（{number}）", fontsize=28, fontname="china-s", color=(1, 1, 1))
        y = 110.0
        for i in range(5):
            text = _BULLETS[(number + i) % len(_BULLETS)]
            page.insert_text((60, y), f"• {text}", fontsize=body_pt, fontname="china-s")
            y += body_pt * 2.1
        page.insert_text((w - 40, h - 20), str(number), fontsize=9, fontname="helv")
        page.insert_text((40, h - 20), "来源：", fontsize=9, fontname="china-s")
    data: bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def make_video(
    path: Path,
    *,
    seconds: int = 2,
    width: int = 854,
    height: int = 480,
    container: str = "mp4",
    fps: int = 1,
) -> Path:
    """A tiny real video (black frames, MPEG-4 part 2) in ``container`` ("mp4", "avi", "mov")."""
    import av

    path.parent.mkdir(parents=True, exist_ok=True)
    options = {"movflags": "faststart"} if container in ("mp4", "mov") else {}
    with av.open(str(path), "w", format=container, options=options) as out:
        stream = out.add_stream("mpeg4", rate=Fraction(fps, 1))
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.codec_context.gop_size = 1000
        frame = av.VideoFrame(width, height, "yuv420p")
        for plane in frame.planes:
            plane.update(bytes(plane.buffer_size))
        for i in range(seconds * fps):
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def pad_mp4_sparse(path: Path, total: int) -> None:
    """Grow an MP4 to ``total`` bytes with a trailing ``free`` box whose body is a hole (no disk used)."""
    size = path.stat().st_size
    body = total - size
    with path.open("r+b") as f:
        f.seek(size)
        f.write((1).to_bytes(4, "big") + b"free" + body.to_bytes(8, "big"))
        f.truncate(total)


def pad_pdf_sparse(path: Path, total: int) -> None:
    """Grow a PDF to ``total`` bytes by an incremental update adding one unused stream whose bytes are a
    hole in the file: a valid PDF, over any size limit, taking no disk space."""
    import pymupdf

    with pymupdf.open(path) as doc:
        size_entries = doc.xref_length()
        root = doc.pdf_catalog()
    data = path.read_bytes()
    start = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    with path.open("r+b") as f:
        f.seek(0, os.SEEK_END)
        offset = f.tell()
        head = b"\n%d 0 obj\n<< /Length %d >>\nstream\n" % (size_entries, 0)
        length = total - offset - len(head) - 400
        head = b"\n%d 0 obj\n<< /Length %d >>\nstream\n" % (size_entries, length)
        f.write(head)
        f.seek(length, os.SEEK_CUR)
        f.write(b"\nendstream\nendobj\n")
        xref = f.tell()
        f.write(b"xref\n%d 1\n%010d 00000 n \n" % (size_entries, offset + 1))
        f.write(
            b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (size_entries + 1, root, start, xref)
        )


def make_encrypted_pdf(path: Path) -> Path:
    import pymupdf

    make_slides(path)
    with pymupdf.open(path) as doc:
        data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    path.write_bytes(data)
    return path


def make_truncated_pdf(path: Path, fraction: float = 0.6) -> Path:
    make_slides(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def make_zero_stream_pdf(path: Path) -> Path:
    """A one-page PDF whose only content stream is 0 bytes long (hand-written, valid)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))
    return path


def make_slow_pdf(path: Path, operators: int = 3_000_000) -> Path:
    """A PDF whose single page draws millions of tiny text runs: parsing it takes far longer than a
    real slide deck, the way a hostile file can hang a parser (compressed, it is small on disk)."""
    import zlib

    content = b"BT /F1 1 Tf " + b"(ab) Tj 0.001 0 Td " * operators + b"ET"
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def make_zero_bomb(path: Path, sheet: bytes, entries: int = 200, size: int = 8 * 1024 * 1024) -> Path:
    """A zip of ``cases.csv`` and ``entries`` files of ``size`` zero bytes each (files/0000.pdf, …):
    each entry alone inflates ~1000× but stays at the size a real video may have; together they make
    ``entries × size`` bytes from an archive of a few MB. Written by hand (one deflate, reused) so the
    test does not spend seconds compressing 1.6 GB."""
    import struct
    import zlib

    zeros = bytes(size)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(zeros) + packer.flush()
    crc = zlib.crc32(zeros)
    out = bytearray()
    central = bytearray()

    def add(name: bytes, data: bytes, crc32: int, usize: int) -> None:
        offset = len(out)
        out.extend(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc32, len(data), usize, len(name), 0)
            + name
            + data
        )
        central.extend(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc32,
                len(data),
                usize,
                len(name),
                0,
                0,
                0,
                0,
                0o100644 << 16,
                offset,
            )
            + name
        )

    sheet_packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    add(b"cases.csv", sheet_packer.compress(sheet) + sheet_packer.flush(), zlib.crc32(sheet), len(sheet))
    for i in range(entries):
        add(b"files/%04d.pdf" % i, packed, crc, size)
    start = len(out)
    out.extend(central)
    out.extend(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries + 1, entries + 1, len(central), start, 0))
    path.write_bytes(bytes(out))
    return path


# --- the corpus --------------------------------------------------------------------------------------


def _recommendation(chars: int) -> str:
    base = "该案例以患者需求为导向，持续改进服务流程，效果显著，具有推广价值。"
    return (base * (chars // len(base) + 1))[:chars]


#: Demo decks and videos already drawn in this process, by what they were drawn from.
_DEMO_DECKS: dict[tuple[int, str, str], bytes] = {}
_DEMO_VIDEOS: dict[int, list[bytes]] = {}


class _Builder:
    def __init__(self, root: Path, rules: SeasonRules, seed: int, distinct: int = 4) -> None:
        self.root = root
        self.rules = rules
        self.seed = seed
        self.distinct = max(1, distinct)
        self.rng = random.Random(seed)
        self.rows: list[dict[str, str]] = []
        self.expected: dict[str, Expected] = {}
        self.counter = 0
        self._stock: list[CasePlan] | None = None
        self._decks: list[CasePlan] = []

    def next_id(self) -> str:
        self.counter += 1
        return f"{self.rules.year}-{self.counter:04d}"

    def demo_pdf(self, plan: CasePlan, index: int, target: Path) -> str:
        """The demo deck of ``plan`` (drawn for the first ``distinct`` cases, then copies of those)."""
        from app.demo.inputs import load_demo_data
        from app.demo.slides import DeckText, render_deck

        if len(self._decks) < self.distinct:
            self._decks.append(plan)
        source = self._decks[index % len(self._decks)]
        key = (self.rules.year, source.code, source.title)
        if key not in _DEMO_DECKS:
            text = DeckText.from_data(load_demo_data().slides, self.rules)
            render_deck(source, self.rules, text, target)
            _DEMO_DECKS[key] = target.read_bytes()
        else:
            target.write_bytes(_DEMO_DECKS[key])
        return target.relative_to(self.root).as_posix()

    def demo_video(self, plan: CasePlan, target: Path) -> None:
        """The demo video of ``plan`` (two drawn per season, then copies)."""
        from app.demo.inputs import load_demo_data
        from app.demo.slides import DeckText
        from app.demo.video import render_video

        drawn = _DEMO_VIDEOS.setdefault(self.rules.year, [])
        if len(drawn) < 2:
            data = load_demo_data()
            render_video(plan, DeckText.from_data(data.slides, self.rules), data.slides["video"], target)
            drawn.append(target.read_bytes())
        else:
            target.write_bytes(drawn[self.counter % len(drawn)])

    def stock_pdf(self, case_id: str) -> str:
        """A clean demo deck for a hand-made case."""
        if self._stock is None:
            self._stock = plan_demo(self.rules.year, cases=1, judges=0, videos=0, seed=self.seed)[0]
        return self.demo_pdf(self._stock[0], 0, self.root / "files" / f"{case_id}.pdf")

    def add(
        self,
        *,
        hospital: str,
        province: tuple[str, str | None],
        theme: str,
        theme_number: int | None,
        codes: set[str],
        pdf: str | None = None,
        video: str = "",
        recommendation: str | None = None,
        title: str = "改善医疗服务案例",
        case_id: str | None = None,
        detail: dict[str, object] | None = None,
        tier: str | None = None,
        category: str | None = None,
        votes: str | None = None,
        submitted_at: str = "",
    ) -> str:
        case_id = case_id or self.next_id()
        if pdf is None:
            pdf = self.stock_pdf(case_id)
        rec = recommendation if recommendation is not None else _recommendation(120)
        if tier is None:
            tier = self.rules.tiers[0].name if self.rules.tiers else ""
        if category is None:
            category = self.rules.categories[0].name if self.rules.categories else ""
        self.rows.append(
            {
                "案例编号": case_id,
                "医院名称": hospital,
                "省份": province[0],
                "组别": tier,
                "类别": category,
                "主题": theme,
                "案例名称": title if title != "改善医疗服务案例" else _TITLES[self.counter % len(_TITLES)],
                "推荐理由": rec,
                "PPT文件": pdf,
                "视频文件": video,
                "网络投票": votes if votes is not None else str(self.rng.randint(0, 5000)),
                "提交时间": submitted_at,
                "联系人": "张老师",  # an extra column: kept, never refused
            }
        )
        self.expected[case_id] = Expected(case_id, frozenset(codes), province[1], theme_number, detail or {})
        return case_id


def build_corpus(
    dest: Path,
    *,
    season: int = 2022,
    clean: int = 24,
    videos: int = 3,
    sheet: str = "csv",
    seed: int = 3,
    planted: bool = True,
    edges: bool = True,
    distinct_decks: int = 4,
    huge: bool = True,
) -> Corpus:
    """Write a submission folder to ``dest``: ``clean`` demo cases (``videos`` of them with a video),
    the edge cases that must stay clean (if ``edges``) and one or more cases per finding code (if
    ``planted``); returns the folder and the expected answer per case. ``huge=False`` leaves out the two
    sparse over-the-limit files (an import would copy their 730 MB into a store for real).

    Rendering a demo deck takes ~0.15 s, so only ``distinct_decks`` are drawn and the others copied
    (the bench draws one per case)."""
    rules = load_season(season)
    dest.mkdir(parents=True, exist_ok=True)
    files = dest / "files"
    files.mkdir(exist_ok=True)
    b = _Builder(dest, rules, seed, distinct_decks)
    theme_texts = ("{n}", "主题{cn}", "主题{n}", "{title}", "主题{cn}：{title}", "{cn}")
    cn = "一二三四五六七八九十"

    def theme_text(n: int, i: int) -> str:
        return theme_texts[i % len(theme_texts)].format(n=n, cn=cn[n - 1], title=rules.theme(n).title)

    # Clean cases from the demo generator: its hospitals, themes, titles, recommendations, decks, videos.
    plans, _judges = plan_demo(season, cases=clean, judges=0, videos=videos, seed=seed) if clean else ([], [])
    for i, plan in enumerate(plans):
        case_id = b.next_id()
        full = plan.hospital.province
        province = SHORT.get(full, full[:-1] if full.endswith("省") else full) if i % 2 else full
        video = ""
        if plan.video_seconds is not None:
            b.demo_video(plan, files / f"{case_id}.mp4")
            video = f"files/{case_id}.mp4"
        tier = next((t for t in rules.tiers if t.code == plan.tier), None)
        category = next((c for c in rules.categories if c.code == plan.category), None)
        b.add(
            hospital=plan.hospital.name,
            province=(province, REGION_OF[full]),
            theme=theme_text(plan.theme_number, i),
            theme_number=plan.theme_number,
            codes=set(),
            video=video,
            pdf=b.demo_pdf(plan, i, files / f"{case_id}.pdf"),
            recommendation=plan.recommendation,
            title=plan.title,
            case_id=case_id,
            tier=(tier.code if i % 3 == 0 else tier.name) if tier else "",
            category=category.name if category else "",
            votes=str(plan.votes),
            submitted_at=plan.submitted_at.strftime("%Y-%m-%d %H:%M"),
        )
    if edges:
        _edge_cases(b, dest, rules)
    if planted:
        _plant(b, dest, rules, huge)
    if sheet == "xlsx":
        _write_xlsx(dest / "cases.xlsx", b.rows)
    else:
        _write_csv(dest / "cases.csv", b.rows)
    return Corpus(dest, season, b.expected, b.rows)


def _pdf(dest: Path, case_id: str, **kwargs: object) -> str:
    make_slides(dest / "files" / f"{case_id}.pdf", **kwargs)  # type: ignore[arg-type]
    return f"files/{case_id}.pdf"


def _edge_cases(b: _Builder, dest: Path, rules: SeasonRules) -> None:
    """Clean cases right at the rules' edges: none may get a violation."""
    limits = rules.limits
    files = dest / "files"

    def edge(hospital: str, province: tuple[str, str], theme: int, **kwargs: object) -> str:
        return b.add(
            hospital=hospital,
            province=province,
            theme=str(theme),
            theme_number=theme,
            codes=set(),
            **kwargs,  # type: ignore[arg-type]
        )

    cid = b.next_id()
    edge(
        "香港仁心医院", ("Hong Kong", "中南"), 1, case_id=cid, pdf=_pdf(dest, cid, body_pt=limits.min_font_pt)
    )
    cid = b.next_id()
    small = {4: limits.min_font_pt - 0.4}  # within the half-point allowance for exported sizes
    edge("澳门仁伯爵综合医院", ("中国澳门", "中南"), 2, case_id=cid, pdf=_pdf(dest, cid, small=small))
    edge(
        "台湾彰化基督教医院",
        ("臺灣", "中南"),
        3,
        recommendation=_recommendation(limits.recommendation_max_chars),
    )
    cid = b.next_id()
    make_video(files / f"{cid}.mp4", width=1280, height=720)
    edge("广西宾阳县人民医院", ("广西壮族自治区", "中南"), 4, case_id=cid, video=f"files/{cid}.mp4")
    cid = b.next_id()
    make_video(files / f"{cid}.mp4", width=854, height=480, seconds=3)
    edge("内蒙古准格尔旗人民医院", ("Inner Mongolia", "华北"), 5, case_id=cid, video=f"files/{cid}.mp4")
    cid = b.next_id()
    edge("新疆库车市人民医院", ("新疆维吾尔族自治区", "西北"), 6, case_id=cid, pdf=_pdf(dest, cid, pages=17))


def _plant(b: _Builder, dest: Path, rules: SeasonRules, huge: bool = True) -> None:
    limits = rules.limits
    files = dest / "files"
    henan = ("河南省", "中南")

    def one(code: str, hospital: str, theme: int = 1, **kwargs: object) -> str:
        return b.add(
            hospital=hospital,
            province=kwargs.pop("province", henan),  # type: ignore[arg-type]
            theme=str(theme),
            theme_number=kwargs.pop("theme_number", theme),  # type: ignore[arg-type]
            codes={code} if code else set(),
            **kwargs,  # type: ignore[arg-type]
        )

    # PDFs
    one("pdf_missing", "河南甲县人民医院", pdf="files/not-there.pdf", detail={"reason": "not_found"})
    cid = b.next_id()
    make_truncated_pdf(files / f"{cid}.pdf")
    one(
        "pdf_corrupt", "河南乙县人民医院", pdf=f"files/{cid}.pdf", case_id=cid, detail={"reason": "truncated"}
    )
    cid = b.next_id()
    make_encrypted_pdf(files / f"{cid}.pdf")
    one(
        "pdf_corrupt", "河南丙县人民医院", pdf=f"files/{cid}.pdf", case_id=cid, detail={"reason": "encrypted"}
    )
    cid = b.next_id()
    (files / f"{cid}.pdf").write_text("<html><body>404 Not Found</body></html>\n", encoding="utf-8")
    one(
        "pdf_corrupt",
        "河南丁县人民医院",
        pdf=f"files/{cid}.pdf",
        case_id=cid,
        detail={"reason": "unreadable"},
    )
    if huge:
        cid = b.next_id()
        make_slides(files / f"{cid}.pdf")
        pad_pdf_sparse(files / f"{cid}.pdf", limits.pdf_max_bytes + 1024 * 1024)
        one("pdf_too_large", "河南戊县人民医院", pdf=f"files/{cid}.pdf", case_id=cid)
    cid = b.next_id()
    low = limits.min_font_pt - 3.5
    make_slides(files / f"{cid}.pdf", small={3: limits.min_font_pt - 2, 7: low})
    one(
        "font_too_small",
        "河南己县人民医院",
        pdf=f"files/{cid}.pdf",
        case_id=cid,
        detail={"pages": [3, 7], "smallest_pt": low, "smallest_page": 7},
    )
    # Videos
    cid = b.next_id()
    (files / f"{cid}.mp4").write_text("这不是视频，只是一个改了扩展名的文本文件。\n" * 20, encoding="utf-8")
    one(
        "video_not_mp4",
        "河南庚县人民医院",
        video=f"files/{cid}.mp4",
        case_id=cid,
        detail={"reason": "unreadable"},
    )
    cid = b.next_id()
    make_video(files / f"{cid}.mp4", container="avi")
    one(
        "video_not_mp4",
        "河南辛县人民医院",
        video=f"files/{cid}.mp4",
        case_id=cid,
        detail={"reason": "container"},
    )
    cid = b.next_id()
    make_video(files / f"{cid}.mp4", seconds=limits.video_max_seconds + 5)
    one("video_too_long", "河南壬县人民医院", video=f"files/{cid}.mp4", case_id=cid)
    cid = b.next_id()
    make_video(files / f"{cid}.mp4", width=640, height=480)
    one("video_not_16_9", "河南癸县人民医院", video=f"files/{cid}.mp4", case_id=cid)
    cid = b.next_id()
    make_video(files / f"{cid}.mp4", width=640, height=360)
    one(
        "video_low_res",
        "湖北甲县人民医院",
        video=f"files/{cid}.mp4",
        case_id=cid,
        province=("湖北省", "中南"),
    )
    if huge:
        cid = b.next_id()
        make_video(files / f"{cid}.mp4")
        pad_mp4_sparse(files / f"{cid}.mp4", limits.video_max_bytes + 1024 * 1024)
        one(
            "video_too_large",
            "湖北乙县人民医院",
            video=f"files/{cid}.mp4",
            case_id=cid,
            province=("湖北省", "中南"),
        )
    one("video_missing", "湖北丙县人民医院", video="files/no-such-video.mp4", province=("湖北省", "中南"))
    # Text
    one(
        "recommendation_too_long",
        "湖北丁县人民医院",
        recommendation=_recommendation(limits.recommendation_max_chars + 1),
        province=("湖北省", "中南"),
        detail={"chars": limits.recommendation_max_chars + 1},
    )
    if limits.recommendation_required:
        one("recommendation_missing", "湖北戊县人民医院", recommendation="", province=("湖北省", "中南"))
    one("province_unknown", "火星第一人民医院", province=("火星省", None))
    # A NUL inside a hospital's name (a broken export): removed, and the case says so.
    one(
        "text_control_chars",
        "湖北己县\x00人民医院",
        province=("湖北省", "中南"),
        title="案例\x07名称",
        detail={"columns": ["hospital", "title"]},
    )
    b.add(
        hospital="湖南甲县人民医院",
        province=("湖南省", "中南"),
        theme="主题十一",
        theme_number=None,
        codes={"theme_unknown"},
    )
    # Across cases: one hospital, two cases in theme 5 (both flagged) …
    for _ in range(2):
        one("duplicate_theme", "湖南省乙县人民医院", theme=5, province=("湖南", "中南"))
    # … and one hospital under three spellings: the less used ones are flagged, naming the main one.
    main = "湖南省丙市第一人民医院（丙市医学院附属医院）"
    for theme in (1, 2, 3):
        one("", main, theme=theme, province=("湖南省", "中南"))
    one(
        "hospital_name_inconsistent",
        "湖南省丙市第一人民医院(丙市医学院附属医院)",
        theme=4,
        province=("湖南省", "中南"),
        detail={"likely": main},
    )
    one(
        "hospital_name_inconsistent",
        "湖南省丙市第一人民医院",
        theme=6,
        province=("湖南", "中南"),
        detail={"likely": main},
    )
    one(
        "hospital_name_inconsistent",
        "湖南省 丙市第一人民医院（丙市医学院附属医院）",
        theme=7,
        province=("湖南省", "中南"),
        detail={"likely": main},
    )
    # Look-alikes that are different hospitals, in one province: never flagged.
    for theme, name in enumerate(
        ("湖南省丁市第一人民医院", "湖南省丁市第二人民医院", "湖南省丁市中心医院"), 1
    ):
        one("", name, theme=theme, province=("湖南省", "中南"))
    one("", "湖南省丁市中医医院", theme=4, province=("湖南省", "中南"))
    # One full name is one hospital even under two provinces (one of them is a slip): one case per theme.
    one("duplicate_theme", "海南省甲县人民医院", theme=6, province=("海南省", "中南"))
    one("duplicate_theme", "海南省甲县人民医院", theme=6, province=("广东省", "中南"))


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:  # as Excel writes "CSV UTF-8"
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[dict[str, str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append([int(v) if k == "网络投票" and v.isdigit() else v for k, v in row.items()])
    book.save(path)


# --- hostile rows (issue 8 #2, #13, #19) ---------------------------------------------------------------

#: Distinct hospitals (with their province) for hostile rows, so no cross-case finding muddies them.
_HOSTILE_HOSPITALS = (
    ("甘肃省人民医院", "甘肃省"),
    ("青海省人民医院", "青海省"),
    ("贵州省人民医院", "贵州省"),
    ("云南省第一人民医院", "云南省"),
    ("海南省人民医院", "海南省"),
    ("吉林大学第一医院", "吉林省"),
    ("山西白求恩医院", "山西省"),
    ("江西省人民医院", "江西省"),
    ("西藏自治区人民医院", "西藏自治区"),
)


def add_hostile_rows(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """Append rows an attacker or a broken export would write, each cloned from a clean row with one
    thing changed, and rewrite the sheet; returns case id → (the violation it must get, its reason)."""
    template = dict(corpus.rows[0])
    files = corpus.root / "files"
    pdf = corpus.root / template["PPT文件"]
    os.mkfifo(files / "fifo.pdf")
    os.mkfifo(files / "fifo.mp4")
    os.symlink("/dev/zero", files / "zero.pdf")
    plans: list[tuple[dict[str, str], tuple[str, str]]] = [
        ({"PPT文件": "files/" + "长" * 300 + ".pdf"}, ("pdf_missing", "unreadable")),
        ({"PPT文件": "files/a\x00b.pdf"}, ("pdf_missing", "invalid")),
        ({"PPT文件": "files"}, ("pdf_missing", "not_a_file")),
        ({"PPT文件": "files/fifo.pdf"}, ("pdf_missing", "not_a_file")),
        ({"视频文件": "files/fifo.mp4"}, ("video_missing", "not_a_file")),
        ({"案例名称": "\x00\x00\x00"}, ("text_control_chars", "")),
        ({"医院名称": "青铜峡\x00市中医医院", "省份": "宁夏"}, ("text_control_chars", "")),
        ({"PPT文件": "files/zero.pdf"}, ("pdf_missing", "outside")),
        ({"视频文件": "files/" + "视" * 300 + ".mp4"}, ("video_missing", "unreadable")),
    ]
    expected: dict[str, tuple[str, str]] = {}
    for i, (change, answer) in enumerate(plans):
        case_id = f"H{i + 1:02d}"
        hospital, province = _HOSTILE_HOSPITALS[i]
        own = files / f"{case_id}.pdf"
        own.write_bytes(pdf.read_bytes())
        row = {**template, "案例编号": case_id, "医院名称": hospital, "省份": province}
        row.update({"PPT文件": own.relative_to(corpus.root).as_posix(), "视频文件": ""})
        row.update(change)
        corpus.rows.append(row)
        expected[case_id] = answer
    corpus.write_sheet()
    return expected
