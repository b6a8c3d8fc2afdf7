"""Long work on a plain thread while a dialog stays painted: the one way the window waits.

The work (SQLite's, or worker processes') lets go of Python's lock, so a thread keeps the
event loop free; the dialog is closed when the work ends, whichever way it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog


def run_showing(dialog: QProgressDialog, work: Callable[[], None], name: str, tick: Callable[[], None] = lambda: None) -> None:
    """Run ``work`` on a thread named ``name`` with ``dialog`` shown; ``tick`` is called on the GUI
    thread every 50 ms meanwhile (to update the dialog). ``work`` must not raise: hand errors back."""
    dialog.setMinimumDuration(0)
    dialog.show()
    worker = threading.Thread(target=work, name=name, daemon=True)
    worker.start()
    loop = QEventLoop()

    def check() -> None:
        tick()
        if not worker.is_alive():
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    loop.exec()
    timer.stop()
    worker.join()
    dialog.close()
    dialog.deleteLater()
