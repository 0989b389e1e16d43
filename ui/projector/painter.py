# SPDX-License-Identifier: Apache-2.0
"""Paints each projector scene from a ``Snapshot``, in a 1920×1080 design space scaled to any 16:9 screen.

Everything is drawn with QPainter in logical design units and scaled as vectors, so the same layout is
sharp at 1920×1080 and at 3840×2160 (text is never a bitmap that gets stretched). Colours come from a
``ProjectorPalette`` the canvas reads from the style sheet (resources/style/leitai.qss). Names of scenes,
phases and awards come from ``app.glossary.live``; the few words of chrome are translated by Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from app.glossary.live import ORDER_SOURCES, SCENES, TIMER_PHASES
from app.glossary.terms import award_name, theme_label
from app.live.setup import CaseCard
from app.live.show import Snapshot

#: The design space every scene is laid out in (16:9).
W, H = 1920.0, 1080.0
MARGIN = 96.0
HEADER_H = 150.0
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass
class ProjectorPalette:
    """The hall's colours (set from the style sheet through the canvas's properties)."""

    background: QColor
    panel: QColor
    text: QColor
    muted: QColor
    accent: QColor
    warning: QColor
    danger: QColor
    gold: QColor
    silver: QColor
    bronze: QColor


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # scaled glyphs keep their shape
    return font


def _text(
    p: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    color: QColor,
    *,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    fit: bool = True,
) -> None:
    """Draw one line of text in ``rect``: shrunk to fit (down to 60 %), then elided."""
    font = _font(px, bold)
    metrics = QFontMetricsF(font)
    if fit and metrics.horizontalAdvance(text) > rect.width():
        font = _font(max(px * 0.6, px * rect.width() / metrics.horizontalAdvance(text)), bold)
        metrics = QFontMetricsF(font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    p.setFont(font)
    p.setPen(color)
    p.drawText(rect, int(align), shown)


def _wrapped(p: QPainter, rect: QRectF, text: str, px: float, color: QColor, bold: bool = False) -> None:
    """Text over several lines, centred (a long case title)."""
    p.setFont(_font(px, bold))
    p.setPen(color)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    p.drawText(rect, int(flags), text)


def _panel(p: QPainter, rect: QRectF, color: QColor, radius: float = 24.0) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(rect, radius, radius)


def _header(p: QPainter, s: Snapshot, pal: ProjectorPalette, banner: QImage | None) -> None:
    """The event's banner: an image if one is set, else the competition's name; round and group right."""
    band = QRectF(0, 0, W, HEADER_H)
    p.fillRect(band, pal.panel)
    p.fillRect(QRectF(0, HEADER_H - 6, W, 6), pal.accent)
    left = QRectF(MARGIN, 24, W * 0.58, HEADER_H - 54)
    if banner is not None and not banner.isNull():
        scale = min(left.width() / banner.width(), left.height() / banner.height())
        target = QRectF(left.x(), left.y(), banner.width() * scale, banner.height() * scale)
        p.drawImage(target, banner)
    else:
        _text(p, left, s.competition, 44, pal.text, bold=True)
    right = QRectF(W * 0.62, 24, W * 0.38 - MARGIN, HEADER_H - 54)
    _text(p, right, f"{s.round_name}　{s.group_name}".strip(), 34, pal.muted, align=RIGHT)


def _case_heading(p: QPainter, s: Snapshot, pal: ProjectorPalette, case: CaseCard, top: float) -> None:
    _text(p, QRectF(MARGIN, top, W - 2 * MARGIN, 70), case.hospital, 52, pal.text, bold=True)
    _text(p, QRectF(MARGIN, top + 78, W - 2 * MARGIN, 56), case.title, 40, pal.muted)


def paint_welcome(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    centre = Qt.AlignmentFlag.AlignCenter
    _wrapped(p, QRectF(MARGIN, 300, W - 2 * MARGIN, 260), s.competition, 84, pal.text, bold=True)
    _text(
        p,
        QRectF(MARGIN, 600, W - 2 * MARGIN, 90),
        f"{s.round_name}　{s.group_name}".strip(),
        60,
        pal.accent,
        bold=True,
        align=centre,
    )
    if s.title:
        _text(p, QRectF(MARGIN, 710, W - 2 * MARGIN, 70), s.title, 44, pal.muted, align=centre)
    _text(
        p,
        QRectF(MARGIN, 860, W - 2 * MARGIN, 60),
        QCoreApplication.translate("ProjectorPainter", "Welcome"),
        40,
        pal.muted,
        align=centre,
    )


def paint_draw(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    _text(
        p, QRectF(MARGIN, HEADER_H + 30, W - 2 * MARGIN, 80), SCENES["draw"].text(), 56, pal.text, bold=True
    )
    n = max(len(s.order), 1)
    top, bottom = HEADER_H + 130, H - 120
    row = min(96.0, (bottom - top) / n)
    for i, c in enumerate(s.order):
        y = top + i * row
        if i % 2 == 0:
            _panel(p, QRectF(MARGIN - 20, y + 4, W - 2 * MARGIN + 40, row - 8), pal.panel, 14)
        px = row * 0.42
        _text(p, QRectF(MARGIN, y, 90, row), str(i + 1), px * 1.2, pal.accent, bold=True)
        _text(p, QRectF(MARGIN + 110, y, 720, row), c.hospital, px, pal.text, bold=True)
        _text(p, QRectF(MARGIN + 850, y, W - 2 * MARGIN - 850, row), c.title, px, pal.muted)
    source = ORDER_SOURCES[s.order_source].text(seed=s.seed)
    _text(p, QRectF(MARGIN, H - 100, W - 2 * MARGIN, 60), source, 32, pal.muted, align=RIGHT)


def paint_next_up(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    if s.case is None:
        return
    centre = Qt.AlignmentFlag.AlignCenter
    label = f"{SCENES['next_up'].text()}　{s.position + 1} / {len(s.order)}"
    _text(p, QRectF(MARGIN, 250, W - 2 * MARGIN, 80), label, 52, pal.accent, bold=True, align=centre)
    _text(p, QRectF(MARGIN, 400, W - 2 * MARGIN, 130), s.case.hospital, 96, pal.text, bold=True, align=centre)
    _wrapped(p, QRectF(MARGIN * 2, 560, W - 4 * MARGIN, 200), s.case.title, 60, pal.text)
    theme = f"{theme_label(s.case.theme_number)}　{s.case.theme}" if s.case.theme_number else ""
    _text(p, QRectF(MARGIN, 820, W - 2 * MARGIN, 60), theme, 36, pal.muted, align=centre)


def timer_color(s: Snapshot, pal: ProjectorPalette) -> QColor:
    return {"warning": pal.warning, "time_up": pal.danger}.get(s.timer.level, pal.text)


def paint_presenting(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    if s.case is None:
        return
    _case_heading(p, s, pal, s.case, HEADER_H + 40)
    centre = Qt.AlignmentFlag.AlignCenter
    phase = TIMER_PHASES[s.timer.phase].text()
    _text(p, QRectF(MARGIN, 420, W - 2 * MARGIN, 80), phase, 56, pal.muted, bold=True, align=centre)
    _text(
        p,
        QRectF(MARGIN, 470, W - 2 * MARGIN, 460),
        s.timer.display,
        380,
        timer_color(s, pal),
        bold=True,
        align=centre,
        fit=False,
    )


def paint_timer_corner(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    """The countdown in a corner, over the case's slides."""
    box = QRectF(W - 460, H - 200, 420, 160)
    back = QColor(pal.background)
    back.setAlpha(225)
    _panel(p, box, back, 20)
    _text(p, QRectF(box.x() + 24, box.y() + 10, 150, 40), TIMER_PHASES[s.timer.phase].text(), 30, pal.muted)
    _text(
        p,
        QRectF(box.x() + 20, box.y() + 40, box.width() - 40, 115),
        s.timer.display,
        104,
        timer_color(s, pal),
        bold=True,
        align=RIGHT,
        fit=False,
    )


