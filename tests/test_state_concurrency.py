"""Several readers on one library save reading state at the same moment.

Each process owns one article. Every round it flips its article's bookmark and
its neighbour's read mark (so every entry is changed by two processes), waits
at a barrier so that all of them save within the same few milliseconds, saves,
and then every process checks the file: each bookmark and read mark must be
what that round set. One reader's save must never erase another's.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.store.state import ReadingState

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and flock")

ROUNDS = int(os.environ.get("READER_STATE_ROUNDS", "200"))


def _check(state_path: str, names: list[str], wanted: bool) -> list[str]:
    state, messages = ReadingState.load(state_path)
    wrong = [f"bookmark of {Path(n).name}" for n in names if state.is_bookmarked(n) != wanted]
    wrong += [f"read mark of {Path(n).name}" for n in names if state.is_read(n) != wanted]
    return messages + wrong


def _writer(state_path: str, names: list[str], index: int, barrier: Any, errors: Any) -> None:
    state, _ = ReadingState.load(state_path, debounce=0)
    mine, neighbour = names[index], names[(index + 1) % len(names)]
    try:
        for round_number in range(ROUNDS):
            wanted = round_number % 2 == 0
            assert state.toggle_bookmark(mine) == wanted
            state.mark_read(neighbour, wanted)
            barrier.wait(timeout=60)
            if not state.flush() or state.last_error:
                errors.put(f"round {round_number}: {state.last_error or 'nothing written'}")
            barrier.wait(timeout=60)
            if index == 0:
                for problem in _check(state_path, names, wanted):
                    errors.put(f"round {round_number}: lost the {problem}")
            barrier.wait(timeout=60)  # nobody changes anything before the check is done
    except Exception as error:  # noqa: BLE001 - reported to the test, which fails
        errors.put(repr(error))
        barrier.abort()


@pytest.mark.parametrize("writers", [2, 8])
def test_concurrent_writers_lose_no_bookmark_or_read_mark(tmp_path: Path, writers: int):
    library = tmp_path / "library"
    library.mkdir()
    names = []
    for index in range(writers):
        path = library / f"story-{index}.txt"
        path.write_text(f"Story {index}\n\nThe body of story {index}.\n")
        names.append(str(path))
    state_path = str(tmp_path / "data" / "state.json")
    context = multiprocessing.get_context("fork")
    barrier, errors = context.Barrier(writers), context.Queue()
    processes = [
        context.Process(target=_writer, args=(state_path, names, i, barrier, errors))
        for i in range(writers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=600)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    rounds_hit = {problem.split(":")[0] for problem in problems}
    assert not problems, f"{len(rounds_hit)} of {ROUNDS} rounds lost something: {problems[:5]}"
    assert [p.exitcode for p in processes] == [0] * writers
