"""Writing outputs atomically: a reader sees the old file or the complete new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
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
    write_all_atomically({path: content}, mode)


def write_all_atomically(files: Mapping[Path, bytes], mode: int = PUBLISHED_MODE) -> None:
    """Write every file whole beside its name first, then rename each into place.

    A failure while writing (a full disk, a folder that cannot be written) removes what was written
    and replaces nothing: the outputs of one build appear together or not at all.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            staged.append((_written_beside(path, content, mode), path))
        for temporary, path in staged:
            try:
                temporary.replace(path)
            except OSError as error:
                raise OutputError(path, error.strerror or str(error)) from None
        for folder in {path.parent for path in files}:
            sync_folder(folder)
    finally:
        for temporary, _path in staged:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def _written_beside(path: Path, content: bytes, mode: int) -> Path:
    """``content`` in a hidden temporary file in ``path``'s folder, flushed to disk and given ``mode``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from None
    temporary = Path(name)
    try:
        write_to_disk(handle, content)
        temporary.chmod(mode)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(path, error.strerror or str(error)) from None
    return temporary


def write_to_disk(handle: int, content: bytes) -> None:
    """Write ``content`` to the open file ``handle``, make sure it is on the disk, and close it."""
    with os.fdopen(handle, "wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable, so a power cut cannot bring back the old names."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
