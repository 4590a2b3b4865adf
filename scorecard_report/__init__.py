"""scorecard-report: council performance scorecards from a catalogue and monthly values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scorecard_report.api import build_report, to_frame

__version__ = "0.1.0"

__all__ = ["__version__", "build_report", "to_frame"]

_API = ("build_report", "to_frame")


def __getattr__(name: str) -> Any:
    """``build_report`` and ``to_frame``, imported when first asked for: every module imports this package
    (for the version), and a notebook's ``import scorecard_report`` loads no stage, chart or PDF library."""
    if name in _API:
        from scorecard_report import api

        return getattr(api, name)
    raise AttributeError(f"module 'scorecard_report' has no attribute {name!r}")
