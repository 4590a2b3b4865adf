"""Files made on the fly for tests of the loaders and the hostile-input suite (importable from any test
folder: tests/ is on the path through tests/conftest.py)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import openpyxl

Rows = Sequence[Sequence[object]]


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb's calling card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def workbook(path: Path, rows: Rows, title: str = "Values") -> openpyxl.Workbook:
    """An XLSX at ``path`` with one sheet of ``rows``; returned so a test can add to it and save again."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return book


def zip_claiming(path: Path, member: str, size: int) -> Path:
    """``path``, a zip, edited so that its directory and local header say ``member`` inflates to ``size``
    bytes: a zip bomb's calling card (or a lie), made without writing or compressing ``size`` bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member).header_offset
    central = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)[0]  # from the end record
    while True:
        name, extra, comment = struct.unpack_from("<HHH", data, central + 28)
        if data[central + 46 : central + 46 + name] == member.encode():
            break
        central += 46 + name + extra + comment
    struct.pack_into("<I", data, central + 24, size)
    struct.pack_into("<I", data, local + 22, size)
    path.write_bytes(bytes(data))
    return path
