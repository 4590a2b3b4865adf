"""The PDF passes the machine-checkable rules of PDF/UA-1, and the pass that adds WeasyPrint's missing
tagging (render/pdf_tags.py) changes nothing that is drawn.

Two checkers, neither needing a JVM (veraPDF cannot be installed here):

- ``ua_violations`` below: the rules of ISO 14289-1 (PDF/UA-1) and the Matterhorn Protocol 1.1 that a
  program can decide on the structure WeasyPrint writes, read with pikepdf and fontTools. Each names
  its clause as veraPDF's PDF/UA-1 profile numbers its tests ("7.1-3") and its Matterhorn checkpoint.
  Some rules here are stricter than PDF/UA asks, and say so: every TH has a ``/Scope`` even where
  ``/Headers`` already associate it, every TH heads some cell, no element is empty.
- outloud (PyPI, the ``test`` extra): an independent checker of PDF/UA-1 and WCAG 2.2 whose authors
  calibrate its conformance layer against veraPDF. Its conformance layer must find nothing; of its
  semantic layer, the rules about what the pass changes must find nothing (the rest are judgements
  about templates and wording, reported but not enforced here).

Each checker is shown to catch the defects in WeasyPrint's own output, so a clean result means
something. The example's PDF is built once for the module (about half a minute).
"""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import subprocess
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from lxml import etree

import scorecard_report.render.pdf as pdf_module
from scorecard_report.cli import main
from scorecard_report.render import pdf_artifacts
from scorecard_report.render.html import package_templates
from scorecard_report.render.pdf import render_pdf
from scorecard_report.render.pdf_structure import read_tree
from scorecard_report.render.pdf_tags import finish_tags, repair

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EPOCH = "1700000000"

# ---------------------------------------------------------------------------------------------------
# The checker
# ---------------------------------------------------------------------------------------------------

STANDARD_TYPES = frozenset(
    {
        *("Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index"),
        *("NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody"),
        *("Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference"),
        *("BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP"),
        *("Figure", "Formula", "Form"),
    }
)
TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
PAINTING = TEXT_SHOWING | {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}
LANGUAGE = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")  # veraPDF's test of 7.2-29
PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"
DC_NS = "http://purl.org/dc/elements/1.1/"
PAGE_NUMBER = re.compile(r"Page (\d+) of (\d+)")

# Each rule: ISO 14289-1 clause and test number as veraPDF's PDF/UA-1 profile numbers them, then the
# Matterhorn Protocol 1.1 checkpoint; "project" marks a rule stricter than PDF/UA.
RULES = {
    "metadata": "5-1, 7.1-8, 7.1-9 (Matterhorn 06): XMP metadata with pdfuaid:part 1 and dc:title",
    "title": "7.1-9, 7.1-10 (Matterhorn 06, 07): a title, shown by the viewer (DisplayDocTitle)",
    "marked": "6.2, 7.1-4, 7.1-11 (Matterhorn 01): MarkInfo Marked true, not Suspects; a StructTreeRoot",
    "language": "7.2-29, 7.2-33, 7.2-34 (Matterhorn 11): the catalog's Lang is a language tag",
    "security": "7.16-1, 7.15-1, 7.11-1, 7.10-1/2 (Matterhorn 20, 21, 25, 26): no locks, XFA, bare files",
    "untagged": "7.1-3 (Matterhorn 01-005): all drawing is tagged content or an artifact",
    "nesting": "7.1-1, 7.1-2 (Matterhorn 01-003, 01-004): artifacts and tagged content do not nest",
    "content-in-tree": "7.1 (Matterhorn 01): each tagged sequence belongs to one element of the tree",
    "parent": "7.1-12: each element's P is its parent",
    "roles": "7.1-5, 7.1-6, 7.1-7 (Matterhorn 02): standard structure types, none remapped",
    "table-syntax": "7.2-3 to 7.2-16, 7.2-36 to 7.2-39 (Matterhorn 09-004): tables nest as ISO 32000-1 says",
    "list-syntax": "7.2-17 to 7.2-20, 7.2-40 (Matterhorn 09-005): lists nest as ISO 32000-1 says",
    "regular-table": "7.2-41, 7.2-42, 7.2-43: rows span as many columns, columns as many rows",
    "scope": "7.5-1 (Matterhorn 15-003), project: every TH has Scope Column, Row or Both",
    "headers": "7.5-2 (Matterhorn 15): Headers name THs of the same table; a TD with content has one",
    "orphan-header": "project (Matterhorn 15): every TH heads at least one cell",
    "identifiers": "ISO 32000-1 14.7.2: element IDs are unique and in the IDTree",
    "figure": "7.3-1 (Matterhorn 13-004): every Figure has Alt or ActualText",
    "formula": "7.7-1 (Matterhorn 17): every Formula has Alt or ActualText",
    "note": "7.9-1, 7.9-2 (Matterhorn 19): every Note has a unique ID",
    "headings": "7.4.2-1, 7.4.4-1/2/3 (Matterhorn 14): H1 first, no level skipped, H and Hn not mixed",
    "empty": "project: no structure element without content, kids or alternative (table cells excepted)",
    "link": "7.18.5-1, 7.18.5-2 (Matterhorn 28): each link is in a Link element by OBJR, with Contents",
    "annotation": "7.18.1-1/2, 7.18.2-2, 7.18.8-1 (Matterhorn 28): other annotations tagged and described",
    "tabs": "7.18.3-1 (Matterhorn 28): a page with annotations has Tabs S",
    "print": "project (PDF/A 6.3.2): every annotation has the Print flag and is not hidden",
    "pagination": "Matterhorn 18: running headers and footers (Page X of Y) are Pagination artifacts",
    "xobject": "7.20-1, 7.20-2 (Matterhorn 30): no reference XObjects; forms with MCIDs drawn once",
    "font-embedded": "7.21.4.1-1, 7.21.3.2-1, 7.21.3.1-1 (Matterhorn 31): fonts embedded, CID maps",
    "unicode": "7.21.7-1, 7.21.7-2 (Matterhorn 10-001): every code shown maps to a Unicode value",
    "notdef": "7.21.8-1, 7.21.4.1-3 (Matterhorn 31): no .notdef shown; every glyph is in the font",
    "widths": "7.21.5-1 (Matterhorn 31): glyph widths in the PDF match the embedded font",
}


@dataclass
class Font:
    """What the checks need of a font: its Unicode map, glyph count and widths."""

    name: str
    unicode: dict[int, str]
    glyphs: int | None
    advances: dict[int, float]  # glyph id: advance in thousandths of the em
    widths: dict[int, float]  # code: width in the PDF
    default_width: float
    two_byte: bool


def _hex(text: str) -> bytes:
    return bytes.fromhex(text)


