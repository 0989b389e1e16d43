# SPDX-License-Identifier: Apache-2.0
"""The judge's PDF reader: toolbar, page thumbnails, the continuous page view, search, full screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.viewer.full_screen import FullScreenHelper
from ui.viewer.page_cache import PageKey
from ui.viewer.pdf_view import PdfView, ZoomMode
from ui.viewer.render_worker import DocInfo, PdfRenderer

#: Thumbnail width, logical pixels.
THUMB_WIDTH = 150

_ModelIndex = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One row per page; the picture comes from the renderer's thumbnail cache, asked for lazily."""

    def __init__(self, renderer: PdfRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._info: DocInfo | None = None
        self._width_px = THUMB_WIDTH
        self._missing: set[int] = set()
        renderer.thumbnail_rendered.connect(self._on_thumbnail_rendered)

    def set_document(self, info: DocInfo | None, device_pixel_ratio: float) -> None:
        self.beginResetModel()
        self._info = info
        self._width_px = round(THUMB_WIDTH * device_pixel_ratio)
        self._missing.clear()
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() or self._info is None else self._info.page_count

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._info is None:
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            image = self._renderer.thumb_cache.get(PageKey(self._info.doc, page, self._width_px))
            if image is None:
                self._ask(page)
                return None
            image.setDevicePixelRatio(self._width_px / THUMB_WIDTH)
            return image
        if role == Qt.ItemDataRole.SizeHintRole:
            w, h = self._info.sizes[page]
            return QSize(THUMB_WIDTH + 12, round(THUMB_WIDTH * h / w) + 30)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter
        return None

    def _ask(self, page: int) -> None:
        # Only rows the view paints come through data(): so only the thumbnails in sight are rendered.
        if not self._missing:
            QTimer.singleShot(0, self._send)
        self._missing.add(page)

    def _send(self) -> None:
        if self._info is not None and self._missing:
            self._renderer.want_thumbnails(self._info.doc, sorted(self._missing), self._width_px)
        self._missing.clear()

    def _on_thumbnail_rendered(self, doc: int, page: int) -> None:
        if self._info is not None and doc == self._info.doc and page < self._info.page_count:
            index = self.index(page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ReaderWidget(QWidget):
    """A PDF reader for one document at a time; pass a shared :class:`PdfRenderer` or it makes its own."""

    document_loaded = Signal(int)  # page count
    document_failed = Signal(str)  # message shown in place

    def __init__(self, renderer: PdfRenderer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._owns_renderer = renderer is None
        self.renderer = renderer if renderer is not None else PdfRenderer(self)
        self._doc: int | None = None
        self._search_id = 0
        self._full_screen = FullScreenHelper(self)
        self._zoom_before_full_screen = ZoomMode.FIT_WIDTH
        self._thumbs_chosen: bool | None = None  # the reader's own choice beats the window's width

        self.view = PdfView(self.renderer)
        self.thumbnails = QListView()
        self.thumbnail_model = ThumbnailModel(self.renderer, self)
        self.thumbnails.setModel(self.thumbnail_model)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setUniformItemSizes(False)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, THUMB_WIDTH))
        self.thumbnails.setSpacing(4)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbnails.setFixedWidth(THUMB_WIDTH + 40)
        self.thumbnails.setObjectName("readerThumbnails")
        self.thumbnails.setAccessibleName(self.tr("Pages"))
        self.thumbnails.clicked.connect(lambda index: self.view.go_to_page(index.row()))

        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setObjectName("readerMessage")

        pages = QWidget()
        row = QHBoxLayout(pages)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.thumbnails)
        row.addWidget(self.view, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(pages)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("readerToolbar")
        self.toolbar.setIconSize(QSize(18, 18))
        self._build_toolbar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.view.current_page_changed.connect(self._on_page_changed)
        self.view.zoom_changed.connect(self._on_zoom_changed)
        self.view.hit_changed.connect(self._on_hit_changed)
        self.renderer.document_opened.connect(self._on_opened)
        self.renderer.document_failed.connect(self._on_failed)
        self.renderer.search_hits.connect(self._on_search_hits)
        self.renderer.search_finished.connect(self._on_search_finished)
        self.show_message(self.tr("No PDF to show."))
        self._set_enabled(False)
        # The reader can hold the focus itself while a PDF opens (or cannot): its keys work at once,
        # and the page view takes the focus over once there are pages.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # ---- toolbar -------------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        sp = QStyle.StandardPixmap
        tb = self.toolbar
        self.act_prev = self._action(self.tr("Previous page"), self.view.previous_page, "PgUp", sp.SP_ArrowUp)
        self.act_next = self._action(self.tr("Next page"), self.view.next_page, "PgDown", sp.SP_ArrowDown)
        tb.addAction(self.act_prev)
        self.page_spin = QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setAccessibleName(self.tr("Page number"))
        self.page_spin.valueChanged.connect(lambda v: self.view.go_to_page(v - 1))
        tb.addWidget(self.page_spin)
        self.page_total = QLabel(" / 0 ")
        tb.addWidget(self.page_total)
        tb.addAction(self.act_next)
        tb.addSeparator()
        self.act_fit_width = self._action(
            self.tr("Fit width"), lambda: self.view.set_zoom_mode(ZoomMode.FIT_WIDTH), "Ctrl+1"
        )
        self.act_fit_page = self._action(
            self.tr("Fit page"), lambda: self.view.set_zoom_mode(ZoomMode.FIT_PAGE), "Ctrl+2"
        )
        for act in (self.act_fit_width, self.act_fit_page):
            act.setCheckable(True)
            tb.addAction(act)
        self.act_zoom_out = self._action(
            self.tr("Zoom out"), self.view.zoom_out, QKeySequence.StandardKey.ZoomOut
        )
        self.act_zoom_in = self._action(
            self.tr("Zoom in"), self.view.zoom_in, QKeySequence.StandardKey.ZoomIn
        )
        self.act_zoom_out.setText("−")
        self.act_zoom_in.setText("+")
        tb.addAction(self.act_zoom_out)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tb.addWidget(self.zoom_label)
        tb.addAction(self.act_zoom_in)
        tb.addSeparator()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search in PDF"))
        self.search_edit.setAccessibleName(self.tr("Search in PDF"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(220)
        self.search_edit.returnPressed.connect(self._on_search_return)
        self.search_edit.textChanged.connect(lambda t: None if t else self.search(""))
        tb.addWidget(self.search_edit)
        self.act_find = self._action(self.tr("Find"), self._focus_search, QKeySequence.StandardKey.Find)
        self.act_hit_prev = self._action(self.tr("Previous match"), self.view.previous_hit, "Shift+F3")
        self.act_hit_next = self._action(self.tr("Next match"), self.view.next_hit, "F3")
        self.act_hit_prev.setText("▲")
        self.act_hit_next.setText("▼")
        tb.addAction(self.act_hit_prev)
        tb.addAction(self.act_hit_next)
        self.hit_label = QLabel()
        self.hit_label.setMinimumWidth(64)
        tb.addWidget(self.hit_label)
        tb.addSeparator()
        self.act_thumbs = self._action(self.tr("Thumbnails"), self._toggle_thumbnails, "Ctrl+T")
        self.act_thumbs.setCheckable(True)
        self.act_thumbs.setChecked(True)
        tb.addAction(self.act_thumbs)
        self.act_full = self._action(
            self.tr("Full screen"), self.toggle_full_screen, "F11", sp.SP_TitleBarMaxButton
        )
        self.act_go = self._action(self.tr("Go to page"), self._focus_page, "Ctrl+G")
        tb.addAction(self.act_full)
        self.act_exit_full = self._action(self.tr("Leave full screen"), self._leave_full_screen, "Esc")

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the help overlay."""
        fmt = QKeySequence.SequenceFormat.NativeText
        rows = [
            (self.tr("PgDown / Space / →"), self.tr("Next page")),
            (self.tr("PgUp / ←"), self.tr("Previous page")),
            (self.tr("Home / End"), self.tr("First / last page")),
        ]
        for act in (
            self.act_go,
            self.act_fit_width,
            self.act_fit_page,
            self.act_zoom_in,
            self.act_zoom_out,
            self.act_find,
            self.act_hit_next,
            self.act_hit_prev,
            self.act_thumbs,
            self.act_full,
        ):
            rows.append((act.shortcut().toString(fmt), act.toolTip().split(" (")[0]))
        rows.append((self.tr("Ctrl + wheel"), self.tr("Zoom")))
        return rows

    # ---- documents -----------------------------------------------------------------------------------
    def open_pdf(self, source: str | Path | bytes) -> None:
        """Show a PDF (opening happens on the render thread; ``document_loaded`` or ``_failed`` follows)."""
        self.close_document()
        if not isinstance(source, bytes) and not Path(source).is_file():
            self._fail(self.tr("The PDF file is missing: {0}").format(Path(source).name))
            return
        self.show_message(self.tr("Opening the PDF…"))
        self._doc = self.renderer.open(source)

    def close_document(self) -> None:
        if self._doc is not None:
            self.renderer.close(self._doc)
            self._doc = None
        self.view.set_document(None)
        self.thumbnail_model.set_document(None, 1.0)
        self.search_edit.clear()
        self._set_enabled(False)
        self.show_message(self.tr("No PDF to show."))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    @property
    def page_count(self) -> int:
        return self.view.page_count

    @property
    def is_loaded(self) -> bool:
        return self.view.info is not None

    def _on_opened(self, doc: int, info: DocInfo) -> None:
        if doc != self._doc:
            return
        self.stack.setCurrentIndex(1)
        self.view.set_document(info)
        self.thumbnail_model.set_document(info, self.devicePixelRatioF())
        self.page_spin.setMaximum(info.page_count)
        self.page_total.setText(f" / {info.page_count} ")
        self._set_enabled(True)
        self._on_zoom_changed(self.view.zoom)
        if self.window().focusWidget() is self:  # also while a closing dialog still holds the keyboard
            self.view.setFocus()
        self.document_loaded.emit(info.page_count)

    def _on_failed(self, doc: int, reason: str) -> None:
        if doc != self._doc:
            return
        self._doc = None
        if reason == "encrypted":
            text = self.tr("This PDF is password-protected and cannot be shown.")
        else:
            text = self.tr("This PDF cannot be opened (damaged or not a PDF).")
        self._fail(text)

    def _fail(self, text: str) -> None:
        self.show_message(text + "\n" + self.tr("You can still score this case."))
        self.document_failed.emit(text)

    def _set_enabled(self, enabled: bool) -> None:
        self.toolbar.setEnabled(enabled)

    # ---- reactions -----------------------------------------------------------------------------------
    def _on_page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        if self.view.info is not None:
            self.thumbnails.setCurrentIndex(self.thumbnail_model.index(page))

    def _on_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)}%")
        self.act_fit_width.setChecked(self.view.zoom_mode is ZoomMode.FIT_WIDTH)
        self.act_fit_page.setChecked(self.view.zoom_mode is ZoomMode.FIT_PAGE)

    def search(self, text: str) -> None:
        """Find ``text`` in every page; hits are highlighted as they come, the first becomes current."""
        self.view.clear_search()
        if self._doc is None:
            return
        self._search_id = self.renderer.search(self._doc, text)
        self.hit_label.setText(self.tr("searching…") if text else "")

    def _on_search_return(self) -> None:
        text = self.search_edit.text().strip()
        if self.view.hit_count and getattr(self, "_searched_text", None) == text:
            self.view.next_hit()
            return
        self._searched_text = text
        self.search(text)

    def _on_search_hits(self, doc: int, search_id: int, page: int, rects: list) -> None:
        if doc == self._doc and search_id == self._search_id:
            self.view.add_hits(page, rects)

    def _on_search_finished(self, doc: int, search_id: int, total: int) -> None:
        if doc == self._doc and search_id == self._search_id and total == 0:
            self.hit_label.setText(self.tr("no match"))

    def _on_hit_changed(self, index: int, total: int) -> None:
        if total:
            self.hit_label.setText(f"{index + 1} / {total}")

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _focus_page(self) -> None:
        self.page_spin.setFocus()
        self.page_spin.selectAll()

    def _toggle_thumbnails(self) -> None:
        self._thumbs_chosen = self.act_thumbs.isChecked()
        self.thumbnails.setVisible(self._thumbs_chosen)

    def fit_thumbnails(self, room: bool) -> None:
        """Show the thumbnails when there is room for them beside the page (unless the reader chose)."""
        shown = room if self._thumbs_chosen is None else self._thumbs_chosen
        self.act_thumbs.setChecked(shown)
        if self.thumbnails.isHidden() == shown:
            self.thumbnails.setVisible(shown)

    # ---- full screen ---------------------------------------------------------------------------------
    @property
    def is_full_screen(self) -> bool:
        return self._full_screen.active

    def toggle_full_screen(self) -> None:
        """Fill the screen with the reader (fit page), or put everything back as it was."""
        if self._full_screen.active:
            self._leave_full_screen()
            return
        self._zoom_before_full_screen = self.view.zoom_mode
        self._full_screen.enter()
        self.view.set_zoom_mode(ZoomMode.FIT_PAGE)
        self.view.setFocus()

    def _leave_full_screen(self) -> None:
        if self._full_screen.active:
            self._full_screen.leave()
            self.view.set_zoom_mode(self._zoom_before_full_screen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Right after going full screen the window may not hold the focus that shortcuts need.
        if event.key() == Qt.Key.Key_Escape and self._full_screen.active:
            self._leave_full_screen()
            event.accept()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Close the document and, if this reader made its own renderer, stop its thread."""
        self.close_document()
        if self._owns_renderer and self.renderer.running:
            self.renderer.stop()
