# SPDX-License-Identifier: Apache-2.0
"""The first-run guide on the start page: pick a role (organizer or judge), read four short steps, and
take the first one with a button. It only asks, like the start page: its buttons emit the start
page's own requests.

Not intrusive: a panel above the start page's cards, never a dialog; "Hide" puts it away for good
(``GUIDE_DISMISSED``), and so does taking a guide's last step (the judge's ends with their package open
at its first case). Help ▸ Getting started brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

#: The two roles the guide knows.
ORGANIZER = "organizer"
JUDGE = "judge"


class StartGuide(QFrame):
    """Role choice, then that role's steps and its first action."""

    #: The guide's last step was taken: the start page asks for this (``open_package``, …).
    action_requested = Signal(str)
    #: The user put the guide away ("Hide", or a last step taken).
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.role = ""
        self.title = QLabel(self.tr("New to Leitai? Choose your role for a short guided start."))
        self.title.setObjectName("guideTitle")
        self.title.setWordWrap(True)
        self.hide_button = QPushButton(self.tr("Hide"))
        self.hide_button.setObjectName("guideHide")
        self.hide_button.setAccessibleName(self.tr("Hide the guide"))
        self.hide_button.setToolTip(self.tr("Help ▸ Getting started shows it again"))
        self.hide_button.clicked.connect(self._on_hide)

        self.organizer_button = QPushButton(self.tr("I organize the competition"))
        self.organizer_button.setObjectName("guideOrganizer")
        self.judge_button = QPushButton(self.tr("I am a judge"))
        self.judge_button.setObjectName("guideJudge")
        self.organizer_button.clicked.connect(lambda: self.show_role(ORGANIZER))
        self.judge_button.clicked.connect(lambda: self.show_role(JUDGE))

        self.steps = QLabel()
        self.steps.setObjectName("guideSteps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.first_button = QPushButton()
        self.first_button.setObjectName("guideFirstAction")
        self.first_button.setProperty("primary", True)
        self.second_button = QPushButton()
        self.second_button.setObjectName("guideSecondAction")
        self.back_button = QPushButton(self.tr("Other role"))
        self.back_button.setObjectName("guideBack")
        self.back_button.setAccessibleName(self.tr("Back to the choice of role"))
        self.first_button.clicked.connect(lambda: self._take(str(self.first_button.property("action"))))
        self.second_button.clicked.connect(lambda: self._take(str(self.second_button.property("action"))))
        self.back_button.clicked.connect(self.show_roles)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        self.roles_row = QWidget()
        roles = QHBoxLayout(self.roles_row)
        roles.setContentsMargins(0, 0, 0, 0)
        roles.addWidget(self.organizer_button)
        roles.addWidget(self.judge_button)
        roles.addStretch(1)
        self.steps_box = QWidget()
        steps = QVBoxLayout(self.steps_box)
        steps.setContentsMargins(0, 0, 0, 0)
        steps.addWidget(self.steps)
        actions = QHBoxLayout()
        actions.addWidget(self.first_button)
        actions.addWidget(self.second_button)
        actions.addStretch(1)
        actions.addWidget(self.back_button)
        steps.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.roles_row)
        layout.addWidget(self.steps_box)
        self.show_roles()

    def show_roles(self) -> None:
        """The first view: which role are you?"""
        self.role = ""
        self.title.setText(self.tr("New to Leitai? Choose your role for a short guided start."))
        self.roles_row.show()
        self.steps_box.hide()

    def show_role(self, role: str) -> None:
        """That role's steps and its first action; the first action button takes the focus."""
        self.role = role
        if role == JUDGE:
            self.title.setText(self.tr("Judging on your own laptop, in four steps"))
            self.steps.setText(
                "\n".join(
                    (
                        self.tr(
                            "1. The organizer sends you a judge package (a .leitai-pkg file) and, "
                            "separately, your access code."
                        ),
                        self.tr(
                            "2. Open the package and type the access code. Compare the organizer key's "
                            "fingerprint with the one the organizer announced."
                        ),
                        self.tr(
                            "3. Read each case's slides (PgDown), watch its video, and score each "
                            "criterion (F2 jumps to the scores). Every score is saved as you type it."
                        ),
                        self.tr(
                            "4. Submit each case (Ctrl+Enter), then export your signed score bundle "
                            "(Ctrl+E) and give it to the organizer."
                        ),
                    )
                )
            )
            self._set_actions(
                (self.tr("Open my judge package…"), "open_package"),
                None,
            )
        else:
            self.title.setText(self.tr("Running a competition, in four steps"))
            self.steps.setText(
                "\n".join(
                    (
                        self.tr("1. Create a workspace for the season, or try the demo competition first."),
                        self.tr(
                            "2. Import the hospitals' submissions: every case is checked against the "
                            "season's notice."
                        ),
                        self.tr(
                            "3. Screen the cases, enrol the judges, assign them and build one signed "
                            "package per judge."
                        ),
                        self.tr("4. Merge the judges' score bundles, rank the cases and run the live final."),
                    )
                )
            )
            self._set_actions(
                (self.tr("New workspace…"), "new_workspace"), (self.tr("Try the demo…"), "create_demo")
            )
        self.roles_row.hide()
        self.steps_box.show()
        self.first_button.setFocus()

    def _set_actions(self, first: tuple[str, str], second: tuple[str, str] | None) -> None:
        self.first_button.setText(first[0])
        self.first_button.setProperty("action", first[1])
        self.second_button.setVisible(second is not None)
        if second is not None:
            self.second_button.setText(second[0])
            self.second_button.setProperty("action", second[1])

    def _take(self, action: str) -> None:
        """A last step taken: the guide has done its work and stays away from now on."""
        self.dismissed.emit()
        self.action_requested.emit(action)

    def _on_hide(self) -> None:
        self.dismissed.emit()
