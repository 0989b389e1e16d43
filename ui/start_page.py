# SPDX-License-Identifier: Apache-2.0
"""The page the main window opens on: open or create a workspace, open a judge package, a demo, recents.

It only asks; the main window does the work (it connects to the ``*_requested`` signals). A judge
package dropped on the page is handed on as ``package_dropped`` (the judge's page is built only then).
Above the four ways in, the first-run guide (``ui/start_guide.py``) until it is put away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.settings import GUIDE_DISMISSED, Settings
from ui.start_guide import StartGuide

#: How many recent workspaces the list shows before it scrolls.
RECENT_ROWS_SHOWN = 6
#: Item role holding a recent workspace's full path.
PathRole = Qt.ItemDataRole.UserRole + 1


class RecentItemDelegate(QStyledItemDelegate):
    """Draws a recent workspace as its folder name in bold over its full path in grey."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, line * 2 + 18)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        path = str(index.data(PathRole) or "")
        name = Path(path).name or path
        widget = option.widget
        style = widget.style() if widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(14, 8, -14, -8)
        line = QFontMetrics(option.font).height()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        palette = option.palette
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(option.font)
        painter.setPen(palette.highlightedText().color() if selected else palette.placeholderText().color())
        bottom = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(option.font).elidedText(path, Qt.TextElideMode.ElideMiddle, rect.width()),
        )
        painter.restore()


