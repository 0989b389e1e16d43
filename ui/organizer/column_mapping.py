# SPDX-License-Identifier: Apache-2.0
"""The column-mapping step of every sheet import (cases, judges): which of the sheet's columns holds
each field, pre-filled with the columns recognised by their names. Required fields are starred; the
step is complete when each has a column and no column is used twice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget


@dataclass(frozen=True)
class MappedField:
    """A field the import understands: its key, its label as shown, whether it is required."""

    key: str
    label: str
    required: bool


class ColumnMappingWidget(QWidget):
    """Two columns of "field: [sheet column ▾]"; ``changed`` fires on every choice."""

    changed = Signal()

    def __init__(self, fields: Sequence[MappedField], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = tuple(fields)
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        for i, field in enumerate(self.fields):
            label = QLabel(field.label + (" *" if field.required else ""))
            combo = QComboBox()
            combo.setObjectName(f"map_{field.key}")
            combo.setMinimumWidth(220)
            combo.currentIndexChanged.connect(self.changed)
            label.setBuddy(combo)
            self.combos[field.key] = combo
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        self.note = QLabel(self.tr("* required"))
        self.note.setObjectName("dialogHint")
        grid.addWidget(self.note, (len(self.fields) + 1) // 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def set_headers(self, headers: Sequence[str], guessed: Mapping[str, str]) -> None:
        """Offer the sheet's ``headers`` in every choice, each set to its ``guessed`` column."""
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for header in headers:
                if header:
                    combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(key, ""))))
            combo.blockSignals(False)
        self.changed.emit()

    def set_column(self, key: str, header: str) -> None:
        """Pick ``header`` for the field ``key`` (what a user does with the choice)."""
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findData(header)))

    def mapping(self) -> dict[str, str]:
        """Field key → header, for every field given a column."""
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def is_complete(self) -> bool:
        chosen = self.mapping()
        required = all(chosen.get(f.key) for f in self.fields if f.required)
        return required and len(set(chosen.values())) == len(chosen)
