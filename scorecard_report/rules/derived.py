"""The order derived indicators are computed in, and the loops that make an order impossible."""

from __future__ import annotations

from collections.abc import Iterable

from scorecard_report.inputs.catalogue import Indicator


def derivation_cycles(indicators: Iterable[Indicator]) -> list[tuple[str, ...]]:
    """Each loop of indicators computed from each other, once, starting from its first in catalogue order."""
    by_ref = {indicator.ref: indicator for indicator in indicators}
    order = {ref: index for index, ref in enumerate(by_ref)}
    found: set[frozenset[str]] = set()
    cycles = []
    for start in by_ref:
        for cycle in _cycles_from(start, by_ref):
            if frozenset(cycle) not in found:
                found.add(frozenset(cycle))
                first = min(range(len(cycle)), key=lambda index: order[cycle[index]])
                cycles.append(cycle[first:] + cycle[:first])
    return cycles


def _cycles_from(start: str, by_ref: dict[str, Indicator]) -> list[tuple[str, ...]]:
    """The loops back to ``start``: a depth-first walk along what each derived indicator reads."""
    loops: list[tuple[str, ...]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
    seen: set[str] = set()
    while stack:
        ref, path = stack.pop()
        derivation = by_ref[ref].derived if ref in by_ref else None
        for name in derivation.inputs if derivation else ():
            if name == start:
                loops.append(path)
            elif name in by_ref and name not in seen:
                seen.add(name)
                stack.append((name, (*path, name)))
    return loops


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
