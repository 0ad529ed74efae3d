"""Make the README's picture from the app itself: `python scripts/screenshot.py`.

Opens the bundled samples at 120x40, opens the council transit story (quotes of
several shapes) and writes docs/screenshot.svg.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    home = tempfile.mkdtemp(prefix="reader-shot-")
    for name in ("READER_CONFIG_DIR", "READER_DATA_DIR", "READER_CACHE_DIR"):
        os.environ[name] = os.path.join(home, name.lower())
    os.chdir(ROOT)
    from reader.ui.app import ReaderApp
    from reader.ui.article_list import ArticleList

    app = ReaderApp(["sample_articles"])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        app.query_one(ArticleList).reveal("sample_articles/city-council-transit-vote.txt")
        await pilot.press("enter", "right_square_bracket")
        await pilot.pause(0.5)
        app.save_screenshot(str(ROOT / "docs" / "screenshot.svg"))


if __name__ == "__main__":
    asyncio.run(main())
