"""Shared test settings: hypothesis profiles.

"ci" (the default) keeps every property test to a small number of examples so the
whole suite stays quick; "bench" (1,500 per test, about 35,000 cases over the fuzz
module, ~10 minutes on 2 shared cores) is run by hand to hunt for crashes:

    HYPOTHESIS_PROFILE=bench pytest tests/test_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "bench",
    max_examples=1_500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory, monkeypatch):
    """Every test gets its own config, state and cache folders, never the user's real ones."""
    home = tmp_path_factory.mktemp("reader-home")
    for name in ("READER_CONFIG_DIR", "READER_DATA_DIR", "READER_CACHE_DIR"):
        monkeypatch.setenv(name, str(home / name.lower()))


@pytest.fixture(autouse=True)
def _outside_any_multiplexer(monkeypatch):
    """Tests run as if in a plain terminal: a copy made by a test never lands in the tmux or
    screen session the tests happen to be run from (the tmux tests start their own servers)."""
    for name in ("TMUX", "TMUX_PANE", "STY"):
        monkeypatch.delenv(name, raising=False)
