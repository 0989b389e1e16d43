# SPDX-License-Identifier: Apache-2.0
"""Media facts: pure functions over a path (PDF with PyMuPDF/pypdf, video with PyAV), and the worker
pool that runs them bounded in time and memory so one hostile file cannot hang or kill an import."""

from app.media.pdf import PageFacts, PdfFacts, pdf_facts
from app.media.pool import (
    CRASHED,
    ERROR,
    MEMORY,
    OK,
    TIMEOUT,
    Job,
    Outcome,
    WorkerPool,
    default_workers,
)
from app.media.video import VideoFacts, video_facts

__all__ = [
    "CRASHED",
    "ERROR",
    "MEMORY",
    "OK",
    "TIMEOUT",
    "Job",
    "Outcome",
    "PageFacts",
    "PdfFacts",
    "VideoFacts",
    "WorkerPool",
    "default_workers",
    "pdf_facts",
    "video_facts",
]
