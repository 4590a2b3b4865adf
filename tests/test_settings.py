"""The resolved Job: an option beats the config, the config beats the default, worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.cli import command_line_parser
from scorecard_report.load.config import Config, load_config
from scorecard_report.messages import OutputStyle
from scorecard_report.problems import UsageError
from scorecard_report.settings import (
    Command,
    InputsJob,
    Job,
    OutputJob,
    job_from_command_line,
    resolve_job,
)

CONFIG = """\
catalogue = "indicators.yaml"
data = "data/values.xlsx"
sheet = "Values"
commentary = "notes"
output = "www"
formats = ["pdf", "csv"]
name = "board-pack"
marking = "OFFICIAL-SENSITIVE"
templates = "theme"
docx_template = "council.dotx"
file_mode = "0640"
cache = "charts"
"""


def job(*argv: str | Path, config: Config | None = None) -> Job:
    arguments = command_line_parser().parse_args([str(arg) for arg in argv])
    return resolve_job(arguments, config or Config())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return tmp_path / "project"


@pytest.fixture
def config(project: Path) -> Config:
    project.mkdir()
    (project / "scorecard.toml").write_text(CONFIG, encoding="utf-8")
    return load_config(project / "scorecard.toml")


def test_without_options_or_config_every_default() -> None:
    assert job("build") == Job(
        command=Command.BUILD,
        inputs=InputsJob(
            catalogue=Path("indicator_specs.yaml"),
            data=None,
            sheet=None,
            benchmarks=None,
            encoding="utf-8",
            strict=False,
            marking=None,
        ),
        output=OutputJob(
            folder=Path("output"),
            formats=("pdf", "html", "docx", "csv", "changes", "xlsx"),
            name=None,
            templates=None,
            docx_template=None,
            cache=None,
            file_mode=0o644,
            final=False,
        ),
        period="latest",
        sections=(),
        commentary=None,
        commentary_folder=None,
        update=False,
        config_file=None,
        init_folder=None,
        style=OutputStyle(verbosity=0, json_lines=False),
    )


def test_the_config_fills_what_the_command_line_leaves_out_relative_to_its_file(
    project: Path, config: Config
) -> None:
    resolved = job("build", config=config)
    assert resolved.inputs == InputsJob(
        catalogue=project / "indicators.yaml",
        data=project / "data" / "values.xlsx",
        sheet="Values",
        marking="OFFICIAL-SENSITIVE",
    )
    assert resolved.output == OutputJob(
        folder=project / "www",
        formats=("pdf", "csv"),
        name="board-pack",
        templates=project / "theme",
        docx_template=project / "council.dotx",
        cache=project / "charts",
        file_mode=0o640,
    )
    assert resolved.commentary_folder == project / "notes"
    assert resolved.config_file == project / "scorecard.toml"


def test_an_option_beats_the_config(config: Config) -> None:
    resolved = job(
        "build",
        *("--catalogue", "mine.yaml", "--out", "here", "--name", "mine", "--format", "html"),
        *("--templates", "my-theme", "--docx-template", "mine.docx", "--sheet", "Other"),
        config=config,
    )
    assert (resolved.inputs.catalogue, resolved.inputs.sheet) == (Path("mine.yaml"), "Other")
    assert resolved.output.folder == Path("here")
    assert resolved.output.name == "mine"
    assert resolved.output.formats == ("html",)
    assert resolved.output.templates == Path("my-theme")
    assert resolved.output.docx_template == Path("mine.docx")


def test_the_configs_sheet_is_of_the_configs_data_only(config: Config) -> None:
    resolved = job("validate", "--data", "other.xlsx", config=config)
    assert (resolved.inputs.data, resolved.inputs.sheet) == (Path("other.xlsx"), None)
    resolved = job("validate", "--data", "other.xlsx", "--sheet", "June", config=config)
    assert (resolved.inputs.data, resolved.inputs.sheet) == (Path("other.xlsx"), "June")


def test_formats_are_read_in_order_once_each_whatever_their_case() -> None:
    assert job("build", "--format", "CSV, pdf,csv,").output.formats == ("csv", "pdf")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("csv,pptx", "unknown format 'pptx'; available: csv, html, pdf, docx, series, changes, xlsx"),
        (",", "--format needs at least one format"),
    ],
)
def test_an_unknown_or_missing_format_is_a_usage_error(written: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        job("build", "--format", written)
    assert str(caught.value) == message


def test_no_cache_beats_the_configs_cache_folder(config: Config) -> None:
    assert job("build", "--no-cache", config=config).output.cache is False
    assert job("build", config=Config(cache=False)).output.cache is False


def test_publish_is_always_final_and_build_only_with_final() -> None:
    assert job("publish").output.final is True
    assert job("build", "--final").output.final is True
    assert job("build").output.final is False


def test_the_commands_own_options() -> None:
    built = job("build", "--period", "2026-10", "--section", "care", "--section", "front-door")
    assert (built.period, built.sections) == ("2026-10", ("care", "front-door"))
    assert job("build", "--commentary", "c.yaml").commentary == Path("c.yaml")
    drafted = job("commentary", "init", "--update", "-q")
    assert (drafted.command, drafted.update, drafted.style) == (
        Command.COMMENTARY_INIT,
        True,
        OutputStyle(verbosity=-1),
    )
    assert job("init", "new").init_folder == Path("new")
    assert job("validate", "-v", "--log-format", "json").style == OutputStyle(1, json_lines=True)


def test_init_reads_no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scorecard.toml").write_text('name = "from-the-config"\n', encoding="utf-8")
    arguments = command_line_parser().parse_args(["init", "new"])
    assert job_from_command_line(arguments).config_file is None
    arguments = command_line_parser().parse_args(["build"])
    assert job_from_command_line(arguments).output.name == "from-the-config"


def test_a_bad_name_is_refused_before_the_config_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    arguments = command_line_parser().parse_args(["build", "--config", str(missing), "--name", "a/b"])
    with pytest.raises(UsageError) as caught:
        job_from_command_line(arguments)
    assert str(caught.value) == (
        "--name 'a/b' cannot be a file name: it contains the folder separator '/' "
        "(use letters, digits, spaces, '-' and '_', such as --name scorecard)"
    )
