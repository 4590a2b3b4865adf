"""Running headers and footers as pagination artifacts, not content.

WeasyPrint marks the text of the page's margin boxes (the running title, the marking, "Page X of Y")
as tagged content with marked-content ids, and builds structure elements for them that it leaves out
of the structure tree (PDF 1.7 has no way to put an artifact in the tree). A reader that follows the
tree never reaches them, and one that reads the page hears them as content. Here each marked-content
sequence whose element is not in the tree becomes ``/Artifact << /Type /Pagination /Subtype /Header >>``
(or ``/Footer``, by where on the page it is drawn), and its entry in the parent tree is emptied, so the
elements go with the file's unreferenced objects when it is saved.

Only the marked-content operator and its properties change, so the page looks the same. A stream as
WeasyPrint writes it (no literal strings, comments or inline images; every operator between
whitespace) is read directly from its bytes and only those operators' bytes are replaced, which takes
a fraction of the time qpdf's parser does on a 180-page scorecard; any other stream is parsed by qpdf
and written again, instruction by instruction. A test checks that both readings agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pikepdf

from scorecard_report.render.pdf_structure import ObjectKey, key

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
BEGIN_MARKED = frozenset({"BDC", "BMC"})


def _multiply(first: Matrix, second: Matrix) -> Matrix:
    """``first`` then ``second``, as PDF concatenates matrices."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _matrix(operands: list[pikepdf.Object]) -> Matrix | None:
    if len(operands) != 6:
        return None
    try:
        a, b, c, d, e, f = (float(operand) for operand in operands)
    except (TypeError, ValueError):
        return None
    return (a, b, c, d, e, f)


def _mcid(operands: list[pikepdf.Object]) -> int | None:
    if len(operands) != 2 or not isinstance(operands[1], pikepdf.Dictionary):
        return None
    value = operands[1].get("/MCID")
    return int(value) if isinstance(value, int) else None


@dataclass
class _Sequence:
    """An untreed marked-content sequence being rewritten: where its operator is, where it is drawn."""

    where: int  # the instruction's index, or the operator's byte offset in the stream
    end: int = 0  # where the operator ends, in the stream's bytes
    height: float | None = None


class _Place:
    """Where the next text or picture is drawn: the graphics state's matrix and the text matrices."""

    def __init__(self) -> None:
        self.saved: list[Matrix] = []
        self.ctm = IDENTITY
        self.text = IDENTITY
        self.line = IDENTITY

    def save(self) -> None:
        self.saved.append(self.ctm)

    def restore(self) -> None:
        self.ctm = self.saved.pop() if self.saved else IDENTITY

    def concatenate(self, matrix: Matrix | None) -> None:
        if matrix is not None:
            self.ctm = _multiply(matrix, self.ctm)

    def begin_text(self) -> None:
        self.text = self.line = IDENTITY

    def set_text(self, matrix: Matrix | None) -> None:
        if matrix is not None:
            self.text = self.line = matrix

    def move_text(self, x: float, y: float) -> None:
        self.line = _multiply((1.0, 0.0, 0.0, 1.0, x, y), self.line)
        self.text = self.line

    def text_height(self) -> float:
        return _multiply(self.text, self.ctm)[5]

    def picture_height(self) -> float:
        return _multiply((1.0, 0.0, 0.0, 1.0, 0.5, 0.5), self.ctm)[5]


def _pagination(height: float | None, middle: float) -> pikepdf.Dictionary:
    properties = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
    if height is not None:
        properties.Subtype = pikepdf.Name.Header if height > middle else pikepdf.Name.Footer
    return properties


def _mark_parsed(page: pikepdf.Page, untreed: set[int], middle: float) -> tuple[bytes, int]:
    """The page's content parsed by qpdf, each untreed sequence's operator replaced, written again."""
    instructions = list(pikepdf.parse_content_stream(page))
    place = _Place()
    depth = 0
    open_sequence: tuple[_Sequence, int] | None = None  # the sequence and its depth
    found: list[_Sequence] = []
    for index, instruction in enumerate(instructions):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        # Operands are read only where they are needed: reading them all is most of the time taken.
        operator = str(instruction.operator)
        if operator in BEGIN_MARKED:
            depth += 1
            mcid = _mcid(list(instruction.operands)) if operator == "BDC" else None
            if open_sequence is None and mcid is not None and mcid in untreed:
                open_sequence = (_Sequence(index), depth)
                found.append(open_sequence[0])
        elif operator == "EMC":
            if open_sequence is not None and open_sequence[1] == depth:
                open_sequence = None
            depth = max(0, depth - 1)
        elif operator == "q":
            place.save()
        elif operator == "Q":
            place.restore()
        elif operator == "cm":
            place.concatenate(_matrix(list(instruction.operands)))
        elif operator == "BT":
            place.begin_text()
        elif operator == "Tm":
            place.set_text(_matrix(list(instruction.operands)))
        elif operator in ("Td", "TD"):
            operands = list(instruction.operands)
            if len(operands) == 2:
                place.move_text(float(operands[0]), float(operands[1]))
        elif open_sequence is not None and open_sequence[0].height is None:
            if operator in TEXT_SHOWING:
                open_sequence[0].height = place.text_height()
            elif operator == "Do":
                open_sequence[0].height = place.picture_height()
    for sequence in found:
        instructions[sequence.where] = pikepdf.ContentStreamInstruction(
            [pikepdf.Name.Artifact, _pagination(sequence.height, middle)], pikepdf.Operator("BDC")
        )
    return pikepdf.unparse_content_stream(instructions), len(found)


