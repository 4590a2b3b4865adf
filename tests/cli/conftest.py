"""Fixtures for the CLI tests: the small fixture, and running ``main`` in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, Small

from scorecard_report.cli import main
from scorecard_report.starter import create_project


@pytest.fixture
def scorecard(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``scorecard ARGS...`` in-process and return its exit code, stdout and stderr."""

    def run(*argv: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def small() -> Small:
    return Small()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A new project as ``scorecard init`` writes it: config, catalogue, data and a commentary folder."""
    folder = tmp_path / "project"
    create_project(folder)
    return folder
