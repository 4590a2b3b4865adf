"""The snapshot file: what an edition showed, as JSON the next build compares with (load/snapshot.py reads
it back). The same snapshot always gives the same bytes: keys sorted, rows in catalogue order, periods
oldest first, numbers as their digits in strings, so a float never rounds them."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from scorecard_report.inputs.snapshot import ShownValue, Snapshot, SnapshotRow


def snapshot_json(snapshot: Snapshot) -> bytes:
    """The snapshot as UTF-8 JSON, two-space indented, ending in a newline."""
    document = {
        "format_version": snapshot.format_version,
        "tool_version": snapshot.tool_version,
        "name": snapshot.name,
        "period": snapshot.period.iso(),
        "recorded": snapshot.recorded,
        "rows": [_row(row) for row in snapshot.rows],
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _row(row: SnapshotRow) -> dict[str, Any]:
    return {
        "ref": row.ref,
        "title": row.title,
        "section": row.section,
        "frequency": row.frequency.value,
        "unit": row.unit.value,
        "decimals": row.decimals,
        "status": row.status,
        "band": row.band,
        "variation": row.variation,
        "assurance": row.assurance,
        "in_attention": row.in_attention,
        "current_period": row.current_period.iso(),
        # ISO months sort as they fall, so sorted keys keep the periods oldest first.
        "values": {period.iso(): _value(shown) for period, shown in row.values.items()},
    }


def _value(shown: ShownValue) -> dict[str, str | None]:
    return {"value": _digits(shown.value), "text": shown.text}


def _digits(value: Decimal | None) -> str | None:
    """``93.0`` as written, never in exponent form (``1E+5``), which the reader would refuse."""
    return None if value is None else format(value, "f")
