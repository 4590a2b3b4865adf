"""A cache for pydyf's list of page references, which WeasyPrint's PDF tagging rebuilds for every tag.

``pydyf.PDF.page_references`` builds a tuple of every page's reference each time it is read, and
WeasyPrint's tagging reads it once for every tagged box: on a 1,000-page scorecard that is over 100,000
tuples of a thousand items, and the PDF's time per page grows with its length. The cached tuple is the
same until a page is added, so the PDF's bytes do not change (a test checks both ways).
"""

from __future__ import annotations

from typing import Any

import pydyf

_ORIGINAL = pydyf.PDF.__dict__.get("page_references")


def _cached_page_references(pdf: Any) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    cached: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get("_scorecard_page_references")
    if cached is None or cached[0] != len(kids):
        # Kids holds "number 0 R" as three items per page, and pages are only ever appended.
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_scorecard_page_references"] = cached
    return cached[1]


def cache_page_references(on: bool = True) -> None:
    """Install the cache (or, with ``on=False``, pydyf's own property); a pydyf without the property as
    this project knows it is left alone."""
    if not isinstance(_ORIGINAL, property):
        return
    pydyf.PDF.page_references = property(_cached_page_references) if on else _ORIGINAL
