# SPDX-License-Identifier: Apache-2.0
"""The judge's scoring view: header, the case list, the case's slides and video, the rubric; autosave.

Every change the judge makes is written to their home (``app.judge_home.JudgeHome``, SQLite in WAL with
synchronous=FULL) at once, on the one write thread of the app, in the order it was made; the panel says
"saved" only when the commit has returned. Reads (a case's saved scores) are quick and done in place.

On a laptop the slide comes first: below ``WIDE_WINDOW`` pixels the case list and the page thumbnails
fold away (the header's "Case list" button and Ctrl+T bring them back; Alt+↑/↓ and Ctrl+J still move
between cases), and the rubric keeps a fixed, scrollable column, so the page view is the widest thing
on screen at every size from 1280×720 up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.glossary.terms import round_name, score_state_name
from app.judge_home import CaseScores, HomeCase, HomeInfo, JudgeHome
from ui.context import AppContext
from ui.errors import show_error
from ui.judge.case_list_model import COL_HOSPITAL, COL_TITLE, CaseFilterProxy, CaseIdRole, CaseListModel
from ui.judge.case_table import CaseTable
from ui.judge.rubric_panel import RubricPanel
from ui.tasks import TaskContext, run_task
from ui.viewer.reader_widget import ReaderWidget
from ui.viewer.render_worker import PdfRenderer
from ui.viewer.video_player import VideoPlayerWidget

#: Window widths (px) from which the case list and the thumbnails are shown beside the slide.
WIDE_WINDOW = 1600
#: The rubric's column: wide enough for a criterion name, its entry and the reason an entry is refused.
RUBRIC_WIDTH = 372
#: The case list's width when it is shown: on a wide window, and when brought back on a laptop's.
CASE_LIST_WIDTH = 440
NARROW_CASE_LIST_WIDTH = 300


class ScoringView(QWidget):
    """One open home: pick a case, read it, score it. The judge view owns the home and the actions."""

    #: After a commit returned: case id, what changed ("score:<key>", "comment", "submit", ...), value.
    saved = Signal(int, str, object)
    save_failed = Signal(str)
    case_shown = Signal(int)

    def __init__(self, ctx: AppContext, renderer: PdfRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoringView")
        self.ctx = ctx
        self.home: JudgeHome | None = None
        self.info: HomeInfo | None = None
        self.case_id: int | None = None
        self._pending = 0
        self._list_chosen: bool | None = None  # the judge's own choice, once made, beats the window width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(self._build_header())
        self.case_list = self._build_case_list()
        self.reader = ReaderWidget(renderer)
        self.video = VideoPlayerWidget()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseMaterial")
        self.tabs.addTab(self.reader, self.tr("Slides (PDF)"))
        self.tabs.addTab(self.video, self.tr("Video"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.rubric = RubricPanel()
        self.rubric.setFixedWidth(RUBRIC_WIDTH)
        self.rubric.score_edited.connect(self._on_score_edited)
        self.rubric.comment_edited.connect(self._on_comment_edited)
        self.splitter = QSplitter()
        self.splitter.setObjectName("judgeSplitter")
        for i, widget in enumerate((self.case_list, self.tabs, self.rubric)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(i, 1 if widget is self.tabs else 0)
            self.splitter.setCollapsible(i, False)
        layout.addWidget(self.splitter, 1)

    # ---- building ------------------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = QLabel()
        self.title_label.setObjectName("judgeTitle")
        self.judge_label = QLabel()
        self.judge_label.setObjectName("judgeSubtitle")
        self.judge_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.title_label, self.judge_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # elide, never push
            titles.addWidget(label)
        header.addLayout(titles, 1)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("judgeProgress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("judgeProgressBar")
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.tr("Cases done"))
        progress_box = QVBoxLayout()
        progress_box.setSpacing(2)
        progress_box.addWidget(self.progress_label)
        progress_box.addWidget(self.progress_bar)
        header.addLayout(progress_box)
        header.addSpacing(12)
        self.list_button = QPushButton(self.tr("Case list"))
        self.list_button.setObjectName("caseListToggle")
        self.list_button.setCheckable(True)
        self.list_button.setToolTip(self.tr("Show or hide the list of cases (Ctrl+L)"))
        self.list_button.toggled.connect(self.choose_case_list)
        header.addWidget(self.list_button)
        self.export_button = QPushButton(self.tr("Export score bundle…"))
        self.export_button.setObjectName("exportBundle")
        self.export_button.setProperty("primary", True)
        self.export_button.setToolTip(
            self.tr("Write your signed scores to a file for the organizer (Ctrl+E)")
        )
        header.addWidget(self.export_button)
        return header

    def _build_case_list(self) -> QWidget:
        left = QWidget()
        left.setObjectName("judgeCaseList")
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.setAccessibleName(self.tr("Show cases"))
        for text, states in (
            (self.tr("All cases"), set()),
            (self.tr("To do"), {"not_started", "draft"}),
            *((score_state_name(s), {s}) for s in ("not_started", "draft", "submitted", "recused")),
        ):
            self.state_filter.addItem(text, states)
        self.state_filter.currentIndexChanged.connect(
            lambda i: self.proxy.set_states(self.state_filter.itemData(i) or set())
        )
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Filter cases"))
        self.search.setAccessibleName(self.tr("Filter cases"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_text(text))
        filters.addWidget(self.state_filter)
        filters.addWidget(self.search, 1)
        box.addLayout(filters)
        self.model = CaseListModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = CaseTable()
        self.table.setObjectName("judgeCases")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(COL_HOSPITAL, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(COL_HOSPITAL, 150)
        head.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        box.addWidget(self.table, 1)
        left.setMinimumWidth(280)
        return left

    # ---- laptop layout -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_width()

    def _fit_to_width(self) -> None:
        wide = self.window().width() >= WIDE_WINDOW
        show_list = wide if self._list_chosen is None else self._list_chosen
        if self.case_list.isHidden() == show_list:
            self.case_list.setVisible(show_list)
        if self.list_button.isChecked() != show_list:
            self.list_button.blockSignals(True)
            self.list_button.setChecked(show_list)
            self.list_button.blockSignals(False)
        self.reader.fit_thumbnails(wide)
        if show_list:
            sizes = self.splitter.sizes()
            if sizes[0] < self.case_list.minimumWidth():
                width = CASE_LIST_WIDTH if wide else NARROW_CASE_LIST_WIDTH
                rest = max(0, sum(sizes) - width - RUBRIC_WIDTH)
                self.splitter.setSizes([width, rest, RUBRIC_WIDTH])

    def choose_case_list(self, shown: bool) -> None:
        """The judge shows or hides the case list themselves; that choice holds at every window size."""
        self._list_chosen = shown
        self._fit_to_width()
        if shown:
            self.table.setFocus()

    def toggle_case_list(self) -> None:
        self.list_button.toggle()

    # ---- a home --------------------------------------------------------------------------------------
    def set_home(self, home: JudgeHome) -> None:
        """Show an open home: header, case list, rubric; selects the first case still to score."""
        self.home = home
        self.info = info = home.info()
        self.title_label.setText(f"{info.competition} · {round_name(info.round_key, info.season)}")
        self.judge_label.setText(
            self.tr("Judge {name} ({code}) · {n} cases{blind} · organizer key {fingerprint}").format(
                name=info.judge,
                code=info.judge_code,
                n=info.cases,
                blind=self.tr(" · blind review") if info.blind else "",
                fingerprint=info.organizer_fingerprint,
            )
        )
        self.judge_label.setToolTip(
            self.tr("Compare the organizer key's fingerprint with the one the organizer announced.")
        )
        self.rubric.set_criteria(info.criteria)
        self.model.set_rows(home.cases(), info.blind)
        self.table.setColumnHidden(COL_HOSPITAL, info.blind)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.update_progress()
        self._fit_to_width()

    def clear(self) -> None:
        """Save what is being typed, wait for the writes, close the media; the home is the caller's."""
        self.rubric.flush_comment()
        self.ctx.write_pool.waitForDone()  # every change made is committed before the home closes
        self.home = None
        self.reader.close_document()
        self.video.close_video()
        self.info = None
        self.case_id = None
        self.model.set_rows([], False)
        self.rubric.show_case("", None)

    # ---- cases ---------------------------------------------------------------------------------------
    def _on_current_row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        case_id = current.data(CaseIdRole)
        if case_id != self.case_id:
            self.show_case(int(case_id))

    def select_case(self, case_id: int) -> None:
        """Make ``case_id`` current in the list (clearing a filter that hides it) and show it."""
        row = self.model.row_of(case_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.state_filter.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def show_case(self, case_id: int) -> None:
        """Load a case: its saved scores into the rubric, its PDF into the reader, its video."""
        if self.home is None:
            return
        self.rubric.flush_comment()
        if self._pending:  # read what is on disk only after the writes already made have landed (ms)
            self.ctx.write_pool.waitForDone(5000)
        self.case_id = case_id
        row = self.model.case(self.model.row_of(case_id))
        self.rubric.show_case(f"{row.code} · {row.title}", self.home.scores(case_id))
        files = self.home.case_files(case_id)
        if files.pdf is not None:
            self.reader.open_pdf(files.pdf)
        else:
            self.reader.close_document()
            self.reader.show_message(
                self.tr("The slides of this case are not available (is the media drive attached?).")
                if "pdf" in files.missing
                else self.tr("This case has no slides.")
            )
        self.video.open_video(files.video)
        if files.video is None and "video" in files.missing:
            self.video.show_message(
                self.tr("The video of this case is not available (is the media drive attached?).")
            )
        self.tabs.setTabText(
            1, self.tr("Video") if files.video or "video" in files.missing else self.tr("Video (none)")
        )
        self.case_shown.emit(case_id)

    def visible_case_ids(self) -> list[int]:
        return [int(self.proxy.index(r, 0).data(CaseIdRole)) for r in range(self.proxy.rowCount())]

    def move_case(self, delta: int) -> None:
        ids = self.visible_case_ids()
        if not ids:
            return
        i = ids.index(self.case_id) if self.case_id in ids else -1
        self.select_case(ids[max(0, min(len(ids) - 1, i + delta))])

    def next_unscored(self, wrap_to_first: bool = False) -> None:
        """Jump to the next case (in list order, after the current one) not yet submitted or recused."""
        order = self.visible_case_ids() or [r.id for r in self.model.rows()]
        todo = {r.id for r in self.model.rows() if r.state in ("not_started", "draft")}
        start = order.index(self.case_id) + 1 if self.case_id in order else 0
        for case_id in order[start:] + order[:start]:
            if case_id in todo:
                self.select_case(case_id)
                return
        if wrap_to_first and order:
            self.select_case(order[0])

    def focus_scores(self) -> None:
        """Put the cursor in the first criterion without a score (or the first one)."""
        values = self.rubric.values()
        key = next((k for k, v in values.items() if v is None), next(iter(values), None))
        if key is not None:
            spin = self.rubric.spins[key]
            spin.setFocus()
            spin.selectAll()

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is not self.video and self.video.state == "playing":
            self.video.pause()

    # ---- writing -------------------------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        """Writes are queued or running (the panel says "saving…")."""
        return self._pending > 0

    def write(self, what: str, value: object, fn: Callable[[JudgeHome, int], CaseScores]) -> None:
        """Run one change to the case on screen on the write thread; "saved" once its commit returned."""
        home, case_id = self.home, self.case_id
        if home is None or case_id is None:
            return
        self._pending += 1
        self.rubric.show_saving()

        def work(_task: TaskContext) -> tuple[CaseScores, list[HomeCase]]:
            return fn(home, case_id), home.cases()

        def done(result: tuple[CaseScores, list[HomeCase]]) -> None:
            self._pending -= 1
            scores, rows = result
            if home is not self.home:
                return
            for row in rows:
                if row.id == case_id:
                    self.model.update_row(row)
            self._update_progress_from(rows)
            if case_id == self.case_id and what in ("submit", "reopen", "recuse"):
                self.rubric.set_enabled_for(scores)
            if self._pending == 0:
                self.rubric.show_saved()
            self.saved.emit(case_id, what, value)

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            self.save_failed.emit(str(exc))
            if home is self.home and case_id == self.case_id:  # show what really is on disk
                self.rubric.show_case(self.rubric.case_label.text(), home.scores(case_id))
            if what == "submit" and isinstance(exc, DomainError) and exc.code == "incomplete":
                # Only the submission was refused: every score entered is saved (a draft). Say so, and
                # put the cursor where the next score is missing.
                if home is self.home and case_id == self.case_id:
                    self.rubric.show_submit_refused(self.rubric.missing_criteria())
                    self.focus_scores()
                return
            self.rubric.show_save_failed(str(exc))
            show_error(self, exc, self.tr("Not saved"))

        run_task(work, done, failed, owner=self, pool=self.ctx.write_pool)

    def _on_score_edited(self, key: str, value: Decimal | None) -> None:
        self.write(f"score:{key}", value, lambda h, c: h.set_score(c, key, value))

    def _on_comment_edited(self, text: str) -> None:
        self.write("comment", text, lambda h, c: h.set_comment(c, text))

    # ---- progress ------------------------------------------------------------------------------------
    def update_progress(self) -> None:
        self._update_progress_from(self.model.rows())

    def _update_progress_from(self, rows: list[HomeCase]) -> None:
        counts = Counter(r.state for r in rows)
        self.progress_label.setText(
            self.tr("Submitted {s} · draft {d} · not started {n} · recused {r}").format(
                s=counts["submitted"], d=counts["draft"], n=counts["not_started"], r=counts["recused"]
            )
        )
        self.progress_bar.setMaximum(max(len(rows), 1))
        self.progress_bar.setValue(counts["submitted"] + counts["recused"])

    def counts(self) -> Counter[str]:
        return Counter(r.state for r in self.model.rows())

    def last_export_folder(self) -> Path:
        info = self.info
        return info.last_export.parent if info and info.last_export else Path.home()
