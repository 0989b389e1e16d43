# SPDX-License-Identifier: Apache-2.0
"""Dialogs of screening: reject a case with a reason (templates from its findings, editable), and merge
two spellings of one hospital. Both are questions asked through the prompter
(``ctx.prompter.ask(dialog, dialog.reason)``); tests fill them through a fake prompter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.intake.screening import HospitalRow


class RejectDialog(QDialog):
    """Reason for rejecting a case: pick a template made from its findings, then edit it freely."""

    def __init__(
        self, code: str, title: str, templates: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject case {code}").format(code=code))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(f"<b>{code}</b>　{title}")
        heading.setObjectName("rejectHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        explain = QLabel(
            self.tr(
                "The hospital reads this reason in the rejections sheet. Start from a template and edit it."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("dialogHint")
        layout.addWidget(explain)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("reasonTemplates")
        self.template_combo.addItem(self.tr("Write a reason…"), "")
        for text in templates:
            shown = text if len(text) <= 70 else text[:69] + "…"
            self.template_combo.addItem(shown, text)
            self.template_combo.setItemData(
                self.template_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole
            )
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template_combo)
        layout.addLayout(form)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why is this case rejected?"))
        self.reason_edit.setMinimumHeight(140)
        layout.addWidget(self.reason_edit, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("confirmReject")
        self.buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.template_combo.currentIndexChanged.connect(self._on_template)
        self.reason_edit.textChanged.connect(self._update)
        if templates:
            self.template_combo.setCurrentIndex(1)
        self._update()

    def _on_template(self, index: int) -> None:
        text = self.template_combo.itemData(index)
        if text:
            self.reason_edit.setPlainText(text)

    def _update(self) -> None:
        self.reject_button.setEnabled(self.reason() is not None)

    def reason(self) -> str | None:
        """The reason typed (None while it is empty: a rejection needs one)."""
        return self.reason_edit.toPlainText().strip() or None


class MergeHospitalsDialog(QDialog):
    """Merge one hospital spelling into another: suggestions from the findings, or any two names."""

    def __init__(
        self,
        hospitals: Sequence[HospitalRow],
        suggestions: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeHospitalsDialog")
        self.setWindowTitle(self.tr("Merge hospital names"))
        self.setMinimumWidth(640)
        self._hospitals = {h.name: h for h in hospitals}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        hint = QLabel(
            self.tr(
                "The cases of the first name move to the second; the first is kept as another spelling, so "
                "later imports under it land on the same hospital. The change is recorded in the audit log."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("dialogHint")
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("Suggested by the checks:")))
        self.suggestion_list = QListWidget()
        self.suggestion_list.setObjectName("mergeSuggestions")
        for spelling, likely in suggestions:
            item = QListWidgetItem(f"{spelling}  →  {likely}")
            item.setData(Qt.ItemDataRole.UserRole, (spelling, likely))
            self.suggestion_list.addItem(item)
        if not suggestions:
            empty = QListWidgetItem(self.tr("No spelling differences found."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.suggestion_list.addItem(empty)
        self.suggestion_list.setMaximumHeight(150)
        layout.addWidget(self.suggestion_list)
        names = sorted(self._hospitals, key=lambda n: (self._hospitals[n].province, n))
        self.from_combo = self._combo(names, "mergeFrom")
        self.into_combo = self._combo(names, "mergeInto")
        form = QFormLayout()
        form.addRow(self.tr("Merge this name"), self.from_combo)
        form.addRow(self.tr("into"), self.into_combo)
        layout.addLayout(form)
        self.info_label = QLabel()
        self.info_label.setObjectName("dialogHint")
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("confirmMerge")
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.suggestion_list.currentItemChanged.connect(self._on_suggestion)
        # currentTextChanged, not currentIndexChanged: a name typed into the editable box counts too.
        self.from_combo.currentTextChanged.connect(self._update)
        self.into_combo.currentTextChanged.connect(self._update)
        if suggestions:
            self.suggestion_list.setCurrentRow(0)
        self._update()

    def _combo(self, names: Sequence[str], name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for n in names:
            h = self._hospitals[n]
            combo.addItem(n, n)
            combo.setItemData(combo.count() - 1, f"{h.province}", Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(-1)
        return combo

    def _on_suggestion(self, item: QListWidgetItem | None) -> None:
        pair = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if pair:
            self.from_combo.setCurrentIndex(self.from_combo.findData(pair[0]))
            self.into_combo.setCurrentIndex(self.into_combo.findData(pair[1]))

    def names(self) -> tuple[str, str] | None:
        """(the spelling merged away, the name kept), or None until two different known names are chosen."""
        merged, kept = self.from_combo.currentText().strip(), self.into_combo.currentText().strip()
        ok = merged != kept and merged in self._hospitals and kept in self._hospitals
        return (merged, kept) if ok else None

    def _update(self) -> None:
        names = self.names()
        ok = names is not None
        self.merge_button.setEnabled(ok)
        if names is not None:
            merged, kept = names
            a, b = self._hospitals[merged], self._hospitals[kept]
            self.info_label.setText(
                self.tr("{cases} case(s) of “{merged}” ({province}) will belong to “{kept}”.").format(
                    cases=a.cases, merged=merged, province=a.province or "?", kept=b.name
                )
            )
        else:
            self.info_label.setText(self.tr("Choose two different hospital names."))
