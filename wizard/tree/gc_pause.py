"""Pausing Python's cyclic garbage collector while a big tree is built or checked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building or checking a big tree.

    Every object made then lives on, yet the collector would scan them all again and again as
    they pile up: with it running, reading a 100,000-node tree takes three times as long."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
