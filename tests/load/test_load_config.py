"""The project config file: paths relative to it, every problem on its line, did-you-mean for keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.load.config import KNOWN_FORMATS, Config, find_config, line_of_key, load_config
from scorecard_report.load.editions import ConfigEdition
from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.render.outputs import FORMATS

FULL = """\
# every key
catalogue = "indicators.yaml"
data = "data/values.csv"
commentary = "commentary"
output = "/srv/www/scorecard"
formats = ["pdf", "csv"]
name = "board-pack"
marking = "OFFICIAL-SENSITIVE"
templates = "theme"
docx_template = "council.dotx"
file_mode = "0640"
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scorecard.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_config(path)
    return caught.value.problems


def test_every_key_is_read_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    config = load_config(write(folder, FULL))
    assert config == Config(
        path=folder / "scorecard.toml",
        catalogue=folder / "indicators.yaml",
        data=folder / "data" / "values.csv",
        commentary=folder / "commentary",
        output=Path("/srv/www/scorecard"),
        formats=("pdf", "csv"),
        name="board-pack",
        marking="OFFICIAL-SENSITIVE",
        templates=folder / "theme",
        docx_template=folder / "council.dotx",
        file_mode=0o640,
    )


def test_an_empty_file_sets_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "# nothing yet\n")
    assert load_config(path) == Config(path=path)


def test_unknown_key_names_its_line_and_the_closest_key(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "x"\n\n  catalog = "c.yaml"\n')
    assert [str(p) for p in problems_of(path)] == [
        f"error: {path}:3: unknown key 'catalog' (did you mean 'catalogue'?)"
    ]


def test_unknown_table_is_named_with_every_key_allowed(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, 'name = "x"\n[publish]\nmode = 1\n'))
    assert (problem.line, problem.message) == (2, "unknown key 'publish'")
    assert problem.hint is not None
    assert problem.hint.startswith("the keys are catalogue, data, commentary")


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    text = 'formats = ["pdf", "pptx"]\nfile_mode = "rw-r--r--"\nname = 7\noutptu = "out"\n'
    problems = problems_of(write(tmp_path, text))
    assert sorted((p.line, p.message) for p in problems) == [
        (1, "formats: unknown format 'pptx'; available: csv, html, pdf, docx, series, changes, xlsx"),
        (2, "file_mode: 'rw-r--r--' is not a file mode; write it in octal, such as \"0644\""),
        (3, "name: Input should be a valid string"),
        (4, "unknown key 'outptu'"),
    ]


def test_formats_must_be_a_list(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, 'formats = "pdf"\n'))
    assert problem.line == 1
    assert problem.hint == 'write a list such as formats = ["pdf", "html", "csv"]'


def test_file_mode_must_be_text_so_644_is_not_read_as_decimal(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, "file_mode = 644\n"))
    assert problem.message.startswith("file_mode: ")
    assert problem.hint == 'write it as text in quotes, such as file_mode = "..."'


def test_bad_toml_says_where(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, 'name = "unclosed\n'))
    assert problem.message.startswith("not valid TOML: ")
    assert "line 1" in problem.message


def test_a_missing_config_named_on_the_command_line_is_exit_66(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        find_config(tmp_path / "nowhere.toml")
    assert caught.value.exit_code is ExitCode.INPUT_MISSING


def test_without_a_config_the_one_in_the_current_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_config(None) == Config()
    write(tmp_path, 'name = "here"\n')
    assert find_config(None).name == "here"


@pytest.mark.parametrize(
    ("line", "key"),
    [('name = "x"', "name"), ('"name" = "x"', "name"), ("  name=1", "name"), ("[name]", "name")],
)
def test_line_of_key_finds_each_spelling(line: str, key: str) -> None:
    assert line_of_key(f"# a comment naming {key}\n{line}\n", key) == 2


def test_the_config_knows_every_format_the_renderers_make() -> None:
    assert set(KNOWN_FORMATS) == set(FORMATS)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("cache = false", False), ('cache = "charts"', "charts"), ("cache = true", None), ("", None)],
)
def test_cache_setting(tmp_path: Path, written: str, expected: bool | str | None) -> None:
    config = load_config(write(tmp_path, written + "\n"))
    assert config.cache == (tmp_path / expected if isinstance(expected, str) else expected)


# ---------------------------------------------------------------- the [[edition]] tables

