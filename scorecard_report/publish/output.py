"""Writing outputs atomically: a reader sees the old file or the complete new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from scorecard_report.problems import ExitCode, InputError, Problem

PUBLISHED_MODE = 0o644


class OutputError(InputError):
    """An output that cannot be written (exit 73)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            [Problem(path, f"cannot write: {reason}", hint="check the folder exists and is writable")],
            ExitCode.CANNOT_WRITE,
        )


def write_atomically(path: Path, content: bytes, mode: int = PUBLISHED_MODE) -> None:
    """Write to a hidden temporary file beside ``path``, fix its mode, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise OutputError(path, error.strerror or str(error)) from None
