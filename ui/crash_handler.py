# SPDX-License-Identifier: Apache-2.0
"""What happens when Leitai hits an error nobody planned for: log it, say so plainly, lose nothing.

:class:`CrashHandler` takes over ``sys.excepthook``, ``threading.excepthook`` and Qt's message handler.
An unexpected exception is written to the rotating log with its traceback (and the log flushed to disk)
before anything else; then, on the GUI thread, :class:`CrashDialog` says what happened, that everything
the user entered is already saved (the judge's home commits each score as it is typed, the workspace
each action), where the log is, and offers to carry on or quit. An error from another thread is handed
to the GUI thread. A second error while the dialog is up, or errors in quick succession (a paint event
that fails on every repaint), are logged only: the handler never loops on itself. A fatal Qt message
is logged and flushed before Qt aborts; a native crash is caught by faulthandler
(``app.diagnostics.logs``).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.diagnostics import logs

log = logging.getLogger("leitai.crash")

#: Seconds after a dialog closed during which a new error is only logged (an error on every repaint).
QUIET_SECONDS = 10.0
#: Dialogs shown at most in one session; later errors are logged only.
MAX_DIALOGS = 3


@dataclass(frozen=True)
class CrashReport:
    """One unexpected error as the dialog shows it."""

    summary: str  # the exception's type and message, one line
    details: str  # the traceback
    log_file: Path | None


#: What the user chose: carry on, or quit.
CONTINUE = "continue"
QUIT = "quit"


class CrashDialog(QDialog):
    """Says what happened, that nothing is lost and where the log is; carry on or quit."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Leitai ran into a problem"))
        self.report = report
        self.choice = CONTINUE
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Something unexpected went wrong."))
        heading.setObjectName("sectionHeading")
        kept = QLabel(
            self.tr(
                "Nothing you entered is lost: every score, comment and change was saved to disk the "
                "moment you made it. You can carry on, or quit and start Leitai again."
            )
        )
        kept.setObjectName("crashKept")
        kept.setWordWrap(True)
        where = report.log_file or logs.log_dir()
        self.log_label = QLabel(self.tr("The details were written to the log:\n{path}").format(path=where))
        self.log_label.setObjectName("crashLog")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error = QLabel(report.summary)
        error.setObjectName("crashSummary")
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.open_log_button = QPushButton(self.tr("Open log folder"))
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.quit_button = QPushButton(self.tr("Quit Leitai"))
        for button, role in (
            (self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.copy_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.quit_button, QDialogButtonBox.ButtonRole.RejectRole),
            (self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole),
        ):
            buttons.addButton(button, role)
        self.continue_button.setDefault(True)
        self.open_log_button.clicked.connect(self._open_log_folder)
        self.copy_button.clicked.connect(self._copy)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self._quit)
        for widget in (heading, kept, error, self.log_label):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _open_log_folder(self) -> None:
        folder = self.report.log_file.parent if self.report.log_file else logs.log_dir()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(
            f"{self.report.summary}\n\n{logs.redact(self.report.details)}\n" + "\n".join(logs.last_lines())
        )

    def _quit(self) -> None:
        self.choice = QUIT
        self.reject()

    @classmethod
    def ask(cls, report: CrashReport) -> str:
        """Show the dialog modally over the active window; returns :data:`CONTINUE` or :data:`QUIT`."""
        dialog = cls(report, QApplication.activeWindow())
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        return choice


class CrashHandler(QObject):
    """Installs the hooks; ``show`` asks the user (tests give a function instead of the dialog)."""

    _posted = Signal(object)  # a CrashReport from another thread, delivered on the GUI thread

    def __init__(self, show: Callable[[CrashReport], str] | None = None) -> None:
        super().__init__()
        self._show = show or CrashDialog.ask
        self._showing = False
        self._last_closed = -QUIET_SECONDS
        self.shown = 0
        self._posted.connect(self._present, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.on_exception
        threading.excepthook = self._on_thread_exception
        qInstallMessageHandler(self.on_qt_message)

    # -- hooks ---------------------------------------------------------------------------------------

    def on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """Log first (and flush), then tell the user on the GUI thread."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("Unexpected error", exc_info=(kind, value, tb))
        logs.flush()
        report = CrashReport(
            summary=f"{kind.__name__}: {value}".strip().rstrip(":"),
            details="".join(traceback.format_exception(kind, value, tb)),
            log_file=logs.current_log_file(),
        )
        app = QApplication.instance()
        if app is None:
            print(f"leitai: {report.summary} (log: {report.log_file})", file=sys.stderr)
        elif threading.current_thread() is threading.main_thread():
            self._present(report)
        else:
            self._posted.emit(report)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        self.on_exception(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def on_qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        """Qt's own messages go to the log; a fatal one is flushed to disk before Qt aborts."""
        level = _QT_LEVELS.get(mode, logging.INFO)
        where = f" ({context.file}:{context.line})" if context.file else ""
        logging.getLogger("qt").log(level, "%s%s", message, where)
        if level >= logging.WARNING:
            print(message, file=sys.stderr)
        if mode == QtMsgType.QtFatalMsg:
            log.critical("Qt stopped the program: %s", message)
            logs.flush()

    # -- showing -------------------------------------------------------------------------------------

    def _present(self, report: CrashReport) -> None:
        """Show the dialog unless one is up, one just closed, or enough were shown: then log only."""
        now = time.monotonic()
        if self._showing or now - self._last_closed < QUIET_SECONDS or self.shown >= MAX_DIALOGS:
            log.info("not shown again (the dialog was shown %d times): %s", self.shown, report.summary)
            return
        self._showing = True
        self.shown += 1
        try:
            choice = self._show(report)
        except Exception:  # the dialog itself failed: the error is logged already, never recurse
            log.exception("the crash dialog could not be shown")
            choice = CONTINUE
        finally:
            self._showing = False
            self._last_closed = time.monotonic()
        if choice == QUIT:
            self._quit()

    def _quit(self) -> None:
        """Close every window the normal way (each saves and closes its store), then leave."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.closeAllWindows()
            app.exit(1)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
