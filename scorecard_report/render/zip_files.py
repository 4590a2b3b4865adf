"""Office files (the Word document, the workbook) as reproducible zips: the same parts give the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

# The earliest time a zip entry can carry (MS-DOS dates start in 1980).
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def produced_moment(produced: str) -> dt.datetime:
    """``2026-11-03T02:15:04Z`` (the clock's stamp) as a naive UTC datetime, as Office properties hold it."""
    return dt.datetime.fromisoformat(produced.replace("Z", "+00:00")).replace(tzinfo=None)


def reproducible_zip(data: bytes, produced: str) -> bytes:
    """The same parts give the same bytes: every entry stamped ``produced``, [Content_Types].xml first,
    then the rest sorted by name."""
    moment = dt.datetime.fromisoformat(produced.replace("Z", "+00:00"))
    stamp = max(moment, _ZIP_EPOCH).timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
