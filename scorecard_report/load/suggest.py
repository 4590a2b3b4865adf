"""Two small helpers every loader's messages share: the closest known word, and what was written."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

SHOWN_CHARACTERS = 40  # of a written value quoted in a message; longer ones end with an ellipsis


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice ``word`` most likely misspells, ignoring case (``fd8`` → ``FD8``), if any is close."""
    by_folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[close[0]] if close else None


def quoted(raw: Any) -> str:
    """What a file gave where a value was expected, as a message quotes it: ``'yes'``, a mapping."""
    if isinstance(raw, str):
        return f"'{raw}'" if len(raw) <= SHOWN_CHARACTERS else f"'{raw[:SHOWN_CHARACTERS]}…'"
    if isinstance(raw, dict):
        return "a mapping"
    return "a list" if isinstance(raw, list) else "nothing"
