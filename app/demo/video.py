# SPDX-License-Identifier: Apache-2.0
"""A demo case's short video: H.264 in MP4, 16:9, a caption over a moving bar chart, made with PyAV.

One still frame is drawn with PyMuPDF (text needs a CJK font), then each frame copies its pixels and
paints the moving parts as plain rectangles into the bytes: a few milliseconds a frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import av

from app.demo.canvas import PALETTES, WHITE, Box, Color, PdfDoc, wrap
from app.demo.content import CasePlan
from app.demo.slides import DeckText

#: Frame size: 854×480 is 480p at 16:9 (the width rounded to even, as H.264 4:2:0 needs).
VIDEO_SIZE = (854, 480)
#: Frames a second: the picture changes slowly, so few frames keep encoding fast and files small.
FPS = 10


def _rgba(color: Color) -> bytes:
    return bytes((round(color[0] * 255), round(color[1] * 255), round(color[2] * 255), 255))


def _still(plan: CasePlan, text: DeckText, captions: Mapping[str, str], size: tuple[int, int]) -> bytes:
    """The unchanging part of every frame, as RGBA bytes."""
    w, h = size
    primary, accent, tint = PALETTES[plan.style % len(PALETTES)]
    pdf = PdfDoc()
    c = pdf.new_page(w, h)
    c.rect(Box(0, 0, w, h), fill=primary)
    c.rect(Box(0, h - 64, w, h), fill=tint)
    c.rect(Box(40, 40, 46, 74), fill=accent)
    values = {"hospital": plan.hospital.name, "theme": text.theme(plan.theme_number, plan.theme_title)}
    c.text(58, 66, captions["subtitle"].format_map(values), 22, tint)
    size_pt = 34.0
    while size_pt > 24 and len(wrap(plan.title, size_pt, w * 0.55)) > 3:
        size_pt -= 2
    y = c.paragraph(40, 110, w * 0.55, plan.title, size_pt, WHITE, bold=True, leading=1.3, max_lines=4)
    c.text(40, y + 40, captions["caption"].format_map(values), 22, WHITE)
    c.text(40, h - 24, captions["footer"].format_map(values), 20, primary, bold=True)
    c.text(w - 40, h - 24, plan.code, 20, primary, align="right")
    c.finish()
    pix = c.page.get_pixmap(alpha=True)
    data = bytes(pix.samples)
    pdf.doc.close()
    return data


def _fill(buf: bytearray, width: int, x0: int, y0: int, x1: int, y1: int, rgba: bytes) -> None:
    row = rgba * (x1 - x0)
    stride = width * 4
    for y in range(y0, y1):
        start = y * stride + x0 * 4
        buf[start : start + len(row)] = row


def render_video(
    plan: CasePlan,
    text: DeckText,
    captions: Mapping[str, str],
    path: Path,
    size: tuple[int, int] = VIDEO_SIZE,
    fps: int = FPS,
) -> float:
    """Write the case's video to ``path`` (MP4, H.264); returns its duration in seconds."""
    seconds = plan.video_seconds or 3.0
    w, h = size
    _primary, accent, tint = PALETTES[plan.style % len(PALETTES)]
    still = _still(plan, text, captions, size)
    n_frames = max(1, round(seconds * fps))
    # The bars rise to the case's metrics, before and after, over the first two thirds of the video.
    metrics = plan.metrics[:3]
    targets = []
    for m in metrics:
        top = max(m.before, m.after) or 1.0
        targets += [m.before / top, m.after / top]
    bar_w, gap = 30, 14
    chart_x = w - 40 - len(targets) * bar_w - (len(targets) - 1) * gap - (len(metrics) - 1) * 12
    base_y, chart_h = h - 100, 250
    colours = [_rgba(tint), _rgba(accent)]
    with av.open(str(path), mode="w", format="mp4", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "veryfast", "crf": "30"})
        stream.width, stream.height = w, h
        stream.pix_fmt = "yuv420p"
        for i in range(n_frames):
            buf = bytearray(still)
            grow = min(1.0, (i + 1) / max(1, n_frames * 2 // 3))
            x = chart_x
            for k, t in enumerate(targets):
                bar_h = max(2, int(chart_h * t * grow))
                _fill(buf, w, x, base_y - bar_h, x + bar_w, base_y, colours[k % 2])
                x += bar_w + gap + (12 if k % 2 else 0)
            _fill(buf, w, chart_x - 6, base_y, w - 34, base_y + 3, _rgba(WHITE))
            # A sweep along the bottom edge shows time passing.
            sweep = int((w - 80) * i / max(1, n_frames - 1))
            _fill(buf, w, 40, h - 70, 40 + sweep, h - 64, _rgba(accent))
            frame = av.VideoFrame.from_bytes(bytes(buf), w, h, format="rgba")
            frame.pts = i
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return n_frames / fps
