"""An output folder that cannot be written, and a disk that fills up mid-build: exit 73, and the folder
holds what it held before, never a half-written or half-updated set of files."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from scorecard_report.publish import output

from .support import STEM, build_small, files_under

HINT = "(check the folder exists and is writable)"


class Patched:
    """``module`` with some attributes replaced, for one module's use only (the real one is untouched)."""

    def __init__(self, module: ModuleType, **replacements: Any) -> None:
        self._module, self._replacements = module, replacements

    def __getattr__(self, name: str) -> Any:
        return self._replacements.get(name, getattr(self._module, name))


def test_an_output_folder_that_cannot_be_written_exits_73_and_keeps_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{STEM}.csv").write_bytes(b"last month's summary\n")
    out.chmod(0o555)
    try:
        if os.access(out, os.W_OK):  # running as root, which permissions do not stop: refuse as they would

            def refuse(*_args: object, **_kwargs: object) -> None:
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(output, "tempfile", Patched(tempfile, mkstemp=refuse))
        run = build_small(out, formats="csv,html")
    finally:
        out.chmod(0o755)
    assert run.code == 73
    assert run.errors == [f"error: {out / f'{STEM}.csv'}: cannot write: Permission denied {HINT}"]
    assert files_under(out) == [f"{STEM}.csv"]
    assert (out / f"{STEM}.csv").read_bytes() == b"last month's summary\n"


class _FullDisk:
    """A file that takes half of what is written to it, then reports that the disk is full."""

    def __init__(self, file: Any) -> None:
        self.file = file

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.file.close()

    def write(self, content: bytes) -> int:
        self.file.write(content[: len(content) // 2])
        self.file.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)


@pytest.mark.parametrize("earlier", [True, False], ids=["over earlier outputs", "into an empty folder"])
def test_a_disk_that_fills_up_on_the_second_file_exits_73_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier: bool
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = {f"{STEM}.csv": b"old summary\n", f"{STEM}.html": b"<html>old</html>\n"} if earlier else {}
    for name, content in before.items():
        (out / name).write_bytes(content)
    opened: list[int] = []

    def fdopen(handle: int, *args: Any, **kwargs: Any) -> Any:
        opened.append(handle)
        file = os.fdopen(handle, *args, **kwargs)
        return _FullDisk(file) if len(opened) == 2 else file

    monkeypatch.setattr(output, "os", Patched(os, fdopen=fdopen))
    run = build_small(out, formats="csv,html")
    assert len(opened) == 2  # the CSV was written whole; the HTML hit the full disk
    assert run.code == 73
    assert run.errors == [f"error: {out / f'{STEM}.html'}: cannot write: No space left on device {HINT}"]
    # Neither the CSV that was written whole nor the half HTML replaced anything or was left behind.
    assert files_under(out) == sorted(before)
    for name, content in before.items():
        assert (out / name).read_bytes() == content
