"""What may stand in a file name: the file-name stem and section ids come from data and the command line.

A name is one path component that every system the analysts use can hold: no separators, nothing that
climbs out of the folder (``..``), no leading dot (a hidden file, and the tool's own temporary names
start with one), no control characters, none of the characters Windows refuses, and short enough that
``NAME-SECTION-2026-10.docx`` fits a file system's 255 bytes.
"""

from __future__ import annotations

import unicodedata

MAX_NAME_BYTES = 120  # of a stem or a section id; a whole file name is held to the file systems' 255
MAX_FILE_NAME_BYTES = 255
_WINDOWS_REFUSES = set('<>:"|?*')
_SEPARATORS = {"/", "\\"}
FILE_NAME_HINT = "use letters, digits, spaces, '-' and '_', such as NAME"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file-name stem or a section id in one, or ``None`` when it can."""
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"it is longer than {MAX_NAME_BYTES} bytes"
    return file_name_problem(name)


def file_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be one file name inside the output folder, or ``None`` when it can."""
    if not name.strip():
        return "it is empty"
    if name in (".", ".."):
        return "it names a folder, not a file"
    if found := _SEPARATORS & set(name):
        return f"it contains the folder separator '{min(found)}'"
    if name.startswith("."):
        return "it starts with a dot (a hidden file)"
    if any(unicodedata.category(character) in ("Cc", "Cf", "Cs", "Co", "Cn") for character in name):
        return "it contains a control or invisible character"
    if found := _WINDOWS_REFUSES & set(name):
        return f"it contains '{min(found)}', which Windows does not allow in a file name"
    if name != name.strip() or name.endswith("."):
        return "it starts or ends with a space, or ends with a dot"
    if len(name.encode("utf-8")) > MAX_FILE_NAME_BYTES:
        return f"it is longer than {MAX_FILE_NAME_BYTES} bytes"
    return None


def checked_name(name: str) -> str:
    """``name`` if it can be one file name's stem; else ValueError saying why (a pydantic validator's)."""
    problem = name_problem(name)
    if problem is not None:
        raise ValueError(f"'{shown(name)}' cannot be a file name: {problem}")
    return name


def shown(name: str) -> str:
    """``name`` for a message: an invisible character written as its escape, so the reader can see it."""
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in name)