class StartPage(QWidget):
    """Welcome page with the four ways in and the recently opened workspaces."""

    open_workspace_requested = Signal()
    new_workspace_requested = Signal()
    open_package_requested = Signal()
    create_demo_requested = Signal()
    #: A recent workspace's folder (str) was chosen.
    recent_workspace_chosen = Signal(str)
    #: The user removed a folder (str) from the recent list.
    recent_workspace_removed = Signal(str)
    #: A file named ``*<package_suffix>`` (str path) was dropped on the page.
    package_dropped = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, package_suffix: str = "", settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self._settings = settings
        self._package_suffix = package_suffix.lower()
        self.setAcceptDrops(bool(package_suffix))
        outer = self._scrolling_body()

        column = QWidget()
        column.setObjectName("startColumn")
        column.setMaximumWidth(960)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self._build_brand(layout)
        self._build_guide(layout, settings)
        self._build_cards(layout)
        self._build_recent(layout)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_recent([])

    def _scrolling_body(self) -> QVBoxLayout:
        """The page's scroll area and the layout of what scrolls in it (content centred vertically)."""
        # In a scroll area: with the guide open on a 1280×720 laptop the page is taller than the window,
        # and a squeezed layout would clip the guide's steps rather than let the judge scroll to them.
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("startScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("startBody")
        body.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        scroll.setWidget(body)
        page.addWidget(scroll)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        return outer

    def _build_brand(self, layout: QVBoxLayout) -> None:
        """The app's name, the competition it runs, and one line on what it does."""
        brand = QLabel(self.tr("Leitai"))
        brand.setObjectName("brandTitle")
        tagline = QLabel(self.tr("Improving Medical Services · National Hospital Case Competition"))
        tagline.setObjectName("brandTagline")
        note = QLabel(self.tr("From intake to the award ceremony, entirely offline."))
        note.setObjectName("brandNote")
        layout.addWidget(brand)
        layout.addWidget(tagline)
        layout.addWidget(note)
        layout.addSpacing(14)

    def _build_guide(self, layout: QVBoxLayout, settings: Settings | None) -> None:
        """The first-run guide, shown until it is put away."""
        self.guide = StartGuide()
        self.guide.action_requested.connect(self._on_guide_action)
        self.guide.dismissed.connect(self._on_guide_dismissed)
        layout.addWidget(self.guide)
        self.guide.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never clipped
        self.guide.setVisible(settings is not None and not settings.get(GUIDE_DISMISSED))
        layout.addSpacing(8)

    def _build_cards(self, layout: QVBoxLayout) -> None:
        """The four ways in: open or create a workspace, open a judge package, create a demo."""
        cards = QHBoxLayout()
        cards.setSpacing(16)
        self.open_button = self._card(
            cards,
            "openWorkspace",
            self.tr("Open workspace…"),
            self.tr("Organizers: continue running a competition from its workspace folder."),
            primary=True,
        )
        self.new_button = self._card(
            cards,
            "newWorkspace",
            self.tr("New workspace…"),
            self.tr("Organizers: start a new competition for a season, protected by your passphrase."),
        )
        self.package_button = self._card(
            cards,
            "openPackage",
            self.tr("Open judge package…"),
            self.tr("Judges: open the package the organizer sent you, then score your cases."),
        )
        self.demo_button = self._card(
            cards,
            "createDemo",
            self.tr("Create demo…"),
            self.tr("Try Leitai on a generated competition with sample cases and judges."),
        )
        self.open_button.clicked.connect(self.open_workspace_requested)
        self.new_button.clicked.connect(self.new_workspace_requested)
        self.package_button.clicked.connect(self.open_package_requested)
        self.demo_button.clicked.connect(self.create_demo_requested)
        layout.addLayout(cards)
        layout.addSpacing(22)

    def _build_recent(self, layout: QVBoxLayout) -> None:
        """The recently opened workspaces, or a hint while there are none."""
        recent_title = QLabel(self.tr("Recent workspaces"))
        recent_title.setObjectName("sectionHeading")
        layout.addWidget(recent_title)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Recent workspaces"))
        self.recent_list.setItemDelegate(RecentItemDelegate(self.recent_list))
        self.recent_list.setUniformItemSizes(True)
        self.recent_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent_list.customContextMenuRequested.connect(self._on_recent_menu)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        self.recent_list.itemClicked.connect(self._on_recent_activated)
        layout.addWidget(self.recent_list)
        self.recent_empty = QLabel(
            self.tr("No workspace opened yet. Open one, or create a demo to look around.")
        )
        self.recent_empty.setObjectName("emptyHint")
        self.recent_empty.setWordWrap(True)
        layout.addWidget(self.recent_empty)

    def _card(
        self, row: QHBoxLayout, name: str, title: str, description: str, primary: bool = False
    ) -> QPushButton:
        card = QFrame()
        card.setObjectName("actionCard")
        box = QVBoxLayout(card)
        box.setContentsMargins(18, 18, 18, 18)
        box.setSpacing(10)
        button = QPushButton(title)
        button.setObjectName(name)
        button.setProperty("primary", primary)
        button.setMinimumHeight(44)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        text = QLabel(description)
        text.setObjectName("cardText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        box.addWidget(button)
        box.addWidget(text, 1)
        row.addWidget(card, 1)
        return button

    def show_guide(self, role: str = "") -> None:
        """Bring the guide back (Help ▸ Getting started), at a role's steps if one is given."""
        if self._settings is not None:
            self._settings.set(GUIDE_DISMISSED, False)
        self.guide.show()
        if role:
            self.guide.show_role(role)
        else:
            self.guide.show_roles()
            self.guide.organizer_button.setFocus()

    def _on_guide_dismissed(self) -> None:
        self.guide.hide()
        if self._settings is not None:
            self._settings.set(GUIDE_DISMISSED, True)

    def _on_guide_action(self, action: str) -> None:
        signal = {
            "open_package": self.open_package_requested,
            "new_workspace": self.new_workspace_requested,
            "create_demo": self.create_demo_requested,
        }[action]
        signal.emit()

    def set_recent(self, paths: list[str]) -> None:
        """Show these workspace folders, most recent first."""
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem()
            item.setData(PathRole, path)
            item.setToolTip(path)
            item.setText(Path(path).name or path)  # for accessibility and keyboard search
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)
        # As tall as its rows (up to RECENT_ROWS_SHOWN), so one recent folder is not a big empty box.
        rows = min(max(len(paths), 1), RECENT_ROWS_SHOWN)
        row_height = self.recent_list.sizeHintForRow(0) if paths else 0
        frame = self.recent_list.frameWidth() * 2 + 10
        self.recent_list.setFixedHeight(max(rows * row_height + frame, 60))

    def _dropped_package(self, event: QDropEvent | QDragEnterEvent) -> str | None:
        mime = event.mimeData()
        if not self._package_suffix or mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(self._package_suffix):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_package(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_package(event)
        if path is not None:
            event.acceptProposedAction()
            self.package_dropped.emit(path)

    def recent_paths(self) -> list[str]:
        return [str(self.recent_list.item(i).data(PathRole)) for i in range(self.recent_list.count())]

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_workspace_chosen.emit(str(item.data(PathRole)))

    def _on_recent_menu(self, pos: QPoint) -> None:
        item = self.recent_list.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove from list"))
        remove.triggered.connect(lambda: self.recent_workspace_removed.emit(str(item.data(PathRole))))
        menu.popup(self.recent_list.viewport().mapToGlobal(pos))