def _to_unicode(stream: pikepdf.Object) -> dict[int, str]:
    data = stream.read_bytes().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for source, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            mapping[int(source, 16)] = _hex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, rest in re.findall(
            r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)", block
        ):
            first, last = int(low, 16), int(high, 16)
            if rest.startswith("["):
                targets = re.findall(r"<([0-9a-fA-F]*)>", rest)
                for code, target in zip(range(first, last + 1), targets, strict=False):
                    mapping[code] = _hex(target).decode("utf-16-be")
            else:
                start = _hex(rest[1:-1])
                for offset, code in enumerate(range(first, last + 1)):
                    value = int.from_bytes(start, "big") + offset
                    mapping[code] = value.to_bytes(len(start), "big").decode("utf-16-be", "replace")
    return mapping


def _cid_widths(value: object) -> dict[int, float]:
    widths: dict[int, float] = {}
    if not isinstance(value, pikepdf.Array):
        return widths
    items = list(value)
    index = 0
    while index < len(items):
        first = int(items[index])
        following = items[index + 1]
        if isinstance(following, pikepdf.Array):
            for offset, width in enumerate(following):
                widths[first + offset] = float(width)
            index += 2
        else:
            last, width = int(following), float(items[index + 2])
            for code in range(first, last + 1):
                widths[code] = width
            index += 3
    return widths


@dataclass
class Walk:
    """What one walk of the page content found."""

    mcids: Counter[tuple[int, int]] = field(default_factory=Counter)  # (page, mcid): sequences
    pagination_text: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    tagged_text: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    forms_with_mcids: Counter[tuple[int, int]] = field(default_factory=Counter)


