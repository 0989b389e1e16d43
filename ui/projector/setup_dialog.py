# SPDX-License-Identifier: Apache-2.0
"""Start a live session: resume one set up before, or set up a new one (group, judges, times, the draw)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.live import setup as live_setup
from app.workspace import Workspace
from ui.errors import show_error

#: The receiver's port unless the organizer picks another.
DEFAULT_PORT = 8765


def local_addresses() -> list[str]:
    """The laptop's IPv4 addresses, venue networks first, loopback last (where the receiver may listen)."""
    found = []
    for address in QNetworkInterface.allAddresses():
        if (
            address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
            and not address.isLoopback()
        ):
            found.append(address.toString())
    return [*sorted(set(found)), QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString()]


class LiveSetupDialog(QDialog):
    """Resume a session, or set one up; ``session_id``, ``bind`` and ``port`` hold the choice."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveSetupDialog")
        self.setWindowTitle(self.tr("Live session"))
        self._ws = ws
        self.session_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._resume_box())
        layout.addWidget(self._new_session_box())
        layout.addWidget(self._buttons())

        self.round.currentIndexChanged.connect(self._fill_groups)
        self.group.currentIndexChanged.connect(self._fill_judges)
        self.sessions.itemDoubleClicked.connect(lambda _item: self.accept())
        self._fill_groups()

    def _resume_box(self) -> QGroupBox:
        """The sessions set up before, to pick one and carry on (hidden when there are none)."""
        self.sessions = QListWidget(objectName="liveSessions")
        for sid, round_key, group, title in live_setup.list_sessions(self._ws):
            item = QListWidgetItem(self.tr("#{id}  {round}  group {group}  {title}").format(
                id=sid, round=round_key, group=group or "-", title=title))  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.sessions.addItem(item)
        resume = QGroupBox(self.tr("Resume a session"))
        QVBoxLayout(resume).addWidget(self.sessions)
        resume.setVisible(self.sessions.count() > 0)
        return resume

    def _new_session_box(self) -> QGroupBox:
        """The form of a new session: round, group, judges present, times, order, title, where to listen."""
        new = QGroupBox(self.tr("New session"))
        form = QFormLayout(new)
        self.round = QComboBox(objectName="liveRound")
        for key, name in live_setup.live_rounds(self._ws):
            self.round.addItem(name, key)
        self.group = QComboBox(objectName="liveGroup")
        self.judges = QListWidget(objectName="liveJudges")
        self.judges.setMaximumHeight(160)
        self.talk = QSpinBox(objectName="liveTalk", minimum=1, maximum=60, value=8, suffix=self.tr(" min"))
        self.questions = QSpinBox(
            objectName="liveQuestions", minimum=0, maximum=30, value=2, suffix=self.tr(" min")
        )
        self.warning = QSpinBox(
            objectName="liveWarning", minimum=0, maximum=600, value=60, suffix=self.tr(" s")
        )
        self.by_draw = QRadioButton(self.tr("Random draw"), checked=True)
        self.by_hand = QRadioButton(self.tr("Entered by hand"))
        self._order_kind = QButtonGroup(self)
        self._order_kind.addButton(self.by_draw)
        self._order_kind.addButton(self.by_hand)
        self.seed = QLineEdit(objectName="liveSeed", placeholderText=self.tr("blank: a fresh seed, recorded"))
        self.order = QLineEdit(
            objectName="liveOrder", placeholderText=self.tr("case codes in order, separated by commas")
        )
        self.title = QLineEdit(objectName="liveTitle")
        self.bind = QComboBox(objectName="liveBind")
        self.bind.addItems(local_addresses())
        self.port = QSpinBox(objectName="livePort", minimum=1024, maximum=65535, value=DEFAULT_PORT)
        times = QHBoxLayout()
        for w in (QLabel(self.tr("Talk")), self.talk, QLabel(self.tr("Questions")), self.questions,
                  QLabel(self.tr("Warning at")), self.warning):  # fmt: skip
            times.addWidget(w)
        draw = QHBoxLayout()
        draw.addWidget(self.by_draw)
        draw.addWidget(self.seed)
        hand = QHBoxLayout()
        hand.addWidget(self.by_hand)
        hand.addWidget(self.order)
        listen = QHBoxLayout()
        listen.addWidget(self.bind, 1)
        listen.addWidget(self.port)
        form.addRow(self.tr("Round"), self.round)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Judges present"), self.judges)
        form.addRow(self.tr("Time per case"), times)
        form.addRow(self.tr("Order"), draw)
        form.addRow("", hand)
        form.addRow(self.tr("Title on screen"), self.title)
        form.addRow(self.tr("Receive bundles on"), listen)
        return new

    def _buttons(self) -> QDialogButtonBox:
        """Start (resume the chosen session or create the new one) and Cancel."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    @property
    def bind_address(self) -> str:
        return self.bind.currentText()

    def _fill_groups(self) -> None:
        self.group.clear()
        key = self.round.currentData()
        if key is None:
            return
        for g in live_setup.group_choices(self._ws, key):
            self.group.addItem(
                self.tr("{name} ({n} cases)").format(name=g.name or self.tr("all cases"), n=g.cases), g.key
            )
        self._fill_judges()

    def _fill_judges(self) -> None:
        self.judges.clear()
        if self.round.currentData() is None or self.group.currentData() is None:
            return
        try:
            judges = live_setup.group_judges(self._ws, self.round.currentData(), self.group.currentData())
        except DomainError:
            return
        for code, name in judges:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked)
            self.judges.addItem(item)

    def setup(self) -> live_setup.LiveSetup:
        """The new session as entered (DomainError for a seed that is not a number)."""
        judges = tuple(
            self.judges.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.judges.count())
            if self.judges.item(i).checkState() == Qt.CheckState.Checked
        )
        seed: int | None = None
        order: tuple[str, ...] | None = None
        if self.by_hand.isChecked():
            order = tuple(c.strip() for c in self.order.text().replace("，", ",").split(",") if c.strip())
        elif self.seed.text().strip():
            if not self.seed.text().strip().isdigit():
                raise DomainError("live_bad_seed", seed=self.seed.text().strip())
            seed = int(self.seed.text().strip())
        warnings = (self.warning.value(), 0) if self.warning.value() else (0,)
        return live_setup.LiveSetup(
            round_key=self.round.currentData() or "",
            group=self.group.currentData() or "",
            judges=judges,
            talk_seconds=self.talk.value() * 60,
            questions_seconds=self.questions.value() * 60,
            warnings=warnings,
            seed=seed,
            order=order,
            title=self.title.text().strip(),
            bind=self.bind_address,
            port=self.port.value(),
        )

    def accept(self) -> None:
        chosen = self.sessions.currentItem()
        if chosen is not None and chosen.isSelected():
            self.session_id = int(chosen.data(Qt.ItemDataRole.UserRole))
            super().accept()
            return
        try:
            self.session_id = live_setup.create_session(self._ws, self.setup()).id
        except DomainError as exc:
            show_error(self, exc, self.tr("The session cannot start"))
            return
        super().accept()
