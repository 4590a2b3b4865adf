"""The order derived indicators are computed in, and the loops that make an order impossible."""

from __future__ import annotations

from collections.abc import Iterable

from scorecard_report.inputs.catalogue import Indicator


def derivation_cycles(indicators: Iterable[Indicator]) -> list[tuple[str, ...]]:
    """One loop of indicators computed from each other for each knot of them, starting from its first in
    catalogue order: ``("C", "D")`` for C from D from C.

    The knots are the strongly connected components of "is computed from" (Tarjan's algorithm, with its
    own stack), so a hostile catalogue of thousands is read in time proportional to its size.
    """
    by_ref = {indicator.ref: indicator for indicator in indicators}
    order = {ref: index for index, ref in enumerate(by_ref)}
    cycles = []
    for knot in _knots(by_ref):
        start = min(knot, key=order.__getitem__)
        cycles.append(_loop_from(start, knot, by_ref))
    return sorted(cycles, key=lambda cycle: order[cycle[0]])


def _reads(ref: str, by_ref: dict[str, Indicator]) -> tuple[str, ...]:
    derivation = by_ref[ref].derived
    return tuple(name for name in derivation.inputs if name in by_ref) if derivation else ()


def _knots(by_ref: dict[str, Indicator]) -> list[set[str]]:
    """Every set of indicators each computed (through the others) from every other, and any computed
    from itself: Tarjan's strongly connected components, walked without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    knots: list[set[str]] = []
    for root in by_ref:
        if root in index:
            continue
        walk = [(root, iter(_reads(root, by_ref)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while walk:
            ref, inputs = walk[-1]
            step = next(inputs, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    walk.append((step, iter(_reads(step, by_ref))))
                elif step in on_stack:
                    low[ref] = min(low[ref], index[step])
                continue
            walk.pop()
            if walk:
                low[walk[-1][0]] = min(low[walk[-1][0]], low[ref])
            if low[ref] == index[ref]:
                knot = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    knot.add(member)
                    if member == ref:
                        break
                if len(knot) > 1 or ref in _reads(ref, by_ref):
                    knots.append(knot)
    return knots


def _loop_from(start: str, knot: set[str], by_ref: dict[str, Indicator]) -> tuple[str, ...]:
    """A path from ``start`` back to itself inside its knot: a breadth-first walk, so the loop named is
    a shortest one."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for ref in frontier:
            for name in _reads(ref, by_ref):
                if name == start:
                    path = [ref]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return tuple(reversed(path))
                if name in knot and name not in came_from:
                    came_from[name] = ref
                    following.append(name)
        frontier = following
    return (start,)


def derivation_order(indicators: Iterable[Indicator]) -> tuple[Indicator, ...]:
    """The derived indicators, each after every derived one it is computed from (no cycles: checked).

    A walk with its own stack: a hostile catalogue's chain of thousands would exhaust Python's recursion.
    """
    by_ref = {indicator.ref: indicator for indicator in indicators if indicator.derived is not None}
    ordered: list[Indicator] = []
    placed: set[str] = set()
    for start in by_ref:
        stack = [(start, False)]
        while stack:
            ref, inputs_placed = stack.pop()
            if ref in placed:
                continue
            if inputs_placed:
                placed.add(ref)
                ordered.append(by_ref[ref])
                continue
            stack.append((ref, True))
            derivation = by_ref[ref].derived
            for name in derivation.inputs if derivation else ():
                if name in by_ref and name not in placed:
                    stack.append((name, False))
    return tuple(ordered)
