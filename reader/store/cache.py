"""Cleaned articles kept in SQLite, so a library of thousands opens without re-parsing.

Cleaning a saved page costs milliseconds; a folder of 10,000 would take
minutes at every start. The cache keeps each result (an article, or the
reason a file failed, so broken files are not re-parsed either) keyed by the
file's path, size, mtime and the cleaner's version. The list pane's fields
live in plain columns so the list fills from one query without unpacking
bodies; the whole article is kept compressed for when it is opened, and an
FTS5 table over title, authors and body answers searches. Attributed quotes have
a table of their own, so the People view counts who is quoted across the whole
library with one query and reads quotes without unpacking any article.

A cache is only an optimisation: a damaged file is moved aside and rebuilt,
a locked or read-only one degrades to an in-memory cache, and nothing here
ever stops the articles themselves from loading.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from reader.model import Article, Format, LoadError, Quote, read_time
from reader.store import paths

if TYPE_CHECKING:  # imported where used: the first screenful is looked up without them
    from reader.store.search import SearchHit

CLEANER_VERSION: Final = 1
"""Bump when cleaning changes in a way the source fingerprint cannot see (e.g. a dependency)."""

SCHEMA_VERSION: Final = 2
BATCH_SIZE: Final = 200
"""Writes per transaction: one commit per article would make a cold start I/O bound."""
CACHE_FILE: Final = "articles.sqlite3"
TITLE_WEIGHT, AUTHORS_WEIGHT, BODY_WEIGHT = 10.0, 5.0, 1.0
SEARCH_BUDGET_MS: Final = 25.0
"""How long ranking may take before search falls back to unranked order (see `search`)."""
_CHUNK: Final = 500
"""Paths per `IN (...)` lookup, well under SQLite's bound-parameter limit."""
_CORRUPT_CODES: Final = {11, 26}
"""SQLITE_CORRUPT and SQLITE_NOTADB (primary codes): the file itself is damaged."""
_NOT_CLEANING: Final = frozenset(
    {
        "ui",
        "store",
        "library.py",
        "cli.py",
        "render.py",
        "__main__.py",
        "config.py",
        "export.py",
        "clipboard.py",
        "people.py",
        "web",
    }
)
"""Parts of the package that cannot change what a file cleans to. Anything not listed
counts, so a new cleaning module is never missed; at worst an edit re-cleans needlessly."""

_TABLES: Final = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        version TEXT NOT NULL,
        format TEXT,
        title TEXT,
        authors TEXT,
        publisher TEXT,
        published TEXT,
        word_count INTEGER,
        read_time INTEGER,
        error TEXT,
        body BLOB
    )""",
    """CREATE TABLE IF NOT EXISTS quotes (
        article INTEGER NOT NULL,
        number INTEGER NOT NULL,
        speaker TEXT NOT NULL,
        text TEXT NOT NULL,
        cue TEXT,
        paragraph INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article, number)
    ) WITHOUT ROWID""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
        title, authors, body, tokenize = 'unicode61 remove_diacritics 2'
    )""",
    # The default rank: title and authors weighted well above the body.
    f"""INSERT OR REPLACE INTO search(search, rank)
        VALUES ('rank', 'bm25({TITLE_WEIGHT}, {AUTHORS_WEIGHT}, {BODY_WEIGHT})')""",
)
"""`articles` holds list-pane columns plus the zlib-compressed `Article.to_json()`
(NULL with `error` set for files that failed); `search.rowid` is `articles.id`, and so is
`quotes.article`, whose `number` is the quote's index in `Article.quotes` (only quotes with
a speaker are kept)."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the list pane shows for an article, without its body."""

    path: str
    format: Format
    title: str
    authors: tuple[str, ...]
    publisher: str | None
    published: str | None
    word_count: int
    read_time_minutes: int

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        words = article.word_count  # counted once: it walks every paragraph
        return cls(
            article.path,
            article.format,
            article.title,
            tuple(article.authors),
            article.publisher,
            article.published,
            words,
            read_time(words),
        )


