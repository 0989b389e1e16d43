# SPDX-License-Identifier: Apache-2.0
"""The operator's console on the organizer's laptop: drives the projector and watches the bundles arrive.

Left, the scenes as thumbnails (click one to show it); in the middle, a live preview of the projector
with the moves under it (previous / next, the clock, slides, the ranking, the award reveal); right, where
judges send their bundles (address and QR code), the watched folder, and the log of every bundle that
arrived with what the merge made of it. In stealth the preview, the thumbnails and the log keep the
winners off this screen until the hall has seen them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.glossary.live import SCENES, arrival_name
from app.live import setup as live_setup
from app.live.arrivals import Arrival, Arrivals
from app.live.scenes import SCENES as SCENE_KEYS
from app.live.show import LiveShow
from app.workspace import Workspace
from ui.errors import show_error
from ui.projector.canvas import ProjectorCanvas
from ui.projector.live_model import LiveModel
from ui.projector.projector_window import ProjectorWindow
from ui.projector.qr import qr_image
from ui.prompter import Prompter

THUMB = QSize(224, 126)
QR_PX = 220


class AspectBox(QWidget):
    """Keeps one child at 16:9, centred, as large as fits (the projector's shape, without letterbox bands)."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, _event: QResizeEvent) -> None:
        w = min(self.width(), self.height() * 16 // 9)
        h = w * 9 // 16
        self.child.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)


class LiveConsoleWindow(QMainWindow):
    """The console of one live session; opens the projector window on the chosen screen."""

    def __init__(
        self, ws: Workspace, session_id: int, parent: QWidget | None = None, prompter: Prompter | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveConsole")
        self._ws = ws
        self._prompter = prompter or Prompter()
        self._watched: Path | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.model = LiveModel(LiveShow(ws, session_id), Arrivals(ws), self)
        info = self.model.show.info
        self.setWindowTitle(
            self.tr("Live session — {round} {group}").format(round=info.round_name, group=info.group_name)
        )
        self.projector: ProjectorWindow | None = None
        self.preview = ProjectorCanvas(self.model, console=True)
        self._banner = self._load_banner()
        self.preview.set_banner(self._banner)
        self.preview.setMinimumSize(480, 270)
        central = QWidget()
        grid = QHBoxLayout(central)
        grid.addWidget(self._thumbnails(), 0)
        grid.addLayout(self._stage(), 1)
        grid.addWidget(self._arrivals_panel(), 0)
        self.setCentralWidget(central)
        self.model.changed.connect(self._on_changed)
        self.model.arrived.connect(self._on_arrived)
        self.model.refused.connect(self._on_refused)
        self.model.receiver_changed.connect(self._show_address)
        for key, move in (("Right", "next"), ("PgDown", "next"), ("Left", "previous"), ("PgUp", "previous")):
            QShortcut(QKeySequence(key), self, lambda move=move: self.model.act(move))
        QShortcut(QKeySequence("Space"), self, self._toggle_clock)
        for arrival in self.model.arrivals.log():
            self._on_arrived(arrival)
        self._on_changed()
        self._show_address()

    # --- layout ------------------------------------------------------------------------------------

    def _thumbnails(self) -> QWidget:
        self.scenes = QListWidget(objectName="sceneThumbnails")
        self.scenes.setViewMode(QListWidget.ViewMode.IconMode)
        self.scenes.setFlow(QListWidget.Flow.TopToBottom)
        self.scenes.setWrapping(False)
        self.scenes.setMovement(QListWidget.Movement.Static)
        self.scenes.setIconSize(THUMB)
        self.scenes.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 44))
        self.scenes.setFixedWidth(THUMB.width() + 44)
        for key in SCENE_KEYS:
            item = QListWidgetItem(SCENES[key].text())
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.scenes.addItem(item)
        self.scenes.itemClicked.connect(self._on_scene_clicked)
        return self.scenes

    def _button(self, text: str, slot: object, name: str, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, objectName=name, checkable=checkable)
        button.clicked.connect(slot)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def _stage(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.status = QLabel(objectName="liveStatus")
        column.addWidget(self.status)
        column.addWidget(AspectBox(self.preview), 1)
        moves = QGridLayout()
        self.previous_button = self._button(
            self.tr("◀ Previous"), lambda: self.model.act("previous"), "livePrevious"
        )
        self.next_button = self._button(self.tr("Next ▶"), lambda: self.model.act("next"), "liveNext")
        self.next_button.setProperty("primary", True)
        self.clock_button = self._button(self.tr("Start clock"), self._toggle_clock, "liveClock")
        self.reset_button = self._button(
            self.tr("Reset clock"), lambda: self.model.act("reset_timer"), "liveReset"
        )
        self.phase_button = self._button(
            self.tr("Questions"), lambda: self.model.act("next_phase"), "livePhase"
        )
        self.slides_button = self._button(self.tr("Show slides"), self._toggle_slides, "liveSlides", True)
        self.page_up = self._button(self.tr("Page ↑"), lambda: self._page(-1), "livePageUp")
        self.page_down = self._button(self.tr("Page ↓"), lambda: self._page(1), "livePageDown")
        self.ranking_button = self._button(self.tr("Show ranking"), self._toggle_ranking, "liveRanking", True)
        self.reveal_button = self._button(
            self.tr("Reveal next award"), lambda: self.model.act("reveal_next"), "liveReveal"
        )
        row0 = (
            self.previous_button,
            self.next_button,
            self.clock_button,
            self.reset_button,
            self.phase_button,
        )
        row1 = (self.slides_button, self.page_up, self.page_down, self.ranking_button, self.reveal_button)
        for col, (a, b) in enumerate(zip(row0, row1, strict=True)):
            moves.addWidget(a, 0, col)
            moves.addWidget(b, 1, col)
        column.addLayout(moves)
        return column

    def _arrivals_panel(self) -> QWidget:
        panel = QWidget(objectName="liveSide")
        panel.setFixedWidth(420)
        column = QVBoxLayout(panel)
        screen_box = QGroupBox(self.tr("Projector"))
        screen_row = QHBoxLayout(screen_box)
        self.screen_choice = QComboBox(objectName="liveScreen")
        for i, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            self.screen_choice.addItem(f"{i + 1}: {screen.name()} {size.width()}×{size.height()}", i)
        self.screen_choice.setCurrentIndex(self.screen_choice.count() - 1)  # usually the projector
        self.projector_button = self._button(
            self.tr("Open projector"), self._toggle_projector, "liveProjector"
        )
        screen_row.addWidget(self.screen_choice, 1)
        screen_row.addWidget(self.projector_button)
        column.addWidget(screen_box)
        self.stealth = QCheckBox(self.tr("Stealth: keep winners off this screen"), objectName="liveStealth")
        self.stealth.setChecked(self.model.show.snapshot().stealth)
        self.stealth.toggled.connect(lambda on: self.model.act("set_stealth", on))
        column.addWidget(self.stealth)

        receive = QGroupBox(self.tr("Judges send their scores to"))
        rbox = QVBoxLayout(receive)
        self.address = QLabel(
            objectName="liveAddress", textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.address.setWordWrap(True)
        self.qr = QLabel(objectName="liveQr", alignment=Qt.AlignmentFlag.AlignCenter)
        rbox.addWidget(self.address)
        rbox.addWidget(self.qr)
        self.watch_button = self._button(
            self.tr("Also merge from a folder…"), self._choose_folder, "liveWatch"
        )
        rbox.addWidget(self.watch_button)
        column.addWidget(receive)
        self.banner_button = self._button(self.tr("Banner image…"), self._choose_banner, "liveBanner")
        column.addWidget(self.banner_button)

        column.addWidget(QLabel(self.tr("Arrived bundles"), objectName="sectionHeading"))
        self.log = QTableWidget(0, 3, objectName="liveLog")
        self.log.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Judge"), self.tr("Outcome")])
        self.log.verticalHeader().setVisible(False)
        self.log.horizontalHeader().setStretchLastSection(True)
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        column.addWidget(self.log, 1)
        return panel

    # --- reacting ----------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        snap = self.model.console()
        for i in range(self.scenes.count()):
            item = self.scenes.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setIcon(QIcon(self.preview.render_pixmap(THUMB, key, snap)))
            item.setSelected(key == snap.scene)
        self.clock_button.setText(self.tr("Pause clock") if snap.timer.running else self.tr("Start clock"))
        self.slides_button.setChecked(snap.show_slides)
        self.ranking_button.setChecked(snap.scene == "ranking" and snap.stage_scene != "ranking")
        self.phase_button.setEnabled(not snap.timer.last_phase)
        self.reveal_button.setEnabled(snap.stage_scene == "awards" and snap.reveal_step < snap.reveal_steps)
        case = snap.case
        where = (
            self.tr("Case {n} of {total}: {hospital}").format(
                n=snap.position + 1, total=len(snap.order), hospital=case.hospital
            )
            if case
            else ""
        )
        self.status.setText(f"{SCENES[snap.scene].text()}　{where}")

    def _on_arrived(self, arrival: Arrival) -> None:
        self.log.insertRow(0)
        who = arrival.judge or arrival.sender
        cells = (arrival.at.astimezone().strftime("%H:%M:%S"), who, arrival_name(arrival.code))
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, arrival.code)
            self.log.setItem(0, col, item)
        why = arrival.why.text() if arrival.why is not None else ""  # in the interface's language
        self.log.item(0, 2).setData(Qt.ItemDataRole.AccessibleTextRole, f"{cells[2]} {why}".strip())
        self.log.item(0, 2).setToolTip(f"{arrival.sender}\n{why}".strip())
        if not arrival.changed and arrival.code not in ("duplicate", "superseded"):
            for col in range(3):
                self.log.item(0, col).setData(
                    Qt.ItemDataRole.ForegroundRole, self.palette().placeholderText()
                )

    def _on_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _show_address(self) -> None:
        receiver = self.model.receiver
        if receiver is None:
            self.address.setText(self.tr("Not receiving over the network."))
            self.qr.clear()
            return
        self.address.setText(receiver.url)
        self.qr.setPixmap(QPixmap.fromImage(qr_image(receiver.url, QR_PX)))

    # --- moves -------------------------------------------------------------------------------------

    def _on_scene_clicked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == "ranking":
            self.model.act("show_ranking", True)
        else:
            self.model.act("go", key)

    def _toggle_clock(self) -> None:
        self.model.act("pause_timer" if self.model.show.timer.running else "start_timer")

    def _toggle_slides(self) -> None:
        self.model.act("show_slides", not self.model.console().show_slides)

    def _toggle_ranking(self) -> None:
        snap = self.model.console()
        self.model.act("show_ranking", not (snap.scene == "ranking" and snap.stage_scene != "ranking"))

    def _page(self, delta: int) -> None:
        pages = self.projector.canvas.slide_pages() if self.projector is not None else 0
        self.model.act("page", delta, pages or 1000)

    def _toggle_projector(self) -> None:
        if self.projector is not None:
            self.projector.shutdown()
            self.projector = None
            self.projector_button.setText(self.tr("Open projector"))
            return
        self.open_projector(self.screen_choice.currentData())

    def open_projector(self, screen_index: int | None = None) -> ProjectorWindow:
        """Open the hall's window full screen on screen ``screen_index`` (default: the last screen)."""
        screens = QGuiApplication.screens()
        index = len(screens) - 1 if screen_index is None else screen_index
        self.projector = ProjectorWindow(self.model)
        self.projector.canvas.set_banner(self._banner)
        self.projector.show_on(screens[index] if 0 <= index < len(screens) else None)
        self.projector_button.setText(self.tr("Close projector"))
        return self.projector

    def start_receiving(self, bind: str, port: int) -> None:
        try:
            self.model.start_receiver(bind, port)
        except OSError as exc:
            show_error(
                self,
                DomainError("live_cannot_listen", address=f"{bind}:{port}", reason=exc.strerror or str(exc)),
            )

    def watch_folder(self, folder: Path | None) -> None:
        """Merge every bundle that lands in ``folder`` too (a USB stick, a share); None stops."""
        self.model.watch_folder(folder)
        self._watched = folder
        self.watch_button.setText(
            self.tr("Watching {folder} (click to stop)").format(folder=folder.name)
            if folder is not None
            else self.tr("Also merge from a folder…")
        )

    def _choose_folder(self) -> None:
        if self._watched is not None:
            self.watch_folder(None)
            return
        folder = self._prompter.choose_directory(self, self.tr("Folder where judges' bundles arrive"))
        if folder is not None:
            self.watch_folder(folder)

    def _load_banner(self) -> QImage | None:
        path = live_setup.banner_path(self._ws)
        image = QImage(str(path)) if path is not None else None
        return image if image is not None and not image.isNull() else None

    def _choose_banner(self) -> None:
        image = self._prompter.choose_file(
            self, self.tr("Banner image for the projector"), self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if image is None:
            return
        try:
            live_setup.set_banner(self._ws, image)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._banner = self._load_banner()
        self.preview.set_banner(self._banner)
        if self.projector is not None:
            self.projector.canvas.set_banner(self._banner)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.projector is not None:
            self.projector.shutdown()
            self.projector = None
        self.preview.close_slides()
        self.model.close()
        super().closeEvent(event)
