"""Commentary as typed blocks of plain text runs: data to be laid out, never markup to be trusted."""

from __future__ import annotations

from dataclasses import dataclass, field

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import RagStatus


@dataclass(frozen=True)
class Run:
    """Plain text with emphasis; ``\\n`` inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Run, ...], ...]


Block = Paragraph | BulletList


@dataclass(frozen=True)
class ShownFigures:
    """An indicator's headline as the report shows it: the current value as shown (``93%``), its RAG
    status and the period the value is for (a quarterly one's quarter end)."""

    value: str
    status: RagStatus
    period: Month


@dataclass(frozen=True)
class WrittenAgainst:
    """The figures an indicator's text was written against, and a digest of the text as it was then
    (8 hex digits of its sha256), so that a later edit of the text is noticed."""

    figures: ShownFigures
    text: str


@dataclass(frozen=True)
class Text:
    """One commentary slot's text as blocks; ``draft`` marks text a person has not yet written.

    ``written_against`` is what an indicator's text was written against (None where nothing was recorded);
    ``line`` is where the slot starts in its file, for messages (not part of what the text is).
    """

    blocks: tuple[Block, ...]
    draft: bool = False
    written_against: WrittenAgainst | None = None
    line: int | None = field(default=None, compare=False)

    @property
    def empty(self) -> bool:
        return not self.blocks


@dataclass(frozen=True)
class TitledText:
    """A report-level block such as "Key messages" or "Discussion points"."""

    title: str
    text: Text


@dataclass(frozen=True)
class Commentary:
    """All the commentary for one report period; ``period`` is the month its file says it is for."""

    report: tuple[TitledText, ...] = ()
    sections: dict[str, Text] = field(default_factory=dict, hash=False)
    indicators: dict[str, Text] = field(default_factory=dict, hash=False)
    period: Month | None = None

    def section(self, section_id: str) -> Text | None:
        return self.sections.get(section_id)

    def indicator(self, ref: str) -> Text | None:
        return self.indicators.get(ref)


NO_COMMENTARY = Commentary()