class Check:
    """PDF/UA-1 rules on one PDF; ``violations`` lists what fails, each line naming its rule."""

    def __init__(self, data: bytes) -> None:
        self.pdf = pikepdf.open(io.BytesIO(data))
        self.violations: list[str] = []
        self.fonts: dict[tuple[int, int], Font] = {}
        self.pages = {page.obj.objgen: number for number, page in enumerate(self.pdf.pages)}

    def fail(self, rule: str, message: str) -> None:
        assert rule in RULES, rule
        self.violations.append(f"{rule}: {message}")

    # -- the document ------------------------------------------------------------------------------

    def document(self) -> None:
        root = self.pdf.Root
        metadata = root.get("/Metadata")
        title = None
        if not isinstance(metadata, pikepdf.Stream):
            self.fail("metadata", "the catalog has no XMP metadata stream")
        else:
            xmp = etree.fromstring(metadata.read_bytes(), etree.XMLParser(resolve_entities=False))
            parts = [el.get(f"{{{PDFUA_NS}}}part") for el in xmp.iter() if el.get(f"{{{PDFUA_NS}}}part")]
            parts += [el.text for el in xmp.iter(f"{{{PDFUA_NS}}}part")]
            if parts != ["1"]:
                self.fail("metadata", f"pdfuaid:part is {parts}, not 1")
            titles = ["".join(el.itertext()).strip() for el in xmp.iter(f"{{{DC_NS}}}title")]
            title = titles[0] if titles and titles[0] else None
            if title is None:
                self.fail("metadata", "no dc:title")
        info = self.pdf.trailer.get("/Info")
        info_title = str(info.get("/Title", "")) if isinstance(info, pikepdf.Dictionary) else ""
        if not info_title or (title is not None and info_title != title):
            self.fail("title", f"Info Title {info_title!r} against dc:title {title!r}")
        preferences = root.get("/ViewerPreferences")
        if not (isinstance(preferences, pikepdf.Dictionary) and preferences.get("/DisplayDocTitle") is True):
            self.fail("title", "ViewerPreferences DisplayDocTitle is not true")
        mark_info = root.get("/MarkInfo")
        if not (isinstance(mark_info, pikepdf.Dictionary) and mark_info.get("/Marked") is True):
            self.fail("marked", "MarkInfo Marked is not true")
        elif mark_info.get("/Suspects") is True:
            self.fail("marked", "MarkInfo Suspects is true")
        if not isinstance(root.get("/StructTreeRoot"), pikepdf.Dictionary):
            self.fail("marked", "no StructTreeRoot")
        language = root.get("/Lang")
        if not (isinstance(language, pikepdf.String) and LANGUAGE.match(str(language))):
            self.fail("language", f"catalog Lang is {language!r}")
        if self.pdf.is_encrypted:
            self.fail("security", "the file is encrypted")
        form = root.get("/AcroForm")
        if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
            self.fail("security", "the form is XFA")
        names = root.get("/Names")
        if isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names:
            self.fail("security", "the file embeds files (none are expected; each would need F and UF)")
        optional = root.get("/OCProperties")
        if isinstance(optional, pikepdf.Dictionary):
            configs = [optional.get("/D"), *list(optional.get("/Configs", []))]
            for config in configs:
                if isinstance(config, pikepdf.Dictionary) and (
                    not str(config.get("/Name", "")) or "/AS" in config
                ):
                    self.fail("security", "an optional content configuration has no Name, or has AS")

    # -- fonts -------------------------------------------------------------------------------------

    def font(self, font: pikepdf.Dictionary) -> Font:
        key = font.objgen
        if key in self.fonts:
            return self.fonts[key]
        name = str(font.get("/BaseFont", "?"))
        subtype = font.get("/Subtype")
        described = font
        widths: dict[int, float] = {}
        default = 1000.0
        two_byte = subtype == pikepdf.Name.Type0
        if two_byte:
            descendant = font.DescendantFonts[0]
            described = descendant
            if font.get("/Encoding") not in (pikepdf.Name("/Identity-H"), pikepdf.Name("/Identity-V")):
                self.fail("font-embedded", f"{name}: an encoding other than Identity-H or -V")
            if descendant.get("/Subtype") == pikepdf.Name.CIDFontType2 and descendant.get("/CIDToGIDMap") != (
                pikepdf.Name.Identity
            ):
                self.fail("font-embedded", f"{name}: CIDToGIDMap is not Identity (the checks assume it)")
            widths = _cid_widths(descendant.get("/W"))
            default = float(descendant.get("/DW", 1000))
        elif subtype != pikepdf.Name.Type3:
            first = int(font.get("/FirstChar", 0))
            widths = {first + i: float(w) for i, w in enumerate(font.get("/Widths", []))}
        glyphs = None
        advances: dict[int, float] = {}
        descriptor = described.get("/FontDescriptor")
        program = None
        if isinstance(descriptor, pikepdf.Dictionary):
            program = next(
                (descriptor[k] for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor), None
            )
        if program is None and subtype != pikepdf.Name.Type3:
            self.fail("font-embedded", f"{name}: the font program is not embedded")
        if isinstance(descriptor, pikepdf.Dictionary) and "/FontFile2" in descriptor:
            tt = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()), lazy=True)
            glyphs = tt["maxp"].numGlyphs
            per_em = tt["head"].unitsPerEm
            order = tt.getGlyphOrder()
            metrics = tt["hmtx"].metrics
            advances = {gid: metrics[glyph][0] * 1000 / per_em for gid, glyph in enumerate(order)}
        to_unicode = font.get("/ToUnicode")
        mapping = _to_unicode(to_unicode) if isinstance(to_unicode, pikepdf.Stream) else {}
        if not mapping:
            self.fail("unicode", f"{name}: no ToUnicode map")
        found = Font(name, mapping, glyphs, advances, widths, default, two_byte)
        self.fonts[key] = found
        return found

    def show(self, font: Font | None, operands: list[pikepdf.Object], page: int) -> str:
        if font is None:
            self.fail("unicode", f"page {page + 1}: text shown with no font")
            return ""
        strings: list[bytes] = []
        for operand in operands:
            if isinstance(operand, pikepdf.Array):
                strings += [bytes(item) for item in operand if isinstance(item, pikepdf.String)]
            elif isinstance(operand, pikepdf.String):
                strings.append(bytes(operand))
        text = []
        for data in strings:
            codes = (
                [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)]
                if font.two_byte
                else list(data)
            )
            for code in codes:
                value = font.unicode.get(code)
                if value is None or not value:
                    self.fail("unicode", f"page {page + 1}: {font.name} code {code:#x} maps to no Unicode")
                elif any(char in "\x00\ufeff\ufffe" for char in value):
                    self.fail("unicode", f"page {page + 1}: {font.name} code {code:#x} maps to {value!r}")
                else:
                    text.append(value)
                if font.two_byte and code == 0:
                    self.fail("notdef", f"page {page + 1}: {font.name} shows the .notdef glyph")
                if font.glyphs is not None and font.two_byte and code >= font.glyphs:
                    self.fail("notdef", f"page {page + 1}: {font.name} glyph {code} is not in the font")
                if font.advances and font.two_byte:
                    width = font.widths.get(code, font.default_width)
                    advance = font.advances.get(code)
                    if advance is not None and abs(width - advance) > 1:
                        self.fail(
                            "widths",
                            f"{font.name} glyph {code}: {width} in the PDF, {advance:.1f} in the font",
                        )
        return "".join(text)

    # -- page content ------------------------------------------------------------------------------

    def content(self) -> Walk:
        walk = Walk()
        for number, page in enumerate(self.pdf.pages):
            resources = page.obj.get("/Resources", pikepdf.Dictionary())
            self._stream(page, resources, number, [], walk, 0)
        for form, count in walk.forms_with_mcids.items():
            if count > 1:
                self.fail("xobject", f"form XObject {form} has MCIDs and is drawn {count} times")
        return walk

    def _stream(
        self,
        source: pikepdf.Page | pikepdf.Stream,
        resources: pikepdf.Dictionary,
        page: int,
        marks: list[tuple[str, int | None, str]],
        walk: Walk,
        depth: int,
    ) -> None:
        fonts = resources.get("/Font", pikepdf.Dictionary())
        xobjects = resources.get("/XObject", pikepdf.Dictionary())
        font: Font | None = None
        texts: list[list[str]] = []
        for instruction in pikepdf.parse_content_stream(source):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                if not marks:
                    self.fail("untagged", f"page {page + 1}: an inline image outside marked content")
                continue
            operator = str(instruction.operator)
            operands = list(instruction.operands)
            if operator in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                kind = ""
                if operator == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    value = operands[1].get("/MCID")
                    mcid = int(value) if isinstance(value, int) else None
                    kind = str(operands[1].get("/Type", ""))
                artifact_open = any(mark[0] == "/Artifact" for mark in marks)
                tagged_open = any(mark[1] is not None for mark in marks)
                if tag == "/Artifact" and tagged_open:
                    self.fail("nesting", f"page {page + 1}: an artifact inside tagged content")
                if mcid is not None and artifact_open:
                    self.fail("nesting", f"page {page + 1}: tagged content inside an artifact")
                if mcid is not None:
                    walk.mcids[(page, mcid)] += 1
                marks.append((tag, mcid, kind))
                texts.append([])
            elif operator == "EMC":
                if marks:
                    tag, mcid, kind = marks.pop()
                    text = "".join(texts.pop())
                    if tag == "/Artifact" and kind == "/Pagination":
                        walk.pagination_text[page].append(text)
                    elif mcid is not None:
                        walk.tagged_text[page].append(text)
                    if texts:
                        texts[-1].append(text)
            elif operator == "Tf" and operands:
                candidate = fonts.get(str(operands[0]))
                font = self.font(candidate) if isinstance(candidate, pikepdf.Dictionary) else None
            elif operator in PAINTING:
                if not any(mark[0] == "/Artifact" or mark[1] is not None for mark in marks):
                    self.fail("untagged", f"page {page + 1}: {operator} outside tagged content and artifacts")
                if operator in TEXT_SHOWING:
                    shown = self.show(font, operands, page)
                    if texts:
                        texts[-1].append(shown)
                elif operator == "Do":
                    xobject = xobjects.get(str(operands[0]))
                    if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == pikepdf.Name.Form:
                        if "/Ref" in xobject:
                            self.fail("xobject", f"page {page + 1}: a reference XObject")
                        if "/StructParents" in xobject:
                            walk.forms_with_mcids[xobject.objgen] += 1
                        if depth < 8:
                            inner = xobject.get("/Resources", resources)
                            self._stream(xobject, inner, page, list(marks), walk, depth + 1)

    # -- the structure tree ------------------------------------------------------------------------

    def structure(self, walk: Walk) -> None:
        root = self.pdf.Root.get("/StructTreeRoot")
        if not isinstance(root, pikepdf.Dictionary):
            return
        role_map = root.get("/RoleMap", pikepdf.Dictionary())
        for source, target in role_map.items():
            if source[1:] in STANDARD_TYPES:
                self.fail("roles", f"the standard type {source} is remapped to {target}")
        parent_tree: dict[int, pikepdf.Object] = {}
        numbers = root.ParentTree.get("/Nums", [])
        for index in range(0, len(numbers) - 1, 2):
            parent_tree[int(numbers[index])] = numbers[index + 1]
        owners: dict[tuple[int, int], list[pikepdf.Object]] = defaultdict(list)
        identifiers: Counter[bytes] = Counter()
        identified: dict[bytes, tuple[int, int]] = {}
        headings: list[tuple[int, str]] = []
        objrs: dict[tuple[int, int], pikepdf.Object] = {}
        stack: list[tuple[pikepdf.Object, pikepdf.Object, int | None]] = [
            (kid, root, None) for kid in reversed(_kids(root))
        ]
        while stack:
            element, parent, page = stack.pop()
            if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
                continue
            kind = str(element.S)[1:]
            standard = kind
            seen: set[str] = set()
            while standard not in STANDARD_TYPES and f"/{standard}" in role_map and standard not in seen:
                seen.add(standard)
                standard = str(role_map[f"/{standard}"])[1:]
            if standard not in STANDARD_TYPES:
                self.fail("roles", f"{kind} is not a standard type nor mapped to one")
            if element.get("/P") is None or element.P.objgen != parent.objgen:
                self.fail("parent", f"a {kind} element's P is not its parent")
            if "/Pg" in element:
                page = self.pages.get(element.Pg.objgen)
                if page is None:
                    self.fail("content-in-tree", f"a {kind} element points at a page not in the document")
            identifier = element.get("/ID")
            if isinstance(identifier, pikepdf.String):
                identifiers[bytes(identifier)] += 1
                identified[bytes(identifier)] = element.objgen
            if re.fullmatch(r"H[1-6]?", kind):
                headings.append((int(kind[1:]) if len(kind) == 2 else 0, kind))
            kids = _kids(element)
            children = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]
            self._syntax(kind, parent, children)
            has_content = False
            for kid in kids:
                if isinstance(kid, int):
                    owners[(page if page is not None else -1, int(kid))].append(element)
                    has_content = True
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
                    kid_page = self.pages.get(kid.Pg.objgen) if "/Pg" in kid else page
                    owners[(kid_page if kid_page is not None else -1, int(kid.MCID))].append(element)
                    has_content = True
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.OBJR:
                    objrs[kid.Obj.objgen] = element
                    has_content = True
            if kind in ("Figure", "Formula") and not (
                str(element.get("/Alt", "")) or str(element.get("/ActualText", ""))
            ):
                self.fail("figure" if kind == "Figure" else "formula", f"a {kind} with no Alt or ActualText")
            if kind == "Note" and not isinstance(identifier, pikepdf.String):
                self.fail("note", "a Note with no ID")
            described = "/Alt" in element or "/ActualText" in element
            if not (has_content or children or described) and kind not in ("TD", "TH"):
                self.fail("empty", f"an empty {kind} element")
            if kind == "Table":
                self._table(element)
            stack.extend((kid, element, page) for kid in reversed(children))
        # Each tagged sequence has exactly one element, the one the parent tree names.
        for (page, mcid), elements in owners.items():
            if len(elements) > 1:
                self.fail(
                    "content-in-tree", f"page {page + 1} MCID {mcid} belongs to {len(elements)} elements"
                )
            if walk.mcids.get((page, mcid), 0) != 1:
                self.fail(
                    "content-in-tree",
                    f"page {page + 1} MCID {mcid} is drawn {walk.mcids.get((page, mcid), 0)} times",
                )
        for page, mcid in walk.mcids:
            if (page, mcid) not in owners:
                self.fail(
                    "content-in-tree",
                    f"page {page + 1} MCID {mcid} is tagged but no element of the tree holds it",
                )
                continue
            entries = parent_tree.get(int(self.pdf.pages[page].obj.get("/StructParents", -1)))
            mapped = entries[mcid] if isinstance(entries, pikepdf.Array) and mcid < len(entries) else None
            if not isinstance(mapped, pikepdf.Dictionary) or mapped.objgen != owners[(page, mcid)][0].objgen:
                self.fail(
                    "content-in-tree", f"page {page + 1} MCID {mcid}: the parent tree names another element"
                )
        # Identifiers: unique, and the IDTree maps each to its element.
        for identifier, count in identifiers.items():
            if count > 1:
                self.fail("identifiers", f"ID {identifier!r} is used {count} times")
        tree_ids = _name_tree(root.get("/IDTree"))
        if identifiers and {k: v.objgen for k, v in tree_ids.items()} != identified:
            self.fail("identifiers", "the IDTree does not map every element ID to its element")
        if any(level == 0 for level, _ in headings) and any(level > 0 for level, _ in headings):
            self.fail("headings", "both H and H1-H6 are used")
        numbered = [level for level, _ in headings if level > 0]
        if numbered and numbered[0] != 1:
            self.fail("headings", f"the first heading is H{numbered[0]}")
        for before, after in itertools.pairwise(numbered):
            if after > before + 1:
                self.fail("headings", f"H{before} is followed by H{after}")
        self._annotations(parent_tree, objrs)

    def _syntax(
        self,
        kind: str,
        parent: pikepdf.Object,
        children: list[pikepdf.Dictionary],
    ) -> None:
        parent_kind = str(parent.get("/S", ""))[1:]
        kid_kinds = [str(kid.S)[1:] for kid in children]
        if kind == "Table":
            inner = [k for k in kid_kinds if k != "Caption"]
            captions = [i for i, k in enumerate(kid_kinds) if k == "Caption"]
            if any(k not in ("TR", "THead", "TBody", "TFoot") for k in inner):
                self.fail("table-syntax", f"a Table holds {kid_kinds}")
            if len(captions) > 1 or any(i not in (0, len(kid_kinds) - 1) for i in captions):
                self.fail("table-syntax", f"a Table's Caption is not its only first or last kid: {kid_kinds}")
            if kid_kinds.count("THead") > 1 or kid_kinds.count("TFoot") > 1:
                self.fail("table-syntax", f"a Table with more than one THead or TFoot: {kid_kinds}")
            if ("THead" in kid_kinds or "TFoot" in kid_kinds) and "TBody" not in kid_kinds:
                self.fail("table-syntax", f"a Table with THead or TFoot and no TBody: {kid_kinds}")
        if kind in ("THead", "TBody", "TFoot") and (
            parent_kind != "Table" or any(k != "TR" for k in kid_kinds)
        ):
            self.fail("table-syntax", f"a {kind} in {parent_kind} holding {kid_kinds}")
        if kind == "TR" and (
            parent_kind not in ("Table", "THead", "TBody", "TFoot")
            or any(k not in ("TH", "TD") for k in kid_kinds)
        ):
            self.fail("table-syntax", f"a TR in {parent_kind} holding {kid_kinds}")
        if kind in ("TH", "TD") and parent_kind != "TR":
            self.fail("table-syntax", f"a {kind} in {parent_kind}")
        if kind == "L" and (
            any(k not in ("L", "LI", "Caption") for k in kid_kinds) or "Caption" in kid_kinds[1:]
        ):
            self.fail("list-syntax", f"an L holding {kid_kinds}")
        if kind == "LI" and (parent_kind != "L" or any(k not in ("Lbl", "LBody") for k in kid_kinds)):
            self.fail("list-syntax", f"an LI in {parent_kind} holding {kid_kinds}")
        if kind in ("Lbl", "LBody") and parent_kind != "LI":
            self.fail("list-syntax", f"an {kind} in {parent_kind}")
        if kind == "TOCI" and parent_kind != "TOC":
            self.fail("list-syntax", f"a TOCI in {parent_kind}")
        if kid_kinds.count("H") > 1:
            self.fail("headings", f"a {kind} holds more than one H")

    def _table(self, table: pikepdf.Dictionary) -> None:
        rows: list[pikepdf.Dictionary] = []
        for kid in _kids(table):
            if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid:
                continue
            if kid.S == pikepdf.Name.TR:
                rows.append(kid)
            elif str(kid.S) in ("/THead", "/TBody", "/TFoot"):
                rows += [
                    tr
                    for tr in _kids(kid)
                    if isinstance(tr, pikepdf.Dictionary) and tr.get("/S") == pikepdf.Name.TR
                ]
        taken: set[tuple[int, int]] = set()
        widths: list[int] = []
        cells: list[pikepdf.Dictionary] = []
        for number, row in enumerate(rows):
            column = 0
            for cell in _kids(row):
                if not (isinstance(cell, pikepdf.Dictionary) and str(cell.get("/S")) in ("/TH", "/TD")):
                    continue
                cells.append(cell)
                while (number, column) in taken:
                    column += 1
                attributes = _table_attributes(cell)
                columns = int(attributes.get("/ColSpan", 1)) if attributes is not None else 1
                spanned = int(attributes.get("/RowSpan", 1)) if attributes is not None else 1
                if number + spanned > len(rows):
                    self.fail(
                        "regular-table", f"a cell spans {spanned} rows from row {number + 1} of {len(rows)}"
                    )
                taken.update((number + r, column + c) for r in range(spanned) for c in range(columns))
                column += columns
            widths.append(max((c + 1 for r, c in taken if r == number), default=0))
        for number in range(len(rows)):
            filled = sum(1 for r, _ in taken if r == number)
            if filled != widths[0] or widths[number] != widths[0]:
                self.fail("regular-table", f"row {number + 1} spans {filled} columns, row 1 {widths[0]}")
        heads = {
            bytes(cell.ID): cell
            for cell in cells
            if cell.S == pikepdf.Name.TH and isinstance(cell.get("/ID"), pikepdf.String)
        }
        named: set[bytes] = set()
        for cell in cells:
            attributes = _table_attributes(cell)
            headers = [bytes(h) for h in attributes.get("/Headers", [])] if attributes is not None else []
            named.update(headers)
            for header in headers:
                if header not in heads:
                    self.fail("headers", f"a cell's Headers names {header!r}, no TH of its table")
            if cell.S == pikepdf.Name.TD and heads and not headers and _kids(cell):
                self.fail("headers", "a TD with content, in a table with header cells, names no header")
            if cell.S == pikepdf.Name.TH:
                scope = attributes.get("/Scope") if attributes is not None else None
                if scope not in (pikepdf.Name.Column, pikepdf.Name.Row, pikepdf.Name.Both):
                    self.fail("scope", f"a TH with Scope {scope}")
                if not isinstance(cell.get("/ID"), pikepdf.String):
                    self.fail("orphan-header", "a TH with no ID, so no cell can name it")
        if any(cell.S == pikepdf.Name.TD for cell in cells):
            for identifier in heads:
                if identifier not in named:
                    self.fail("orphan-header", f"TH {identifier!r} heads no cell")

    def _annotations(
        self, parent_tree: dict[int, pikepdf.Object], objrs: dict[tuple[int, int], pikepdf.Object]
    ) -> None:
        for number, page in enumerate(self.pdf.pages):
            annotations = page.obj.get("/Annots")
            if not isinstance(annotations, pikepdf.Array) or len(annotations) == 0:
                continue
            if page.obj.get("/Tabs") != pikepdf.Name.S:
                self.fail("tabs", f"page {number + 1} has annotations and Tabs {page.obj.get('/Tabs')}")
            for annotation in annotations:
                subtype = str(annotation.get("/Subtype"))
                flags = int(annotation.get("/F", 0))
                if subtype != "/Popup" and (not flags & 4 or flags & (1 | 2 | 32)):
                    self.fail("print", f"page {number + 1}: a {subtype} annotation with flags {flags}")
                element = objrs.get(annotation.objgen)
                mapped = parent_tree.get(int(annotation.get("/StructParent", -1)))
                kind = str(element.S) if element is not None else None
                if subtype == "/PrinterMark":
                    if element is not None:
                        self.fail("annotation", f"page {number + 1}: a PrinterMark in the structure")
                    continue
                if subtype == "/TrapNet":
                    self.fail("annotation", f"page {number + 1}: a TrapNet annotation")
                if element is None or mapped is None or mapped.objgen != element.objgen:
                    self.fail(
                        "link" if subtype == "/Link" else "annotation",
                        f"page {number + 1}: a {subtype} not in the structure by OBJR and StructParent",
                    )
                    continue
                if subtype == "/Link":
                    if kind != "/Link":
                        self.fail("link", f"page {number + 1}: a link annotation in a {kind} element")
                    if not str(annotation.get("/Contents", "")).strip():
                        self.fail("link", f"page {number + 1}: a link annotation with no Contents")
                elif subtype == "/Widget":
                    if kind != "/Form":
                        self.fail("annotation", f"page {number + 1}: a widget in a {kind} element")
                elif subtype != "/Popup":
                    if kind != "/Annot":
                        self.fail(
                            "annotation", f"page {number + 1}: a {subtype} annotation in a {kind} element"
                        )
                    if not str(annotation.get("/Contents", "")) and "/Alt" not in element:
                        self.fail(
                            "annotation", f"page {number + 1}: a {subtype} annotation with no description"
                        )

    def pagination(self, walk: Walk) -> None:
        total = len(self.pdf.pages)
        for page in range(total):
            footers = [m.groups() for text in walk.pagination_text[page] if (m := PAGE_NUMBER.search(text))]
            if footers != [(str(page + 1), str(total))]:
                self.fail("pagination", f"page {page + 1}: page numbers in pagination artifacts: {footers}")
            tagged = [text for text in walk.tagged_text[page] if PAGE_NUMBER.search(text)]
            if tagged:
                self.fail("pagination", f"page {page + 1}: a page number tagged as content: {tagged}")

    def run(self) -> list[str]:
        self.document()
        walk = self.content()
        self.structure(walk)
        self.pagination(walk)
        return self.violations


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    value = element.get("/K")
    if value is None:
        return []
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def _table_attributes(element: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    value = element.get("/A")
    for candidate in list(value) if isinstance(value, pikepdf.Array) else [value]:
        if isinstance(candidate, pikepdf.Dictionary) and candidate.get("/O") == pikepdf.Name.Table:
            return candidate
    return None


def _name_tree(node: object) -> dict[bytes, pikepdf.Object]:
    found: dict[bytes, pikepdf.Object] = {}
    if not isinstance(node, pikepdf.Dictionary):
        return found
    names = node.get("/Names", [])
    for index in range(0, len(names) - 1, 2):
        found[bytes(names[index])] = names[index + 1]
    for kid in node.get("/Kids", []):
        found.update(_name_tree(kid))
    return found


def ua_violations(data: bytes) -> list[str]:
    return Check(data).run()


def rules_violated(violations: list[str]) -> set[str]:
    return {violation.split(":", 1)[0] for violation in violations}


# ---------------------------------------------------------------------------------------------------
# The documents: each built once, WeasyPrint's PDF kept beside the finished one
# ---------------------------------------------------------------------------------------------------


@dataclass
class Built:
    raw: bytes  # WeasyPrint's PDF, before the pass
    pdf: bytes  # as written
    pass_seconds: float = 0.0


def _build(folder: Path, *arguments: str) -> Built:
    seen: list[tuple[bytes, bytes, float]] = []

    def recording(raw: bytes) -> bytes:
        started = time.perf_counter()
        finished = finish_tags(raw)
        seen.append((raw, finished, time.perf_counter() - started))
        return finished

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setattr(pdf_module, "finish_tags", recording)
        assert main(["build", "--format", "pdf", "--out", str(folder), "-q", *arguments]) == 0
    [written] = list(folder.glob("*.pdf"))
    [(raw, finished, seconds)] = seen
    assert written.read_bytes() == finished
    return Built(raw, finished, seconds)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(
        tmp_path_factory.mktemp("small"),
        "--catalogue",
        str(FIXTURES / "small.yaml"),
        "--data",
        str(FIXTURES / "small.csv"),
        "--period",
        "2023-01",
    )


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("example"), "--catalogue", str(ROOT / "indicator_specs.yaml"))


