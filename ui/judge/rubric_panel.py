# SPDX-License-Identifier: Apache-2.0
"""The rubric beside the reader: one score entry per criterion, the live weighted total, the comment,
submit / reopen / recuse, and the save indicator. It only asks; the judge view saves."""

from __future__ import annotations

import itertools
from decimal import Decimal

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.bundles.manifest import PackageCriterion
from app.judge_home import CaseScores
from ui.judge.score_spin_box import ScoreSpinBox, step_decimals

#: Milliseconds of quiet after the last keystroke before a comment is saved.
COMMENT_SAVE_DELAY_MS = 400


def _number(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class RubricPanel(QWidget):
    """Scores for the case on screen; emits what the judge changed, shows what was saved."""

    score_edited = Signal(str, object)  # criterion key, Decimal | None (None: not scored any more)
    comment_edited = Signal(str)
    submit_requested = Signal()
    reopen_requested = Signal()
    recuse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rubricPanel")
        self._criteria: tuple[PackageCriterion, ...] = ()
        self.spins: dict[str, ScoreSpinBox] = {}
        self.problems: dict[str, QLabel] = {}  # why a criterion's entry is refused
        self._state = "not_started"
        self._loading = False

        self.title = QLabel(self.tr("Scores"))
        self.title.setObjectName("rubricTitle")
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.case_label.setObjectName("rubricCase")
        self.banner = QLabel()
        self.banner.setObjectName("rubricBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.scroll = QScrollArea()  # on a short screen the criteria scroll; the buttons stay in sight
        self.scroll.setObjectName("rubricScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.grid_host)

        self.total_label = QLabel()
        self.total_label.setObjectName("rubricTotal")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("rubricComment")
        self.comment.setPlaceholderText(self.tr("Comment for the organizer (optional)"))
        self.comment.setAccessibleName(self.tr("Comment for the organizer (optional)"))
        self.comment.setMaximumHeight(110)
        self.comment.textChanged.connect(self._on_comment_changed)
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_SAVE_DELAY_MS)
        self._comment_timer.timeout.connect(self.flush_comment)

        self._build_buttons()
        buttons = QHBoxLayout()
        buttons.addWidget(self.recuse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.case_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)
        total_row = QHBoxLayout()
        total_row.addWidget(QLabel(self.tr("Weighted total")))
        total_row.addStretch(1)
        total_row.addWidget(self.total_label)
        layout.addLayout(total_row)
        layout.addWidget(QLabel(self.tr("Comment")))
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        layout.addWidget(self.save_label)
        self.setMinimumWidth(340)
        self.set_enabled_for(None)

    def _build_buttons(self) -> None:
        """Submit / reopen, recuse, and the save line under them."""
        self.submit_button = QPushButton(self.tr("Submit this case"))
        self.submit_button.setObjectName("submitCase")
        self.submit_button.setProperty("primary", True)
        self.submit_button.setToolTip(
            self.tr("Locks the scores of this case (Ctrl+Enter); you can reopen it")
        )
        self.submit_button.clicked.connect(self._on_submit_clicked)
        self.recuse_button = QPushButton(self.tr("Recuse…"))
        self.recuse_button.setObjectName("recuseCase")
        self.recuse_button.setToolTip(self.tr("Declare a conflict of interest with this case"))
        self.recuse_button.clicked.connect(self.recuse_requested)
        self.save_label = QLabel()
        self.save_label.setObjectName("saveIndicator")
        self.save_label.setProperty("state", "")
        self.save_label.setWordWrap(True)  # a long "saved as a draft, still missing: …" is never cut
        self.save_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # ---- building ------------------------------------------------------------------------------------
    def set_criteria(self, criteria: tuple[PackageCriterion, ...]) -> None:
        """One row per criterion: name, range and step, entry, why an entry is refused, description."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._criteria = criteria
        self.spins = {}
        self.problems = {}
        row = 0
        for criterion in criteria:
            name = QLabel(f"<b>{criterion.name}</b>")
            decimals = step_decimals(criterion.step)
            rng = QLabel(
                self.tr("0–{max}, step {step}").format(
                    max=_number(criterion.max, decimals), step=_number(criterion.step, decimals)
                )
                + (
                    self.tr(", weight {w}").format(w=_number(criterion.weight, 2))
                    if criterion.weight != 1
                    else ""
                )
            )
            rng.setObjectName("criterionRange")
            spin = ScoreSpinBox(criterion.max, criterion.step, criterion.name)
            spin.setObjectName(f"score_{criterion.key}")
            spin.setAccessibleName(criterion.name)
            spin.setAccessibleDescription(rng.text())
            spin.setMinimumWidth(96)
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            spin.score_entered.connect(lambda value, k=criterion.key: self._on_score_entered(k, value))
            name.setBuddy(spin)
            problem = QLabel()
            problem.setObjectName("scoreProblem")
            problem.setWordWrap(True)
            problem.hide()
            spin.problem_changed.connect(lambda text, label=problem: self._show_problem(label, text))
            description = QLabel(criterion.description)
            description.setObjectName("criterionDescription")
            description.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(spin, row, 1, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(rng, row + 1, 0)
            self.grid.addWidget(problem, row + 2, 0, 1, 2)
            self.grid.addWidget(description, row + 3, 0, 1, 2)
            spacer = QFrame()
            spacer.setObjectName("criterionRule")
            spacer.setFrameShape(QFrame.Shape.HLine)
            self.grid.addWidget(spacer, row + 4, 0, 1, 2)
            self.spins[criterion.key] = spin
            self.problems[criterion.key] = problem
            row += 5
        self.grid.setRowStretch(row, 1)
        chain = [*self.spins.values(), self.comment]  # Tab walks the scores in rubric order, then the comment
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_total()

    # ---- showing a case --------------------------------------------------------------------------------
    def show_case(self, title: str, scores: CaseScores | None) -> None:
        """Fill the panel with a case's saved work (or empty it with None)."""
        self._comment_timer.stop()
        self._loading = True
        self.case_label.setText(title)
        values = scores.values if scores else {}
        for key, spin in self.spins.items():
            spin.set_score(values.get(key))
        self.comment.setPlainText(scores.comment if scores else "")
        self._loading = False
        self.set_enabled_for(scores)
        self._update_total()

    def set_enabled_for(self, scores: CaseScores | None) -> None:
        """Lock or unlock the entries for the case's state, with the banner that says why."""
        self._state = scores.state if scores else ""
        editable = scores is not None and scores.state not in ("submitted", "recused")
        for spin in self.spins.values():
            spin.setReadOnly(not editable)
            spin.setEnabled(scores is not None)
        self.comment.setReadOnly(not editable)
        self.comment.setEnabled(scores is not None)
        self.recuse_button.setEnabled(scores is not None and scores.state != "recused")
        self.submit_button.setEnabled(scores is not None)
        if scores is not None and scores.state == "submitted":
            self.banner.setText(self.tr("Submitted: the scores are locked. Reopen to change them."))
            self.submit_button.setText(self.tr("Reopen"))
        elif scores is not None and scores.state == "recused":
            self.banner.setText(self.tr("You recused yourself: {reason}").format(reason=scores.recuse_reason))
            self.submit_button.setText(self.tr("Withdraw recusal"))
        else:
            self.submit_button.setText(self.tr("Submit this case"))
        self.banner.setVisible(scores is not None and scores.state in ("submitted", "recused"))

    def values(self) -> dict[str, float | None]:
        return {key: spin.score() for key, spin in self.spins.items()}

    @property
    def locked(self) -> bool:
        return self._state in ("submitted", "recused")

    # ---- save indicator --------------------------------------------------------------------------------
    def _set_save_state(self, state: str, text: str) -> None:
        self.save_label.setProperty("state", state)  # colour from leitai.qss: saving | saved | failed
        self.save_label.style().unpolish(self.save_label)
        self.save_label.style().polish(self.save_label)
        self.save_label.setText(text)

    def show_saving(self) -> None:
        self._set_save_state("saving", self.tr("Saving…"))

    def show_saved(self) -> None:
        self._set_save_state(
            "saved", self.tr("Saved {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )

    def show_save_failed(self, message: str) -> None:
        self._set_save_state("failed", self.tr("Not saved: {reason}").format(reason=message))

    def show_submit_refused(self, missing: list[str]) -> None:
        """Submitting was refused: what was entered is saved as a draft; say which criteria need a score."""
        self._set_save_state(
            "draft",
            self.tr("Saved as a draft, not submitted. Still to score: {names}").format(
                names=self.tr(", ").join(missing)
            ),
        )

    def missing_criteria(self) -> list[str]:
        """Names of the criteria of the case on screen that have no score yet."""
        return [c.name for c in self._criteria if self.spins[c.key].score() is None]

    # ---- reactions -------------------------------------------------------------------------------------
    def _on_score_entered(self, key: str, value: Decimal | None) -> None:
        self._update_total()
        if not self._loading and not self.locked:
            self.score_edited.emit(key, value)

    def _show_problem(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _on_comment_changed(self) -> None:
        if not self._loading and not self.locked:
            self.show_saving()
            self._comment_timer.start()

    def flush_comment(self) -> None:
        """Save a comment being typed now (before switching case, on focus out, on close)."""
        if self._comment_timer.isActive() or (self.sender() is self._comment_timer):
            self._comment_timer.stop()
            self.comment_edited.emit(self.comment.toPlainText())

    def _on_submit_clicked(self) -> None:
        if self.locked:
            self.reopen_requested.emit()
        else:
            self.submit_requested.emit()

    def _update_total(self) -> None:
        weighted = [
            (spin.score(), float(c.weight), float(c.max))
            for c, spin in zip(self._criteria, self.spins.values(), strict=True)
        ]
        top = sum(w * m for _s, w, m in weighted)
        if all(s is None for s, _w, _m in weighted):
            self.total_label.setText(f"— / {_number(top)}")
            return
        total = sum((s or 0) * w for s, w, _m in weighted)
        done = sum(1 for s, _w, _m in weighted if s is not None)
        suffix = (
            ""
            if done == len(weighted)
            else self.tr(" ({done}/{n} scored)").format(done=done, n=len(weighted))
        )
        self.total_label.setText(f"{_number(total, 2)} / {_number(top)}{suffix}")
