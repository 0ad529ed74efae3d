"""Measure the article cache on a generated library: cold vs warm loads, search, memory.

    python benchmarks/make_library.py /tmp/library --count 10000
    python benchmarks/cache.py /tmp/library [--peer 1000] [--queries 40]

Each phase runs in its own Python process (so peak RSS belongs to that phase
alone) against a throw-away cache in a temporary `READER_CACHE_DIR`; the
user's real cache is never touched. Files are read once before timing, so
"cold" means an empty article cache, not an empty OS page cache.

Phases:
  overhead  `clean.load` and `ArticleCache.put` timed per file, side by side in one pass,
            on the first --peer files: what filling the cache adds to cleaning
  cold      `load_cached` on every file, empty cache (fills it)
  warm      `load_cached` on every file again, full cache; counts file reads (goal: 0)
  list      `list_cached` on every file, keeping every list entry as the UI does
  search    FTS queries over the full cache, scoped to the library as the UI does, each
            also run as the plain FTS5 query (bm25 + snippet()) as a peer in the same run
  rss       `list_cached` + one search + opening one article, for 100 and for all files
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def count_reads() -> dict[str, int]:
    """Wrap the functions a cache miss must call, so a warm run can prove it read nothing."""
    import reader.clean as clean

    counts = {"read_bytes": 0, "clean_bytes": 0}

    def counted(name: str):
        original = getattr(clean, name)

        def wrapper(*args, **kwargs):
            counts[name] += 1
            return original(*args, **kwargs)

        setattr(clean, name, wrapper)

    counted("read_bytes")
    counted("clean_bytes")
    return counts


def child(phase: str, library: str, count: int, queries: int) -> dict:
    """One measured phase; runs in a fresh process and returns its figures."""
    import reader.store.cache
    from reader.library import scan
    from reader.model import LoadError
    from reader.store.cache import ArticleCache, list_cached, load_cached

    # Other engineers edit the cleaners while this runs; a changed fingerprint would
    # (correctly) empty the cache between phases. Pin it: this measures the cache itself.
    reader.store.cache.cleaner_version = lambda: "benchmark"
    files = scan([library]).files[:count]
    if phase == "overhead":
        return write_overhead(files) | {"phase": phase, "files": len(files)}
    counts = count_reads()
    result: dict = {"phase": phase, "files": len(files)}
    start, start_cpu = time.perf_counter(), time.process_time()
    if phase in ("cold", "warm"):
        with ArticleCache.open() as cache:
            failures = sum(isinstance(item, LoadError) for item in load_cached(files, cache))
    elif phase in ("list", "rss"):
        with ArticleCache.open() as cache:
            entries = list(list_cached(files, cache))
            failures = sum(isinstance(item, LoadError) for item in entries)
            if phase == "rss":
                cache.set_scope(files)
                cache.search("budget tunnel")
                opened = next(e for e in entries if not isinstance(e, LoadError))
                cache.get(opened.path, os.stat(opened.path))
            result["entries_kept"] = len(entries)
    elif phase == "search":
        with ArticleCache.open() as cache:
            return search_latency(cache, files, queries) | {"phase": phase, "files": len(files)}
    else:
        raise SystemExit(f"unknown phase {phase}")
    result["seconds"] = time.perf_counter() - start
    result["cpu_seconds"] = time.process_time() - start_cpu
    result["failures"] = failures
    result["reads"] = counts
    result["peak_rss_mib"] = rss_mib()
    return result


def write_overhead(files: list[str]) -> dict:
    """Time cleaning and caching each file side by side, in one process and one pass,
    so the ratio holds even while the machine (or the cleaners) change under us."""
    from reader.clean import load
    from reader.model import LoadError
    from reader.store.cache import ArticleCache

    cleaning = caching = 0.0
    with ArticleCache.open() as cache:
        for name in files:
            start = time.perf_counter()
            info = os.stat(name)
            try:
                item = load(name)
            except LoadError as error:
                item = error
            middle = time.perf_counter()
            cache.put(name, info, item)
            caching += time.perf_counter() - middle
            cleaning += middle - start
        start = time.perf_counter()
        cache.flush()
        caching += time.perf_counter() - start
    return {"clean_seconds": cleaning, "cache_seconds": caching}


def user_queries(count: int) -> list[str]:
    """What people type: common words, names, phrases, half-typed words, misses, junk."""
    sys.path.insert(0, str(Path(__file__).parent))
    import make_library as lib

    rng = random.Random(6)
    tail = lib.invented_names(random.Random(6), 5000)
    makers = [
        lambda: rng.choice(lib.NOUNS),
        lambda: f"{rng.choice(lib.NOUNS)} {rng.choice(lib.NOUNS)}",
        lambda: rng.choice(lib.LAST),
        lambda: f"{rng.choice(lib.FIRST)} {rng.choice(lib.LAST)}",
        lambda: rng.choice(tail),
        lambda: f'"{rng.choice(lib.QUOTES).split(",")[0][:30].rsplit(" ", 1)[0]}"',
        lambda: rng.choice(lib.NOUNS)[:4],
        lambda: f"{rng.choice(lib.VERBS)} {rng.choice(tail)[:3]}",
        lambda: "".join(rng.choice("qxzj") for _ in range(6)),
        lambda: rng.choice(['"', "AND", "*", "NEAR(", "", "a"]),
        # Typing "the tunnel" searches for "the" first: the worst case for ranking.
        lambda: rng.choice(["the", "of", "said", "in", "and"]),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def search_latency(cache, files: list[str], count: int) -> dict:
    cache.set_scope(files)
    wall, cpu, naive_wall, naive_cpu, hits, unranked = [], [], [], [], [], 0
    for query in user_queries(count):
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.thread_time()
            found = cache.search(query)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
            start, start_cpu = time.perf_counter(), time.thread_time()
            naive_search(cache, query)
            naive_cpu.append((time.thread_time() - start_cpu) * 1000)
            naive_wall.append((time.perf_counter() - start) * 1000)
        hits.append(len(found))
        unranked += bool(found) and found[0].rank == 0.0
    figures = {
        "queries": count,
        "runs": len(wall),
        "queries_with_hits": sum(1 for h in hits if h),
        "fell_back_to_unranked": unranked,
    }
    for name, samples in (
        ("wall", wall),
        ("cpu", cpu),
        ("naive_wall", naive_wall),
        ("naive_cpu", naive_cpu),
    ):
        samples.sort()
        figures |= {
            f"{name}_median_ms": statistics.median(samples),
            f"{name}_p95_ms": samples[int(len(samples) * 0.95) - 1],
            f"{name}_max_ms": samples[-1],
        }
    return figures


def naive_search(cache, query: str) -> list:
    """The peer: the textbook FTS5 query, ranked by bm25 with FTS5's own `snippet()`."""
    from reader.store.search import parse_query

    parsed = parse_query(query)
    if parsed is None:
        return []
    return cache._db.execute(
        "SELECT s.name, a.title, snippet(search, -1, '[', ']', '…', 24), rank FROM search"
        " JOIN articles a ON a.id = search.rowid JOIN temp.scope s ON s.path = a.path"
        " WHERE search MATCH ? ORDER BY rank LIMIT 50",
        (parsed.fts(),),
    ).fetchall()