@pytest.fixture(scope="module")
def annual(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # Its table has group rows (a TH across the table, scope="colgroup") and a Comment column.
    return _build(
        tmp_path_factory.mktemp("annual"),
        "--catalogue",
        str(ROOT / "examples" / "annual" / "annual-scorecard.yaml"),
        "--period",
        "2016-03",
    )


@pytest.fixture(scope="module")
def quarterly(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # The quarterly layout: band columns, four quarters, a Rec field and commentary in every row.
    return _build(
        tmp_path_factory.mktemp("quarterly"),
        "--catalogue",
        str(ROOT / "examples" / "quarterly-improvement" / "improvement-plan.yaml"),
        "--period",
        "2016-03",
    )


DOCUMENTS = ("small", "annual", "quarterly", "example")


@pytest.fixture(params=DOCUMENTS)
def built(request: pytest.FixtureRequest) -> Built:
    value: Built = request.getfixturevalue(request.param)
    return value


# ---------------------------------------------------------------------------------------------------
# PDF/UA-1
# ---------------------------------------------------------------------------------------------------


def test_the_pdf_passes_every_machine_checkable_rule(built: Built) -> None:
    violations = ua_violations(built.pdf)
    assert violations == [], "\n".join(violations[:50])


def test_the_checks_catch_what_weasyprint_leaves_out(example: Built) -> None:
    # The same checks on WeasyPrint's own PDF find the defects the pass repairs (others, such as an
    # orphaned corner header or empty elements, depend on the template).
    assert rules_violated(ua_violations(example.raw)) >= {
        "scope",  # no TH has a Scope
        "identifiers",  # no IDTree
        "print",  # links without the Print flag
        "content-in-tree",  # the margin boxes' text is tagged, its elements left out of the tree
        "pagination",  # "Page X of Y" is not an artifact
    }


def test_the_checks_see_a_broken_document() -> None:
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><title>Broken</title></head><body>'
        "<h1>Title</h1><h3>Skipped a level</h3>"
        '<table><tr><th>A</th><th>B</th></tr><tr><td colspan="2">one</td></tr><tr><td>x</td></tr></table>'
        "</body></html>"
    )
    pdf = render_pdf(html, (package_templates(),), "test")
    document = pikepdf.open(io.BytesIO(pdf))
    figure_missing = document.Root.StructTreeRoot.K[0]
    figure_missing.K.append(
        document.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Figure, P=figure_missing))
    )
    out = io.BytesIO()
    document.save(out)
    found = rules_violated(ua_violations(out.getvalue()))
    assert {"headings", "regular-table", "figure"} <= found


