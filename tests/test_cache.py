"""The article cache: reopening a library must not re-read unchanged files, yet never go stale."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

import reader.clean as clean
import reader.store.cache as cache_module
from reader.model import Article, Attribution, LoadError, Quote
from reader.store.cache import (
    ArticleCache,
    ArticleSummary,
    cleaner_version,
    list_cached,
    load_cached,
)
from reader.store.search import parse_query, snippet

HARBOUR = """Harbour ferry timetable cut again

By Odile Brack

The harbour ferry will run every forty minutes from March, the port board said on Friday.

"We simply do not have the crews," said Teodor Vance, who runs the ferry service.

Commuters on the northern quay said the change would add half an hour to each journey.
"""

ORCHARD = """Orchard growers fear a late frost

Growers in the valley covered their trees overnight as temperatures fell below zero.

A ferry of volunteers crossed the lake to help. The ferry returned at dawn.

"One more night like this and the cherries are gone," said Mirela Stan.
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache folder; the user's real cache is never touched."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def steady_cleaner_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Others edit the cleaners while tests run; a changed fingerprint would (rightly)
    empty the cache mid-test. Tests pin it; `CLEANER_VERSION` still counts."""
    monkeypatch.setattr(
        cache_module, "cleaner_version", lambda: f"{cache_module.CLEANER_VERSION}:tests"
    )


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file the loader actually opens."""
    opened: list[str] = []
    original = clean.read_bytes

    def counting(path, *args, **kwargs):
        opened.append(os.fsdecode(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(clean, "read_bytes", counting)
    return opened


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def titles(items) -> list[str]:
    return [item.reason if isinstance(item, LoadError) else item.title for item in items]


def test_cache_lives_in_reader_cache_dir(private_cache: Path) -> None:
    with ArticleCache.open() as cache:
        assert cache.location == private_cache / "articles.sqlite3"
        assert cache.notice is None
    assert cache.location.exists()


def test_second_load_reads_no_files_and_returns_the_same_articles(
    tmp_path: Path, reads: list[str]
) -> None:
    files = [write(tmp_path, "harbour.txt", HARBOUR), write(tmp_path, "orchard.txt", ORCHARD)]
    with ArticleCache.open() as cache:
        first = list(load_cached(files, cache))
    assert reads == files
    reads.clear()
    with ArticleCache.open() as cache:
        second = list(load_cached(files, cache))
    assert reads == []
    assert [a.to_json() for a in second] == [a.to_json() for a in first]
    assert second[0].title == "Harbour ferry timetable cut again"


def test_relative_and_absolute_names_share_an_entry_but_keep_their_spelling(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    absolute = write(tmp_path, "harbour.txt", HARBOUR)
    monkeypatch.chdir(tmp_path)
    with ArticleCache.open() as cache:
        list(load_cached([absolute], cache))
        reads.clear()
        (article,) = load_cached(["harbour.txt"], cache)
    assert reads == []
    assert article.path == "harbour.txt"


def test_changed_file_is_cleaned_again(tmp_path: Path, reads: list[str]) -> None:
    path = write(tmp_path, "story.txt", HARBOUR)
    with ArticleCache.open() as cache:
        list(load_cached([path], cache))
        write(tmp_path, "story.txt", ORCHARD)
        reads.clear()
        assert titles(load_cached([path], cache)) == ["Orchard growers fear a late frost"]
    assert reads == [path]


def test_same_size_edit_is_noticed_by_its_mtime(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", HARBOUR)
    before = os.stat(path)
    with ArticleCache.open() as cache:
        list(load_cached([path], cache))
        write(tmp_path, "story.txt", HARBOUR.replace("Harbour ferry", "Harbour barge"))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        assert os.stat(path).st_size == before.st_size
        assert titles(load_cached([path], cache)) == ["Harbour barge timetable cut again"]


def test_deleted_file_is_reported_not_served_from_cache(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", HARBOUR)
    with ArticleCache.open() as cache:
        list(load_cached([path], cache))
        os.remove(path)
        (item,) = load_cached([path], cache)
    assert isinstance(item, LoadError)
    assert "not found" in item.reason


def test_cleaner_version_bump_invalidates(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "story.txt", HARBOUR)
    other = write(tmp_path, "orchard.txt", ORCHARD)
    with ArticleCache.open() as cache:
        list(load_cached([path, other], cache))
        assert cache.search("cherries")
    monkeypatch.setattr(cache_module, "CLEANER_VERSION", cache_module.CLEANER_VERSION + 1)
    reads.clear()
    with ArticleCache.open() as cache:
        assert cache.get(other, os.stat(other)) is None
        assert cache.search("cherries") == []
        assert titles(load_cached([path], cache)) == ["Harbour ferry timetable cut again"]
        assert len(cache) == 1
    assert reads == [path]


def test_a_cache_made_by_an_older_schema_is_rebuilt_and_then_reused(
    tmp_path: Path, private_cache: Path, reads: list[str]
) -> None:
    private_cache.mkdir()
    old = sqlite3.connect(private_cache / cache_module.CACHE_FILE)
    old.execute("CREATE TABLE articles (path TEXT PRIMARY KEY, title TEXT)")
    old.execute("INSERT INTO articles VALUES ('/gone.txt', 'Stale row')")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    path = write(tmp_path, "story.txt", HARBOUR)
    with ArticleCache.open() as cache:
        assert titles(load_cached([path], cache)) == ["Harbour ferry timetable cut again"]
        assert len(cache) == 1
    reads.clear()
    with ArticleCache.open() as cache:
        assert titles(load_cached([path], cache)) == ["Harbour ferry timetable cut again"]
        assert cache.search("ferry")
    assert reads == []


def test_failure_is_remembered_so_a_broken_file_is_not_parsed_again(
    tmp_path: Path, reads: list[str]
) -> None:
    empty = write(tmp_path, "empty.txt", "   \n")
    with ArticleCache.open() as cache:
        (first,) = load_cached([empty], cache)
    reads.clear()
    with ArticleCache.open() as cache:
        (second,) = load_cached([empty], cache)
    assert reads == []
    assert isinstance(second, LoadError)
    assert (second.path, second.reason) == (first.path, first.reason) == (empty, "empty file")


def test_read_errors_are_not_cached_because_chmod_does_not_change_mtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "story.txt", HARBOUR)
    original = clean.read_bytes

    def denied(name, *args, **kwargs):
        raise LoadError(os.fsdecode(name), "permission denied")

    monkeypatch.setattr(clean, "read_bytes", denied)
    with ArticleCache.open() as cache:
        assert titles(load_cached([path], cache)) == ["permission denied"]
        monkeypatch.setattr(clean, "read_bytes", original)
        assert titles(load_cached([path], cache)) == ["Harbour ferry timetable cut again"]


def test_writes_are_batched_and_flushed_on_close(tmp_path: Path, private_cache: Path) -> None:
    path = write(tmp_path, "story.txt", HARBOUR)
    cache = ArticleCache.open(batch_size=100)
    cache.put(path, os.stat(path), clean.load(path))
    other = sqlite3.connect(private_cache / "articles.sqlite3")
    try:
        assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        cache.close()
        assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        other.close()
    with ArticleCache.open() as reopened:
        assert reopened.get(path, os.stat(path)).title == "Harbour ferry timetable cut again"


def test_garbage_cache_file_is_moved_aside_and_rebuilt(tmp_path: Path, private_cache: Path) -> None:
    private_cache.mkdir()
    (private_cache / "articles.sqlite3").write_bytes(b"this is not a database at all" * 200)
    path = write(tmp_path, "story.txt", HARBOUR)
    with ArticleCache.open() as cache:
        assert cache.notice and "moved it to" in cache.notice
        assert cache.location == private_cache / "articles.sqlite3"
        assert titles(load_cached([path], cache)) == ["Harbour ferry timetable cut again"]
    aside = list(private_cache.glob("articles.sqlite3.corrupt-*"))
    assert [p.read_bytes()[:29] for p in aside] == [b"this is not a database at all"]
    with ArticleCache.open() as cache:
        assert cache.notice is None
        assert cache.get(path, os.stat(path)) is not None


def test_damage_found_while_open_is_recovered_without_raising(
    tmp_path: Path, private_cache: Path
) -> None:
    files = [
        write(tmp_path, f"story{i}.txt", HARBOUR + f"\nPart {i}.\n" + ORCHARD * 3)
        for i in range(60)
    ]
    with ArticleCache.open() as cache:
        list(load_cached(files, cache))
    database = private_cache / "articles.sqlite3"
    data = bytearray(database.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # keep the header, smash every later page
        data[start : start + page] = b"\xff" * page
    database.write_bytes(bytes(data))
    with ArticleCache.open() as cache:
        cache.search("ferry")
        cache.get(files[0], os.stat(files[0]))
        items = list(load_cached(files, cache))
        assert cache.notice and "damaged" in cache.notice
        assert all(isinstance(item, Article) for item in items)
        assert cache.search("ferry")
    assert list(private_cache.glob("articles.sqlite3.corrupt-*"))


def test_unusable_cache_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    path = write(tmp_path, "story.txt", HARBOUR)
    with ArticleCache.open(blocker / "articles.sqlite3") as cache:
        assert cache.location is None
        assert cache.notice and "working without it" in cache.notice
        assert titles(load_cached([path], cache)) == ["Harbour ferry timetable cut again"]
        assert cache.search("ferry")


def test_forget_missing_drops_deleted_files_only(tmp_path: Path) -> None:
    keep = write(tmp_path, "keep.txt", HARBOUR)
    elsewhere = write(tmp_path, "elsewhere.txt", ORCHARD)
    gone = write(tmp_path, "gone.txt", ORCHARD.replace("Orchard", "Vineyard"))
    with ArticleCache.open() as cache:
        list(load_cached([keep, elsewhere, gone], cache))
        os.remove(gone)
        assert cache.forget_missing([keep]) == 1
        assert len(cache) == 2
        assert [hit.title for hit in cache.search("vineyard")] == []
        assert cache.get(elsewhere, os.stat(elsewhere)) is not None


def test_list_cached_gives_entries_in_order_without_reading_cached_files(
    tmp_path: Path, reads: list[str]
) -> None:
    files = [
        write(tmp_path, "harbour.txt", HARBOUR),
        str(tmp_path / "missing.txt"),
        write(tmp_path, "orchard.txt", ORCHARD),
        write(tmp_path, "empty.txt", ""),
    ]
    with ArticleCache.open() as cache:
        first = list(list_cached(files, cache, chunk=2))
    reads.clear()
    with ArticleCache.open() as cache:
        second = list(list_cached(files, cache, chunk=2))
    assert reads == []
    assert [str(i) if isinstance(i, LoadError) else i for i in second] == [
        str(i) if isinstance(i, LoadError) else i for i in first
    ]
    assert isinstance(second[0], ArticleSummary)
    assert second[0].title == "Harbour ferry timetable cut again"
    assert second[0].word_count > 30
    assert [type(item).__name__ for item in second] == [
        "ArticleSummary",
        "LoadError",
        "ArticleSummary",
        "LoadError",
    ]


def test_title_match_outranks_body_mentions_and_snippet_marks_the_word(tmp_path: Path) -> None:
    files = [write(tmp_path, "orchard.txt", ORCHARD), write(tmp_path, "harbour.txt", HARBOUR)]
    with ArticleCache.open() as cache:
        list(load_cached(files, cache))
        hits = cache.search("ferry")
    assert [Path(hit.path).name for hit in hits] == ["harbour.txt", "orchard.txt"]
    assert hits[0].rank > hits[1].rank
    for hit in hits:
        assert hit.marks
        assert all(hit.snippet[start:end].lower() == "ferry" for start, end in hit.marks)
        assert "\ue000" not in hit.snippet and "\n" not in hit.snippet


def test_search_finds_prefixes_phrases_and_accented_words(tmp_path: Path) -> None:
    files = [
        write(tmp_path, "harbour.txt", HARBOUR),
        write(tmp_path, "cafe.txt", "Café owners protest\n\nThe café on Rue Lépine closed.\n"),
    ]
    with ArticleCache.open() as cache:
        list(load_cached(files, cache))
        assert [h.title for h in cache.search("timeta")] == ["Harbour ferry timetable cut again"]
        assert [h.title for h in cache.search('"port board"')] == [
            "Harbour ferry timetable cut again"
        ]
        assert cache.search('"board port"') == []
        assert [h.title for h in cache.search("lepine")] == ["Café owners protest"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND",
        "OR NOT",
        "*",
        "NEAR(",
        "NEAR(ferry",
        "ferry AND",
        "title:ferry",
        "^ferry",
        "ferry -harbour",
        "(((",
        "'",
        "\\",
        "\x00",
        'ferry"harbour',
        "🙂",
        "_",
        "a" * 500,
        " ".join(["ferry"] * 200),
        "",
        "   ",
        "?!.,;",
    ],
)
def test_hostile_queries_never_raise(tmp_path: Path, query: str) -> None:
    path = write(tmp_path, "harbour.txt", HARBOUR)
    with ArticleCache.open() as cache:
        list(load_cached([path], cache))
        hits = cache.search(query)
    assert isinstance(hits, list)
    if not any(ch.isalnum() for ch in query):
        assert hits == []


def test_fingerprint_names_the_version_and_is_stable() -> None:
    assert cleaner_version().startswith(f"{cache_module.CLEANER_VERSION}:")
    assert cleaner_version() == cleaner_version()


def fts_query(text: str) -> str | None:
    query = parse_query(text)
    return query.fts() if query else None


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("NEAR( ferry") == '"NEAR" "ferry"*'
    assert fts_query('say "port board" AND') == '"say" "port board" "AND"*'
    assert fts_query("U.S. ") == '"U S"'
    assert fts_query("*") is None


def test_scope_limits_search_to_the_open_library(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    in_a = write(tmp_path / "a", "harbour.txt", HARBOUR)
    in_b = write(tmp_path / "b", "orchard.txt", ORCHARD)
    with ArticleCache.open() as cache:
        list(load_cached([in_a, in_b], cache))
        cache.set_scope([in_b])
        assert [hit.path for hit in cache.search("ferry")] == [in_b]
        cache.set_scope(None)
        assert len(cache.search("ferry")) == 2


def test_put_from_worker_threads_while_the_ui_thread_reads(tmp_path: Path) -> None:
    files = [
        write(tmp_path, f"story{i:02d}.txt", HARBOUR.replace("ferry", f"ferry{i}"))
        for i in range(40)
    ]
    errors: list[BaseException] = []
    with ArticleCache.open(batch_size=7) as cache:

        def worker(part: list[str]) -> None:
            try:
                for _ in load_cached(part, cache):
                    pass
            except BaseException as error:  # noqa: BLE001 - reported by the assert below
                errors.append(error)

        threads = [threading.Thread(target=worker, args=(files[i::2],)) for i in range(2)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            cache.search("ferry")
            list(cache.summaries(files, [os.stat(f) for f in files]))
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(cache) == 40
        assert len(cache.search("ferry17")) == 1
    with ArticleCache.open() as cache:
        assert all(cache.get(f, os.stat(f)) is not None for f in files)


def test_article_json_round_trip_keeps_quotes_and_attributions() -> None:
    article = Article(
        path="x.md",
        format="markdown",
        title="T",
        authors=["A"],
        publisher="P",
        section="S",
        published="2024-01-02",
        summary=["k"],
        paragraphs=["One \u201cquote\u201d here.", "Two"],
        headings=[1],
        url="https://example.org/x",
        quotes=[
            Quote("quote", "A", "said", 0, 5, 10),
            Quote("quote", "the president", "said", 0, 5, 10, person="Lena Hart"),
            Quote("quote", "a senior official", "said", 0, 5, 10),
            Quote("quote", None, None, 0, 5, 10),
        ],
        attributions=[Attribution("A said", "A", "said", 1, 0, 6)],
    )
    data = article.to_json()
    assert [(q["speaker"], q["described_as"]) for q in data["quotes"]] == [
        ("A", None),
        ("Lena Hart", "the president"),
        ("a senior official", None),
        (None, None),
    ]
    assert "person" not in data["quotes"][0]
    assert Article.from_json(json.loads(json.dumps(data))) == article


def test_article_json_with_a_person_field_is_read_as_written() -> None:
    """A record whose quotes carry `person` (`speaker` as written, `person` the name) still
    rebuilds the same quotes."""
    record = {
        "path": "x.md",
        "format": "markdown",
        "paragraphs": ["One \u201cquote\u201d here."],
        "quotes": [
            {
                "text": "quote",
                "speaker": "the president",
                "cue": "said",
                "paragraph": 0,
                "start": 5,
                "end": 10,
                "person": "Lena Hart",
            }
        ],
    }
    quote = Article.from_json(record).quotes[0]
    assert (quote.speaker, quote.person, quote.who) == ("the president", "Lena Hart", "Lena Hart")


def test_too_slow_to_rank_falls_back_to_title_matches_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [write(tmp_path, "orchard.txt", ORCHARD), write(tmp_path, "harbour.txt", HARBOUR)]
    ranked = ArticleCache._ranked

    def slow_ranking(self: ArticleCache, expression: str, limit: int):
        # What a word found in every article of a huge library costs, in a small one.
        self._db.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
            " WHERE x < 100000000) SELECT count(*) FROM n"
        ).fetchone()
        return ranked(self, expression, limit)

    monkeypatch.setattr(ArticleCache, "_ranked", slow_ranking)
    with ArticleCache.open() as cache:
        list(load_cached(files, cache))
        hits = cache.search("ferry", budget_ms=5)
    assert [Path(hit.path).name for hit in hits] == ["harbour.txt", "orchard.txt"]
    assert [hit.rank for hit in hits] == [0.0, 0.0]
    assert all(hit.marks for hit in hits)


def test_snippet_shows_the_passage_with_the_most_query_words() -> None:
    filler = "Nothing to see in this sentence at all. " * 20
    text = (
        "The tram opened in spring. "
        + filler
        + "Later the tram depot flooded after the storm. "
        + filler
    )
    shown, marks = snippet(text, parse_query("tram depot"))
    assert "tram depot flooded" in shown
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) < 220
    assert sorted(shown[s:e] for s, e in marks) == ["depot", "tram"]


def test_snippet_marks_accented_words_and_whole_words_being_typed() -> None:
    shown, marks = snippet(
        "Owners of the café on Rue Lépine met the mayor.", parse_query("lepine cafe may")
    )
    assert [shown[s:e] for s, e in marks] == ["café", "Lépine", "mayor"]
    shown, marks = snippet("A theme for the theatre.", parse_query("the "))
    assert [shown[s:e] for s, e in marks] == ["the"]