def cache_file() -> Path:
    """The database in `reader.store.paths.cache_dir()`: `READER_CACHE_DIR` if set, else the
    platform's cache folder."""
    return paths.cache_dir() / CACHE_FILE


def cleaner_version() -> str:
    """`CLEANER_VERSION` plus a checksum of the cleaning code, so an edit cannot serve stale text.

    CRC-32 of every file's name and bytes in turn, and their length: enough to notice an
    edit, and zlib is loaded already, where `hashlib` would start OpenSSL while the app's
    first screenful is being looked up.
    """
    checksum = length = 0
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    for parts in sorted(_cleaning_modules(package)):
        with contextlib.suppress(OSError), open(os.path.join(package, *parts), "rb") as file:
            data = "/".join(parts).encode() + b"\0" + file.read()
            checksum = zlib.crc32(data, checksum)
            length += len(data)
    return f"{CLEANER_VERSION}:{checksum:08x}-{length:x}"


def _cleaning_modules(package: str) -> Iterator[tuple[str, ...]]:
    """The path parts of every `.py` file under `package` but those `_NOT_CLEANING` names,
    whose folders are not walked."""
    for folder, subfolders, names in os.walk(package):
        relative = os.path.relpath(folder, package)
        parts = () if relative == os.curdir else tuple(relative.split(os.sep))
        if not parts:
            subfolders[:] = [name for name in subfolders if name not in _NOT_CLEANING]
        for name in names:
            if name.endswith(".py") and (parts or name not in _NOT_CLEANING):
                yield (*parts, name)


_BYTES_PREFIX: Final = "bytes:"
"""Marks a stored name that is not valid UTF-8; no absolute path can start with it."""


def _key(path: str | os.PathLike[str]) -> str:
    """One cache entry per file however it was named (relative, absolute, `./`)."""
    return _to_db(os.path.abspath(os.fsdecode(path)))


