# SPDX-License-Identifier: Apache-2.0
"""Facts about a video file, read with PyAV (FFmpeg): container, duration, frame size, display aspect.

Only the container headers are read (no frame is decoded), so a 700 MB video is probed in milliseconds.
Like ``app.media.pdf`` this runs inside a worker process and never raises for a bad file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: How many bytes FFmpeg may read to recognise a container: enough for any real MP4 header.
PROBE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class VideoFacts:
    """What a video file is, judged by its content: ``readable`` False when FFmpeg cannot demux it."""

    size: int
    readable: bool
    error: str = ""
    container: str = ""  #: FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    brand: str = ""  #: the ISO-BMFF major brand ("isom", "mp42"; "qt" for QuickTime .mov)
    has_video: bool = False
    codec: str = ""
    duration_s: float | None = None
    width: int | None = None
    height: int | None = None
    display_aspect: float | None = None  #: width × sample aspect ÷ height, as a player shows it
    rotation: int = 0  #: degrees from the display matrix (phones record portrait this way)

    def is_container(self, name: str) -> bool:
        """Whether the content is of container ``name`` (e.g. "mp4"), whatever the file is called."""
        if not self.readable:
            return False
        demuxers = set(self.container.split(","))
        if name == "mp4":
            # The MP4 and QuickTime demuxer is one in FFmpeg; the major brand tells them apart.
            return "mp4" in demuxers and self.brand.strip() != "qt"
        return name in demuxers


def video_facts(path: Path | str) -> VideoFacts:
    """Probe ``path`` with PyAV; a file FFmpeg cannot read gives ``readable=False`` and the reason."""
    import av

    path = Path(path)
    size = path.stat().st_size
    av.logging.set_level(None)
    try:
        container = av.open(str(path), mode="r", options={"probesize": str(PROBE_BYTES)})
    except Exception as exc:  # not a media file at all (text, a PDF renamed .mp4, truncated header)
        return VideoFacts(size, False, error=" ".join(str(exc).split())[:200] or type(exc).__name__)
    with container:
        brand = str(container.metadata.get("major_brand", "")).strip()
        duration = container.duration / 1_000_000 if container.duration else None
        streams = container.streams.video
        if not streams:
            return VideoFacts(size, True, container=container.format.name, brand=brand, duration_s=duration)
        stream = streams[0]
        if duration is None and stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        width = int(stream.codec_context.width or 0) or None
        height = int(stream.codec_context.height or 0) or None
        aspect: float | None = None
        if width and height:
            sar = stream.sample_aspect_ratio
            aspect = width * (float(sar) if sar else 1.0) / height
        rotation = _rotation(container)
        if rotation % 180 == 90 and aspect:
            aspect = 1 / aspect
        return VideoFacts(
            size=size,
            readable=True,
            container=container.format.name,
            brand=brand,
            has_video=True,
            codec=stream.codec_context.name,
            duration_s=round(duration, 3) if duration is not None else None,
            width=width,
            height=height,
            display_aspect=round(aspect, 4) if aspect else None,
            rotation=rotation,
        )


def _rotation(container: Any) -> int:
    """Rotation in degrees from the display matrix, which PyAV reports on decoded frames (0 if none).

    Phones record portrait video as landscape frames plus a 90° display matrix; only the first frame is
    decoded, and a stream that cannot be decoded simply counts as unrotated.
    """
    try:
        frame = next(container.decode(video=0))
        return abs(int(getattr(frame, "rotation", 0) or 0)) % 360
    except Exception:
        return 0
