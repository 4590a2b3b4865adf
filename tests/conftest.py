"""Suite-wide settings: the chart cache lives in a temporary folder, never in the user's ~/.cache."""

from __future__ import annotations

import os
import tempfile


def pytest_configure() -> None:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="scorecard-tests-cache-")
