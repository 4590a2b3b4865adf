"""The one clock the outputs and the manifest are stamped with."""

from __future__ import annotations

import datetime as dt
import os


def produced_at() -> str:
    """When the document was made: SOURCE_DATE_EPOCH if set, so rebuilds are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