def paint_scoring(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    if s.case is None or s.board is None:
        return
    _case_heading(p, s, pal, s.case, HEADER_H + 30)
    marks = s.board.marks
    cols = 5 if len(marks) > 8 else max(1, min(4, len(marks)))
    rows = max(1, -(-len(marks) // cols))
    top, bottom = 400.0, 850.0
    gap = 24.0
    cw = (W - 2 * MARGIN - (cols - 1) * gap) / cols
    ch = min(200.0, (bottom - top - (rows - 1) * gap) / rows)
    for i, m in enumerate(marks):
        x = MARGIN + (i % cols) * (cw + gap)
        y = top + (i // cols) * (ch + gap)
        card = QRectF(x, y, cw, ch)
        _panel(p, card, pal.panel, 18)
        label = QCoreApplication.translate("ProjectorPainter", "Judge {n}").format(n=m.seat)
        _text(p, QRectF(x + 20, y + 8, cw - 40, ch * 0.3), label, ch * 0.2, pal.muted, align=CENTRE)
        value = "…" if m.value is None else f"{m.value:.1f}"
        color = pal.muted if m.struck or m.value is None else pal.text
        area = QRectF(x + 10, y + ch * 0.32, cw - 20, ch * 0.62)
        _text(p, area, value, ch * 0.42, color, bold=True, align=CENTRE)
        if m.struck:  # highest and lowest: struck through, as the hall expects
            metrics = QFontMetricsF(_font(ch * 0.42, True))
            half = metrics.horizontalAdvance(value) / 2 + 14
            mid = area.center()
            p.setPen(QPen(pal.danger, max(4.0, ch * 0.03)))
            p.drawLine(QPointF(mid.x() - half, mid.y()), QPointF(mid.x() + half, mid.y()))
    result = QRectF(MARGIN, 880, W - 2 * MARGIN, 150)
    _panel(p, result, pal.panel, 24)
    if s.board.complete and s.board.score is not None:
        _text(
            p,
            QRectF(result.x() + 40, result.y(), 700, 150),
            QCoreApplication.translate("ProjectorPainter", "Final score"),
            56,
            pal.muted,
            bold=True,
        )
        _text(
            p,
            QRectF(result.x(), result.y(), result.width() - 40, 150),
            f"{s.board.score:.2f}",
            110,
            pal.accent,
            bold=True,
            align=RIGHT,
        )
    else:
        waiting = QCoreApplication.translate("ProjectorPainter", "Marks received: {got} / {expected}").format(
            got=s.board.received, expected=s.board.expected
        )
        _text(
            p,
            QRectF(result.x() + 40, result.y(), result.width() - 80, 150),
            waiting,
            52,
            pal.muted,
            align=CENTRE,
        )


def paint_ranking(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    _text(
        p,
        QRectF(MARGIN, HEADER_H + 30, W - 2 * MARGIN, 80),
        SCENES["ranking"].text(),
        56,
        pal.text,
        bold=True,
    )
    if s.ranking_hidden:
        _text(
            p,
            QRectF(MARGIN, 500, W - 2 * MARGIN, 100),
            QCoreApplication.translate("ProjectorPainter", "Hidden until revealed (stealth)"),
            48,
            pal.muted,
            align=CENTRE,
        )
        return
    rows = s.ranking
    top, bottom = HEADER_H + 140, H - 60
    row = min(100.0, (bottom - top) / max(len(rows), 1))
    for i, r in enumerate(rows):
        card = s.card(r.case_id)
        if card is None:
            continue
        y = top + i * row
        _panel(p, QRectF(MARGIN - 20, y + 4, W - 2 * MARGIN + 40, row - 8), pal.panel, 14)
        px = row * 0.42
        _text(p, QRectF(MARGIN, y, 100, row), str(r.rank), px * 1.2, pal.accent, bold=True)
        _text(p, QRectF(MARGIN + 120, y, 700, row), card.hospital, px, pal.text, bold=True)
        _text(p, QRectF(MARGIN + 840, y, 720, row), card.title, px * 0.9, pal.muted)
        _text(
            p,
            QRectF(W - MARGIN - 260, y, 260, row),
            f"{r.score:.2f}",
            px * 1.2,
            pal.text,
            bold=True,
            align=RIGHT,
        )


def paint_awards(p: QPainter, s: Snapshot, pal: ProjectorPalette) -> None:
    centre = Qt.AlignmentFlag.AlignCenter
    colors = {"gold": pal.gold, "silver": pal.silver, "bronze": pal.bronze}
    if not s.revealed:
        _text(
            p,
            QRectF(MARGIN, 380, W - 2 * MARGIN, 140),
            SCENES["awards"].text(),
            120,
            pal.accent,
            bold=True,
            align=centre,
        )
        _text(
            p,
            QRectF(MARGIN, 560, W - 2 * MARGIN, 80),
            f"{s.round_name}　{s.group_name}".strip(),
            52,
            pal.muted,
            align=centre,
        )
        return
    latest = s.revealed[-1]
    # the tier just revealed fills the stage; the ones before it sit in a line below
    _text(
        p,
        QRectF(MARGIN, HEADER_H + 30, W - 2 * MARGIN, 120),
        award_name(latest.key),
        96,
        colors.get(latest.key, pal.accent),
        bold=True,
        align=centre,
    )
    n = max(len(latest.cases), 1)
    top = HEADER_H + 180
    box_h = min(190.0, (700 - top + HEADER_H) / n)
    for i, c in enumerate(latest.cases):
        y = top + i * (box_h + 20)
        box = QRectF(MARGIN * 2, y, W - 4 * MARGIN, box_h)
        _panel(p, box, pal.panel, 24)
        p.fillRect(QRectF(box.x(), box.y() + 16, 12, box_h - 32), colors.get(latest.key, pal.accent))
        _text(
            p,
            QRectF(box.x() + 50, y + 8, box.width() - 100, box_h * 0.5),
            c.hospital,
            box_h * 0.3,
            pal.text,
            bold=True,
            align=centre,
        )
        _text(
            p,
            QRectF(box.x() + 50, y + box_h * 0.5, box.width() - 100, box_h * 0.42),
            c.title,
            box_h * 0.22,
            pal.muted,
            align=centre,
        )
    earlier = s.revealed[:-1]
    if earlier:
        line = "　".join(
            f"{award_name(a.key)}：{'、'.join(c.hospital for c in a.cases)}" for a in reversed(earlier)
        )
        _text(p, QRectF(MARGIN, H - 110, W - 2 * MARGIN, 70), line, 30, pal.muted, align=centre)


PAINTERS = {
    "welcome": paint_welcome,
    "draw": paint_draw,
    "next_up": paint_next_up,
    "presenting": paint_presenting,
    "scoring": paint_scoring,
    "ranking": paint_ranking,
    "awards": paint_awards,
}


def design_rect(width: float, height: float) -> QRectF:
    """Where the 16:9 design sits in a ``width`` × ``height`` area (letterboxed, centred)."""
    scale = min(width / W, height / H)
    return QRectF((width - W * scale) / 2, (height - H * scale) / 2, W * scale, H * scale)


def paint_scene(
    p: QPainter,
    width: float,
    height: float,
    s: Snapshot,
    pal: ProjectorPalette,
    scene: str | None = None,
    *,
    banner: QImage | None = None,
    slide: QImage | None = None,
) -> None:
    """Paint ``scene`` (default: the one the hall sees) of ``s`` into a ``width`` × ``height`` area."""
    scene = scene or s.scene
    p.fillRect(QRectF(0, 0, width, height), pal.background)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    target = design_rect(width, height)
    p.save()
    p.translate(target.topLeft())
    p.scale(target.width() / W, target.height() / H)
    if scene == "presenting" and s.show_slides and slide is not None and not slide.isNull():
        scale = min(W / slide.width(), H / slide.height())
        size = QRectF(0, 0, slide.width() * scale, slide.height() * scale)
        size.moveCenter(QPointF(W / 2, H / 2))
        p.drawImage(size, slide)
        paint_timer_corner(p, s, pal)
    else:
        _header(p, s, pal, banner)
        PAINTERS[scene](p, s, pal)
    p.restore()
