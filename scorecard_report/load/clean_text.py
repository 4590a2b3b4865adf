"""Text pasted from Word, made fit for the YAML reader and for print: one rule for every YAML file read.

- Vertical tab, form feed and the Unicode line and paragraph separators are line breaks. The YAML reader
  refuses the first two and splits lines at the others, so before it runs each becomes a stand-in
  character, and afterwards ``restore_breaks`` puts back what the reader of that file wants: a line
  break in commentary, a space in the catalogue's one-line texts.
- Other control characters (C0 and C1, but tab, newline and carriage return) and Unicode non-characters
  are removed, and each reader warns where: they are invisible and cannot be printed. A YAML escape
  (``"\\0"``) can still make one inside a quoted string, so each reader also cleans its strings.
"""

from __future__ import annotations

import re
from typing import Any

LINE_BREAKS = "\x0b\x0c\u2028\u2029"
TO_NEWLINE = str.maketrans(dict.fromkeys(LINE_BREAKS, "\n"))
TO_SPACE = str.maketrans(dict.fromkeys(LINE_BREAKS, " "))
_NON_CHARACTERS = "\ufdd0-\ufdef" + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(0x11))
REMOVABLE = re.compile(f"[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f{_NON_CHARACTERS}]")
NEWLINES = re.compile(r"\r\n?")
# Stands in for a line break while the YAML reader runs; a non-character, so it was removed from the
# author's text before it was put in.
_BREAK_STAND_IN = "\ufdd0"
_TO_STAND_IN = str.maketrans(dict.fromkeys(LINE_BREAKS, _BREAK_STAND_IN))

REMOVED_HINT = "they are invisible and cannot be printed; check the text pasted there reads as intended"


def safe_for_yaml(written: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """The file with no character the YAML reader refuses, and the characters removed from each line."""
    text = NEWLINES.sub("\n", written)
    removed = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = REMOVABLE.findall(line)
        if found:
            removed.append((number, found))
    return REMOVABLE.sub("", text).translate(_TO_STAND_IN), removed


def restore_breaks(data: Any, line_break: str) -> Any:
    """``data`` as read from ``safe_for_yaml``'s text, with each stand-in back as ``line_break``."""
    if isinstance(data, str):
        return data.replace(_BREAK_STAND_IN, line_break)
    if isinstance(data, list):
        return [restore_breaks(item, line_break) for item in data]
    if isinstance(data, dict):
        return {
            restore_breaks(key, line_break): restore_breaks(value, line_break) for key, value in data.items()
        }
    return data


def removed_message(found: list[str]) -> str:
    codes = ", ".join(f"U+{ord(character):04X}" for character in sorted(set(found)))
    noun = "character" if len(found) == 1 else "characters"
    return f"removed {len(found)} control {noun} ({codes}) from the text"
