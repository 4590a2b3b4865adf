"""Table headers in the PDF's structure: each TH's ``/Scope`` and each cell's ``/Headers``.

WeasyPrint tags a table's cells as TH and TD, gives every TH an ``/ID`` and lists, in each TD's
``/Headers``, the row headers of its row (HTML ``scope="row"``) and the headers that start at its
columns. It writes no ``/Scope`` (the HTML attribute is dropped), and a header is named only by TDs,
so a header over a column of row headers (the "Ref" corner) or a group row (``scope="colgroup"``)
heads nothing. Here each table is laid out as a grid, rows and column spans counted as PDF/UA counts
them, and:

- a TH in a header row (THead, or the first row where there is none) gets ``/Scope /Column``;
- a TH in a body row gets ``/Scope /Row`` where it heads its row: WeasyPrint named it in that row's
  TDs, or it starts the row; a TH spanning every column (a group row) or standing later in a row
  heads the columns below it, ``/Scope /Column``;
- each body cell, TD or TH, lists in ``/Headers`` the row headers to its left, the header rows' cells
  over its columns and the latest group row above it in its row group; WeasyPrint's own entries are
  kept, first. So every TH is named by the cells it heads.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pikepdf

from scorecard_report.render.pdf_structure import Node, table_attributes

ROW_GROUPS = ("/THead", "/TBody", "/TFoot")
CELLS = ("/TH", "/TD")
COLUMN = pikepdf.Name("/Column")
ROW = pikepdf.Name("/Row")


@dataclass(eq=False)
class Cell:
    node: Node
    element: pikepdf.Dictionary
    header: bool
    row: int
    column: int
    rows: int
    columns: int
    group: int  # which of the table's kids holds the row: a THead, TBody or TFoot, or the row itself
    first: bool  # the row's first cell
    attributes: pikepdf.Dictionary | None  # its /Table attributes, as read
    identifier: bytes | None  # its /ID
    listed: list[bytes]  # the headers WeasyPrint named in /Headers
    in_head: bool = False
    scope: pikepdf.Name | None = None
    headers: list[bytes] = field(default_factory=list)

    @property
    def spanned_columns(self) -> range:
        return range(self.column, self.column + self.columns)

    @property
    def spanned_rows(self) -> range:
        return range(self.row, self.row + self.rows)


@dataclass
class Grid:
    cells: list[Cell]
    rows: int
    columns: int


def _span(attributes: pikepdf.Dictionary | None, name: str) -> int:
    value = attributes.get(name) if attributes is not None else None
    return max(1, int(value)) if isinstance(value, int) else 1


def _listed(attributes: pikepdf.Dictionary | None) -> list[bytes]:
    value = attributes.get("/Headers") if attributes is not None else None
    if isinstance(value, pikepdf.Array):
        return [bytes(item) for item in value if isinstance(item, pikepdf.String)]
    return []


def read_grid(table: Node) -> Grid:
    """The table's cells placed on a grid: a cell takes the first column its row has free, after the
    cells above that reach down into it."""
    rows: list[tuple[Node, int, bool]] = []
    for index, kid in enumerate(table.children):
        if kid.role == "/TR":
            rows.append((kid, index, False))
        elif kid.role in ROW_GROUPS:
            rows.extend((tr, index, kid.role == "/THead") for tr in kid.children if tr.role == "/TR")
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    for number, (tr, group, in_head) in enumerate(rows):
        column = 0
        for position, node in enumerate(kid for kid in tr.children if kid.role in CELLS):
            while (number, column) in taken:
                column += 1
            attributes = table_attributes(node.element)
            cell = Cell(
                node=node,
                element=node.element,
                header=node.role == "/TH",
                row=number,
                column=column,
                rows=_span(attributes, "/RowSpan"),
                columns=_span(attributes, "/ColSpan"),
                group=group,
                first=position == 0,
                attributes=attributes,
                identifier=node.identifier,
                listed=_listed(attributes),
                in_head=in_head,
            )
            taken.update((row, col) for row in cell.spanned_rows for col in cell.spanned_columns)
            cells.append(cell)
            column += cell.columns
    if not any(cell.in_head for cell in cells):
        # No THead: a first row of header cells only is the header row.
        first_row = [cell for cell in cells if cell.row == 0]
        if first_row and all(cell.header for cell in first_row) and len(rows) > 1:
            for cell in first_row:
                cell.in_head = True
    width = max((col + 1 for _, col in taken), default=0)
    return Grid(cells, len(rows), width)


def _scope(cell: Cell, grid: Grid, named_in_row: dict[int, set[bytes]]) -> pikepdf.Name:
    if cell.in_head:
        return COLUMN
    identifier = cell.identifier
    if identifier is not None and any(identifier in named_in_row[row] for row in cell.spanned_rows):
        return ROW  # WeasyPrint read scope="row" and named it in the row's data cells
    if cell.columns >= grid.columns:
        return COLUMN  # a group row across the table heads the rows below it
    return ROW if cell.first else COLUMN


def _header_lists(grid: Grid) -> None:
    """Each cell's headers: row headers to its left, then the header rows' and group rows' headers over
    its columns, nearest last."""
    by_id = {cell: cell.identifier for cell in grid.cells if cell.header}
    row_headers: dict[int, list[Cell]] = defaultdict(list)
    head_headers: dict[int, list[Cell]] = defaultdict(list)
    for cell in grid.cells:
        if cell.scope == ROW:
            for row in cell.spanned_rows:
                row_headers[row].append(cell)
        elif cell.scope == COLUMN and cell.in_head:
            for column in cell.spanned_columns:
                head_headers[column].append(cell)
    # Group rows head the rows below them in their row group, until the next group row over a column.
    group_headers: dict[int, list[Cell]] = {}
    current_group: int | None = None
    by_row: dict[int, list[Cell]] = defaultdict(list)
    for cell in grid.cells:
        by_row[cell.row].append(cell)
    for row in range(grid.rows):
        cells = by_row[row]
        if not cells:
            continue
        if cells[0].group != current_group:
            current_group = cells[0].group
            group_headers = {}
        for cell in cells:
            if cell.header and cell.scope == COLUMN and not cell.in_head:
                # A group row heads the rows below it; no header heads it.
                cell.headers = list(cell.listed)
                continue
            found: list[Cell] = [
                header
                for header in row_headers[row]
                if header is not cell and header.column + header.columns <= cell.column
            ]
            for rows_row in cell.spanned_rows[1:]:
                found += [h for h in row_headers[rows_row] if h.column + h.columns <= cell.column]
            for column in cell.spanned_columns:
                found += [h for h in head_headers[column] if h.row + h.rows <= cell.row]
                if not cell.in_head:
                    found += group_headers.get(column, [])
            identifiers = list(cell.listed)
            for header in found:
                identifier = by_id.get(header)
                if identifier is not None and identifier not in identifiers:
                    identifiers.append(identifier)
            cell.headers = identifiers
        for cell in cells:
            if cell.header and cell.scope == COLUMN and not cell.in_head:
                for column in cell.spanned_columns:
                    group_headers[column] = [cell]


def _attributes(cell: Cell) -> pikepdf.Dictionary:
    """The cell's ``/Table`` attributes, made if it has none."""
    if cell.attributes is not None:
        return cell.attributes
    made = pikepdf.Dictionary(O=pikepdf.Name.Table)
    value = cell.element.get("/A")
    if value is None:
        cell.element.A = made
    elif isinstance(value, pikepdf.Array):
        value.append(made)
    else:
        cell.element.A = pikepdf.Array([value, made])
    cell.attributes = made
    return made