# Reading a content stream's bytes directly, for a stream with no literal strings, comments, inline
# images or hex strings with spaces in them (as WeasyPrint writes them), where every operator stands
# between whitespace: then an operator is a word between whitespace, and its operands the words before.
_OPERATORS = re.compile(rb"\s(BDC|BMC|EMC|BT|q|Q|cm|Tm|Td|TD|TJ|Tj|'|\"|Do)(?=\s)")
_MARKED_BEFORE = re.compile(rb"/[^\s<>\[\]()/%{}]+\s*<<\s*/MCID\s+(\d+)\s*>>\s*$")
_INLINE_IMAGE = re.compile(rb"\sBI\s")
_SPACED_HEX = re.compile(rb"<[0-9A-Fa-f]*\s[0-9A-Fa-f\s]*>")
_GLUED_OPERATOR = re.compile(rb"[\]>)][A-Za-z'\"]")
_LOOK_BACK = 200  # bytes before an operator that hold its operands


def _operands(content: bytes, at: int, count: int) -> list[float] | None:
    words = content[max(0, at - _LOOK_BACK) : at].split()[-count:]
    try:
        values = [float(word) for word in words]
    except ValueError:
        return None
    return values if len(values) == count else None


def _six(values: list[float] | None) -> Matrix | None:
    return (values[0], values[1], values[2], values[3], values[4], values[5]) if values else None


def _mark_bytes(content: bytes, untreed: set[int], middle: float) -> tuple[bytes, int] | None:
    """The content with each untreed sequence's operator replaced in place, every other byte kept; None
    where the stream has what this reading does not follow, for qpdf's parser to read instead."""
    if b"(" in content or b"%" in content or (b"BI" in content and _INLINE_IMAGE.search(content)):
        return None
    if _SPACED_HEX.search(content) or _GLUED_OPERATOR.search(content):
        return None
    content_end = b" " + content + b" "  # every operator, first and last too, stands between whitespace
    place = _Place()
    depth = 0
    open_sequence: tuple[_Sequence, int] | None = None
    found: list[_Sequence] = []
    for token in _OPERATORS.finditer(content_end):
        operator = token.group(1)
        at = token.start(1)
        if operator == b"BDC":
            depth += 1
            marked = _MARKED_BEFORE.search(content_end, max(0, at - _LOOK_BACK), at)
            if open_sequence is None and marked is not None and int(marked.group(1)) in untreed:
                # Offsets in the stream itself, one byte before those in the padded copy.
                open_sequence = (_Sequence(marked.start() - 1, token.end() - 1), depth)
                found.append(open_sequence[0])
        elif operator == b"BMC":
            depth += 1
        elif operator == b"EMC":
            if open_sequence is not None and open_sequence[1] == depth:
                open_sequence = None
            depth = max(0, depth - 1)
        elif operator == b"q":
            place.save()
        elif operator == b"Q":
            place.restore()
        elif operator == b"cm":
            place.concatenate(_six(_operands(content_end, at, 6)))
        elif operator == b"BT":
            place.begin_text()
        elif operator == b"Tm":
            place.set_text(_six(_operands(content_end, at, 6)))
        elif operator in (b"Td", b"TD"):
            moved = _operands(content_end, at, 2)
            if moved is not None:
                place.move_text(moved[0], moved[1])
        elif open_sequence is not None and open_sequence[0].height is None:
            is_picture = operator == b"Do"
            open_sequence[0].height = place.picture_height() if is_picture else place.text_height()
    if len(found) != len(untreed):
        return None  # a sequence this reading missed: let qpdf's parser read the page
    parts: list[bytes] = []
    start = 0
    for sequence in found:
        properties = _pagination(sequence.height, middle).unparse()
        parts += [content[start : sequence.where], b"/Artifact " + properties + b" BDC"]
        start = sequence.end
    parts.append(content[start:])
    return b"".join(parts), len(found)


def mark_page(page: pikepdf.Page, untreed: set[int]) -> tuple[bytes, int]:
    """The page's content with the sequences of the marked-content ids ``untreed`` made artifacts, and
    how many were.

    A single content stream as WeasyPrint writes it is read with a tokenizer and changed only where an
    operator is replaced; anything else is parsed by qpdf and written again, which is slower.
    """
    box = [float(value) for value in page.mediabox]
    middle = (box[1] + box[3]) / 2
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        marked = _mark_bytes(contents.read_bytes(), untreed, middle)
        if marked is not None:
            return marked
    return _mark_parsed(page, untreed, middle)


def mark_pagination(document: pikepdf.Pdf, in_tree: set[ObjectKey]) -> int:
    """Make artifacts of the marked content whose structure elements are not in the tree; how many."""
    root = document.Root.get("/StructTreeRoot")
    parent_tree = root.get("/ParentTree") if isinstance(root, pikepdf.Dictionary) else None
    numbers = parent_tree.get("/Nums") if isinstance(parent_tree, pikepdf.Dictionary) else None
    if not isinstance(numbers, pikepdf.Array):
        return 0
    entries: dict[int, pikepdf.Object] = {}
    for position in range(0, len(numbers) - 1, 2):
        number = numbers[position]
        if isinstance(number, int):
            entries[int(number)] = numbers[position + 1]
    marked = 0
    for page in document.pages:
        parents = page.obj.get("/StructParents")
        elements = entries.get(int(parents)) if isinstance(parents, int) else None
        if not isinstance(elements, pikepdf.Array):
            continue
        untreed = {
            mcid
            for mcid, element in enumerate(elements)
            if isinstance(element, pikepdf.Dictionary) and key(element) not in in_tree
        }
        if not untreed:
            continue
        content, count = mark_page(page, untreed)
        contents = page.obj.get("/Contents")
        if isinstance(contents, pikepdf.Stream):
            contents.write(content)
        else:
            page.obj.Contents = document.make_stream(content)
        for mcid in untreed:
            elements[mcid] = None
        marked += count
    return marked
