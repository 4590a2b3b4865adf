"""Reading the structure tree of a tagged PDF with pikepdf: its elements in order, their kids and roles.

A structure element is a dictionary with an ``/S`` (its role, such as ``/TD``); its ``/K`` holds its
kids, one or an array: other elements, marked-content ids (integers, or ``/MCR`` dictionaries) and
object references (``/OBJR`` dictionaries, an annotation such as a link). WeasyPrint always writes an
array, but a single kid is read as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

ObjectKey = tuple[int, int]
"""An indirect object's number and generation: the identity of a structure element across reads."""


def kids(element: pikepdf.Dictionary) -> list[pikepdf.Object]:
    """Everything in ``element``'s ``/K``, in order."""
    value = element.get("/K")
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return list(value)
    return [value]


def is_element(item: object) -> bool:
    """A structure element, not a marked-content id or an object reference."""
    return isinstance(item, pikepdf.Dictionary) and "/S" in item


def role(element: pikepdf.Dictionary) -> str:
    """The element's structure type as written, such as ``/TD`` (``""`` if it has none)."""
    value = element.get("/S")
    return str(value) if isinstance(value, pikepdf.Name) else ""


def key(item: pikepdf.Object) -> ObjectKey:
    number, generation = item.objgen
    return number, generation


def tree_root(document: pikepdf.Pdf) -> pikepdf.Dictionary | None:
    value = document.Root.get("/StructTreeRoot")
    return value if isinstance(value, pikepdf.Dictionary) else None


@dataclass(eq=False)
class Node:
    """One element of the tree, read once: each read of a PDF object through pikepdf costs time, and a
    scorecard has tens of thousands of elements."""

    element: pikepdf.Dictionary
    key: ObjectKey
    role: str
    kids: list[pikepdf.Object]  # everything in /K, in order
    children: list[Node] = field(default_factory=list)  # the kids that are elements
    identifier: bytes | None = None  # its /ID


def read_tree(root: pikepdf.Dictionary) -> list[Node]:
    """Every element under the structure tree root, parents before children, in reading order.

    An element met twice (a malformed tree) is read once, so a cycle cannot loop.
    """
    seen: set[ObjectKey] = set()
    order: list[Node] = []
    top = Node(root, key(root), "", kids(root))
    stack: list[tuple[Node, list[pikepdf.Object]]] = [(top, list(reversed(top.kids)))]
    while stack:
        parent, pending = stack[-1]
        if not pending:
            stack.pop()
            continue
        kid = pending.pop()
        if not (isinstance(kid, pikepdf.Dictionary) and "/S" in kid):
            continue
        identity = key(kid)
        if identity in seen:
            continue
        seen.add(identity)
        identifier = kid.get("/ID") if "/ID" in kid else None
        node = Node(
            kid,
            identity,
            role(kid),
            kids(kid),
            identifier=bytes(identifier) if isinstance(identifier, pikepdf.String) else None,
        )
        parent.children.append(node)
        order.append(node)
        stack.append((node, list(reversed(node.kids))))
    return order


def table_attributes(element: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    """The element's attribute dictionary owned by ``/Table`` (spans, scope, headers), if it has one."""
    value = element.get("/A")
    candidates = list(value) if isinstance(value, pikepdf.Array) else [value]
    for candidate in candidates:
        if isinstance(candidate, pikepdf.Dictionary) and candidate.get("/O") == pikepdf.Name.Table:
            return candidate
    return None
