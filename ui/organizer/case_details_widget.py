# SPDX-License-Identifier: Apache-2.0
"""Details pane for the selected case: who, which theme, where it stands, and its files with hashes.

``show_case(row)`` fills it from a ``CaseRow``; ``show_case(None)`` shows the empty hint. Sections can
be appended below the files with :meth:`add_section` (e.g. intake findings, issue 3).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalog import CaseFileInfo, CaseRow
from app.glossary.terms import region_label, theme_label
from ui.i18n import mono_font, status_text


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName("detailValue")
    return label


class CaseDetailsWidget(QScrollArea):
    """Read-only details of one case; selectable text so codes and hashes can be copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetails")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.row: CaseRow | None = None

        body = QWidget()
        body.setObjectName("caseDetailsBody")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self._layout.setSpacing(12)

        self.empty_label = QLabel(self.tr("Select a case in the table to see its details."))
        self.empty_label.setObjectName("emptyHint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.empty_label)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(12)
        self.code_label = QLabel()
        self.code_label.setObjectName("detailCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label = _value_label()
        self.title_label.setObjectName("detailTitle")
        content.addWidget(self.code_label)
        content.addWidget(self.title_label)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("hospital", self.tr("Hospital")),
            ("province", self.tr("Province")),
            ("region", self.tr("Region")),
            ("theme", self.tr("Theme")),
            ("tier", self.tr("Tier")),
            ("category", self.tr("Category")),
            ("status", self.tr("Status")),
            ("votes", self.tr("Public votes")),
            ("submitted_at", self.tr("Submitted at")),
        ):
            value = _value_label()
            self.fields[key] = value
            name = QLabel(label)
            name.setObjectName("detailName")
            form.addRow(name, value)
        content.addLayout(form)
        self._form = form

        self.recommendation_heading = self._heading(self.tr("Recommendation"))
        self.recommendation = _value_label()
        content.addWidget(self.recommendation_heading)
        content.addWidget(self.recommendation)

        content.addWidget(self._heading(self.tr("Files")))
        self.files_box = QWidget()
        self._files_layout = QVBoxLayout(self.files_box)
        self._files_layout.setContentsMargins(0, 0, 0, 0)
        self._files_layout.setSpacing(10)
        content.addWidget(self.files_box)

        self._layout.addWidget(self.content)
        self._layout.addStretch(1)
        self.setWidget(body)
        self.show_case(None)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionHeading")
        return label

    def add_section(self, title: str, widget: QWidget) -> None:
        """Append a titled section under the files (for other areas' per-case information)."""
        layout = self.content.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self._heading(title))
        layout.addWidget(widget)

    def show_case(self, row: CaseRow | None) -> None:
        """Show ``row``'s details, or the hint when nothing is selected."""
        self.row = row
        self.empty_label.setVisible(row is None)
        self.content.setVisible(row is not None)
        if row is None:
            return
        locale = QLocale()
        self.code_label.setText(row.code)
        self.title_label.setText(row.title)
        status = status_text(row.status)
        if row.status_reason:
            status = self.tr("{status} — {reason}").format(status=status, reason=row.status_reason)
        theme = (
            f"{row.theme_number} · {row.theme_title}" if row.theme_number is not None else theme_label(None)
        )
        values = {
            "hospital": row.hospital,
            "province": row.province,
            "region": region_label(row.region) if row.region else "",
            "theme": theme,
            "tier": row.tier,
            "category": row.category,
            "status": status,
            "votes": locale.toString(row.votes) if row.votes is not None else "",
            "submitted_at": row.submitted_at.strftime("%Y-%m-%d %H:%M") if row.submitted_at else "",
        }
        dash = self.tr("—")
        for key, value in values.items():
            self.fields[key].setText(value or dash)
        # Categories exist only in some seasons (2020): no value, no row.
        self._form.setRowVisible(self.fields["category"], bool(row.category))
        self.recommendation.setText(row.recommendation or dash)
        self._show_files(row.files)

    def _show_files(self, files: tuple[CaseFileInfo, ...]) -> None:
        while self._files_layout.count():
            item = self._files_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not files:
            none = QLabel(self.tr("No files."))
            none.setObjectName("detailValue")
            self._files_layout.addWidget(none)
            return
        for info in files:
            self._files_layout.addWidget(self._file_widget(info))

    def _file_widget(self, info: CaseFileInfo) -> QWidget:
        kinds = {"pdf": self.tr("Slides (PDF)"), "video": self.tr("Video")}
        box = QFrame()
        box.setObjectName("fileCard")
        grid = QGridLayout(box)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        kind = QLabel(kinds.get(info.kind, info.kind))
        kind.setObjectName("fileKind")
        name = _value_label()
        name.setText(info.original_name)
        size = QLabel(
            QLocale().formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
        )
        size.setObjectName("fileSize")
        size.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Groups of eight so the 64 hex digits wrap in a narrow pane; the tooltip has them unbroken.
        grouped = " ".join(info.sha256[i : i + 8] for i in range(0, len(info.sha256), 8))
        digest = QLabel(f"SHA-256  {grouped}")
        digest.setObjectName("fileHash")
        digest.setFont(mono_font(8.5))
        digest.setWordWrap(True)
        digest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        digest.setToolTip(info.sha256)
        grid.addWidget(kind, 0, 0)
        grid.addWidget(size, 0, 1)
        grid.addWidget(name, 1, 0, 1, 2)
        grid.addWidget(digest, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return box
