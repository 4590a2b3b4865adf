"""Reading input files as text, with errors that say how to fix the encoding."""

from __future__ import annotations

from pathlib import Path

from scorecard_report.problems import InputError, InputMissing, Problem


def read_bytes(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputMissing(path, what) from None
    except IsADirectoryError:
        raise InputMissing(path, f"{what} (a folder, not a file)") from None
    except PermissionError:
        raise InputMissing(path, f"{what} (not readable: permission denied)") from None


def decode(path: Path, raw: bytes, encoding: str = "utf-8", hint: str | None = None) -> str:
    """Decode, dropping a UTF-8 byte-order mark; a bad byte names its line and suggests cp1252."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return raw.decode(codec)
    except LookupError:
        raise InputError(
            [Problem(path, f"unknown encoding '{encoding}'", hint="use e.g. utf-8, cp1252 or latin-1")]
        ) from None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        hint = hint or (
            "the file is not UTF-8; if it was saved from Excel on Windows, try --encoding cp1252"
            if codec == "utf-8-sig"
            else f"the file is not {encoding}; check --encoding"
        )
        raise InputError(
            [Problem(path, f"cannot read byte 0x{byte} as {encoding}", line=line, hint=hint)]
        ) from None


def read_text(path: Path, what: str, encoding: str = "utf-8", hint: str | None = None) -> str:
    return decode(path, read_bytes(path, what), encoding, hint)