EDITIONS = """\
formats = ["pdf", "csv"]

[[edition]]
name = "committee"
title = "Committee Performance Scorecard"

[[edition]]
name = "front-door"
sections = ["front-door", "early-help"]
formats = ["csv", "html", "csv"]
marking = "OFFICIAL-SENSITIVE"
"""


FORMATS_HINT = 'write a list such as formats = ["pdf", "html", "csv"]'
SECTIONS_HINT = (
    'write a list of section ids, such as sections = ["front-door", "early-help"]; '
    "scorecard sections lists them"
)


def test_each_edition_is_read_with_its_place_in_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, EDITIONS)
    assert load_config(path).editions == (
        ConfigEdition(
            name="committee",
            title="Committee Performance Scorecard",
            number=1,
            place='edition 1, "committee"',
            line=4,
            sections_line=3,  # none written: the table's header
        ),
        ConfigEdition(
            name="front-door",
            sections=("front-door", "early-help"),
            formats=("csv", "html"),  # each once, in the order written
            marking="OFFICIAL-SENSITIVE",
            number=2,
            place='edition 2, "front-door"',
            line=8,
            sections_line=9,
        ),
    )


def test_without_edition_tables_there_are_none(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, 'name = "x"\n')).editions == ()


def test_editions_written_inline_are_read_without_lines(tmp_path: Path) -> None:
    path = write(tmp_path, 'edition = [{name = "a"}, {name = "b", sections = ["care"]}]\n')
    assert [(e.name, e.sections, e.place, e.line) for e in load_config(path).editions] == [
        ("a", (), 'edition 1, "a"', None),
        ("b", ("care",), 'edition 2, "b"', None),
    ]


def test_every_edition_problem_is_listed_at_once_with_its_line_and_table(tmp_path: Path) -> None:
    text = (
        'formats = ["pdf", "pptx"]\n'  # 1
        "\n"
        "[[edition]]\n"  # 3
        'sections = ["care", "care"]\n'  # 4
        "formats = []\n"  # 5
        "\n"
        "[[edition]]\n"  # 7
        'name = "board"\n'  # 8
        'output = "elsewhere"\n'  # 9
        'title = "Board\\npack"\n'  # 10
        'marking = " "\n'  # 11
        "\n"
        "[[edition]]\n"  # 13
        'name = "Board"\n'  # 14
        'fromats = ["csv"]\n'  # 15
    )
    problems = problems_of(write(tmp_path, text))
    assert [(p.line, p.place, p.message, p.hint) for p in problems] == [
        (1, None, "formats: unknown format 'pptx'; available: " + ", ".join(KNOWN_FORMATS), FORMATS_HINT),
        (
            3,
            "edition 1",
            "an edition needs a name, the stem of its file names",
            'add name = "front-door", which writes front-door-YYYY-MM.pdf',
        ),
        (4, "edition 1", "sections: 'care' is listed twice", SECTIONS_HINT),
        (
            5,
            "edition 1",
            "formats: give at least one format",
            'write a list such as formats = ["pdf", "csv"]',
        ),
        (
            9,
            'edition 2, "board"',
            "unknown key 'output'",
            "output is a setting of the whole config: move it above the first [[edition]]",
        ),
        (
            10,
            'edition 2, "board"',
            "title: 'Board\\npack' has a line break or a control character in it",
            'write it as one line of text in quotes, such as title = "..."',
        ),
        (
            11,
            'edition 2, "board"',
            "marking: it is empty",
            'write it as one line of text in quotes, such as marking = "..."',
        ),
        (15, 'edition 3, "Board"', "unknown key 'fromats'", "did you mean 'formats'?"),
        (
            14,
            'edition 3, "Board"',
            "edition 2 has the name 'board': the two would write the same files and manifest",
            "give each edition a name of its own; names that differ only in case are one file name on "
            "Windows and macOS",
        ),
    ]


def test_an_edition_that_is_not_a_table_of_tables_says_how_to_write_one(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, '[edition]\nname = "x"\n'))
    assert (problem.line, problem.message, problem.hint) == (
        1,
        "edition: Input should be a valid list",
        'write each edition as a table of its own: a line [[edition]], then name = "front-door"',
    )


def test_an_edition_name_is_checked_like_name(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, '[[edition]]\nname = "../web"\n'))
    assert (problem.line, problem.message) == (
        2,
        "name: '../web' cannot be a file name: it contains the folder separator '/'",
    )