@dataclass
class TableRepairs:
    scopes: int = 0
    headers_added: int = 0
    identifiers_added: int = 0


def repair_table(table: Node, number: int, used: set[bytes], repairs: TableRepairs) -> None:
    """Give ``table``'s TH cells their scope and identifier, and its cells their headers.

    ``number`` names the table in identifiers made here; ``used`` holds every identifier in the
    document, so a made one is unique.
    """
    grid = read_grid(table)
    for cell in grid.cells:
        if cell.header and cell.identifier is None:
            made = f"th-{number}-{cell.row}-{cell.column}".encode("ascii")
            while made in used:
                made += b"+"
            used.add(made)
            cell.element.ID = pikepdf.String(made)
            cell.identifier = cell.node.identifier = made
            repairs.identifiers_added += 1
    named_in_row: dict[int, set[bytes]] = defaultdict(set)
    for cell in grid.cells:
        if not cell.header:
            for row in cell.spanned_rows:
                named_in_row[row].update(cell.listed)
    for cell in grid.cells:
        if cell.header:
            cell.scope = _scope(cell, grid, named_in_row)
    _header_lists(grid)
    for cell in grid.cells:
        if cell.scope is not None:
            attributes = _attributes(cell)
            if attributes.get("/Scope") != cell.scope:
                attributes.Scope = cell.scope
                repairs.scopes += 1
        if cell.headers != cell.listed:
            attributes = _attributes(cell)
            attributes.Headers = pikepdf.Array([pikepdf.String(identifier) for identifier in cell.headers])
            repairs.headers_added += len(cell.headers) - len(cell.listed)
