# SPDX-License-Identifier: Apache-2.0
"""The intake findings of one case, for the details pane: severity icon, what is wrong, on which pages,
and a button that opens the slides at the first of those pages (in the judge's PDF reader)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.glossary.terms import finding_name
from app.intake.screening import StoredFinding
from ui.style import theme_colors

_ICONS: dict[tuple[str, int], QIcon] = {}


def severity_icon(kind: str, size: int = 16) -> QIcon:
    """A small drawn icon: "violation" a red disc with "!", "warning" an amber triangle, "clean" a green
    tick. Drawn rather than taken from the platform style, so it looks the same everywhere."""
    key = (kind, size)
    if key in _ICONS:
        return _ICONS[key]
    icon = QIcon()
    colors = theme_colors()  # the severity colours of leitai.qss (#themeColors)
    for scale in (1, 2):
        pix = QPixmap(size * scale, size * scale)
        pix.setDevicePixelRatio(scale)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = float(size)
        if kind == "violation":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colors.violation)
            p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
            _bang(p, s)
        elif kind == "warning":
            path = QPainterPath()
            path.moveTo(s / 2, 1.5)
            path.lineTo(s - 1, s - 1.5)
            path.lineTo(1, s - 1.5)
            path.closeSubpath()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colors.warning)
            p.drawPath(path)
            _bang(p, s, top=0.36)
        else:
            pen = QPen(colors.clean, s / 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.drawPolyline(
                [QPointF(s * 0.2, s * 0.55), QPointF(s * 0.42, s * 0.76), QPointF(s * 0.8, s * 0.28)]
            )
        p.end()
        icon.addPixmap(pix)
    _ICONS[key] = icon
    return icon


def _bang(p: QPainter, s: float, top: float = 0.22) -> None:
    p.setPen(QPen(Qt.GlobalColor.white, s / 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(s / 2, s * top), QPointF(s / 2, s * 0.6))
    p.drawPoint(QPointF(s / 2, s * 0.78))


def page_text(pages: Sequence[int], limit: int = 8) -> str:
    """第 3、5、7 页 / pages 3, 5, 7 — translated, at most ``limit`` pages named."""
    separator = QCoreApplication.translate("Findings", ", ")  # 、 in Chinese
    shown = separator.join(str(p) for p in pages[:limit])
    more = len(pages) - limit
    if more > 0:
        return QCoreApplication.translate("Findings", "pages {pages} and {more} more").format(
            pages=shown, more=more
        )
    return QCoreApplication.translate("Findings", "pages {pages}").format(pages=shown)


class FindingsWidget(QWidget):
    """List of one case's findings, violations first; each with its pages and an "open at page" button."""

    #: The user wants to see the slides at this page (1-based).
    open_pdf_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsWidget")
        self.findings: list[StoredFinding] = []
        self.has_pdf = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("findingsSummary")
        self.summary_label.setWordWrap(True)
        self._layout.addWidget(self.summary_label)
        self._cards = QVBoxLayout()
        self._cards.setSpacing(8)
        self._layout.addLayout(self._cards)
        self.show_loading()

    def show_loading(self) -> None:
        self._clear()
        self.summary_label.setText(self.tr("Reading the findings…"))

    def show_findings(self, findings: Sequence[StoredFinding], has_pdf: bool = True) -> None:
        """Show ``findings`` (violations first); ``has_pdf`` enables the "open at page" buttons."""
        self._clear()
        self.findings = list(findings)
        self.has_pdf = has_pdf
        violations = sum(1 for f in findings if f.is_violation)
        warnings = len(findings) - violations
        if not findings:
            self.summary_label.setText(self.tr("No problems found: this case follows every checked rule."))
        elif violations:
            self.summary_label.setText(
                self.tr("{violations} rule(s) broken, {warnings} advisory note(s).").format(
                    violations=violations, warnings=warnings
                )
            )
        else:
            self.summary_label.setText(
                self.tr("No rule broken; {warnings} advisory note(s).").format(warnings=warnings)
            )
        for finding in self.findings:
            self._cards.addWidget(self._card(finding))

    def _clear(self) -> None:
        self.findings = []
        while self._cards.count():
            item = self._cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _card(self, finding: StoredFinding) -> QWidget:
        card = QFrame()
        card.setObjectName("findingCard")
        card.setProperty("severity", finding.severity)  # leitai.qss: #findingCard[severity="…"]
        grid = QGridLayout(card)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        icon = QLabel()
        icon.setPixmap(
            severity_icon("violation" if finding.is_violation else "warning", 16).pixmap(QSize(16, 16))
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(finding_name(finding.code))
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        name.setObjectName("findingName")
        message = QLabel(finding.message)
        message.setObjectName("findingMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(icon, 0, 0)
        grid.addWidget(name, 0, 1)
        grid.addWidget(message, 1, 1, 1, 2)
        pages = finding.pages
        if pages:
            where = QLabel(page_text(pages))
            where.setObjectName("findingPages")
            button = QPushButton(self.tr("Open at page {page}").format(page=pages[0]))
            button.setObjectName("openAtPage")
            button.setEnabled(self.has_pdf)
            button.setToolTip(
                self.tr("Open the slides at page {page}").format(page=pages[0])
                if self.has_pdf
                else self.tr("The slides of this case are not in the workspace.")
            )
            button.clicked.connect(lambda _=False, page=pages[0]: self.open_pdf_requested.emit(page))
            grid.addWidget(where, 2, 1)
            grid.addWidget(button, 2, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        return card


class PdfPageDialog(QDialog):
    """The case's slides in the judge's reader, opened at a page (a window of its own, non-modal)."""

    def __init__(self, path: Path, page: int, title: str, parent: QWidget | None = None) -> None:
        # Imported when a PDF is first opened here: the reader loads PyMuPDF, which the organizer's
        # table does not need (start-up speed, issue 8 item 12).
        from ui.viewer.reader_widget import ReaderWidget

        super().__init__(parent)
        self.setObjectName("pdfPageDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 760)
        self.page = page
        self.reader = ReaderWidget(parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reader)
        row = QHBoxLayout()
        row.setContentsMargins(12, 6, 12, 10)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        self.reader.document_loaded.connect(self._on_loaded)
        self.reader.open_pdf(path)

    def _on_loaded(self, count: int) -> None:
        # Let the view lay the pages out first, then jump.
        QTimer.singleShot(0, lambda: self.reader.view.go_to_page(max(0, min(self.page, count) - 1)))

    def done(self, result: int) -> None:
        self.reader.shutdown()
        super().done(result)

    def closeEvent(self, event: object) -> None:  # type: ignore[override]
        self.reader.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
