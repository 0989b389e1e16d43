# SPDX-License-Identifier: Apache-2.0
"""Questions the results view asks (each through ``ctx.prompter.ask(dialog, dialog.answer)``): record a
draw for the open ties, override an award with a reason, what to export and where, and the report of a
verification from the signed bundles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.glossary import language
from app.glossary.results import WORDS
from app.results.service import MAX_REASON
from app.results.verify import VerifyReport, problem_text
from app.results.votes import preview_votes
from ui.organizer.column_mapping import ColumnMappingWidget, MappedField
from ui.prompter import Prompter
from ui.style import set_state


def _buttons(dialog: QDialog, ok_text: str, name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel and an OK button named for what it does."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    ok = QPushButton(ok_text)
    ok.setObjectName(name)
    ok.setProperty("primary", True)
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("dialogHint")
    label.setWordWrap(True)
    return label


@dataclass(frozen=True)
class DrawRequest:
    """Draw lots with ``seed`` (None: a fresh random seed, recorded)."""

    seed: int | None


class DrawDialog(QDialog):
    """The ties still open, and the seed of the draw (optional): a recorded, checkable draw settles them."""

    def __init__(self, round_name: str, ties: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsDrawDialog")
        self.setWindowTitle(self.tr("Draw lots — {round}").format(round=round_name))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            _hint(
                self.tr(
                    "These cases are equal on every step of the tie-break chain. A draw orders each tie by "
                    "SHA-256 of “seed:case id”, so anyone can redo it; the seed and the order are recorded "
                    "in the audit log."
                )
            )
        )
        self.ties = QListWidget()
        self.ties.setObjectName("resultsTies")
        self.ties.addItems(list(ties))
        layout.addWidget(self.ties, 1)
        self.seed = QLineEdit()
        self.seed.setObjectName("resultsDrawSeed")
        self.seed.setValidator(QIntValidator(0, 2**31 - 1, self))
        self.seed.setPlaceholderText(self.tr("empty: a random seed"))
        form = QFormLayout()
        form.addRow(self.tr("Seed (e.g. read out in the hall)"), self.seed)
        layout.addLayout(form)
        buttons, self.ok = _buttons(self, self.tr("Draw lots"), "resultsDrawOk")
        layout.addWidget(buttons)

    def answer(self) -> DrawRequest:
        text = self.seed.text().strip()
        return DrawRequest(int(text) if text else None)


@dataclass(frozen=True)
class OverrideRequest:
    """Grant (``grant``) or withdraw ``award`` of ``subject`` (a case's code, or for a season award a
    hospital's name), with a reason."""

    subject: str
    award: str
    grant: bool
    reason: str


class OverrideDialog(QDialog):
    """Grant or withdraw an award of a case (or of a hospital, for a season award such as 最佳组织奖);
    the reason is required and shown in every export."""

    def __init__(
        self,
        round_name: str,
        subjects: Sequence[tuple[str, str]],
        awards: Sequence[tuple[str, str]],
        holders: dict[str, set[str]],
        selected: str | None = None,
        parent: QWidget | None = None,
        *,
        hospitals: bool = False,
    ) -> None:
        """``subjects``: (case code or hospital name, label); ``awards``: (key, name); ``holders``: award
        key → the subjects holding it; ``hospitals``: the subjects are hospitals."""
        super().__init__(parent)
        self.setObjectName("resultsOverrideDialog")
        self.setWindowTitle(self.tr("Override an award — {round}").format(round=round_name))
        self.setMinimumWidth(640)
        self._holders = holders
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            _hint(
                self.tr(
                    "The organizer's word on an award is final: the override is recorded in the audit log "
                    "and shown, with its reason, in the results, the workbook and the report."
                )
            )
        )
        self._hospitals = hospitals
        self.subject = QComboBox()
        self.subject.setObjectName("resultsOverrideSubject")
        for key, label in subjects:
            self.subject.addItem(label, key)
        if selected is not None:
            self.subject.setCurrentIndex(max(0, self.subject.findData(selected)))
        self.award = QComboBox()
        self.award.setObjectName("resultsOverrideAward")
        for key, name in awards:
            self.award.addItem(name, key)
        self.grant = QRadioButton(self.tr("Grant"))
        self.grant.setObjectName("resultsOverrideGrant")
        self.withdraw = QRadioButton(self.tr("Withdraw"))
        self.withdraw.setObjectName("resultsOverrideWithdraw")
        group = QButtonGroup(self)
        group.addButton(self.grant)
        group.addButton(self.withdraw)
        verbs = QHBoxLayout()
        verbs.addWidget(self.grant)
        verbs.addWidget(self.withdraw)
        verbs.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Hospital") if hospitals else self.tr("Case"), self.subject)
        form.addRow(self.tr("Award"), self.award)
        form.addRow(self.tr("Change"), verbs)
        layout.addLayout(form)
        self.held = QLabel()
        self.held.setObjectName("dialogHint")
        layout.addWidget(self.held)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("resultsOverrideReason")
        self.reason.setPlaceholderText(self.tr("Why? (required; shown in every export)"))
        self.reason.setMinimumHeight(110)
        layout.addWidget(self.reason, 1)
        buttons, self.ok = _buttons(self, self.tr("Record the override"), "resultsOverrideOk")
        layout.addWidget(buttons)
        self.subject.currentIndexChanged.connect(self._preset)
        self.award.currentIndexChanged.connect(self._preset)
        self.reason.textChanged.connect(self._update)
        group.buttonToggled.connect(self._update)
        self._preset()

    def _preset(self) -> None:
        """Withdraw what the case (hospital) holds, grant what it does not."""
        holds = self.subject.currentData() in self._holders.get(self.award.currentData(), set())
        (self.withdraw if holds else self.grant).setChecked(True)
        if self._hospitals:
            held = (
                self.tr("The hospital holds this award now.")
                if holds
                else self.tr("The hospital does not hold this award now.")
            )
        else:
            held = (
                self.tr("The case holds this award now.")
                if holds
                else self.tr("The case does not hold this award now.")
            )
        self.held.setText(held)
        self._update()

    def _update(self) -> None:
        text = self.reason.toPlainText().strip()
        self.ok.setEnabled(bool(text) and len(text) <= MAX_REASON and self.subject.currentData() is not None)

    def answer(self) -> OverrideRequest | None:
        reason = self.reason.toPlainText().strip()
        if not reason or self.subject.currentData() is None or self.award.currentData() is None:
            return None
        return OverrideRequest(
            self.subject.currentData(), self.award.currentData(), self.grant.isChecked(), reason
        )


