# SPDX-License-Identifier: Apache-2.0
"""The desk's packages: build signed judge packages for all or some judges of the followed round
(progress and cancel), then hand out the access codes — one slip per judge (PDF) and a sheet the
organizer keeps (xlsx). A code exists only when its package is built, so the codes of this session's
builds stay listed until they are printed or saved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bundles.package import BuiltPackage
from app.glossary.terms import round_name
from app.judging.handout import codes_of
from ui.desk.desk_services import DeskSnapshot
from ui.desk.packages_model import BuiltModel, IssuedModel
from ui.settings import LAST_FOLDER

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost


@dataclass(frozen=True)
class BuildRequest:
    """Where to write the packages, the organizer's passphrase, and whether media stay outside."""

    out_dir: Path
    passphrase: str
    external_media: bool


class BuildDialog(QDialog):
    """Folder, passphrase (remembered for this session once it worked) and the media option."""

    def __init__(self, desk: DeskHost, judges: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buildDialog")
        self.desk = desk
        self.setWindowTitle(self.tr("Build packages for {count} judges").format(count=judges))
        self.setMinimumWidth(560)
        self.folder = QLineEdit()
        self.folder.setObjectName("buildFolder")
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.passphrase = QLineEdit(desk.passphrase or "")
        self.passphrase.setObjectName("buildPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.external = QCheckBox(
            self.tr("Keep videos and slides outside the packages (copied once to a media folder)")
        )
        self.external.setObjectName("buildExternal")
        note = QLabel(
            self.tr("Each package gets its own access code. Hand the codes over apart from the packages.")
        )
        note.setObjectName("dialogHint")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.tr("Organizer passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Build"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.folder, self.passphrase):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.external)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._update()

    def _choose(self) -> None:
        path = self.desk.ctx.prompter.choose_directory(
            self, self.tr("Folder for the packages"), self.desk.ctx.settings.get(LAST_FOLDER)
        )
        if path is not None:
            self.folder.setText(str(path))

    def _update(self) -> None:
        ok = bool(self.folder.text().strip() and self.passphrase.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> BuildRequest:
        return BuildRequest(
            Path(self.folder.text().strip()), self.passphrase.text(), self.external.isChecked()
        )


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PackagesTab(QWidget):
    """The round's judges and packages above; this session's access codes below."""

    def __init__(self, desk: DeskHost) -> None:
        super().__init__()
        self.setObjectName("deskPackages")
        self.desk = desk
        self.issued = IssuedModel(self)
        self.built = BuiltModel(self)
        self.table = _table("issuedTable")
        self.table.setModel(self.issued)
        self.codes_table = _table("codesTable")
        self.codes_table.setModel(self.built)

        self.build_picked = QPushButton(self.tr("Build for ticked judges…"))
        self.build_picked.setObjectName("buildPicked")
        self.build_picked.clicked.connect(lambda: self.build(all_judges=False))
        self.build_all = QPushButton(self.tr("Build for every judge…"))
        self.build_all.setObjectName("buildAll")
        self.build_all.setProperty("primary", True)
        self.build_all.clicked.connect(lambda: self.build(all_judges=True))
        tick_outdated = QPushButton(self.tr("Tick those to build again"))
        tick_outdated.setObjectName("tickOutdated")
        tick_outdated.clicked.connect(self.tick_outdated)
        tick_none = QPushButton(self.tr("Untick all"))
        tick_none.clicked.connect(lambda: self.issued.pick(set()))
        bar = QHBoxLayout()
        for widget in (self.build_all, self.build_picked):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(tick_outdated)
        bar.addWidget(tick_none)
        bar.addStretch(1)

        codes = QGroupBox(self.tr("Access codes of the packages built now"))
        codes.setObjectName("handoutBox")
        self.slips_button = QPushButton(self.tr("Print slips (PDF)…"))
        self.slips_button.setObjectName("saveSlips")
        self.slips_button.clicked.connect(self.save_slips)
        self.sheet_button = QPushButton(self.tr("Save codes (xlsx)…"))
        self.sheet_button.setObjectName("saveCodes")
        self.sheet_button.clicked.connect(self.save_sheet)
        warning = QLabel(
            self.tr(
                "The codes are shown only now, never stored: print the slips or save the sheet before you "
                "close the workspace. A lost code means building that judge's package again."
            )
        )
        warning.setObjectName("dialogHint")
        warning.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.slips_button)
        buttons.addWidget(self.sheet_button)
        buttons.addStretch(1)
        box = QVBoxLayout(codes)
        box.addWidget(self.codes_table, 1)
        box.addWidget(warning)
        box.addLayout(buttons)

        self.empty_hint = QLabel(
            self.tr("Nobody has cases in this round yet: assign it first (Assignment tab).")
        )
        self.empty_hint.setObjectName("dialogHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 3)
        layout.addWidget(codes, 2)
        self._update_buttons()

    def show_snapshot(self, snap: DeskSnapshot) -> None:
        self.issued.set_rows(snap.packages)
        self._update_buttons()

    def _update_buttons(self) -> None:
        have = bool(self.built.rows(self.desk.round_key))
        self.slips_button.setEnabled(have)
        self.sheet_button.setEnabled(have)
        self.build_all.setEnabled(bool(self.issued.rows()))
        self.build_picked.setEnabled(bool(self.issued.rows()))
        self.empty_hint.setVisible(not self.issued.rows())

    def tick_outdated(self) -> None:
        self.issued.pick({r.judge_id for r in self.issued.rows() if r.state != "current"})

    def add_built(self, built: list[BuiltPackage]) -> None:
        """Packages just built (here, or by a drop-out): their codes join the hand-out list."""
        self.built.add(built)
        self._update_buttons()

    # -- actions -----------------------------------------------------------------------------------

    def build(self, all_judges: bool) -> None:
        ws, key = self.desk.workspace, self.desk.round_key
        if ws is None or not key:
            return
        picked = None if all_judges else self.issued.picked()
        if picked == []:
            self.desk.message.emit(self.tr("Tick the judges whose packages to build."))
            return
        count = len(self.issued.rows()) if picked is None else len(picked)
        dialog = BuildDialog(self.desk, count, self)
        request = self.desk.ctx.prompter.ask(dialog, dialog.request)
        if request is None:
            return
        self.desk.ctx.settings.set(LAST_FOLDER, str(request.out_dir))
        service = self.desk.services.build_packages

        def done(built: list[BuiltPackage]) -> None:
            self.desk.passphrase = request.passphrase
            self.add_built(built)
            self.desk.message.emit(
                self.tr("{count} packages built in {folder}.").format(
                    count=len(built), folder=request.out_dir
                )
            )

        self.desk.run_write(
            lambda task: service(
                ws,
                key,
                picked,
                request.out_dir,
                request.passphrase,
                external_media=request.external_media,
                progress=task.progress,
                cancel=lambda: task.cancelled,
            ),
            done,
            title=self.tr("Build packages"),
            label=self.tr("Building {count} packages…").format(count=count),
        )

    def save_slips(self) -> None:
        self._save("pdf", self.tr("Print the access-code slips"), self.tr("PDF (*.pdf)"))

    def save_sheet(self) -> None:
        self._save("xlsx", self.tr("Save the access codes"), self.tr("Excel workbook (*.xlsx)"))

    def _save(self, kind: str, title: str, name_filter: str) -> None:
        ws, key = self.desk.workspace, self.desk.round_key
        built = self.built.rows(key)
        if ws is None or not built:
            return
        stem = self.tr("access-codes")
        start = str(Path(self.desk.ctx.settings.get(LAST_FOLDER) or Path.home()) / f"{stem}-{key}.{kind}")
        path = self.desk.ctx.prompter.choose_save_file(self, title, name_filter, start)
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        writer, codes = self.desk.services.write_handout, codes_of(built)
        target = {"pdf": path} if kind == "pdf" else {"xlsx": path}
        self.desk.run_write(
            lambda _t: writer(ws, key, codes, **target),
            lambda _batch: self.desk.message.emit(
                self.tr("{count} access codes of {round} written to {path}.").format(
                    count=len(codes), round=round_name(key, ws.rules.year), path=path
                )
            ),
            title=title,
        )
