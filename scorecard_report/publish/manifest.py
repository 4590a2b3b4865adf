"""The published folder's ``manifest.json``: what was built, from which inputs, by which version, when."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Manifest:
    """One publish: its period and settings, and the sha256 of every input and output."""

    period: str
    tool_version: str
    built_at: str
    settings: dict[str, Any]
    inputs: dict[str, str]  # path as the config names it → sha256
    outputs: dict[str, str]  # published file name → sha256

    def to_json(self) -> bytes:
        return (json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def same_build(self, other: Manifest) -> bool:
        """The same period, settings, inputs and version: building again would change nothing."""
        return (self.period, self.tool_version, self.settings, self.inputs) == (
            other.period,
            other.tool_version,
            other.settings,
            other.inputs,
        )


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(path: Path) -> Manifest | None:
    """The last publish's manifest; ``None`` if there is none or it cannot be read (so build again)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(**raw)
    except (OSError, ValueError, TypeError):
        return None


def outputs_intact(manifest: Manifest, folder: Path) -> bool:
    """Every file the manifest lists is still there with the content it was published with."""
    for name, digest in manifest.outputs.items():
        path = folder / name
        if not path.is_file() or sha256_of_file(path) != digest:
            return False
    return True
