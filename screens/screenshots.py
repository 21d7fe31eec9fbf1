"""Write the README's screenshots from the app itself: `python -m screens.screenshots [FOLDER]`.

Drives the shipped internship tree with the keyboard, as the Pilot tests do, and saves an SVG of
each main screen into docs/screenshots/ (or FOLDER). Sessions go to a throwaway folder.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from textual.pilot import Pilot

from screens.app import WizardApp, make_app

SIZE = (100, 32)
ROOT = Path(__file__).resolve().parent.parent
WALK = ["1", "1", "1", "1", "1", "1", "1"]
"""Student in China, X1 permit, Shanghai, an internship, related, studies fine, unpaid."""

SHOTS: list[tuple[str, str | None, list[str]]] = [
    ("home", None, []),
    ("question", "internship", ["1"]),
    ("risk", "internship", ["1", "down", "down"]),
    ("number-error", "internship", [*WALK, "3", "0", "enter"]),
    ("answers", "internship", [*WALK, "f2"]),
    ("outcome", "internship", [*WALK, "3", "enter"]),
]


async def _shoot(folder: Path, name: str, tree: str | None, keys: list[str]) -> Path:
    app: WizardApp = make_app(tree, animate=False)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        await pilot.press(*keys)
        await _settle(pilot)
        path = folder / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(folder))
        return path


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        os.environ["WIZARD_DATA_DIR"] = data
        for name, tree, keys in SHOTS:
            print(asyncio.run(_shoot(folder, name, tree, keys)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