def _first(pdf: pikepdf.Pdf, role: str) -> pikepdf.Dictionary:
    stack = list(_kids(pdf.Root.StructTreeRoot))
    while stack:
        element = stack.pop(0)
        if isinstance(element, pikepdf.Dictionary) and element.get("/S") == pikepdf.Name(role):
            return element
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            stack.extend(_kids(element))
    raise LookupError(role)


def _first_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    font: pikepdf.Dictionary = next(iter(pdf.pages[1].Resources.Font.values()))
    return font


def _first_link(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    link: pikepdf.Dictionary = next(a for page in pdf.pages for a in page.obj.get("/Annots", []))
    return link


def _page_with_links(pdf: pikepdf.Pdf) -> pikepdf.Page:
    return next(page for page in pdf.pages if "/Annots" in page.obj)


MUTATIONS = {
    "scope": lambda pdf: _table_attributes(_first(pdf, "/TH")).__delitem__("/Scope"),
    "headers": lambda pdf: _table_attributes(_first(pdf, "/TD")).Headers.append(pikepdf.String("nowhere")),
    "regular-table": lambda pdf: _table_attributes(_first(pdf, "/TD")).__setitem__("/ColSpan", 2),
    "widths": lambda pdf: _first_font(pdf).DescendantFonts[0].W.__setitem__(1, pikepdf.Array([5000] * 200)),
    "unicode": lambda pdf: _first_font(pdf).__setitem__("/ToUnicode", pdf.make_stream(b"begincmap endcmap")),
    "untagged": lambda pdf: pdf.pages[1].contents_add(pdf.make_stream(b"0 0 m 10 10 l S")),
    "print": lambda pdf: _first_link(pdf).__setitem__("/F", 0),
    "link": lambda pdf: _first_link(pdf).__delitem__("/Contents"),
    "tabs": lambda pdf: _page_with_links(pdf).obj.__delitem__("/Tabs"),
    "language": lambda pdf: pdf.Root.__setitem__("/Lang", pikepdf.String("en_GB!")),
    "title": lambda pdf: pdf.Root.ViewerPreferences.__setitem__("/DisplayDocTitle", False),
    "metadata": lambda pdf: pdf.Root.__delitem__("/Metadata"),
    "figure": lambda pdf: _first(pdf, "/Figure").__delitem__("/Alt"),
    "empty": lambda pdf: _first(pdf, "/P").__setitem__("/K", pikepdf.Array()),
}


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_the_checks_see_each_defect_put_into_a_good_pdf(small: Built, rule: str) -> None:
    pdf = pikepdf.open(io.BytesIO(small.pdf))
    MUTATIONS[rule](pdf)
    out = io.BytesIO()
    pdf.save(out)
    assert rule in rules_violated(ua_violations(out.getvalue()))


# ---------------------------------------------------------------------------------------------------
# outloud
# ---------------------------------------------------------------------------------------------------

# Semantic rules about what the pass changes: real content made an artifact, words no element
# announces, empty elements, cells headed by nothing, links with no text.
PASS_SEMANTIC = ("TAG-002", "TAG-003", "TAG-020", "TBL-011", "LNK-003")
# With the source given: structure, text or pixels the pass lost.
FIDELITY = ("SEM-001", "SEM-002", "SEM-003")


@dataclass
class Outloud:
    findings: list[tuple[str, str, str | None, int | None]]  # rule, message, evidence, page
    boxes: dict[str, list[dict[str, float]]]  # rule: the boxes its findings drew
    crashed: list[str]
    ran: set[str]  # the rules that ran (not skipped, crashed or found not applicable)


def _outloud(
    tmp_path: Path,
    data: bytes,
    source: bytes | None = None,
    layers: tuple[str, ...] = (),
    only: tuple[str, ...] = (),
) -> Outloud:
    from outloud import check

    path = tmp_path / "checked.pdf"
    path.write_bytes(data)
    source_path = None
    if source is not None:
        source_path = tmp_path / "source.pdf"
        source_path.write_bytes(source)
    result = check(
        str(path), source=str(source_path) if source_path else None, layers=layers or None, only=only or None
    )
    assert result.error is None, result.error
    boxes: dict[str, list[dict[str, float]]] = defaultdict(list)
    for finding in result.findings:
        boxes[finding.rule] += finding.boxes
    return Outloud(
        [(f.rule, f.message, f.evidence, f.page) for f in result.findings],
        boxes,
        [f"{run.rule}: {run.reason}" for run in result.runs if run.status == "crashed"],
        {run.rule for run in result.runs if run.status == "ran"},
    )


def _all_page_body(path: Path, boxes: list[dict[str, float]]) -> bool:
    """Each box lies on tagged text of an element in the structure tree: content of the page's body.

    WeasyPrint draws running heads and footers in the page's margin boxes, whose elements it leaves out
    of the tree, and the pass makes every such sequence an artifact; so a line outloud still flags is
    body content that repeats near the top or bottom of pages (a table's header row at the top of each
    page it continues on, the same heading at the foot of each appendix page)."""
    from outloud.model import Document

    document = Document(str(path))
    try:
        pdf = document.pdf
        root = pdf.Root.StructTreeRoot
        numbers = root.ParentTree.Nums
        tree = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers) - 1, 2)}
        in_tree: set[tuple[int, int]] = set()
        stack = list(_kids(root))
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Dictionary) and "/S" in element:
                in_tree.add(element.objgen)
                stack.extend(_kids(element))
        for box in boxes:
            page = int(box["page"]) - 1
            entries = tree[int(pdf.pages[page].obj.StructParents)]
            runs = [
                run
                for run in document.content(page).runs
                if run.text.strip()
                and run.bbox[0] < box["x1"]
                and run.bbox[2] > box["x0"]
                and run.bbox[1] < box["y1"]
                and run.bbox[3] > box["y0"]
            ]
            if not runs:
                return False
            for run in runs:
                owner = entries[run.mcid] if run.mcid is not None and run.mcid < len(entries) else None
                if not isinstance(owner, pikepdf.Dictionary) or owner.objgen not in in_tree:
                    return False
    finally:
        document.close()
    return True