def _to_db(name: str) -> str:
    """A file name as SQLite can store it: SQLite text must be UTF-8, and a name with bytes
    that are not (lone surrogates from os.fsdecode) is kept as the hex of its bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return _BYTES_PREFIX + os.fsencode(name).hex()
    return name


def _from_db(stored: str) -> str:
    """The file name `_to_db` stored."""
    if stored.startswith(_BYTES_PREFIX):
        return os.fsdecode(bytes.fromhex(stored[len(_BYTES_PREFIX) :]))
    return stored


def _is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


class ArticleCache:
    """The SQLite article cache; safe to share between the UI thread and a worker.

    One connection guarded by a lock: SQLite serialises writers anyway, and a
    single connection lets a worker's uncommitted batch be visible to the UI.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        location: Path | None,
        *,
        batch_size: int = BATCH_SIZE,
        notice: str | None = None,
    ) -> None:
        self._db = connection
        self.location = location
        """The database file, or None when the cache lives in memory only."""
        self.notice = notice
        """A message for the user when the cache had to be moved aside or could not be opened."""
        self.batch_size = batch_size
        self.version = cleaner_version()
        self._lock = threading.RLock()
        self._pending = 0
        self._scoped = False

    # -- opening and recovery -------------------------------------------------

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, *, batch_size: int = BATCH_SIZE
    ) -> ArticleCache:
        """Open (creating if needed) the cache; never raises for a damaged or unusable file."""
        location = Path(path) if path is not None else cache_file()
        notice = None
        try:
            connection = _connect(location)
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                return cls._in_memory(location, error, batch_size)
            notice = _move_aside(location)
            try:
                connection = _connect(location)
            except (sqlite3.Error, OSError) as again:
                return cls._in_memory(location, again, batch_size, notice)
        except OSError as error:
            return cls._in_memory(location, error, batch_size)
        cache = cls(connection, location, batch_size=batch_size, notice=notice)
        with contextlib.suppress(_Miss), cache._guard(writing=True):
            cache._drop_stale_versions()
        return cache

    @classmethod
    def _in_memory(
        cls, location: Path, error: Exception, batch_size: int, notice: str | None = None
    ) -> ArticleCache:
        connection = _connect(None)
        message = f"Article cache unavailable ({location}: {error}); working without it."
        return cls(
            connection,
            None,
            batch_size=batch_size,
            notice=f"{notice} {message}" if notice else message,
        )

    def _drop_stale_versions(self) -> None:
        """Articles cleaned by another cleaner version would never hit again; reclaim them."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if row and row[0] == self.version:
                return
            # Dropping is far quicker than deleting 10,000 rows from an FTS index one by one.
            self._db.execute("BEGIN")
            self._db.execute("DROP TABLE search")
            self._db.execute("DROP TABLE quotes")
            self._db.execute("DROP TABLE articles")
            for statement in _TABLES:
                self._db.execute(statement)
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (self.version,))
            self._db.execute("COMMIT")

    def _recover(self, error: sqlite3.Error) -> None:
        """The file went bad while open: move it aside and carry on with a fresh one."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._pending = 0
            self._scoped = False
            if self.location is None:
                self._db = _connect(None)
                return
            notice = _move_aside(self.location)
            try:
                self._db = _connect(self.location)
            except (sqlite3.Error, OSError) as again:
                self._db = _connect(None)
                notice += f" It could not be recreated ({again}); working without a cache."
                self.location = None
            self.notice = f"{notice} (Error was: {error}.)"
            if self.location is not None:
                self._drop_stale_versions()

    @contextlib.contextmanager
    def _guard(self, *, writing: bool = False) -> Iterator[None]:
        """Run one cache operation; corruption triggers recovery, the caller sees a miss."""
        with self._lock:
            try:
                yield
            except sqlite3.DatabaseError as error:
                if _is_corruption(error):
                    self._recover(error)
                    raise _Miss from None
                if isinstance(error, sqlite3.OperationalError):
                    # Locked by another reader, disk full, read-only: skip caching this time.
                    if writing:
                        self._rollback()
                    raise _Miss from None
                raise

    def _rollback(self) -> None:
        if self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._db.rollback()
        self._pending = 0

    # -- reading --------------------------------------------------------------

    def get(self, path: str | os.PathLike[str], info: os.stat_result) -> Article | LoadError | None:
        """The cached result for this exact file version, or None if it must be cleaned."""
        name = os.fsdecode(path)
        try:
            with self._guard():
                row = self._db.execute(
                    "SELECT size, mtime_ns, version, error, body FROM articles WHERE path = ?",
                    (_key(name),),
                ).fetchone()
        except _Miss:
            return None
        if row is None or (row[0], row[1], row[2]) != (
            info.st_size,
            info.st_mtime_ns,
            self.version,
        ):
            return None
        if row[3] is not None:
            return LoadError(name, row[3])
        try:
            data = zlib.decompress(row[4]).decode("utf-8", "surrogatepass")
            article = Article.from_json(json.loads(data))
        except (zlib.error, ValueError, KeyError, TypeError):  # UnicodeError is a ValueError
            return None
        article.path = name
        return article

    def summaries(
        self, files: Sequence[str], infos: Sequence[os.stat_result | None]
    ) -> list[ArticleSummary | LoadError | None]:
        """List-pane entries for many files at once, None where the cache is stale or empty.

        Reads only the plain columns, never the compressed bodies.
        """
        found: dict[str, tuple[Any, ...]] = {}
        keys = [_key(name) for name in files]
        try:
            with self._guard():
                for start in range(0, len(keys), _CHUNK):
                    chunk = keys[start : start + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    for row in self._db.execute(
                        "SELECT path, size, mtime_ns, version, error, format, title, authors,"
                        " publisher, published, word_count, read_time FROM articles"
                        f" WHERE path IN ({marks})",
                        chunk,
                    ):
                        found[row[0]] = row
        except _Miss:
            found = {}
        results: list[ArticleSummary | LoadError | None] = []
        for name, key, info in zip(files, keys, infos, strict=True):
            row = found.get(key)
            if (
                info is None
                or row is None
                or (row[1], row[2], row[3]) != (info.st_size, info.st_mtime_ns, self.version)
            ):
                results.append(None)
            elif row[4] is not None:
                results.append(LoadError(name, row[4]))
            else:
                results.append(
                    ArticleSummary(
                        name,
                        row[5],
                        row[6] or "",
                        tuple(json.loads(row[7] or "[]")),
                        row[8],
                        row[9],
                        row[10] or 0,
                        row[11] or 1,
                    )
                )
        return results

    def speakers(self, files: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """Who each file's article quotes, with how many quotes each, keyed as `files` spell it.

        For files whose list entries came from this cache (so are current); a file
        that quotes nobody, or is not cached, is left out. Each chunk of paths is
        looked up through the indexes, so asking for a batch of newly listed files
        costs that batch, not a pass over every stored quote.
        """
        named = {_key(name): name for name in files}
        counts: dict[str, dict[str, int]] = {}
        query = (
            "SELECT a.path, q.speaker FROM articles a JOIN quotes q ON q.article = a.id"
            " WHERE a.path IN ({})"
        )
        try:
            with self._guard():
                for key, speaker in self._chunked(query, list(named)):
                    said = counts.setdefault(named[key], {})
                    said[speaker] = said.get(speaker, 0) + 1
        except _Miss:
            return {}
        return {name: list(said.items()) for name, said in counts.items()}

    def quotes(self, files: Sequence[str]) -> dict[str, list[tuple[int, Quote]]]:
        """Each file's attributed quotes with their index in `Article.quotes`, in order."""
        named = {_key(name): name for name in files}
        found: dict[str, list[tuple[int, Quote]]] = {}
        query = (
            "SELECT a.path, q.number, q.text, q.speaker, q.cue, q.paragraph, q.start, q.end"
            " FROM articles a JOIN quotes q ON q.article = a.id WHERE a.path IN ({})"
            " ORDER BY a.id, q.number"
        )
        try:
            with self._guard():
                for key, number, *fields in self._chunked(query, list(named)):
                    found.setdefault(named[key], []).append((number, Quote(*fields)))
        except _Miss:
            return {}
        return found

    def _chunked(self, query: str, keys: list[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of `query` (with `{}` for the placeholders) over `keys`, `_CHUNK` at a time."""
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            yield from self._db.execute(query.format(",".join("?" * len(chunk))), chunk)

    def __len__(self) -> int:
        try:
            with self._guard():
                count: int = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
                return count
        except _Miss:
            return 0

    # -- writing --------------------------------------------------------------

    def put(
        self, path: str | os.PathLike[str], info: os.stat_result, item: Article | LoadError
    ) -> ArticleSummary | None:
        """Remember a result for this file version; written in batches (see `flush`).

        `info` must be the stat taken *before* the file was read, so a file that
        changes while it is being cleaned is cleaned again next time. Returns the
        article's list entry: counting its words walks every paragraph, and `to_json`
        has just done that, so a cold list does not count twice."""
        key = _key(path)
        summary = None
        quotes: list[tuple[Any, ...]] = []
        if isinstance(item, LoadError):
            values: tuple[Any, ...] = (None, None, None, None, None, None, None, item.reason, None)
            text = None
        else:
            data = item.to_json()
            body = zlib.compress(
                # surrogatepass: the path may hold lone surrogates (bytes that are not UTF-8)
                json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
                    "utf-8", "surrogatepass"
                )
            )
            summary = ArticleSummary(
                item.path,
                item.format,
                item.title,
                tuple(item.authors),
                item.publisher,
                item.published,
                data["word_count"],
                data["read_time_minutes"],
            )
            values = (
                item.format,
                item.title,
                json.dumps(item.authors, ensure_ascii=False),
                item.publisher,
                item.published,
                summary.word_count,
                summary.read_time_minutes,
                None,
                body,
            )
            text = (item.title, ", ".join(item.authors), "\n".join(item.summary + item.paragraphs))
            quotes = [
                (number, q.who, q.text, q.cue, q.paragraph, q.start, q.end)
                for number, q in enumerate(item.quotes)
                if q.who
            ]
        for _attempt in range(2):
            try:
                with self._guard(writing=True):
                    self._write(key, info, values, text, quotes)
                break
            except _Miss:
                continue
        return summary

    def _write(
        self,
        key: str,
        info: os.stat_result,
        values: tuple[Any, ...],
        text: tuple[str, str, str] | None,
        quotes: list[tuple[Any, ...]],
    ) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN")
        row_id = self._db.execute(
            "INSERT INTO articles (path, size, mtime_ns, version, format, title, authors,"
            " publisher, published, word_count, read_time, error, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (path) DO UPDATE SET size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, version = excluded.version,"
            " format = excluded.format, title = excluded.title, authors = excluded.authors,"
            " publisher = excluded.publisher, published = excluded.published,"
            " word_count = excluded.word_count, read_time = excluded.read_time,"
            " error = excluded.error, body = excluded.body RETURNING id",
            (key, info.st_size, info.st_mtime_ns, self.version, *values),
        ).fetchone()[0]
        self._db.execute("DELETE FROM search WHERE rowid = ?", (row_id,))
        self._db.execute("DELETE FROM quotes WHERE article = ?", (row_id,))
        self._db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((row_id, *quote) for quote in quotes),
        )
        if text is not None:
            self._db.execute(
                "INSERT INTO search (rowid, title, authors, body) VALUES (?, ?, ?, ?)",
                (row_id, *text),
            )
        self._pending += 1
        if self._pending >= self.batch_size:
            self._db.execute("COMMIT")
            self._pending = 0

    def flush(self) -> None:
        """Commit batched writes now (end of a scan, before closing, before quitting)."""
        with contextlib.suppress(_Miss), self._guard(writing=True):
            if self._db.in_transaction:
                self._db.execute("COMMIT")
            self._pending = 0

    def forget_missing(self, existing_paths: Iterable[str]) -> int:
        """Drop entries for files that no longer exist; returns how many were dropped.

        The cache is shared by every folder the user opens, so an entry is only
        dropped when its file is gone from disk, not merely absent from `existing_paths`.
        """
        existing = {_key(path) for path in existing_paths}
        try:
            with self._guard(writing=True):
                rows = self._db.execute("SELECT id, path FROM articles").fetchall()
                gone = [
                    (row_id,)
                    for row_id, key in rows
                    if key not in existing and not os.path.lexists(_from_db(key))
                ]
                if gone:
                    if not self._db.in_transaction:
                        self._db.execute("BEGIN")
                    self._db.executemany("DELETE FROM search WHERE rowid = ?", gone)
                    self._db.executemany("DELETE FROM quotes WHERE article = ?", gone)
                    self._db.executemany("DELETE FROM articles WHERE id = ?", gone)
                    self._db.execute("COMMIT")
                    self._pending = 0
        except _Miss:
            return 0
        return len(gone)

    # -- search ---------------------------------------------------------------

    def set_scope(self, paths: Iterable[str] | None) -> None:
        """Limit `search` to these files (the open library), or to everything with None.

        Hits then carry the path as the caller spelled it, so they match list entries.
        """
        with contextlib.suppress(_Miss), self._guard():
            self._db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS scope"
                " (path TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID"
            )
            self._db.execute("DELETE FROM temp.scope")
            self._scoped = paths is not None
            if paths is not None:
                self._db.executemany(
                    "INSERT OR REPLACE INTO temp.scope VALUES (?, ?)",
                    ((_key(name), _to_db(name)) for name in paths),
                )

    def search(
        self, query: str, limit: int = 50, *, budget_ms: float = SEARCH_BUDGET_MS
    ) -> list[SearchHit]:
        """Articles matching `query`, best first; any user input is safe, none raises.

        Ranking scores every matching article, so a word found in nearly all of
        a big library can take longer than a keystroke should; past `budget_ms`
        the ranking is abandoned for title matches first, then the rest.
        """
        from reader.store.search import SearchHit, parse_query, snippet

        parsed = parse_query(query)
        if parsed is None or limit <= 0:
            return []
        limit = min(limit, 1000)
        expression = parsed.fts()
        try:
            with self._guard():
                rows = self._within(budget_ms, self._ranked, expression, limit)
                if rows is None:
                    rows = self._unranked(expression, limit, max(budget_ms / 3, 5.0))
                # One lookup per hit: FTS5 turns `rowid IN (...)` into a scan of every row.
                bodies = {
                    row[0]: self._db.execute(
                        "SELECT body FROM search WHERE rowid = ?", (row[0],)
                    ).fetchone()[0]
                    for row in rows
                }
        except _Miss:
            return []
        hits = []
        for row_id, path, title, rank in rows:
            text, marks = snippet(bodies.get(row_id) or "", parsed)
            hits.append(SearchHit(_from_db(path), title or "", text, -rank if rank else 0.0, marks))
        return hits

    def _from(self) -> str:
        shown = "s.name" if self._scoped else "a.path"
        scope = " JOIN temp.scope s ON s.path = a.path" if self._scoped else ""
        return (
            f"SELECT search.rowid, {shown}, a.title, {{rank}} FROM search"
            f" JOIN articles a ON a.id = search.rowid{scope} WHERE search MATCH ?"
        )

    def _within(
        self, budget_ms: float, query: Callable[..., list[tuple[Any, ...]]], *args: Any
    ) -> list[tuple[Any, ...]] | None:
        """Run `query`, or give up and return None once it has used `budget_ms` of CPU.

        CPU time, not wall time: on a busy machine the same query must give the
        same (ranked) answer, only later.
        """
        deadline = time.thread_time() + budget_ms / 1000
        self._db.set_progress_handler(lambda: time.thread_time() > deadline, 1000)
        try:
            return query(*args)
        except sqlite3.OperationalError as error:
            if "interrupt" in str(error):
                return None
            raise
        finally:
            self._db.set_progress_handler(None, 0)

    def _ranked(self, expression: str, limit: int) -> list[tuple[Any, ...]]:
        """BM25-ranked hits (title and authors weighted up: see `_TABLES`)."""
        return self._db.execute(
            self._from().format(rank="rank") + " ORDER BY rank LIMIT ?", (expression, limit)
        ).fetchall()

    def _unranked(self, expression: str, limit: int, budget_ms: float) -> list[tuple[Any, ...]]:
        """Title and author matches first (if they come quickly), then the rest, in the
        order they were cached: both stop after `limit` hits instead of scoring them all."""
        sql = self._from().format(rank="0.0") + " LIMIT ?"
        titled = f"{{title authors}} : ({expression})"
        rows = self._within(budget_ms, lambda: self._db.execute(sql, (titled, limit)).fetchall())
        rows = rows or []
        seen = {row[0] for row in rows}
        for row in self._db.execute(sql, (expression, limit + len(rows))):
            if len(rows) >= limit:
                break
            if row[0] not in seen:
                rows.append(row)
        return rows

    # -- lifetime -------------------------------------------------------------

    def close(self) -> None:
        """Commit what is pending and close; the cache cannot be used afterwards."""
        self.flush()
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _Miss(Exception):
    """Internal: the cache could not answer; callers treat it as an empty cache."""


def _connect(location: Path | None) -> sqlite3.Connection:
    if location is None:
        connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    else:
        location.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for suffix in ("", "-wal", "-shm", "-journal"):
            # SQLite would write through a link: the cache lives only in reader's folder.
            with contextlib.suppress(FileNotFoundError):
                if os.path.islink(f"{location}{suffix}"):
                    os.unlink(f"{location}{suffix}")
        connection = sqlite3.connect(
            location, timeout=2.0, check_same_thread=False, isolation_level=None
        )
    try:
        if location is not None:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            _make_tables(connection)
        connection.execute("SELECT count(*) FROM articles").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


def _make_tables(connection: sqlite3.Connection) -> None:
    """Create the tables, dropping those of another schema, in one transaction: the version
    is set with the tables, so a file at this version has them all and later opens write
    nothing. Another reader opening the file at the same time waits, then finds them made."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        if user_version not in (0, SCHEMA_VERSION):
            for table in ("search", "articles", "meta", "quotes"):
                connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.rollback()
        raise


def _move_aside(location: Path) -> str:
    """Rename a damaged database (and its WAL files) so it can be inspected, never deleted."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = location.with_name(f"{location.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{location}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            if suffix:
                source.replace(Path(f"{target}{suffix}"))
            else:
                source.replace(target)
    return f"The article cache was damaged; moved it to {target} and started a new one."


def _stat(name: str) -> os.stat_result | LoadError:
    try:
        return os.stat(name)
    except OSError as error:
        from reader.clean import os_reason

        return LoadError(name, os_reason(error))


def _clean_and_store(
    name: str, info: os.stat_result, cache: ArticleCache
) -> tuple[Article | LoadError, ArticleSummary | None]:
    """Read and clean one file; the result, and for an article its list entry.

    Only failures of the *content* are cached: a permission problem is fixed
    with chmod, which leaves size and mtime alone, so it must be retried."""
    from reader.clean import clean_bytes, read_bytes

    try:
        data = read_bytes(name)
    except LoadError as error:
        return error, None
    try:
        item: Article | LoadError = clean_bytes(data, name)
    except LoadError as error:
        item = error
    return item, cache.put(name, info, item)


def load_cached(files: Iterable[str], cache: ArticleCache) -> Iterator[Article | LoadError]:
    """Like `library.load_all`, but a file unchanged since it was cached is not even opened."""
    try:
        for name in files:
            info = _stat(name)
            if isinstance(info, LoadError):
                yield info
                continue
            hit = cache.get(name, info)
            yield hit if hit is not None else _clean_and_store(name, info, cache)[0]
    finally:
        cache.flush()


def list_cached(
    files: Iterable[str], cache: ArticleCache, chunk: int = _CHUNK
) -> Iterator[ArticleSummary | LoadError]:
    """List-pane entries for a library, in order; bodies stay in the cache until opened.

    Cached files cost one stat each plus a share of one query per `chunk` files;
    the rest are cleaned and stored. Open an entry with `cache.get` (or `load` on a miss).
    """
    pending: list[str] = []
    try:
        for name in files:
            pending.append(name)
            if len(pending) >= chunk:
                yield from _list_chunk(pending, cache)
                pending = []
        if pending:
            yield from _list_chunk(pending, cache)
    finally:
        cache.flush()


def look_up(files: Sequence[str], cache: ArticleCache) -> list[ArticleSummary | LoadError | None]:
    """List-pane entries for files the cache can answer for without opening them (one stat
    each and one query), None for those that must be cleaned first; a missing file's entry
    is its error."""
    stats = [_stat(name) for name in files]
    infos = [None if isinstance(info, LoadError) else info for info in stats]
    return [
        info if isinstance(info, LoadError) else cached
        for info, cached in zip(stats, cache.summaries(files, infos), strict=True)
    ]


def list_one(name: str, cache: ArticleCache) -> ArticleSummary | LoadError:
    """One file's list-pane entry: from the cache, else cleaned and stored now."""
    for item in _list_chunk([name], cache):
        return item
    raise AssertionError("a file always has an entry")


def _list_chunk(files: list[str], cache: ArticleCache) -> Iterator[ArticleSummary | LoadError]:
    for name, known in zip(files, look_up(files, cache), strict=True):
        if known is not None:
            yield known
            continue
        info = _stat(name)
        if isinstance(info, LoadError):
            yield info
        else:
            item, summary = _clean_and_store(name, info, cache)
            if summary is not None:
                yield summary
            elif isinstance(item, LoadError):
                yield item
            else:  # cleaned, but the cache could not keep it
                yield ArticleSummary.of(item)
