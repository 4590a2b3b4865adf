"""The PDF/UA tagging that WeasyPrint cannot yet write, added to its PDF after it is laid out.

WeasyPrint (``pdf_variant="pdf/ua-1"``, ``pdf_tags=True``) writes the structure tree, the language,
the title and the PDF/UA identifier. This pass, run on its bytes with pikepdf, adds what it leaves out:

- table headers: ``/Scope`` on every TH and ``/Headers`` that name every TH (``pdf_tables``);
- running headers and footers as ``/Artifact /Pagination`` instead of untreed content (``pdf_artifacts``);
- no empty structure elements: an element with no content, no kids and no alternative text is removed
  (a table's empty cell stays, so its row keeps its columns);
- the ``/IDTree`` that maps each element's ``/ID`` to it, as ISO 32000-1 (14.7.2) requires of a tree
  whose elements have identifiers;
- the Print flag on every link annotation, so a printed page and the screen agree.

Nothing drawn changes: only marked-content operators, structure elements and annotation flags do. The
file stays reproducible: pikepdf writes objects in a fixed order, compresses the streams it changes with
the same zlib settings every time, keeps WeasyPrint's other streams as they were, and makes the file
``/ID`` from the content (``deterministic_id``), with no date of its own.
"""

from __future__ import annotations

import gc
import io
from dataclasses import dataclass

import pikepdf

from scorecard_report.render.pdf_artifacts import mark_pagination
from scorecard_report.render.pdf_structure import Node, ObjectKey, is_element, key, read_tree, tree_root
from scorecard_report.render.pdf_tables import TableRepairs, repair_table

KEPT_WHEN_EMPTY = frozenset({"/TD", "/TH", "/TR", "/Document"})
PRINT_FLAG = 4  # annotation flag bit 3


@dataclass
class Repairs:
    """What one pass changed, counted for tests and for the record."""

    artifacts: int = 0
    scopes: int = 0
    headers_added: int = 0
    identifiers_added: int = 0
    empty_removed: int = 0
    links_printable: int = 0


def _remove_empty(tree: list[Node]) -> set[ObjectKey]:
    """Drop elements with nothing in them, children first, so a parent emptied by it goes too; the
    elements dropped."""
    removed: set[ObjectKey] = set()
    for node in reversed(tree):
        gone = [child for child in node.children if child.key in removed]
        if gone:
            value = node.element.K
            if isinstance(value, pikepdf.Array):
                for index in reversed(range(len(value))):
                    kid = value[index]
                    if is_element(kid) and key(kid) in removed:
                        del value[index]
            else:
                del node.element.K
        empty = len(node.kids) == len(gone)
        if empty and node.role not in KEPT_WHEN_EMPTY and node.identifier is None:
            element = node.element
            if "/Alt" not in element and "/ActualText" not in element and "/ID" not in element:
                removed.add(node.key)
    return removed


def _write_id_tree(root: pikepdf.Dictionary, tree: list[Node]) -> None:
    identified: dict[bytes, pikepdf.Dictionary] = {}
    for node in tree:
        if node.identifier is not None:
            identified.setdefault(node.identifier, node.element)
    if not identified:
        return
    names = pikepdf.Array()
    for identifier in sorted(identified):
        names.append(pikepdf.String(identifier))
        names.append(identified[identifier])
    root.IDTree = pikepdf.Dictionary(Names=names)


def _print_links(document: pikepdf.Pdf) -> int:
    changed = 0
    for page in document.pages:
        annotations = page.obj.get("/Annots")
        if not isinstance(annotations, pikepdf.Array):
            continue
        for annotation in annotations:
            if isinstance(annotation, pikepdf.Dictionary) and annotation.get("/Subtype") == pikepdf.Name.Link:
                flags = annotation.get("/F")
                before = int(flags) if isinstance(flags, int) else 0
                if not before & PRINT_FLAG:
                    annotation.F = before | PRINT_FLAG
                    changed += 1
    return changed


def repair(document: pikepdf.Pdf) -> Repairs:
    """Add to ``document``, in place, what WeasyPrint's tagging leaves out."""
    repairs = Repairs(links_printable=_print_links(document))
    root = tree_root(document)
    if root is None:
        return repairs
    tree = read_tree(root)
    repairs.artifacts = mark_pagination(document, {node.key for node in tree})
    used = {node.identifier for node in tree if node.identifier is not None}
    tables = TableRepairs()
    for number, table in enumerate(node for node in tree if node.role == "/Table"):
        repair_table(table, number, used, tables)
    repairs.scopes = tables.scopes
    repairs.headers_added = tables.headers_added
    repairs.identifiers_added = tables.identifiers_added
    removed = _remove_empty(tree)
    repairs.empty_removed = len(removed)
    _write_id_tree(root, [node for node in tree if node.key not in removed])
    return repairs


def save(document: pikepdf.Pdf) -> bytes:
    """The document's bytes, the same every time for the same document."""
    out = io.BytesIO()
    document.save(
        out,
        deterministic_id=True,
        fix_metadata_version=False,
        compress_streams=True,
        recompress_flate=False,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return out.getvalue()


def finish_tags(pdf: bytes) -> bytes:
    """WeasyPrint's tagged PDF with the tagging it cannot write added; what is drawn is unchanged."""
    # The pass makes a few hundred thousand small objects and no reference cycles. With WeasyPrint's
    # layout still in memory, each full pass of the cycle collector would walk all of that too: a third
    # of the pass's time on the example. Reference counting frees what the pass makes.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            repair(document)
            return save(document)
    finally:
        if collecting:
            gc.enable()
