"""Waiting in Pilot tests on a condition, never on a fixed number of pauses.

The machines that run the suite are shared and often loaded, so a wait is bounded
by wall time (generous) and ends as soon as the condition holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

TIMEOUT = 30.0


async def until(
    pilot: Any,
    condition: Callable[[], object],
    what: str = "the condition",
    timeout: float = TIMEOUT,
) -> None:
    """Let the app run until `condition()` holds; fail, naming `what`, after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


def record_notifications(app: Any) -> list[str]:
    """Every message the app posts with `notify`, kept for the test to read.

    The app's own list drops a notification once it times out, which on a loaded
    machine can happen before a test looks; call this before `run_test`.
    """
    seen: list[str] = []
    post = app.notify

    def notify(message: object, *args: Any, **kwargs: Any) -> None:
        seen.append(str(message))
        post(message, *args, **kwargs)

    app.notify = notify
    return seen
