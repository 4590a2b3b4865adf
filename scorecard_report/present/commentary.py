"""Commentary and fixed prose for the documents: runs of text with emphasis, and the placeholder slot."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard_report.format.commentary_check import CHECK
from scorecard_report.inputs.commentary import BulletList, Run, Text
from scorecard_report.model.commentary_check import CommentaryCheck

PLACEHOLDER = "Commentary placeholder"
DRAFT = "Draft"  # the mark before commentary that is still a draft, in every format


@dataclass(frozen=True)
class RunView:
    """Text with emphasis, split at its line breaks."""

    lines: tuple[str, ...]
    bold: bool
    italic: bool


@dataclass(frozen=True)
class BlockView:
    bullets: bool
    items: tuple[tuple[RunView, ...], ...]


@dataclass(frozen=True)
class CommentaryView:
    """One commentary slot: its blocks, or the placeholder that shows nobody has written it yet.

    ``draft`` is the mark shown before text that is still a draft (empty for approved text); ``check``
    the mark shown above text written against other figures, and ``warning`` what changed.
    """

    blocks: tuple[BlockView, ...]
    placeholder: str = ""
    draft: str = ""
    check: str = ""  # "Check"
    warning: str = ""  # "Written against 93% (Green); the figure is now 91% (Amber)."


@dataclass(frozen=True)
class Prose:
    """A fixed paragraph of the document, with its emphasis (``runs``) and as plain text (``text``)."""

    heading: str
    runs: tuple[RunView, ...]
    text: str


def placeholder_text(subject: str, owner: str | None = None) -> str:
    """``Commentary placeholder: FD8 Contacts (Head of Service)``: names the slot and who should fill it."""
    return f"{PLACEHOLDER}: {subject}" + (f" ({owner})" if owner else "")


def commentary_view(
    text: Text | None, placeholder: str, final: bool, check: CommentaryCheck | None = None
) -> CommentaryView:
    """Commentary blocks, or a placeholder naming who should write them (left out under --final).

    A draft is shown with its mark in a normal build; --final (and so publish) leaves it out. Text written
    against other figures (``check``) is marked wherever it is shown, a final build too: its reader must
    not take old words for this month's.
    """
    if text is None or text.empty or (text.draft and final):
        return CommentaryView((), "" if final else placeholder)
    blocks = []
    for block in text.blocks:
        if isinstance(block, BulletList):
            blocks.append(BlockView(True, tuple(runs_view(item) for item in block.items)))
        else:
            blocks.append(BlockView(False, (runs_view(block.runs),)))
    return CommentaryView(
        tuple(blocks),
        draft=DRAFT if text.draft else "",
        check=CHECK if check is not None else "",
        warning=check.mark if check is not None else "",
    )


def runs_view(runs: tuple[Run, ...]) -> tuple[RunView, ...]:
    return tuple(RunView(tuple(run.text.split("\n")), run.bold, run.italic) for run in runs)


def prose(heading: str, *runs: Run) -> Prose:
    return Prose(heading, runs_view(runs), "".join(run.text for run in runs))


def plain_text(text: Text) -> str:
    """Commentary as one plain string for a table cell: paragraphs joined, bullets marked with •."""
    parts = []
    for block in text.blocks:
        items = block.items if isinstance(block, BulletList) else (block.runs,)
        prefix = "• " if isinstance(block, BulletList) else ""
        parts += [prefix + "".join(run.text for run in item) for item in items]
    return "\n".join(parts)
