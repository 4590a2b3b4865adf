"""The view's anchors as Word bookmarks, and links to them as internal hyperlinks.

A Word bookmark's name has at most 40 characters, letters, digits and underscores, and starts with a
letter (a leading underscore hides it); Word compares names without regard to case. The view's anchors
("indicator-FD8", "section-front_2d_door") are mapped once per document to such names, the same anchor
always to the same name, two anchors never to one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from scorecard_report.render.docx_xml import element

NAME_LIMIT = 40
HYPERLINK_STYLE = "Hyperlink"


def bookmark_name(anchor: str) -> str:
    """The anchor in the letters Word allows: every other character an underscore, a letter first."""
    name = "".join(c if c.isascii() and c.isalnum() else "_" for c in anchor)
    if not (name[:1].isascii() and name[:1].isalpha()):
        name = f"b_{name}"
    return name[:NAME_LIMIT]


class Links:
    """Bookmarks each anchor once, and links only to anchors the document bookmarks (``targets``):
    a link to anything else is plain text."""

    def __init__(self, document: DocxDocument, targets: Iterable[str], hyperlink_style: str | None) -> None:
        self.targets = frozenset(targets)
        self.style = hyperlink_style
        self.names: dict[str, str] = {}
        self.placed: set[str] = set()
        # Past what the council's template already holds, in its header, footer or notes.
        ids, names = [-1], set()
        for part in document.part.package.iter_parts():
            root = getattr(part, "element", None)
            if root is None or not hasattr(root, "xpath"):
                continue
            for start in root.xpath(".//w:bookmarkStart"):
                ids.append(int(start.get(qn("w:id"), "0") or 0))
                names.add(start.get(qn("w:name"), "").casefold())
        self.next_id = max(ids) + 1
        self.taken = names

    def name(self, anchor: str) -> str:
        known = self.names.get(anchor)
        if known is not None:
            return known
        base = name = bookmark_name(anchor)
        number = 2
        while name.casefold() in self.taken:
            suffix = f"_{number}"
            name, number = base[: NAME_LIMIT - len(suffix)] + suffix, number + 1
        self.names[anchor] = name
        self.taken.add(name.casefold())
        return name

    def bookmark(self, paragraph: Paragraph, anchor: str) -> None:
        """The paragraph's content so far as the anchor's bookmark (once per anchor: a second is skipped)."""
        if not anchor or anchor in self.placed:
            return
        self.placed.add(anchor)
        number = str(self.next_id)
        self.next_id += 1
        p = paragraph._p
        start = element("w:bookmarkStart", id=number, name=self.name(anchor))
        properties = p.pPr
        if properties is None:
            p.insert(0, start)
        else:
            properties.addnext(start)
        p.append(element("w:bookmarkEnd", id=number))

    def link(self, paragraph: Paragraph, anchor: str, text: str) -> Run:
        """``text`` as a link to ``anchor``'s bookmark, in the Hyperlink style; plain text if the document
        has no such bookmark."""
        if not anchor or anchor not in self.targets:
            return paragraph.add_run(text)
        hyperlink = element("w:hyperlink", anchor=self.name(anchor), history="1")
        run_element = cast(CT_R, element("w:r"))  # python-docx makes a CT_R for "w:r"
        hyperlink.append(run_element)
        paragraph._p.append(hyperlink)
        run = Run(run_element, paragraph)
        if self.style is not None:
            run_element.get_or_add_rPr().style = self.style
        run.text = text
        return run
