"""Every edition in one run: the ``[[edition]]`` tables of scorecard.toml, built and published together,
and ``scorecard sections``, which lists the ids to write in them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import FIXTURES, Run, files_under

from scorecard_report.load.config import KNOWN_FORMATS

Scorecard = Callable[..., Run]

# The project ``scorecard init`` writes has two sections: front-door (FD1-FD3) and care (CLA1-CLA3); its
# latest month is March 2025. The config's formats become csv and html, and three editions are added:
# the whole scorecard under its own title, the front door as CSV only, and care with its own marking.
EDITIONS = """
[[edition]]
name = "committee"
title = "Committee Performance Scorecard"

[[edition]]
name = "front-door"
sections = ["front-door"]
formats = ["csv"]

[[edition]]
name = "care"
sections = ["care"]
marking = "OFFICIAL-SENSITIVE"
"""
LATEST = "period: March 2025 (the latest month in which at least half the monthly indicators have a value)"


def with_config(project: Path, editions: str, formats: str = '["csv", "html"]') -> Path:
    """The project's config with ``formats`` in place of its own and ``editions`` appended."""
    config = project / "scorecard.toml"
    text = re.sub(r"(?m)^formats = .*$", f"formats = {formats}", config.read_text(encoding="utf-8"))
    config.write_text(text + editions, encoding="utf-8")
    return config


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1743465600")  # 2025-04-01: every build stamps the same time
    return project


def refs_of(csv_file: Path) -> list[str]:
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()[1:]
    return [line.split(",")[0] for line in lines]


def html_title(page: Path) -> str:
    found = re.search(r"<title>([^<]*)</title>", page.read_text(encoding="utf-8"))
    assert found is not None
    return found[1]


def test_three_editions_build_in_one_run_with_their_names_sections_formats_and_titles(
    scorecard: Scorecard, in_project: Path
) -> None:
    with_config(in_project, EDITIONS)
    run = scorecard("build")
    assert run.code == 0, run.err
    output = in_project / "output"
    # front-door has its own formats (csv); the other two the config's (csv, html).
    assert files_under(output) == [
        "care-2025-03.csv",
        "care-2025-03.html",
        "committee-2025-03.csv",
        "committee-2025-03.html",
        "front-door-2025-03.csv",
    ]
    assert refs_of(output / "committee-2025-03.csv") == ["FD1", "FD2", "FD3", "CLA1", "CLA2", "CLA3"]
    assert refs_of(output / "front-door-2025-03.csv") == ["FD1", "FD2", "FD3"]
    assert refs_of(output / "care-2025-03.csv") == ["CLA1", "CLA2", "CLA3"]
    # committee's title is its own; care keeps the catalogue's title, with its own marking.
    assert html_title(output / "committee-2025-03.html") == "Committee Performance Scorecard – March 2025"
    assert html_title(output / "care-2025-03.html") == "Example Performance Scorecard – March 2025"
    care = (output / "care-2025-03.html").read_text(encoding="utf-8")
    committee = (output / "committee-2025-03.html").read_text(encoding="utf-8")
    assert "OFFICIAL-SENSITIVE" in care
    assert "OFFICIAL-SENSITIVE" not in committee
    # The period is said once, since every edition has the same; then each file written, edition by edition.
    written = [
        "committee-2025-03.csv",
        "committee-2025-03.html",
        "front-door-2025-03.csv",
        "care-2025-03.csv",
        "care-2025-03.html",
    ]
    assert run.err.splitlines() == [LATEST, *(f"wrote {Path('output') / name}" for name in written)]


def test_one_run_writes_the_same_bytes_as_a_run_for_each_edition(
    scorecard: Scorecard, in_project: Path, tmp_path: Path
) -> None:
    """Sharing the inputs and the drawn charts changes no byte of any edition."""
    with_config(in_project, EDITIONS)
    assert scorecard("build", "--no-cache").code == 0
    for name in ("committee", "front-door", "care"):
        run = scorecard("build", "--no-cache", "--edition", name, "--out", tmp_path / name)
        assert run.code == 0, run.err
        for file in files_under(tmp_path / name):
            assert (tmp_path / name / file).read_bytes() == (in_project / "output" / file).read_bytes(), file


