# SPDX-License-Identifier: Apache-2.0
"""From the organizer's window to a running live session: the setup dialog, then the console."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.workspace import Workspace
from ui.projector.console_window import LiveConsoleWindow
from ui.projector.setup_dialog import LiveSetupDialog

_open: list[LiveConsoleWindow] = []  # consoles stay alive while shown (no parent: their own window)


def start_live_session(
    ws: Workspace,
    parent: QWidget | None = None,
    on_console: Callable[[LiveConsoleWindow], object] | None = None,
) -> LiveSetupDialog:
    """Ask which session to run (non-blocking); on OK open its console and start receiving bundles.

    ``on_console(console)`` is called with the console once it exists (the main window ties it to its
    workspace)."""
    dialog = LiveSetupDialog(ws, parent)

    def accepted() -> None:
        if dialog.session_id is None:
            return
        console = LiveConsoleWindow(ws, dialog.session_id)
        console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open.append(console)
        console.destroyed.connect(lambda *_: _open.remove(console) if console in _open else None)
        console.start_receiving(dialog.bind_address, dialog.port.value())
        console.resize(1600, 900)
        console.show()
        if on_console is not None:
            on_console(console)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def open_consoles() -> list[LiveConsoleWindow]:
    """The consoles open now (the main window closes them with its workspace)."""
    return list(_open)
