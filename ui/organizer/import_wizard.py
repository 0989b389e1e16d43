# SPDX-License-Identifier: Apache-2.0
"""Import wizard: choose a submission folder or zip, map the sheet's columns if they differ, then watch
every file being checked and every case stored, with a cancel button.

The work runs through ``run_task`` on the context's write pool; the checks themselves run in the worker
processes of ``app.media`` (a hostile file cannot take the GUI down). Progress arrives per file.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.glossary.terms import finding_name
from app.intake import COLUMNS, Progress
from app.intake.importer import ImportResult, import_source
from app.intake.source import SheetPreview, preview_source
from app.workspace import Workspace
from ui.context import AppContext
from ui.errors import error_message
from ui.organizer.column_mapping import ColumnMappingWidget, MappedField
from ui.organizer.findings_widget import severity_icon
from ui.settings import LAST_FOLDER
from ui.style import set_state
from ui.tasks import Task, TaskContext, run_task

#: Keep the per-file list to this many lines (a 3,000-case import probes 6,000 files).
MAX_FILE_LINES = 2000


@dataclass
class ImportServices:
    """The ``app`` calls the wizard makes; tests may replace them."""

    preview: Callable[[Path], SheetPreview] = preview_source
    import_source: Callable[..., ImportResult] = import_source


class _ProgressBridge(QObject):
    """Carries ``app.intake.Progress`` events from the worker thread to the GUI thread (queued)."""

    progressed = Signal(object)


class SourcePage(QWizardPage):
    """Step 1: the folder or zip; its sheet is read at once to show what it holds."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("sourcePage")
        self.setTitle(self.tr("Choose the submissions"))
        self.setSubTitle(
            self.tr(
                "A folder, or a .zip of one, with cases.csv or cases.xlsx and the slides and videos it names."
            )
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("sourcePath")
        self.path_edit.setPlaceholderText(self.tr("Folder or .zip file"))
        self.path_edit.editingFinished.connect(self._on_path_edited)
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.setObjectName("chooseFolder")
        self.folder_button.clicked.connect(self._choose_folder)
        self.zip_button = QPushButton(self.tr("Choose zip…"))
        self.zip_button.setObjectName("chooseZip")
        self.zip_button.clicked.connect(self._choose_zip)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.folder_button)
        row.addWidget(self.zip_button)
        layout.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setObjectName("sourceStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.status_label)
        columns = QLabel(
            self.tr("Columns: {columns}. Unknown extra columns are kept with each case.").format(
                columns="、".join(c.header for c in COLUMNS)
            )
        )
        columns.setWordWrap(True)
        columns.setObjectName("dialogHint")
        layout.addWidget(columns)
        layout.addStretch(1)
        self._task: Task[SheetPreview] | None = None

    def _on_path_edited(self) -> None:
        # editingFinished also fires when the field merely loses focus (e.g. on "Next"): only a typed
        # change reads the sheet again.
        if self.path_edit.isModified():
            self.path_edit.setModified(False)
            self.set_source(Path(self.path_edit.text().strip()))

    def _choose_folder(self) -> None:
        start = self._wizard.ctx.settings.get(LAST_FOLDER)
        path = self._wizard.ctx.prompter.choose_directory(
            self, self.tr("Choose the submissions folder"), start
        )
        if path is not None:
            self.set_source(path)

    def _choose_zip(self) -> None:
        start = self._wizard.ctx.settings.get(LAST_FOLDER)
        path = self._wizard.ctx.prompter.choose_file(
            self, self.tr("Choose the submissions zip"), self.tr("Zip archives (*.zip)"), start
        )
        if path is not None:
            self.set_source(path)

    def set_source(self, path: Path) -> None:
        """Read the sheet of ``path`` in the background and show what it holds."""
        if not str(path) or str(path) == ".":
            return
        self.path_edit.setText(str(path))
        self._wizard.source = path
        self._wizard.preview = None
        set_state(self.status_label, "state", "")
        self.status_label.setText(self.tr("Reading the sheet…"))
        self.completeChanged.emit()
        preview = self._wizard.services.preview
        self._task = run_task(
            lambda _t: preview(path),
            lambda result: self._on_preview(path, result),
            lambda exc: self._on_failed(path, exc),
            owner=self,
        )

    def _on_preview(self, path: Path, preview: SheetPreview) -> None:
        if self._wizard.source != path:
            return
        self._wizard.preview = preview
        self._wizard.ctx.settings.set(LAST_FOLDER, str(path.parent))
        text = self.tr(
            "Sheet <b>{sheet}</b>: {rows} case rows, {known} of its {columns} columns recognised."
        ).format(
            sheet=preview.sheet_name,
            rows=preview.rows,
            known=len(preview.mapping),
            columns=len(preview.headers),
        )
        if preview.missing:
            labels = "、".join(c.label for c in COLUMNS if c.key in preview.missing)
            text += "<br>" + self.tr("Not found: {columns}. The next step lets you pick them.").format(
                columns=labels
            )
        set_state(self.status_label, "state", "")
        self.status_label.setText(text)
        self.completeChanged.emit()

    def _on_failed(self, path: Path, exc: BaseException) -> None:
        if self._wizard.source != path:
            return
        set_state(self.status_label, "state", "error")  # leitai.qss: QLabel[state="error"]
        self.status_label.setText(html.escape(error_message(exc)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.preview is not None

    def nextId(self) -> int:
        preview = self._wizard.preview
        return (
            ImportWizard.PAGE_MAPPING if preview is not None and preview.missing else ImportWizard.PAGE_IMPORT
        )


class MappingPage(QWizardPage):
    """Step 2 (only when needed): which of the sheet's columns holds each field."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("mappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("The sheet names some columns differently. Pick the column for each field."))
        self.columns = ColumnMappingWidget([MappedField(c.key, c.label, c.required) for c in COLUMNS])
        self.columns.changed.connect(self.completeChanged)
        self.combos = self.columns.combos
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)
        layout.addStretch(1)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.columns.set_headers(preview.headers, preview.mapping)

    def mapping(self) -> dict[str, str]:
        return self.columns.mapping()

    def isComplete(self) -> bool:
        return self.columns.is_complete()


class ImportPage(QWizardPage):
    """Step 3: the import itself — every file checked, every case stored — then what it found."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("importPage")
        self.setTitle(self.tr("Checking and importing"))
        self.setSubTitle(
            self.tr("Every file is checked against the season's rules, then stored in the workspace.")
        )
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("importPhase")
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setTextVisible(True)
        self.file_list = QListWidget()
        self.file_list.setObjectName("importFiles")
        self.file_list.setUniformItemSizes(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        layout.addWidget(self.phase_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.file_list, 1)
        layout.addWidget(self.result_label)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.file_list.clear()
        self.result_label.hide()
        self.bar.setRange(0, 0)
        self.phase_label.setText(self.tr("Starting the checks…"))
        self._wizard.start_import()

    def on_progress(self, p: Progress) -> None:
        self.bar.setRange(0, max(p.total, 1))
        self.bar.setValue(p.done)
        if p.phase == "check":
            self.phase_label.setText(
                self.tr("Checking files: {done} of {total}").format(done=p.done, total=p.total)
            )
            if p.name:
                self._add_line(self.tr("✓ checked {name}").format(name=p.name))
        else:
            self.phase_label.setText(
                self.tr("Storing cases in the workspace: {done} of {total}").format(
                    done=p.done, total=p.total
                )
            )
            if p.name and p.done == p.total:
                self._add_line(self.tr("✓ {total} cases stored").format(total=p.total))

    def _add_line(self, text: str) -> None:
        if self.file_list.count() >= MAX_FILE_LINES:
            self.file_list.takeItem(0)
        self.file_list.addItem(QListWidgetItem(text))
        self.file_list.scrollToBottom()

    def show_result(self, result: ImportResult) -> None:
        self.done = True
        s = result.report.summary()
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.phase_label.setText(self.tr("Import finished."))
        problems = s["cases"] - s["clean"]
        lines = [
            self.tr("{cases} cases: {added} new, {resubmitted} resubmitted, {unchanged} unchanged.").format(
                cases=s["cases"],
                added=len(result.added),
                resubmitted=len(result.resubmitted),
                unchanged=len(result.unchanged),
            ),
            self.tr("{clean} cases follow every rule; {problems} have problems to screen.").format(
                clean=s["clean"], problems=problems
            ),
        ]
        by_code: Mapping[str, int] = s["by_code"]
        if by_code:
            lines.append(
                "；".join(
                    f"{finding_name(code)} {count}"
                    for code, count in sorted(by_code.items(), key=lambda kv: -kv[1])
                )
            )
        for problem in result.report.problems:
            lines.append("⚠ " + problem.message)
        self.result_label.setText("<br>".join(lines))
        self.result_label.show()
        icon = severity_icon("violation" if problems else "clean", 16)
        item = QListWidgetItem(icon, self.tr("Done: {cases} cases").format(cases=s["cases"]))
        self.file_list.addItem(item)
        self.file_list.scrollToBottom()
        self.completeChanged.emit()

    def show_stopped(self, text: str) -> None:
        self.done = True
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.phase_label.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """The three steps of an import; ``imported(ImportResult)`` fires when cases were stored."""

    PAGE_SOURCE, PAGE_MAPPING, PAGE_IMPORT = range(3)

    imported = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        workspace: Workspace,
        parent: QWidget | None = None,
        services: ImportServices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.ctx = ctx
        self.workspace = workspace
        self.services = services or ImportServices()
        self.source: Path | None = None
        self.preview: SheetPreview | None = None
        self.result: ImportResult | None = None
        self.task: Task[ImportResult] | None = None
        self._closing = False
        self._bridge = _ProgressBridge(self)
        self.setWindowTitle(self.tr("Import cases"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setMinimumSize(820, 600)
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.import_page = ImportPage(self)
        self.setPage(self.PAGE_SOURCE, self.source_page)
        self.setPage(self.PAGE_MAPPING, self.mapping_page)
        self.setPage(self.PAGE_IMPORT, self.import_page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self._bridge.progressed.connect(self.import_page.on_progress)

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def mapping(self) -> dict[str, str] | None:
        """The column mapping to use: the user's when the mapping step was shown, else the sheet's own."""
        if self.preview is not None and self.preview.missing:
            return self.mapping_page.mapping()
        return None

    def start_import(self) -> None:
        assert self.source is not None
        source, mapping, ws = self.source, self.mapping(), self.workspace
        importer = self.services.import_source
        emit = self._bridge.progressed.emit

        def work(task: TaskContext) -> ImportResult:
            return importer(ws, source, mapping=mapping, progress=emit, cancelled=lambda: task.cancelled)

        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.task = run_task(
            work,
            self._on_done,
            self._on_failed,
            on_cancelled=self._on_cancelled,
            owner=self,
            pool=self.ctx.write_pool,
        )

    def _on_done(self, result: ImportResult) -> None:
        self.result = result
        self.import_page.show_result(result)
        self.button(QWizard.WizardButton.CancelButton).hide()  # nothing left to cancel: Finish closes
        self.imported.emit(result)
        if self._closing:
            super().reject()

    def _on_failed(self, exc: BaseException) -> None:
        self.import_page.show_stopped(
            self.tr("The import stopped: {reason}").format(reason=error_message(exc))
        )
        if self._closing:
            super().reject()

    def _on_cancelled(self) -> None:
        self.import_page.show_stopped(
            self.tr("Import cancelled. Cases stored before the cancel stay; importing again continues.")
        )
        if self._closing:
            super().reject()

    def reject(self) -> None:
        """Cancel: stop a running import first (the dialog closes once the workers have stopped)."""
        if self.running:
            assert self.task is not None
            self._closing = True
            self.task.cancel()
            self.import_page.phase_label.setText(self.tr("Cancelling…"))
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