def test_documents_laid_out_by_the_workers_are_the_bytes_of_a_run_for_each_edition(
    scorecard: Scorecard, in_project: Path, tmp_path: Path
) -> None:
    """With several editions the PDFs and Word documents of all of them are made by a pool of workers,
    the largest first: every byte is still the bytes of the edition built alone."""
    with_config(in_project, EDITIONS, formats='["pdf", "docx", "csv"]')
    assert scorecard("build", "--no-cache").code == 0
    assert files_under(in_project / "output") == sorted(
        f"{name}-2025-03.{extension}"
        for name, extensions in (
            ("committee", "pdf docx csv"),
            ("front-door", "csv"),
            ("care", "pdf docx csv"),
        )
        for extension in extensions.split()
    )
    for name in ("committee", "care"):
        run = scorecard("build", "--no-cache", "--edition", name, "--out", tmp_path / name)
        assert run.code == 0, run.err
        for file in files_under(tmp_path / name):
            assert (tmp_path / name / file).read_bytes() == (in_project / "output" / file).read_bytes(), file


def test_a_template_refused_in_a_workers_pdf_fails_the_run_and_writes_nothing(
    scorecard: Scorecard, in_project: Path
) -> None:
    templates = in_project / "council-templates"
    templates.mkdir()
    (templates / "scorecard.css").write_text(
        'body { background: url("http://169.254.169.254/latest/meta-data/"); }', encoding="utf-8"
    )
    with_config(in_project, EDITIONS, formats='["pdf", "csv"]')
    run = scorecard("build", "--no-cache", "--templates", templates)
    assert run.code == 65
    assert f"{templates}: refused to fetch http://169.254.169.254/latest/meta-data/" in run.err
    assert run.err.splitlines()[-1] == "1 error: nothing was written"
    assert files_under(in_project / "output") == []


def test_format_on_the_command_line_is_every_editions(scorecard: Scorecard, in_project: Path) -> None:
    with_config(in_project, EDITIONS)
    assert scorecard("build", "--format", "csv").code == 0
    assert files_under(in_project / "output") == [
        "care-2025-03.csv",
        "committee-2025-03.csv",
        "front-door-2025-03.csv",
    ]


def test_edition_makes_only_the_editions_named(scorecard: Scorecard, in_project: Path) -> None:
    with_config(in_project, EDITIONS)
    run = scorecard("build", "--edition", "care", "--edition", "front-door")
    assert run.code == 0, run.err
    assert files_under(in_project / "output") == [
        "care-2025-03.csv",
        "care-2025-03.html",
        "front-door-2025-03.csv",
    ]


def test_section_makes_one_edition_of_its_own_in_place_of_the_configs(
    scorecard: Scorecard, in_project: Path
) -> None:
    with_config(in_project, EDITIONS)
    run = scorecard("build", "--section", "care", "--format", "csv")
    assert run.code == 0, run.err
    assert run.err.splitlines()[0] == (
        "--section: one edition of its own, in place of the 3 editions in scorecard.toml"
    )
    # Named as --section names it: the config's name, then the section.
    assert files_under(in_project / "output") == ["scorecard-care-2025-03.csv"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--name", "board"],
            "error: --name would give every edition in scorecard.toml the same file names: each [[edition]] "
            "has its own name (give --edition NAME to make one of them, or --section ID for an edition of "
            "your own)",
        ),
        (
            ["--edition", "frontdoor"],
            "error: --edition frontdoor: no such edition in scorecard.toml (did you mean 'front-door'?)",
        ),
        (
            ["--edition", "care", "--section", "care"],
            "error: --edition and --section cannot be used together: --edition makes editions of "
            "scorecard.toml, --section one of your own",
        ),
    ],
)
def test_options_that_cannot_apply_to_the_editions_are_usage_errors(
    scorecard: Scorecard, in_project: Path, options: list[str], message: str
) -> None:
    with_config(in_project, EDITIONS)
    run = scorecard("build", *options)
    assert (run.code, run.error_lines) == (2, [message])
    assert not (in_project / "output").exists()


