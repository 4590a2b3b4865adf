"""Suite-wide settings: the chart cache lives in a temporary folder, never in the user's ~/.cache."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator

import pytest


def pytest_configure() -> None:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="scorecard-tests-cache-")


@pytest.fixture
def reaper() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes a test started: killed and waited for, however the test ends."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)
