# SPDX-License-Identifier: Apache-2.0
"""Import judges from a roster sheet (xlsx or csv): choose the file, check which column holds each
field — the same mapping step as the case import — then the desk enrols them through
``app.judging.judge_import`` (the one safe sheet reader: size, row and zip-bomb limits)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.judging.judge_import import ROSTER_FIELDS, RosterPreview
from ui.errors import error_message
from ui.organizer.column_mapping import ColumnMappingWidget, MappedField
from ui.settings import LAST_FOLDER
from ui.style import set_state
from ui.tasks import Task, run_task

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost


@dataclass(frozen=True)
class RosterRequest:
    """The sheet to import and which column holds each field (field → header)."""

    path: Path
    mapping: dict[str, str]


class RosterImportDialog(QDialog):
    """File, then the mapping step; ``request()`` gives what to import."""

    #: The sheet was read (or refused) and the mapping step shows it.
    previewed = Signal()

    def __init__(self, desk: DeskHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.desk = desk
        self.preview: RosterPreview | None = None
        self.path: Path | None = None
        self._task: Task[RosterPreview] | None = None
        self.setWindowTitle(self.tr("Import judges"))
        self.setMinimumWidth(680)
        labels = {
            "name": self.tr("Name"),
            "institution": self.tr("Institution"),
            "province": self.tr("Province"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "themes": self.tr("Themes of expertise"),
            "code": self.tr("Judge code"),
        }
        intro = QLabel(
            self.tr(
                "An .xlsx or .csv roster, one judge a row; a title row above the header is fine. "
                "Judges already enrolled (same name and institution, or same phone) are skipped."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("rosterPath")
        self.path_edit.setPlaceholderText(self.tr("Roster sheet"))
        self.path_edit.editingFinished.connect(self._on_edited)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseRoster")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.status = QLabel()
        self.status.setObjectName("rosterStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.columns = ColumnMappingWidget([MappedField(k, labels[k], req) for k, req in ROSTER_FIELDS])
        self.columns.changed.connect(self._update)
        self.columns.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.columns)
        layout.addWidget(self.buttons)
        self._update()

    def _choose(self) -> None:
        path = self.desk.ctx.prompter.choose_file(
            self,
            self.tr("Choose the roster"),
            self.tr("Sheets (*.xlsx *.csv *.txt)"),
            self.desk.ctx.settings.get(LAST_FOLDER),
        )
        if path is not None:
            self.set_path(path)

    def _on_edited(self) -> None:
        if self.path_edit.isModified():
            self.path_edit.setModified(False)
            self.set_path(Path(self.path_edit.text().strip()))

    def set_path(self, path: Path) -> None:
        """Read the sheet's header in the background and offer its columns."""
        self.path_edit.setText(str(path))
        self.path, self.preview = path, None
        self.columns.setEnabled(False)
        set_state(self.status, "state", "")
        self.status.setText(self.tr("Reading the sheet…"))
        self._update()
        preview = self.desk.services.preview_roster
        self._task = run_task(
            lambda _t: preview(path),
            lambda result: self._on_preview(path, result),
            lambda exc: self._on_failed(path, exc),
            owner=self,
        )

    def _on_preview(self, path: Path, preview: RosterPreview) -> None:
        if path != self.path:
            return
        self.preview = preview
        self.desk.ctx.settings.set(LAST_FOLDER, str(path.parent))
        self.columns.set_headers(preview.headers, preview.mapping)
        self.columns.setEnabled(True)
        text = self.tr(
            "Sheet <b>{sheet}</b>: {rows} rows; {known} of its {columns} columns recognised."
        ).format(
            sheet=html.escape(preview.sheet_name),
            rows=preview.rows,
            known=len(preview.mapping),
            columns=len(preview.headers),
        )
        if preview.missing:
            text += "<br>" + self.tr("Pick the column that holds each judge's name.")
        self.status.setText(text)
        self._update()
        self.previewed.emit()

    def _on_failed(self, path: Path, exc: BaseException) -> None:
        if path != self.path:
            return
        set_state(self.status, "state", "error")
        self.status.setText(html.escape(error_message(exc)))
        self._update()
        self.previewed.emit()

    def _update(self) -> None:
        ok = self.preview is not None and self.columns.is_complete()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> RosterRequest | None:
        if self.path is None or self.preview is None:
            return None
        return RosterRequest(self.path, self.columns.mapping())
