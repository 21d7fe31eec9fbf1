"""The cyclic garbage collector while the app starts: held off, then the startup's objects frozen.

Starting the app creates some 80,000 container objects (modules, classes, widgets, styles) that
live as long as the app. With the default thresholds the collector runs about 120 times while
they pile up, scanning them again each time, and once more over all of them at exit: about a
fifth of the app's cold start (bench/RESULTS.md, notes).

So importing this module (screens.app does it first, before Textual) raises the first
generation's threshold: collections become rare, not impossible (a process that imports the app
without running it still collects). Once the first screen is drawn, the app calls
`freeze_startup`: every object alive then moves into the permanent generation (`gc.freeze`),
which later collections skip, and the thresholds are restored. The price: the cyclic garbage
made during startup is frozen too and never freed (measured at the home screen: 4,000 objects,
about half a MiB).
"""

from __future__ import annotations

import gc

_HELD_OFF = (200_000, 50, 100)
"""Thresholds while starting: the home screen's start leaves some 80,000 objects to the
collector between the import and the first frame, so no collection runs in between (starting
on a tree, with pydantic and the tree's models, runs a few)."""

_saved: tuple[int, int, int] | None = None


def hold_off() -> None:
    """Make collections rare until `freeze_startup` (once per process)."""
    global _saved
    if _saved is None:
        _saved = gc.get_threshold()
        gc.set_threshold(*_HELD_OFF)


def freeze_startup() -> None:
    """Freeze what startup made and restore the collector's thresholds (once; later no-op)."""
    global _saved
    if _saved is not None:
        gc.freeze()
        gc.set_threshold(*_saved)
        _saved = None


hold_off()
