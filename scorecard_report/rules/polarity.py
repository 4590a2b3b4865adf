"""Polarity: whether higher or lower is better, or neither."""

from __future__ import annotations

from enum import StrEnum


class Polarity(StrEnum):
    HIGH = "high"
    LOW = "low"
    NEUTRAL = "neutral"

    def words(self) -> str:
        """``High is good`` / ``Low is good``: the phrase the appendix pages use."""
        return {"high": "High is good", "low": "Low is good", "neutral": "Neither high nor low is better"}[
            self.value
        ]
