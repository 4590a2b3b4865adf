"""scorecard-report: council performance scorecards from a catalogue and monthly values."""

from __future__ import annotations

__version__ = "0.1.0"
