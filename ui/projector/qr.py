# SPDX-License-Identifier: Apache-2.0
"""A QR code of the receiver's address for judges' phones and laptops to read off the console."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(text: str, size_px: int, dark: QColor | None = None, light: QColor | None = None) -> QImage:
    """``text`` as a QR code ``size_px`` square (with the standard quiet zone), drawn as crisp squares."""
    code = segno.make(text, error="m", micro=False)
    matrix = [list(row) for row in code.matrix]
    quiet = 4
    n = len(matrix) + 2 * quiet
    image = QImage(size_px, size_px, QImage.Format.Format_RGB32)
    image.fill(light or QColor(Qt.GlobalColor.white))
    p = QPainter(image)
    cell = size_px / n
    for y, row in enumerate(matrix):
        for x, dark_cell in enumerate(row):
            if dark_cell:
                p.fillRect(
                    QRectF((x + quiet) * cell, (y + quiet) * cell, cell + 0.5, cell + 0.5),
                    dark or QColor(Qt.GlobalColor.black),
                )
    p.end()
    return image