@pytest.mark.usefixtures("in_project")
def test_edition_without_editions_in_the_config_is_a_usage_error(scorecard: Scorecard) -> None:
    run = scorecard("build", "--edition", "care")
    assert (run.code, run.error_lines) == (
        2,
        ["error: --edition care: scorecard.toml has no [[edition]] tables to choose from"],
    )


def test_each_published_edition_has_its_own_manifest_and_snapshot(
    scorecard: Scorecard, in_project: Path
) -> None:
    with_config(in_project, EDITIONS, formats='["csv"]')
    run = scorecard("publish")
    assert run.code == 0, run.err
    output = in_project / "output"
    assert files_under(output) == [
        ".scorecard-publish.lock",
        "care-2025-03-snapshot.json",
        "care-2025-03.csv",
        "care-latest.csv",
        "committee-2025-03-snapshot.json",
        "committee-2025-03.csv",
        "committee-latest.csv",
        "front-door-2025-03-snapshot.json",
        "front-door-2025-03.csv",
        "front-door-latest.csv",
        "manifest-care.json",
        "manifest-committee.json",
        "manifest-front-door.json",
    ]
    assert run.err.splitlines()[1:] == [
        f"published csv of {name} for March 2025 to output" for name in ("committee", "front-door", "care")
    ]
    care = json.loads((output / "manifest-care.json").read_text(encoding="utf-8"))
    assert care["settings"] == {
        "formats": ["csv"],
        "sections": ["care"],
        "name": "care",
        "marking": "OFFICIAL-SENSITIVE",
        "file_mode": "0644",
    }
    assert sorted(care["outputs"]) == ["care-2025-03-snapshot.json", "care-2025-03.csv", "care-latest.csv"]
    committee = json.loads((output / "manifest-committee.json").read_text(encoding="utf-8"))
    assert committee["settings"]["title"] == "Committee Performance Scorecard"
    snapshot = json.loads((output / "front-door-2025-03-snapshot.json").read_text(encoding="utf-8"))
    assert [row["ref"] for row in snapshot["rows"]] == ["FD1", "FD2", "FD3"]
    again = scorecard("publish")
    assert again.err.splitlines()[1:] == [
        f"up to date: {name} for March 2025 is already published from these inputs"
        for name in ("committee", "front-door", "care")
    ]


def test_editions_published_together_are_the_bytes_each_publishes_alone(
    scorecard: Scorecard, in_project: Path, tmp_path: Path
) -> None:
    """A publish makes the documents of every edition not yet published together, in the workers."""
    with_config(in_project, EDITIONS, formats='["pdf", "docx"]')
    run = scorecard("publish", "--no-cache")
    assert run.code == 0, run.err
    assert run.err.splitlines()[1:] == [
        "published pdf, docx of committee for March 2025 to output",
        "published csv of front-door for March 2025 to output",
        "published pdf, docx of care for March 2025 to output",
    ]
    for name in ("committee", "care"):
        alone = scorecard("publish", "--no-cache", "--edition", name, "--out", tmp_path / name)
        assert alone.code == 0, alone.err
        for file in files_under(tmp_path / name):
            if not file.startswith("."):
                assert (tmp_path / name / file).read_bytes() == (in_project / "output" / file).read_bytes(), (
                    file
                )


def test_a_publish_that_fails_at_one_edition_says_which_were_published(
    scorecard: Scorecard, in_project: Path
) -> None:
    with_config(in_project, EDITIONS, formats='["csv"]')
    (in_project / "output" / "front-door-latest.csv").mkdir(parents=True)  # a folder at a published name
    run = scorecard("publish")
    assert run.code == 73
    assert run.err.splitlines()[-1] == (
        "1 error: nothing was published for front-door, care; committee was published"
    )
    assert [name for name in files_under(in_project / "output") if not name.startswith(".")] == [
        "committee-2025-03-snapshot.json",
        "committee-2025-03.csv",
        "committee-latest.csv",
        "manifest-committee.json",
    ]


def test_a_build_that_cannot_write_one_edition_writes_none(scorecard: Scorecard, in_project: Path) -> None:
    with_config(in_project, EDITIONS)
    (in_project / "output" / "care-2025-03.html").mkdir(parents=True)  # the last edition's last file
    run = scorecard("build")
    assert run.code == 73
    assert run.err.splitlines()[-1] == "1 error: nothing was written"
    assert files_under(in_project / "output") == []


