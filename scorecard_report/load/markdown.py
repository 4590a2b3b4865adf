"""The commentary's small Markdown subset, parsed into plain text blocks: pure, with no I/O.

The subset, parsed in linear time and never producing markup:

- Blank lines separate paragraphs; single newlines inside a paragraph are soft wraps, joined with a space.
- A line starting (after any indentation) with ``- ``, ``* `` or ``• `` is a bullet. Bullet lines next to
  each other, or separated only by blank lines, form one list; an indented line straight after a bullet
  continues that item. Nested lists are flattened into the one level: indentation before a marker is
  ignored. A line that is not indented ends the list.
- ``**bold**``, ``*italic*``, ``_italic_`` and ``***both***``. A marker closes only a marker of the same
  length and character; an unmatched marker is literal text, as is a run of four or more. ``_`` inside a
  word (``file_name``) is literal. There are no escapes, links, headings, images or HTML: ``#`` and ``<``
  are literal characters, escaped only when rendered.
- Text pasted from Word: vertical tab, form feed and the Unicode line and paragraph separators are line
  breaks (``\\n`` inside a run). Other control characters (C0 and C1) and Unicode non-characters are
  removed (the loader warns where). Everything else (emoji, right-to-left text, combining accents)
  is kept exactly as written, without normalising.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from scorecard_report.format.display import format_count
from scorecard_report.inputs.commentary import Block, BulletList, Paragraph, Run
from scorecard_report.load.clean_text import NEWLINES, REMOVABLE, TO_NEWLINE

MAX_TEXT_CHARACTERS = 20_000
MAX_LIST_ITEMS = 200

_TOKENS = re.compile(r"\*+|_+|[^*_]+")
_BULLET_MARKERS = "-*•"


class TextLimitError(ValueError):
    """A text too long, or with too many list items, to lay out: a guard against hostile input."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def parse_text(text: str) -> tuple[Block, ...]:
    """The blocks of one commentary text; raise ``TextLimitError`` if it is too big to lay out."""
    if len(text) > MAX_TEXT_CHARACTERS:
        raise TextLimitError(
            f"the text is {format_count(len(text))} characters long; "
            f"the limit is {format_count(MAX_TEXT_CHARACTERS)}",
            "shorten it: commentary this long would not fit the report",
        )
    builder = _BlockBuilder()
    for line in REMOVABLE.sub("", NEWLINES.sub("\n", text)).split("\n"):
        builder.feed(line)
    blocks = builder.finish()
    items = sum(len(block.items) for block in blocks if isinstance(block, BulletList))
    if items > MAX_LIST_ITEMS:
        raise TextLimitError(
            f"the text has {format_count(items)} list items; the limit is {format_count(MAX_LIST_ITEMS)}",
            "shorten the lists",
        )
    return blocks


class _BlockBuilder:
    """Groups lines into paragraphs and bullet lists, one line at a time."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.items: list[list[str]] = []
        self.after_blank = False

    def feed(self, line: str) -> None:
        content = line.strip(" \t")
        if not content:
            self._close_paragraph()
            self.after_blank = True
            return
        bullet = _bullet_text(content)
        if bullet is not None:
            self._close_paragraph()
            self.items.append([bullet])
        elif self.items and not self.after_blank and line[0] in " \t":
            self.items[-1].append(content)
        else:
            self._close_list()
            self.paragraph.append(content)
        self.after_blank = False

    def finish(self) -> tuple[Block, ...]:
        self._close_paragraph()
        self._close_list()
        return tuple(self.blocks)

    def _close_paragraph(self) -> None:
        runs = parse_runs(_joined(self.paragraph))
        if runs:
            self.blocks.append(Paragraph(runs))
        self.paragraph = []

    def _close_list(self) -> None:
        items = tuple(runs for item in self.items if (runs := parse_runs(_joined(item))))
        if items:
            self.blocks.append(BulletList(items))
        self.items = []


def _bullet_text(content: str) -> str | None:
    """The text after a bullet marker, or None if ``content`` (already stripped) is not a bullet."""
    if len(content) >= 2 and content[0] in _BULLET_MARKERS and content[1] in " \t":
        return content[2:].lstrip(" \t")
    return None


def _joined(lines: list[str]) -> str:
    """Soft-wrapped lines as one text, with pasted line breaks as ``\\n``."""
    return " ".join(lines).translate(TO_NEWLINE).strip(" \t\n")


@dataclass(frozen=True)
class _Marker:
    """A run of ``*`` or ``_`` that may open or close emphasis."""

    text: str
    opens: bool
    closes: bool


def parse_runs(text: str) -> tuple[Run, ...]:
    """The runs of one paragraph or item: emphasis pairs matched with a stack, in linear time."""
    tokens = [_token(match, text) for match in _TOKENS.finditer(text)]
    return _styled(tokens, _matched(tokens))


def _token(match: re.Match[str], text: str) -> str | _Marker:
    piece = match.group()
    if piece[0] not in "*_" or len(piece) > 3:
        return piece
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    opens, closes = not after.isspace(), not before.isspace()
    if piece[0] == "_":
        opens, closes = opens and not before.isalnum(), closes and not after.isalnum()
    return _Marker(piece, opens, closes) if opens or closes else piece


def _matched(tokens: list[str | _Marker]) -> dict[int, int]:
    """+1 for each marker that opens emphasis and -1 for its closer; every other marker is literal."""
    openers: list[tuple[int, str]] = []
    waiting: Counter[str] = Counter()
    steps: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if not isinstance(token, _Marker):
            continue
        if token.closes and waiting[token.text]:
            steps[_pop_opener(openers, token.text, waiting)], steps[index] = 1, -1
        elif token.opens:
            openers.append((index, token.text))
            waiting[token.text] += 1
    return steps


def _pop_opener(openers: list[tuple[int, str]], text: str, waiting: Counter[str]) -> int:
    """Pop to the latest opener written ``text``; openers above it stay unmatched (literal)."""
    while True:
        index, written = openers.pop()
        waiting[written] -= 1
        if written == text:
            return index


def _styled(tokens: list[str | _Marker], steps: dict[int, int]) -> tuple[Run, ...]:
    runs: list[Run] = []
    pieces: list[str] = []
    style = (False, False)
    bold = italic = 0
    for index, token in enumerate(tokens):
        written = token.text if isinstance(token, _Marker) else token
        step = steps.get(index)
        if step is not None:
            bold += step * (len(written) >= 2)
            italic += step * (len(written) != 2)
            continue
        if (bold > 0, italic > 0) != style:
            _flush(runs, pieces, style)
            style = (bold > 0, italic > 0)
        pieces.append(written)
    _flush(runs, pieces, style)
    return tuple(runs)


def _flush(runs: list[Run], pieces: list[str], style: tuple[bool, bool]) -> None:
    text = "".join(pieces)
    if text:
        runs.append(Run(text, bold=style[0], italic=style[1]))
    pieces.clear()