def run(phase: str, library: str, count: int, cache_dir: str, queries: int = 0) -> dict:
    env = os.environ | {"READER_CACHE_DIR": cache_dir}
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            phase,
            library,
            "--count",
            str(count),
            "--queries",
            str(queries),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout)
    print(json.dumps(figures), file=sys.stderr)
    return figures


def search_and_memory(args: argparse.Namespace, cache_dir: str, cold: dict | None = None) -> None:
    search = run("search", args.library, 10**9, cache_dir, args.queries)
    rss_small = run("rss", args.library, 100, cache_dir)
    rss_big = run("rss", args.library, 10**9, cache_dir)
    db_size = sum(f.stat().st_size for f in Path(cache_dir).iterdir()) / 2**20
    for clock in ("wall", "cpu"):
        print(
            f"search ({clock}): median {search[f'{clock}_median_ms']:.1f} ms, "
            f"p95 {search[f'{clock}_p95_ms']:.1f} ms, max {search[f'{clock}_max_ms']:.1f} ms "
            f"over {search['runs']} runs of {search['queries']} queries"
        )
    for clock in ("wall", "cpu"):
        ours, peer = f"{clock}_", f"naive_{clock}_"
        print(
            f"peer, plain FTS5 bm25 + snippet() ({clock}): median "
            f"{search[peer + 'median_ms']:.1f} ms, p95 {search[peer + 'p95_ms']:.1f} ms, "
            f"max {search[peer + 'max_ms']:.1f} ms; ratio ours/peer: median "
            f"{search[ours + 'median_ms'] / search[peer + 'median_ms']:.2f}, p95 "
            f"{search[ours + 'p95_ms'] / search[peer + 'p95_ms']:.2f}, max "
            f"{search[ours + 'max_ms'] / search[peer + 'max_ms']:.2f}"
        )
    print(
        f"search: {search['queries_with_hits']} queries with hits, "
        f"{search['fell_back_to_unranked']} fell back to unranked order"
    )
    print(
        f"peak RSS: {rss_small['peak_rss_mib']:.0f} MiB for {rss_small['files']} files, "
        f"{rss_big['peak_rss_mib']:.0f} MiB for {rss_big['files']}, ratio "
        f"{rss_big['peak_rss_mib'] / rss_small['peak_rss_mib']:.2f}"
    )
    if cold:
        print(
            f"peak RSS of the cold run (bodies streamed, not kept): {cold['peak_rss_mib']:.0f} MiB"
        )
    print(f"cache size on disk: {db_size:.0f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library")
    parser.add_argument(
        "--peer", type=int, default=1000, help="files for the cleaning vs storing comparison"
    )
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument(
        "--keep-cache",
        metavar="DIR",
        help="fill this (empty) folder with the full cache and keep it",
    )
    parser.add_argument(
        "--reuse-cache",
        metavar="DIR",
        help="only the search and memory phases, on a cache kept earlier",
    )
    parser.add_argument("--count", type=int, default=10**9, help="(child) files to use")
    parser.add_argument("--child", metavar="PHASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.library, args.count, args.queries)))
        return 0

    if args.reuse_cache:
        search_and_memory(args, args.reuse_cache)
        return 0
    for root, _dirs, names in os.walk(args.library):  # fill the OS page cache
        for name in names:
            Path(root, name).read_bytes()
    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as scratch:
        big = args.keep_cache or scratch
        if any(Path(big).glob("*")):
            raise SystemExit(f"{big} is not empty; the cold run needs an empty cache")
        overhead = run("overhead", args.library, args.peer, small)
        cold = run("cold", args.library, 10**9, big)
        warm = run("warm", args.library, 10**9, big)
        listed = run("list", args.library, 10**9, big)
        print(f"files: {cold['files']} ({cold['failures']} unreadable)")
        print(
            f"cost of filling the cache, first {overhead['files']} files: "
            f"{overhead['cache_seconds']:.2f} s storing vs {overhead['clean_seconds']:.2f} s "
            f"cleaning, ratio {overhead['cache_seconds'] / overhead['clean_seconds']:.3f}"
        )
        for name, phase in (("warm load_cached", warm), ("warm list_cached", listed)):
            print(
                f"{name}: {phase['seconds']:.2f} s wall ({phase['cpu_seconds']:.2f} s CPU) vs "
                f"cold {cold['seconds']:.1f} s wall ({cold['cpu_seconds']:.1f} s CPU); "
                f"ratio {phase['seconds'] / cold['seconds']:.3f} wall, "
                f"{phase['cpu_seconds'] / cold['cpu_seconds']:.3f} CPU; "
                f"files read {phase['reads']}"
            )
        search_and_memory(args, big, cold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
