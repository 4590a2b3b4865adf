"""Commentary as typed blocks of plain text runs: data to be laid out, never markup to be trusted."""

from __future__ import annotations

from dataclasses import dataclass, field


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
class Text:
    """One commentary slot's text as blocks; ``draft`` marks text a person has not yet written."""

    blocks: tuple[Block, ...]
    draft: bool = False

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
    """All the commentary for one report period."""

    report: tuple[TitledText, ...] = ()
    sections: dict[str, Text] = field(default_factory=dict, hash=False)
    indicators: dict[str, Text] = field(default_factory=dict, hash=False)

    def section(self, section_id: str) -> Text | None:
        return self.sections.get(section_id)

    def indicator(self, ref: str) -> Text | None:
        return self.indicators.get(ref)


NO_COMMENTARY = Commentary()
