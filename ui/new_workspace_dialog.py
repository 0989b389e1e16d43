# SPDX-License-Identifier: Apache-2.0
"""Ask an organizer for what a new, real competition workspace needs (the GUI twin of ``leitai init``).

Season, competition name, a new or empty folder and the organizer passphrase (twice). OK is enabled
only when all of it is valid; what is wrong is said inline, under the field. The main window creates
the workspace (``Workspace.create``) off the GUI thread from the :class:`NewWorkspaceRequest`; it asks
through the prompter: ``ctx.prompter.ask(dialog, dialog.request)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bundles import MIN_PASSPHRASE
from app.seasons import available_seasons, load_season

#: ``(parent, title, start) -> folder or None``: how the "Choose…" button asks for a folder
#: (``Prompter.choose_directory``).
ChooseFolder = Callable[[QWidget, str, str], Path | None]


@dataclass(frozen=True)
class NewWorkspaceRequest:
    """What the organizer chose; ``Workspace.create(folder, season=, name=, passphrase=)`` makes it."""

    folder: Path
    season: int
    name: str
    passphrase: str


class NewWorkspaceDialog(QDialog):
    """The form; :meth:`request` is what it holds once :meth:`is_valid`."""

    def __init__(
        self, choose_folder: ChooseFolder | None = None, start: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newWorkspaceDialog")
        self.setWindowTitle(self.tr("New workspace"))
        self.setMinimumWidth(560)
        self._choose_folder_with = choose_folder
        self._start = start
        self._default_name = ""

        intro = QLabel(
            self.tr("Create an empty competition workspace for a season: cases, judges and scores go in it.")
        )
        intro.setWordWrap(True)

        form = self._build_form()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.passphrase_explain)
        layout.addWidget(self.buttons)

        self.season.currentIndexChanged.connect(self._on_season_changed)
        for field in (self.name, self.folder, self.passphrase, self.repeat):
            field.textChanged.connect(self._validate)
        self._on_season_changed()

    def _build_form(self) -> QFormLayout:
        """Season, name, folder and passphrase fields, each with the line saying what is wrong."""
        self.season = QComboBox()
        self.season.setObjectName("season")
        for year in reversed(available_seasons()):  # newest first, and the default
            title = load_season(year).title
            self.season.addItem(self.tr("{year} · {title}").format(year=year, title=title), year)
        self.name = QLineEdit()
        self.name.setObjectName("competitionName")

        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(self.tr("A new or empty folder"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setObjectName("chooseFolder")
        self.browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.folder_hint = QLabel()
        self.folder_hint.setObjectName("folderHint")
        self.folder_hint.setWordWrap(True)

        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("At least {n} characters").format(n=MIN_PASSPHRASE))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_hint = QLabel()
        self.passphrase_hint.setObjectName("passphraseHint")
        self.passphrase_hint.setWordWrap(True)
        explain = self.passphrase_explain = QLabel(
            self.tr(
                "The organizer passphrase protects the signature on every judge package and score bundle "
                "of this competition. Keep it safe: it cannot be recovered, and without it no new packages "
                "can be made."
            )
        )
        explain.setObjectName("passphraseExplain")  # quiet grey (leitai.qss)
        explain.setWordWrap(True)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Season"), self.season)
        form.addRow(self.tr("Competition name"), self.name)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.folder_hint)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat passphrase"), self.repeat)
        form.addRow("", self.passphrase_hint)
        return form

    # -- state ------------------------------------------------------------------------------------

    def _on_season_changed(self) -> None:
        """Follow the season's title in the name field unless the organizer typed their own."""
        year = self.season.currentData()
        title = load_season(year).title if year is not None else ""
        if not self.name.text().strip() or self.name.text() == self._default_name:
            self.name.setText(title)
        self._default_name = title
        self._validate()

    def _choose_folder(self) -> None:
        if self._choose_folder_with is None:
            return
        path = self._choose_folder_with(
            self, self.tr("Choose a folder for the new workspace"), self.folder.text() or self._start
        )
        if path is not None:
            self.folder.setText(str(path))

    def _folder_error(self) -> str | None:
        """Why the folder cannot hold a new workspace, or None if it can (new, or an empty folder)."""
        text = self.folder.text().strip()
        if not text:
            return self.tr("Choose a folder for the workspace.")
        path = Path(text).expanduser()
        if not path.is_absolute():
            return self.tr("Enter the folder's full path.")
        if path.exists():
            if not path.is_dir():
                return self.tr("This is a file, not a folder.")
            try:
                if any(path.iterdir()):
                    return self.tr("This folder is not empty: a new workspace needs a new or empty folder.")
            except OSError:
                return self.tr("This folder cannot be read.")
        return None

    def _passphrase_error(self) -> str | None:
        first, second = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE)
        if first != second:
            return self.tr("The two passphrases differ.")
        return None

    def _validate(self) -> None:
        folder_error = self._folder_error()
        # An empty field is not an error yet: say what is wrong only once something was typed.
        self._show(self.folder_hint, folder_error if self.folder.text().strip() else None)
        pass_error = self._passphrase_error()
        typed = bool(self.passphrase.text() or self.repeat.text())
        self._show(self.passphrase_hint, pass_error if typed else None)
        self.ok_button.setEnabled(self.is_valid())

    @staticmethod
    def _show(label: QLabel, error: str | None) -> None:
        """Say ``error`` under its field; the line stays (empty) when all is well, so the form keeps still."""
        label.setMinimumHeight(label.fontMetrics().height())
        label.setText(error or "")  # in the error colour: leitai.qss #folderHint, #passphraseHint

    def is_valid(self) -> bool:
        return (
            self.season.currentData() is not None
            and bool(self.name.text().strip())
            and self._folder_error() is None
            and self._passphrase_error() is None
        )

    def request(self) -> NewWorkspaceRequest | None:
        """What the form holds, or None while something is missing or wrong."""
        if not self.is_valid():
            return None
        return NewWorkspaceRequest(
            folder=Path(self.folder.text().strip()).expanduser(),
            season=int(self.season.currentData()),
            name=self.name.text().strip(),
            passphrase=self.passphrase.text(),
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._validate()  # the folder may have been emptied (or filled) in the file manager meanwhile

    def accept(self) -> None:
        if self.is_valid():  # Enter in a field must not get past a disabled OK
            super().accept()
