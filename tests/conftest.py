"""Shared test settings: hypothesis profiles.

"ci" (the default) keeps every property test to a small number of examples so the
whole suite stays quick; "bench" runs tens of thousands by hand to hunt for crashes:

    HYPOTHESIS_PROFILE=bench pytest tests/test_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "bench",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
