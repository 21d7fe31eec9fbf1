"""TOML reading with `tomli`: the same semantics as the standard library's `tomllib` (which is
tomli, vendored), but tomli's compiled wheels parse large trees about twice as fast."""

from __future__ import annotations

from typing import Any

import tomli

TOMLDecodeError = tomli.TOMLDecodeError

__all__ = ["TOMLDecodeError", "parse_toml"]


def parse_toml(text: str) -> dict[str, Any]:
    return tomli.loads(text)