def test_every_problem_in_the_edition_tables_is_listed_at_once(
    scorecard: Scorecard, in_project: Path
) -> None:
    config = with_config(
        in_project,
        '\n[[edition]]\nname = "a/b"\nfromats = ["csv"]\n'  # lines 14-16
        '\n[[edition]]\nname = "front-door"\nformats = ["pptx"]\n'  # lines 18-20
        '\n[[edition]]\nname = "Front-Door"\n',  # lines 22-23
    )
    run = scorecard("build")
    assert run.code == 65
    assert run.error_lines == [
        f"error: {config.name}:15 (edition 1, \"a/b\"): name: 'a/b' cannot be a file name: it contains the "
        "folder separator '/' (use letters, digits, spaces, '-' and '_', such as name = \"front-door\")",
        f"error: {config.name}:16 (edition 1, \"a/b\"): unknown key 'fromats' (did you mean 'formats'?)",
        f"error: {config.name}:20 (edition 2, \"front-door\"): formats: unknown format 'pptx'; available: "
        f'{", ".join(KNOWN_FORMATS)} (write a list such as formats = ["pdf", "csv"])',
        f"error: {config.name}:23 (edition 3, \"Front-Door\"): edition 2 has the name 'front-door': the two "
        "would write the same files and manifest (give each edition a name of its own; names that differ "
        "only in case are one file name on Windows and macOS)",
    ]
    assert not (in_project / "output").exists()


def test_unknown_section_ids_are_errors_at_their_lines_with_the_closest(
    scorecard: Scorecard, in_project: Path
) -> None:
    with_config(
        in_project,
        '\n[[edition]]\nname = "door"\nsections = ["frontdoor"]\n'  # lines 14-16
        '\n[[edition]]\nname = "money"\nsections = ["care", "finance"]\n',  # lines 18-20
    )
    for command in ("build", "validate"):
        run = scorecard(command)
        assert run.code == 65
        assert run.error_lines == [
            "error: scorecard.toml:16 (edition 1, \"door\"): sections: no section 'frontdoor' in "
            "indicators.yaml (did you mean 'front-door'?)",
            "error: scorecard.toml:20 (edition 2, \"money\"): sections: no section 'finance' in "
            "indicators.yaml (the sections are front-door, care)",
        ]
    assert not (in_project / "output").exists()


def test_validate_counts_the_editions(scorecard: Scorecard, in_project: Path) -> None:
    with_config(in_project, EDITIONS)
    run = scorecard("validate")
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == "ok: scorecard.toml (3 editions)"


def test_sections_lists_ids_titles_and_indicators_on_stdout(scorecard: Scorecard) -> None:
    # tests/fixtures/small.yaml: front-door holds FD1, FD8 and CF5; care holds CLA1, CLA9 and 012.
    run = scorecard("sections", "--catalogue", FIXTURES / "small.yaml")
    assert (run.code, run.err) == (0, "")
    assert (
        run.out == "front-door  Front Door        3 indicators\ncare        Children in Care  3 indicators\n"
    )


@pytest.mark.usefixtures("in_project")
def test_sections_reads_the_configs_catalogue(scorecard: Scorecard) -> None:
    run = scorecard("sections")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "front-door  Front Door        3 indicators",
        "care        Children in Care  3 indicators",
    ]


def test_a_warning_for_a_slot_in_two_editions_is_given_once(scorecard: Scorecard, in_project: Path) -> None:
    # FD2's text was written against 1%; FD2 is in committee (the whole scorecard) and in front-door.
    (in_project / "commentary" / "2025-03.yaml").write_text(
        "period: 2025-03\nindicators:\n  FD2:\n    text: Steady.\n"
        '    written_against: {value: "1%", status: Red, period: 2025-03, text: 00000000}\n',
        encoding="utf-8",
    )
    with_config(in_project, EDITIONS, formats='["csv"]')
    run = scorecard("build")
    assert run.code == 0, run.err
    warnings = [line for line in run.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "ref FD2: commentary was written against 1%" in warnings[0]