@dataclass(frozen=True)
class ExportRequest:
    """The files to write (None: not this one)."""

    xlsx: Path | None
    pdf: Path | None
    certificates: Path | None


class ExportDialog(QDialog):
    """Where to write the round's workbook, PDF report and certificates (any of them)."""

    def __init__(self, prompter: Prompter, folder: Path, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsExportDialog")
        self.setWindowTitle(self.tr("Export the results"))
        self.setMinimumWidth(620)
        self._prompter = prompter
        self._stem = stem
        certificates = self.tr("certificates")  # the folder's name
        self._certificates = f"{stem}-{certificates}"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            _hint(
                self.tr(
                    "In Chinese, with the fonts embedded: a workbook with a sheet per group (each judge's "
                    "mark as 评委1…N), a PDF report with the method, the tables and the consistency chart, "
                    "and a certificate per award."
                )
            )
        )
        row = QHBoxLayout()
        self.folder = QLineEdit(str(folder))
        self.folder.setObjectName("resultsExportFolder")
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("resultsExportChoose")
        choose.clicked.connect(self._choose)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), row)
        layout.addLayout(form)
        self.xlsx = QCheckBox(self.tr("Workbook: {name}").format(name=f"{stem}.xlsx"))
        self.xlsx.setObjectName("resultsExportXlsx")
        self.pdf = QCheckBox(self.tr("PDF report: {name}").format(name=f"{stem}.pdf"))
        self.pdf.setObjectName("resultsExportPdf")
        self.certificates = QCheckBox(
            self.tr("Certificates: a PDF per award in {name}").format(
                name=f"{stem}-{self.tr('certificates')}"
            )
        )
        self.certificates.setObjectName("resultsExportCertificates")
        for box in (self.xlsx, self.pdf, self.certificates):
            box.setChecked(True)
            box.toggled.connect(self._update)
            layout.addWidget(box)
        buttons, self.ok = _buttons(self, self.tr("Export"), "resultsExportOk")
        layout.addWidget(buttons)
        self.folder.textChanged.connect(self._update)
        self._update()

    def _choose(self) -> None:
        path = self._prompter.choose_directory(self, self.tr("Export to which folder?"), self.folder.text())
        if path is not None:
            self.folder.setText(str(path))

    def _update(self) -> None:
        chosen = any(b.isChecked() for b in (self.xlsx, self.pdf, self.certificates))
        self.ok.setEnabled(chosen and bool(self.folder.text().strip()))

    def answer(self) -> ExportRequest | None:
        text = self.folder.text().strip()
        if not text:
            return None
        folder = Path(text)
        return ExportRequest(
            folder / f"{self._stem}.xlsx" if self.xlsx.isChecked() else None,
            folder / f"{self._stem}.pdf" if self.pdf.isChecked() else None,
            folder / self._certificates if self.certificates.isChecked() else None,
        )


