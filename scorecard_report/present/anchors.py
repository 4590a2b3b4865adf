"""Ids for the places the contents page links to."""

from __future__ import annotations


def anchor(kind: str, key: str) -> str:
    """A stable id for links from the contents page; refs may hold any characters."""
    return f"{kind}-" + "".join(c if c.isalnum() else f"_{ord(c):x}_" for c in key)
