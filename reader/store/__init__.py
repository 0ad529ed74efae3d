"""What reader keeps between runs, all inside its own folders.

- `paths`: where each thing lives (platform data, cache and config folders,
  or the `READER_*` variables that tests and users set).
- `storage`: crash-safe writes and forgiving JSON loads.
- `cache`: cleaned articles in SQLite, keyed by file identity, so a second
  start reads no file; `search` ranks its full-text index.
- `state`: read marks, bookmarks, positions and settings.
"""