class VerifyDialog(QDialog):
    """What a verification from the signed bundles found: all matches, or every difference by case."""

    def __init__(self, report: VerifyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsVerifyDialog")
        self.setWindowTitle(self.tr("Verification from the signed bundles"))
        self.setMinimumSize(680, 360)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        rounds = (", " if language() == "en" else "、").join(report.round_names or report.rounds) or "—"
        if report.ok:
            text = self.tr(
                "Recomputed every result from {bundles} signed bundles ({rounds}): everything matches."
            )
        else:
            text = self.tr(
                "Recomputed every result from {bundles} signed bundles ({rounds}): {n} differences, listed "
                "by case below. A difference no audited override explains means a stored score was changed."
            )
        self.summary = QLabel(text.format(bundles=report.bundles, rounds=rounds, n=len(report.problems)))
        self.summary.setObjectName("resultsVerifySummary")
        self.summary.setProperty("state", "ok" if report.ok else "error")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setObjectName("resultsVerifyProblems")
        self.problems.setWordWrap(True)
        self.problems.addItems([problem_text(p) for p in report.problems])
        self.problems.setVisible(not report.ok)
        layout.addWidget(self.problems, 1)
        if report.ok:
            layout.addStretch(1)  # the sentence stays at the top
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)

    def answer(self) -> bool:
        return True


@dataclass(frozen=True)
class VotesRequest:
    """Import the votes of ``path``, its columns as ``mapping`` (field → header)."""

    path: Path
    mapping: dict[str, str]


class VotesDialog(QDialog):
    """A votes sheet and which of its columns hold the case code and the votes (the intake's mapping step)."""

    def __init__(self, prompter: Prompter, start: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsVotesDialog")
        self.setWindowTitle(self.tr("Import public votes"))
        self.setMinimumWidth(700)
        self._prompter = prompter
        self._start = start
        self.path: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            _hint(
                self.tr(
                    "A sheet (.xlsx or .csv) with each case's code and its vote count. Votes never enter "
                    "the expert scores: they decide the public-vote awards. The import is recorded in the "
                    "audit log."
                )
            )
        )
        row = QHBoxLayout()
        self.file = QLineEdit()
        self.file.setObjectName("resultsVotesFile")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("Choose a sheet…"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("resultsVotesChoose")
        choose.clicked.connect(self._choose)
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.info = QLabel()
        self.info.setObjectName("dialogHint")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.columns = ColumnMappingWidget(
            [
                MappedField("case_id", WORDS["case_code"].text(), True),
                MappedField("votes", WORDS["votes"].text(), True),
            ]
        )
        self.columns.changed.connect(self._update)
        layout.addWidget(self.columns)
        buttons, self.ok = _buttons(self, self.tr("Import"), "resultsVotesOk")
        layout.addWidget(buttons)
        self._update()

    def _choose(self) -> None:
        title = self.tr("Import public votes")
        path = self._prompter.choose_file(self, title, self.tr("Sheets (*.xlsx *.csv)"), str(self._start))
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read the sheet's headers and pre-fill the columns the intake recognises."""
        self.file.setText(str(path))
        try:
            preview = preview_votes(path)
        except DomainError as exc:
            self.path = None
            self.info.setText(exc.text())
            set_state(self.info, "state", "error")
            self.columns.set_headers((), {})
        else:
            self.path = path
            self.info.setText(self.tr("{rows} rows in {name}.").format(rows=preview.rows, name=preview.name))
            set_state(self.info, "state", "")
            self.columns.set_headers(preview.headers, preview.mapping)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.path is not None and self.columns.is_complete())

    def answer(self) -> VotesRequest | None:
        if self.path is None or not self.columns.is_complete():
            return None
        return VotesRequest(self.path, self.columns.mapping())
