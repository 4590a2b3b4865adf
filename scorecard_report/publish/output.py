"""Writing outputs atomically: a reader sees the old files or the complete new ones, never half, and never
a file outside the output folder.

Every output is first written whole under a hidden temporary name in its folder, then renamed over its
published name. Before a published file is replaced, a hidden hard link (or copy) keeps the old one, so
when a later rename fails the files already moved are put back: the folder holds the old set or the new.
A published name that is a symbolic link, a folder or anything but a regular file is refused before
anything is written: a rename would replace a link safely, but a link there means someone meant the tool
to write elsewhere, and the person running it should know.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from scorecard_report.file_names import file_name_problem
from scorecard_report.problems import ExitCode, InputError, Problem

PUBLISHED_MODE = 0o644
WRITABLE_HINT = "check the folder exists and is writable"


class OutputError(InputError):
    """An output that cannot be written (exit 73).

    ``outcome`` says what state the folder is in after a failed rename: as it was, or which files are new.
    """

    outcome: str | None = None

    def __init__(self, path: Path, reason: str, hint: str = WRITABLE_HINT) -> None:
        super().__init__([Problem(path, f"cannot write: {reason}", hint=hint)], ExitCode.CANNOT_WRITE)


def os_reason(error: OSError) -> str:
    return error.strerror or str(error)


def write_atomically(path: Path, content: bytes, mode: int = PUBLISHED_MODE) -> None:
    """Write to a hidden temporary file beside ``path``, fix its mode, then rename it into place."""
    write_all_atomically(path.parent, {path.name: content}, mode)


def write_all_atomically(folder: Path, files: Mapping[str, bytes], mode: int = PUBLISHED_MODE) -> None:
    """Write every file whole into ``folder`` under a hidden name first, then rename each into place.

    A failure while writing (a full disk, a folder that cannot be written) removes what was written and
    replaces nothing; a failure while renaming puts back what was already replaced. The outputs of one
    build appear together or not at all.
    """
    targets = {name: output_path(folder, name) for name in files}
    staged: list[Staged] = []
    try:
        for name, content in files.items():
            staged.append(Staged(_written_beside(targets[name], content, mode), targets[name]))
        replace_all(staged, folder)
    finally:
        for item in staged:
            with contextlib.suppress(OSError):
                item.temporary.unlink(missing_ok=True)


def output_path(folder: Path, name: str) -> Path:
    """``folder / name``, once ``name`` is one safe file name and what is there now is a regular file."""
    problem = file_name_problem(name)
    if problem is not None:
        raise OutputError(folder / name, f"'{name}' is not a safe file name: {problem}")
    path = folder / name
    try:
        found = path.lstat()
    except FileNotFoundError:
        return path
    except OSError as error:
        raise OutputError(path, os_reason(error)) from None
    if not stat.S_ISREG(found.st_mode):
        what = "a symbolic link" if stat.S_ISLNK(found.st_mode) else "not a regular file"
        raise OutputError(
            path,
            f"it is {what}, and nothing is ever written through one",
            hint="remove it, or choose another output folder",
        )
    return path


@dataclass(frozen=True)
class Staged:
    """A finished file under its hidden temporary name, and the published name it will take."""

    temporary: Path
    target: Path


def replace_all(staged: Sequence[Staged], folder: Path, keep_old_in: Path | None = None) -> None:
    """Rename each staged file over its target, in order; if one rename fails, put every earlier one back.

    The old files are kept as hidden links in ``keep_old_in`` (default: beside them) until all are in.
    """
    replaced: list[tuple[Path, Path | None]] = []  # (target, its old file kept aside, or None if new)
    kept: list[Path] = []
    try:
        for item in staged:
            old = _keep_old(item.target, keep_old_in or item.target.parent)
            kept += [old] if old is not None else []
            try:
                item.temporary.replace(item.target)  # os.replace: atomic within the folder
            except OSError as error:
                raise OutputError(item.target, os_reason(error)) from None
            replaced.append((item.target, old))
    except BaseException as failure:
        _put_back(replaced, failure)
        raise
    finally:
        for old in kept:
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)
    sync_folder(folder)


def _keep_old(target: Path, folder: Path) -> Path | None:
    """A hidden hard link to the file ``target`` names now, or where the file system has no hard links
    (some network shares), a copy written through a file this process created itself."""
    if not target.exists():
        return None
    old = folder / f".{target.name}.{secrets.token_hex(8)}.old"
    try:
        os.link(target, old, follow_symlinks=False)  # never follows a link planted at ``old``
        return old
    except FileExistsError:
        raise OutputError(target, "cannot keep the old file aside: its hidden name was taken") from None
    except (OSError, NotImplementedError):  # NotImplementedError: a link() that cannot refuse to follow
        pass
    handle, name = _hidden_file(target, folder, ".old")
    try:
        write_to_disk(handle, target.read_bytes())
    except OSError as error:
        Path(name).unlink(missing_ok=True)
        raise OutputError(target, f"cannot keep the old file aside: {os_reason(error)}") from None
    return Path(name)


def _put_back(replaced: list[tuple[Path, Path | None]], failure: BaseException) -> None:
    """Undo the renames, newest first; where that fails too, say exactly what the folder holds."""
    stuck: list[Path] = []
    for target, old in reversed(replaced):
        try:
            if old is None:
                target.unlink()
            else:
                old.replace(target)
        except OSError:
            stuck.append(target)
    if isinstance(failure, OutputError):
        failure.outcome = _outcome(replaced, stuck)


def _outcome(replaced: list[tuple[Path, Path | None]], stuck: list[Path]) -> str:
    if not stuck:
        if not replaced:
            return "nothing was changed"
        moved = "the file" if len(replaced) == 1 else f"the {len(replaced)} files"
        return f"nothing was changed ({moved} already moved into place {_was(replaced)} put back)"
    names = ", ".join(path.name for path in reversed(stuck))
    return (
        f"{_count(stuck)} could not be put back and {'holds' if len(stuck) == 1 else 'hold'} the new "
        f"version ({names}); every other file is as it was: run again once the problem is fixed"
    )


def _was(items: Sequence[object]) -> str:
    return "was" if len(items) == 1 else "were"


def _count(items: Sequence[object]) -> str:
    return f"{len(items)} file{'s' if len(items) != 1 else ''}"


def _hidden_file(path: Path, folder: Path, suffix: str) -> tuple[int, str]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=folder)
    except OSError as error:
        raise OutputError(path, os_reason(error)) from None


def _written_beside(path: Path, content: bytes, mode: int) -> Path:
    """``content`` in a hidden temporary file in ``path``'s folder, flushed to disk and given ``mode``."""
    handle, name = _hidden_file(path, path.parent, ".part")
    temporary = Path(name)
    try:
        write_to_disk(handle, content)
        temporary.chmod(mode)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(path, os_reason(error)) from None
    return temporary


def write_private(path: Path, content: bytes, mode: int) -> None:
    """A new file, created 0600 so no one reads it half-written, given ``mode`` once it is whole."""
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        write_to_disk(os.open(path, flags, 0o600), content)
        path.chmod(mode)
    except OSError as error:
        raise OutputError(path, os_reason(error)) from None


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