def test_outloud_finds_no_pdf_ua_problem(built: Built, tmp_path: Path) -> None:
    result = _outloud(tmp_path, built.pdf, layers=("conformance",))
    assert result.crashed == []
    # 43 of its 55 conformance rules apply; the rest are about encryption, forms, notes, formulae,
    # optional content, embedded files and form XObjects, which a scorecard has none of.
    assert len(result.ran) >= 40, sorted(result.ran)
    # PAG-001 is a guess from position: a tagged line near the top or bottom of three pages or more. Body
    # content can repeat there; the running heads and footers are checked exactly by ``ua_violations``
    # ("content-in-tree", "pagination").
    assert _all_page_body(tmp_path / "checked.pdf", result.boxes.get("PAG-001", []))
    problems = [finding for finding in result.findings if finding[0] != "PAG-001"]
    assert problems == []


def test_outloud_finds_nothing_the_pass_should_have_repaired(built: Built, tmp_path: Path) -> None:
    result = _outloud(tmp_path, built.pdf, source=built.raw, only=PASS_SEMANTIC + FIDELITY)
    assert result.ran == set(PASS_SEMANTIC + FIDELITY)
    assert result.findings == []


def test_outloud_finds_what_weasyprint_leaves_out(small: Built, tmp_path: Path) -> None:
    # Running heads and footers tagged as content, links that do not print: what WeasyPrint writes.
    result = _outloud(tmp_path, small.raw, only=("PAG-001", "LNK-004"))
    assert {finding[0] for finding in result.findings} == {"PAG-001", "LNK-004"}


