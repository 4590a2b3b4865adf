"""WordprocessingML properties written in the schema's order, each child once.

Word checks a document against the schema and reports "unreadable content" when a property element is
out of its sequence or repeated: ``<w:tblLayout>`` after ``<w:tblLook>``, say. python-docx keeps the
order for the properties it knows; everything this writer adds itself goes through ``put``, which
replaces a child of the same name and inserts the new one before the first sibling that must follow it.
"""

from __future__ import annotations

from typing import cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The sequences of ECMA-376 Part 1 (wml.xsd) for the property elements the writer touches.
ORDER: dict[str, tuple[str, ...]] = {
    "tblPr": (
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    ),
    "trPr": (
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
        "ins",
        "del",
        "trPrChange",
    ),
    "tcPr": (
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
        "headers",
        "cellIns",
        "cellDel",
        "cellMerge",
        "tcPrChange",
    ),
    "pPr": (
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ),
    "rPr": (
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
        "rPrChange",
    ),
    "tblBorders": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "tblCellMar": ("top", "left", "bottom", "right"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
}
_RANKS = {parent: {name: rank for rank, name in enumerate(names)} for parent, names in ORDER.items()}

# What follows w:updateFields in CT_Settings: it goes before the first of these a settings part has.
_AFTER_UPDATE_FIELDS = frozenset(
    {
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    }
)


def local(tag: object) -> str:
    """An element's name without its namespace; "" for a comment or processing instruction."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def element(tag: str, /, **attributes: str) -> BaseOxmlElement:
    """``element("w:shd", val="clear")``: a w: element with w: attributes."""
    made = cast(BaseOxmlElement, OxmlElement(tag))
    for key, value in attributes.items():
        made.set(qn(f"w:{key}"), value)
    return made


def put(parent: etree._Element, child: etree._Element) -> etree._Element:
    """``child`` in ``parent`` in the schema's place, replacing a child of the same name."""
    ranks = _RANKS[local(parent.tag)]
    for same in parent.findall(child.tag):
        parent.remove(same)
    rank = ranks[local(child.tag)]
    for sibling in parent:
        if ranks.get(local(sibling.tag), -1) > rank:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def update_fields(settings: etree._Element) -> None:
    """``<w:updateFields w:val="true"/>``, once, where CT_Settings puts it: Word then rebuilds the
    contents and page numbers when the document opens."""
    tag = f"{{{W}}}updateFields"
    for same in settings.findall(tag):
        settings.remove(same)
    update = element("w:updateFields", val="true")
    for sibling in settings:
        if local(sibling.tag) in _AFTER_UPDATE_FIELDS:
            sibling.addprevious(update)
            return
    settings.append(update)
