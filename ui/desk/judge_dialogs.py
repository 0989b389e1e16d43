# SPDX-License-Identifier: Apache-2.0
"""Questions the roster asks: a judge's details (new or edited), their declared conflicts, and a
drop-out's reason (with the passphrase that lets the affected packages be rebuilt at once)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.glossary.assignment import CONFLICT_KINDS, name
from app.judging.conflicts import ConflictRow
from app.judging.roster import JudgeEdit, JudgeRow, NewJudge
from ui.errors import show_error
from ui.settings import LAST_FOLDER
from ui.tasks import run_task

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost


class JudgeDialog(QDialog):
    """A judge's details: name, institution, province, phone, email and themes of expertise."""

    def __init__(
        self,
        themes: tuple[tuple[int, str], ...],
        provinces: tuple[str, ...],
        judge: JudgeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("judgeDialog")
        self.judge = judge
        self.setWindowTitle(
            self.tr("Edit judge {code}").format(code=judge.code) if judge else self.tr("New judge")
        )
        self.setMinimumWidth(560)
        self.name = QLineEdit(judge.name if judge else "")
        self.name.setObjectName("judgeName")
        self.institution = QLineEdit(judge.institution if judge else "")
        self.institution.setObjectName("judgeInstitution")
        self.province = QComboBox()
        self.province.setObjectName("judgeProvince")
        self.province.addItem(self.tr("(none)"), "")
        for p in provinces:
            self.province.addItem(p, p)
        self.province.setCurrentIndex(max(0, self.province.findData(judge.province if judge else "")))
        self.phone = QLineEdit(judge.phone if judge else "")
        self.phone.setObjectName("judgePhone")
        self.email = QLineEdit(judge.email if judge else "")
        self.email.setObjectName("judgeEmail")
        self.themes: dict[int, QCheckBox] = {}
        grid = QGridLayout()
        for i, (number, title) in enumerate(themes):
            box = QCheckBox(f"{number} · {title}")
            box.setObjectName(f"theme_{number}")
            box.setToolTip(title)
            box.setChecked(judge is not None and number in judge.expertise)
            self.themes[number] = box
            grid.addWidget(box, i // 2, i % 2)
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Institution"), self.institution)
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        hint = QLabel(
            self.tr(
                "A judge never scores cases of their own institution: it is matched against every "
                "hospital name and merged spelling."
            )
        )
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Themes of expertise")))
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def _expertise(self) -> tuple[int, ...]:
        return tuple(sorted(n for n, box in self.themes.items() if box.isChecked()))

    def new_judge(self) -> NewJudge:
        return NewJudge(
            name=self.name.text().strip(),
            institution=self.institution.text().strip(),
            province=self.province.currentData() or "",
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            expertise=self._expertise(),
        )

    def edit(self) -> JudgeEdit:
        new = self.new_judge()
        return JudgeEdit(new.name, new.institution, new.province, new.phone, new.email, new.expertise)


class ConflictsDialog(QDialog):
    """A judge's conflicts (recorded, found by institution, recused) with declare and withdraw; each
    change is written at once (and audited by the service)."""

    def __init__(self, desk: DeskHost, judge: JudgeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.desk = desk
        self.judge = judge
        self.changed = False
        self.setWindowTitle(self.tr("Conflicts of {code} {name}").format(code=judge.code, name=judge.name))
        self.setMinimumSize(560, 440)
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.hospital = QRadioButton(self.tr("Hospital"))
        self.hospital.setChecked(True)
        self.case = QRadioButton(self.tr("Case code"))
        self.target = QLineEdit()
        self.target.setObjectName("conflictTarget")
        self.target.setPlaceholderText(self.tr("Hospital name or case code"))
        self.reason = QLineEdit()
        self.reason.setObjectName("conflictReason")
        self.reason.setPlaceholderText(self.tr("Reason (e.g. worked there until 2021)"))
        declare = QPushButton(self.tr("Declare"))
        declare.setObjectName("declareConflict")
        declare.clicked.connect(self.declare)
        self.withdraw_button = QPushButton(self.tr("Withdraw selected"))
        self.withdraw_button.setObjectName("withdrawConflict")
        self.withdraw_button.clicked.connect(self.withdraw)
        kind = QHBoxLayout()
        kind.addWidget(self.hospital)
        kind.addWidget(self.case)
        kind.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Conflict with"), kind)
        form.addRow("", self.target)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(form)
        layout.addWidget(declare, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        ws = self.desk.workspace
        assert ws is not None
        listing, code = self.desk.services.list_conflicts, self.judge.code
        run_task(lambda _t: listing(ws, code), self._show, self._error, owner=self)

    def _show(self, rows: list[ConflictRow]) -> None:
        self.list.clear()
        for row in rows:
            what = row.hospital or row.case
            text = f"{name(CONFLICT_KINDS, row.kind)}：{what}" + (f"（{row.reason}）" if row.reason else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.id is None:  # found, not recorded: nothing to withdraw
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)

    def declare(self) -> None:
        ws, target = self.desk.workspace, self.target.text().strip()
        if ws is None or not target:
            return
        kw = {"hospital": target} if self.hospital.isChecked() else {"case": target}
        declare, code, reason = self.desk.services.declare_conflict, self.judge.code, self.reason.text()
        run_task(
            lambda _t: declare(ws, code, reason=reason, **kw),
            lambda _row: self._after(clear=True),
            self._error,
            owner=self,
            pool=self.desk.ctx.write_pool,
        )

    def withdraw(self) -> None:
        item = self.list.currentItem()
        ws = self.desk.workspace
        if item is None or ws is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        withdraw, code, cid = (
            self.desk.services.withdraw_conflict,
            self.judge.code,
            item.data(Qt.ItemDataRole.UserRole),
        )
        run_task(
            lambda _t: withdraw(ws, code, cid),
            lambda _r: self._after(),
            self._error,
            owner=self,
            pool=self.desk.ctx.write_pool,
        )

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc, self.windowTitle())

    def _after(self, clear: bool = False) -> None:
        self.changed = True
        if clear:
            self.target.clear()
            self.reason.clear()
        self.reload()


@dataclass(frozen=True)
class DropOutRequest:
    """What a drop-out needs: the reason, and where and with which passphrase to rebuild packages."""

    reason: str
    packages_dir: Path | None
    passphrase: str | None


class DropOutDialog(QDialog):
    """Why the judge drops out; optionally the folder and passphrase to rebuild the packages whose cases
    change (without them, the desk lists the judges who need a new package)."""

    def __init__(self, desk: DeskHost, judge: JudgeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropOutDialog")
        self.desk = desk
        self.setWindowTitle(self.tr("Drop out {code} {name}").format(code=judge.code, name=judge.name))
        self.setMinimumWidth(560)
        text = QLabel(
            self.tr(
                "The judge keeps the scores they submitted; their other cases go to the remaining judges "
                "(balanced, never a conflict), and the packages that change are built again."
            )
        )
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("dropReason")
        self.reason.setPlaceholderText(self.tr("e.g. ill, cannot judge this round"))
        self.folder = QLineEdit()
        self.folder.setObjectName("dropPackages")
        self.folder.setPlaceholderText(self.tr("Folder for the new packages (optional)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.passphrase = QLineEdit(desk.passphrase or "")
        self.passphrase.setObjectName("dropPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Reason *"), self.reason)
        form.addRow(self.tr("New packages"), folder_row)
        form.addRow(self.tr("Organizer passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Drop out"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _choose(self) -> None:
        path = self.desk.ctx.prompter.choose_directory(
            self, self.tr("Folder for the new packages"), self.desk.ctx.settings.get(LAST_FOLDER)
        )
        if path is not None:
            self.folder.setText(str(path))

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    def request(self) -> DropOutRequest:
        folder = self.folder.text().strip()
        passphrase = self.passphrase.text()
        rebuild = bool(folder and passphrase)
        return DropOutRequest(
            self.reason.text().strip(), Path(folder) if rebuild else None, passphrase if rebuild else None
        )