# ---------------------------------------------------------------------------------------------------
# The pass draws nothing new
# ---------------------------------------------------------------------------------------------------


def _pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have pdftoppm: .ci/run installs poppler-utils")
        pytest.skip("pdftoppm (Debian's poppler-utils) is not installed here")
    return found


def _pixels(tmp_path: Path, name: str, data: bytes, first: int, last: int) -> list[bytes]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    subprocess.run(
        [_pdftoppm(), "-r", "60", "-f", str(first), "-l", str(last), str(path), str(tmp_path / name)],
        check=True,
        timeout=300,
    )
    return [page.read_bytes() for page in sorted(tmp_path.glob(f"{name}-*.ppm"))]


@pytest.mark.parametrize(
    ("document", "part"),
    [("small", "all"), ("annual", "all"), ("example", "front"), ("example", "middle"), ("example", "end")],
)
def test_every_pixel_is_the_same_after_the_pass(
    document: str, part: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # The example's front (cover, contents, key, summary), a stretch of its section tables and charts,
    # and its last appendix pages; the small and annual documents whole.
    built: Built = request.getfixturevalue(document)
    with pikepdf.open(io.BytesIO(built.raw)) as raw:
        count = len(raw.pages)
    first, last = {"all": (1, count), "front": (1, 6), "middle": (count // 2 - 1, count // 2 + 1)}.get(
        part, (count - 2, count)
    )
    before = _pixels(tmp_path, "before", built.raw, first, last)
    after = _pixels(tmp_path, "after", built.pdf, first, last)
    assert len(before) == len(after) == last - first + 1
    for number, (old, new) in enumerate(zip(before, after, strict=True), start=first):
        assert old == new, f"page {number} looks different after the pass"


# ---------------------------------------------------------------------------------------------------
# What the pass writes
# ---------------------------------------------------------------------------------------------------


def _cells(data: bytes) -> Iterator[tuple[str, bytes | None, pikepdf.Object | None, list[bytes]]]:
    """Each table cell: its role, ID, scope and headers."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        stack = list(_kids(pdf.Root.StructTreeRoot))
        while stack:
            element = stack.pop()
            if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
                continue
            if str(element.S) in ("/TH", "/TD"):
                attributes = _table_attributes(element)
                identifier = element.get("/ID")
                yield (
                    str(element.S),
                    bytes(identifier) if isinstance(identifier, pikepdf.String) else None,
                    attributes.get("/Scope") if attributes is not None else None,
                    [bytes(h) for h in attributes.get("/Headers", [])] if attributes is not None else [],
                )
            stack.extend(_kids(element))


def _rows(table: pikepdf.Dictionary) -> Iterator[tuple[str, list[pikepdf.Dictionary]]]:
    """Each row of ``table`` with the group holding it and its cells."""
    for group in _kids(table):
        if isinstance(group, pikepdf.Dictionary) and str(group.get("/S")) in ("/THead", "/TBody"):
            for row in _kids(group):
                yield str(group.S), [cell for cell in _kids(row) if isinstance(cell, pikepdf.Dictionary)]


def _scope_and_headers(cell: pikepdf.Dictionary) -> tuple[object, list[bytes]]:
    attributes = _table_attributes(cell)
    assert attributes is not None
    return attributes.get("/Scope"), [bytes(h) for h in attributes.get("/Headers", [])]


def test_group_rows_head_the_rows_below_them_and_the_corner_heads_the_row_headers(annual: Built) -> None:
    grouped = 0
    with pikepdf.open(io.BytesIO(annual.pdf)) as pdf:
        stack = list(_kids(pdf.Root.StructTreeRoot))
        tables = []
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Dictionary) and "/S" in element:
                if str(element.S) == "/Table":
                    tables.append(element)
                stack.extend(_kids(element))
        for table in tables:
            rows = list(_rows(table))
            head = [cell for group, cells in rows if group == "/THead" for cell in cells]
            width = len(head)
            group_id = None
            for group, cells in rows:
                if group == "/THead":
                    assert all(_scope_and_headers(cell)[0] == pikepdf.Name.Column for cell in cells)
                    continue
                first = cells[0]
                scope, headers = _scope_and_headers(first)
                if first.S == pikepdf.Name.TH and _table_attributes(first).get("/ColSpan") == width:
                    assert scope == pikepdf.Name.Column  # scope="colgroup": it heads the rows below
                    group_id = bytes(first.ID)
                    grouped += 1
                    continue
                if first.S == pikepdf.Name.TH:
                    assert scope == pikepdf.Name.Row
                    assert bytes(head[0].ID) in headers  # the corner ("Ref") heads the row headers
                for cell in cells:
                    if group_id is not None:
                        assert group_id in _scope_and_headers(cell)[1]
                for column, cell in enumerate(cells[1:], start=1):
                    _, headers = _scope_and_headers(cell)
                    assert bytes(head[column].ID) in headers
                    if first.S == pikepdf.Name.TH:
                        assert headers[0] == bytes(first.ID)  # WeasyPrint's row header stays first
    assert grouped >= 2


def test_running_heads_and_footers_are_pagination_artifacts(small: Built) -> None:
    # The cover has the marking and page number at its foot and no running head; every other page has both.
    with pikepdf.open(io.BytesIO(small.pdf)) as pdf:
        for number, page in enumerate(pdf.pages):
            kinds = Counter(
                str(instruction.operands[1].get("/Subtype"))
                for instruction in pikepdf.parse_content_stream(page, "BDC")
                if instruction.operands[0] == pikepdf.Name.Artifact
                and instruction.operands[1].get("/Type") == pikepdf.Name.Pagination
            )
            assert kinds["/Footer"] == 2, (number, kinds)
            assert kinds["/Header"] == (0 if number == 0 else 2), (number, kinds)


def test_links_print(small: Built) -> None:
    with pikepdf.open(io.BytesIO(small.pdf)) as pdf:
        links = [
            a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.Subtype == pikepdf.Name.Link
        ]
        assert links and all(int(a.F) & 4 for a in links)


def test_the_pass_is_reproducible_and_keeps_the_file_whole(small: Built) -> None:
    assert finish_tags(small.raw) == small.pdf
    with pikepdf.open(io.BytesIO(small.pdf)) as pdf:
        assert pdf.check_pdf_syntax() == []  # qpdf finds no damage
        assert pdf.pdf_version == "1.7"
        assert "/ID" in pdf.trailer  # made from the content, so the same file gets the same ID
        with pikepdf.open(io.BytesIO(small.raw)) as raw:
            assert dict(pdf.docinfo.items()) == dict(raw.docinfo.items())  # no new dates or producer
            assert pdf.Root.Metadata.read_bytes() == raw.Root.Metadata.read_bytes()


def test_the_pass_is_a_small_part_of_the_build(example: Built) -> None:
    # About two seconds on the 180-page example; WeasyPrint takes twenty or more.
    assert example.pass_seconds < 15, example.pass_seconds


@pytest.mark.parametrize("document", ["small", "annual"])
def test_reading_a_page_from_its_bytes_agrees_with_qpdfs_parser(
    document: str, request: pytest.FixtureRequest
) -> None:
    built: Built = request.getfixturevalue(document)
    with pikepdf.open(io.BytesIO(built.raw)) as pdf:
        root = pdf.Root.StructTreeRoot
        in_tree = {node.key for node in read_tree(root)}
        numbers = root.ParentTree.Nums
        entries = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers) - 1, 2)}
        for page in pdf.pages:
            untreed = {
                mcid
                for mcid, element in enumerate(entries[int(page.obj.StructParents)])
                if isinstance(element, pikepdf.Dictionary) and element.objgen not in in_tree
            }
            assert untreed
            middle = float(page.mediabox[3]) / 2
            from_bytes = pdf_artifacts._mark_bytes(page.obj.Contents.read_bytes(), untreed, middle)
            assert from_bytes is not None
            parsed = pdf_artifacts._mark_parsed(page, untreed, middle)
            assert from_bytes[1] == parsed[1] == len(untreed)
            one, other = (
                pikepdf.unparse_content_stream(pikepdf.parse_content_stream(pdf.make_stream(content)))
                for content in (from_bytes[0], parsed[0])
            )
            assert one == other


def test_a_stream_the_byte_reading_does_not_follow_is_left_to_the_parser() -> None:
    for content in (
        b"/Span <</MCID 0>> BDC BT /F1 9 Tf (Page 1) Tj ET EMC",  # a literal string
        b"% a comment\n/Span <</MCID 0>> BDC EMC",
        b"/Span <</MCID 0>>BDC EMC",  # an operator glued to its operand
        b"/Span <</MCID 0 /Lang (en)>> BDC EMC",
    ):
        assert pdf_artifacts._mark_bytes(content, {0}, 100.0) is None, content
    marked = pdf_artifacts._mark_bytes(
        b"q 1 0 0 -1 0 200 cm\n/Span <</MCID 0>>\nBDC\nBT\n1 0 0 -1 5 190 Tm\n[<0032>] TJ\nET\nEMC\nQ",
        {0},
        100.0,
    )
    assert marked is not None
    assert marked[0].startswith(
        b"q 1 0 0 -1 0 200 cm\n/Artifact << /Subtype /Footer /Type /Pagination >> BDC\nBT"
    )


def test_a_second_pass_finds_nothing_to_repair(small: Built) -> None:
    with pikepdf.open(io.BytesIO(small.pdf)) as pdf:
        repairs = repair(pdf)
    assert (
        repairs.artifacts,
        repairs.scopes,
        repairs.headers_added,
        repairs.empty_removed,
        repairs.links_printable,
    ) == (
        0,
        0,
        0,
        0,
        0,
    )


def test_every_appendix_page_of_the_example_is_one_page(example: Built) -> None:
    """Each indicator's appendix page, with its working where it is computed, fits its one page: from
    the page that opens the appendix (which carries FD1) to the last, one page per indicator."""
    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(example.pdf)).pages]
    # The contents names the appendix too: the appendix opens on the last page that does.
    first = max(index for index, text in enumerate(pages) if "Appendix: indicator pages" in text)
    indicators = sum(
        1 for line in (ROOT / "indicator_specs.yaml").read_text("utf-8").splitlines() if "- ref:" in line
    )
    assert len(pages) - first == indicators == 146
    assert all(text.count("values by period") == 1 for text in pages[first:])
    # The computed rate's working is on its own page, not run over onto the next.
    (cin2,) = [text for text in pages[first:] if "CIN2 Referrals received" in text and "Computed by" in text]
    assert "multiplied by 10,000: 710." in " ".join(cin2.split())
