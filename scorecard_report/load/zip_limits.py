"""Zip files (XLSX workbooks, Word templates) measured from their directory before anything is inflated.

A zip's central directory declares each member's inflated size, and Python's ``zipfile`` (which openpyxl
and python-docx read through) never yields more than that size: a member that inflates past it fails its
check instead. So the declared sizes bound the memory a zip can take, and are checked before any member
is opened.
"""

from __future__ import annotations

import zipfile
from collections.abc import Collection
from pathlib import Path

from scorecard_report.problems import InputError, Problem

MiB = 1 << 20
MAX_MEMBER_BYTES = 64 * MiB  # one part inflated: a 1,000 x 60 values sheet is about 5 MiB
MAX_TOTAL_BYTES = 256 * MiB  # every part counted, inflated
MAX_MEMBERS = 10_000


def zip_problem(path: Path, what: str, needed: Collection[str] | None = None) -> Problem | None:
    """What makes ``path`` unsafe to inflate, or ``None``; only the members in ``needed`` (all when
    ``None``) count towards the limits, since only they will be inflated."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        return Problem(
            path,
            f"cannot open the {what} as a zip file: {error}",
            hint=_SAVE_AGAIN.get(what, "save it again"),
        )
    if len(members) > MAX_MEMBERS:
        return _too_big(path, what, f"it has {len(members):,} parts; at most {MAX_MEMBERS:,} are read")
    counted = [member for member in members if needed is None or member.filename in needed]
    for member in counted:
        if member.file_size > MAX_MEMBER_BYTES:
            return _too_big(
                path,
                what,
                f"its part {member.filename} would inflate to {member.file_size / MiB:,.0f} MiB; "
                f"at most {MAX_MEMBER_BYTES // MiB} MiB a part are read",
            )
    total = sum(member.file_size for member in counted)
    if total > MAX_TOTAL_BYTES:
        return _too_big(
            path,
            what,
            f"its parts would inflate to {total / MiB:,.0f} MiB; "
            f"at most {MAX_TOTAL_BYTES // MiB} MiB are read",
        )
    return None


def check_zip(path: Path, what: str, needed: Collection[str] | None = None) -> None:
    """Raise ``InputError`` when ``zip_problem`` finds one."""
    problem = zip_problem(path, what, needed)
    if problem is not None:
        raise InputError([problem])


_SAVE_AGAIN = {
    "values workbook": "save it again from Excel as .xlsx",
    "Word template": "save the council template from Word as .docx or .dotx",
}


def _too_big(path: Path, what: str, why: str) -> Problem:
    hint = _SAVE_AGAIN.get(what, "save it again") + "; a genuine file is far smaller"
    return Problem(path, f"the {what} is refused before it is opened: {why}", hint=hint)
