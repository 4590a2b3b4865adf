"""Publishing policy: what build and publish call their files, and what a publish records and depends on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.model.edition import Edition
from scorecard_report.publish.output import PUBLISHED_MODE
from scorecard_report.publish.snapshots import snapshot_file_name
from scorecard_report.settings import Job

MANIFEST_NAME = "manifest.json"


def edition_name(name: str, section_ids: Sequence[str], catalogue: Catalogue) -> str:
    """``scorecard-front-door``: the stem with the edition's section ids, in catalogue order."""
    wanted = set(section_ids)
    ids = [section.id for section in catalogue.sections if section.id in wanted]
    return "-".join([name, *ids])


# A format whose file is not named by its format: the series is a second CSV, so Excel opens it too.
_ENDINGS = {"series": "-series.csv", "changes": "-changes.csv"}


def _ending(output_format: str) -> str:
    return _ENDINGS.get(output_format, f".{output_format}")


def dated_file_name(stem: str, period: Month, output_format: str) -> str:
    """``scorecard-2023-01.pdf``, ``scorecard-2023-01-series.csv``: what build writes, and publish
    beside the latest."""
    return f"{stem}-{period.iso()}{_ending(output_format)}"


def latest_file_name(stem: str, output_format: str) -> str:
    """``scorecard-latest.pdf``: the name a web page links to, replaced each month."""
    return f"{stem}-latest{_ending(output_format)}"


def manifest_name(section_ids: Sequence[str], edition: str | None = None) -> str:
    """``manifest.json``; ``manifest-front-door.json`` for an edition, so editions share a folder: named
    after its sections for ``--section``, after its name for an ``[[edition]]`` of the config (two of
    those may show the same sections, as a committee's and a website's edition of the whole scorecard)."""
    if edition is not None:
        return f"manifest-{edition}.json"
    return f"manifest-{'-'.join(section_ids)}.json" if section_ids else MANIFEST_NAME


@dataclass(frozen=True)
class PublishJob:
    """What to publish where: everything the outputs depend on, for the manifest and the up-to-date check."""

    output: Path
    name: str  # the edition's file-name stem
    period: Month
    formats: tuple[str, ...]
    inputs: tuple[Path, ...]
    inputs_relative_to: Path
    settings: dict[str, Any] = field(default_factory=dict)
    file_mode: int = PUBLISHED_MODE
    manifest_name: str = MANIFEST_NAME
    snapshot_name: str = ""  # what the edition showed, for the next to compare with; "" writes none

    def file_names(self, extension: str) -> tuple[str, str]:
        """``scorecard-2023-01.pdf`` and ``scorecard-latest.pdf``."""
        return dated_file_name(self.name, self.period, extension), latest_file_name(self.name, extension)

    def published_names(self) -> tuple[str, ...]:
        """Every name a publish writes, the snapshot just before the manifest, which is last."""
        return (
            *(name for extension in self.formats for name in self.file_names(extension)),
            *((self.snapshot_name,) if self.snapshot_name else ()),
            self.manifest_name,
        )


def publish_job(job: Job, edition: Edition) -> PublishJob:
    """What publishing ``edition`` writes, and what its manifest records."""
    return PublishJob(
        output=job.output.folder,
        name=edition.name,
        period=edition.period,
        formats=job.output.formats,
        inputs=input_files(job, edition),
        # The manifest names inputs as the config does, so a project folder can move.
        inputs_relative_to=job.config_file.parent if job.config_file else Path(),
        settings=manifest_settings(job, edition),
        file_mode=job.output.file_mode,
        manifest_name=manifest_name(edition.section_ids, job.edition),
        snapshot_name=snapshot_file_name(edition.name, edition.period),
    )


def manifest_settings(job: Job, edition: Edition) -> dict[str, Any]:
    """The settings that change what is published: a change to any of them publishes again."""
    return {
        "formats": list(job.output.formats),
        "sections": list(edition.section_ids),
        "name": edition.name,
        "marking": edition.catalogue.report.marking,
        "file_mode": f"{job.output.file_mode:04o}",
        # An edition's own title; recorded only when set, so other manifests stay as they were.
        **({"title": job.inputs.title} if job.inputs.title else {}),
        # Another sheet of the same workbook is another report; recorded only when named, so the
        # manifests of publishes that name none stay as they were.
        **({"sheet": job.inputs.sheet} if job.inputs.sheet else {}),
    }


def input_files(job: Job, edition: Edition) -> tuple[Path, ...]:
    """Every file the published outputs depend on, so a change to any of them publishes again."""
    named = (
        job.config_file,
        job.inputs.catalogue,
        edition.inputs.values.path,
        job.inputs.benchmarks,
        edition.commentary_file,
        edition.catalogue.report.logo,
        job.output.docx_template,
    )
    templates = job.output.templates
    theme = sorted(path for path in templates.rglob("*") if path.is_file()) if templates else []
    return tuple(dict.fromkeys(path for path in (*named, *theme) if path is not None))
