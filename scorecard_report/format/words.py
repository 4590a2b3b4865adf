"""The shared vocabulary in words: statuses, arrows, judgements, comparisons, polarity, moves, the dash."""

from __future__ import annotations

from scorecard_report.inputs.vocabulary import Comparison, Direction, Judgement, Polarity, RagStatus

DASH = "–"  # in a box or cell with nothing to show: no target, no comparison, no direction

STATUS_WORDS = {
    RagStatus.GREEN: "Green",
    RagStatus.AMBER: "Amber",
    RagStatus.RED: "Red",
    RagStatus.NONE: "No status",
}  # the word that goes with a RAG fill, and how a commentary file records the status

_ARROWS = {Direction.UP: "↑", Direction.DOWN: "↓", Direction.SAME: "↔", Direction.NONE: DASH}


def direction_arrow(direction: Direction) -> str:
    """``↑``, ``↓``, ``↔``, or a dash (not an arrow) where a value is missing."""
    return _ARROWS[direction]


_DIRECTION_WORDS = {Direction.UP: "Up", Direction.DOWN: "Down", Direction.SAME: "Same", Direction.NONE: ""}


def direction_word(direction: Direction) -> str:
    """``Up``, ``Down``, ``Same``: the arrow as a word, where a cell holds words (the workbook); none
    where a value is missing."""
    return _DIRECTION_WORDS[direction]


def judgement_word(judgement: Judgement) -> str:
    """``Improving``, ``No change``: the word beside an arrow."""
    return judgement.value.capitalize()


def comparison_word(comparison: Comparison) -> str:
    """``Better``, ``Worse``, ``Higher``: how our figure stands against a benchmark."""
    return comparison.value.capitalize()


_MOVED = {Direction.UP: "rose", Direction.DOWN: "fell", Direction.SAME: "stayed"}


def moved_word(direction: Direction) -> str:
    """``rose``, ``fell`` or ``stayed``: how a value moved, in a sentence (none where it has no direction)."""
    return _MOVED[direction]


_POLARITY_WORDS = {
    Polarity.HIGH: "High is good",
    Polarity.LOW: "Low is good",
    Polarity.NEUTRAL: "No better direction",
}


def polarity_words(polarity: Polarity) -> str:
    """``High is good`` / ``Low is good`` / ``No better direction``: the phrase the appendix pages use."""
    return _POLARITY_WORDS[polarity]
