"""Catalogue text pasted from Word (issue 12, point 10): cleaned exactly as commentary is (issue 8, case 6),
with a warning naming the line and ref, where the strict YAML reader used to refuse the whole file.

Every catalogue text is one line, so a pasted line break (vertical tab, form feed, U+2028, U+2029)
becomes a space; other control characters and non-characters are removed."""

from __future__ import annotations

from pathlib import Path

from scorecard_report.load.catalogue import load_catalogue

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, scorecard, summary_rows

SMALL = SMALL_CATALOGUE.read_text(encoding="utf-8")
HINT = "they are invisible and cannot be printed; check the text pasted there reads as intended"
PASTED = {
    "        title: Contacts received\n": "        title: Contacts\x00 re\x1bceived\x0bthis month\n",
    "        polarity: neutral\n": (
        "        polarity: neutral\n        description: How many\ufffe contacts\u2028came in\n"
    ),
    "    title: Front Door\n": '    title: "Front\\LDoor\\a"\n',  # YAML escapes: U+2028 and BEL
}


def test_control_characters_in_catalogue_text_are_cleaned_with_a_warning_naming_line_and_ref(
    tmp_path: Path,
) -> None:
    text = SMALL
    for plain, pasted in PASTED.items():
        assert text.count(plain) == 1
        text = text.replace(plain, pasted)
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    title, description, section = (
        next(number for number, line in enumerate(lines, start=1) if fragment in line)
        for fragment in ("Contacts\x00", "description:", "Front\\L")
    )

    out = tmp_path / "out"
    run = scorecard(
        "build", "--catalogue", catalogue, "--data", SMALL_DATA, "--period", "2023-01", "--format", "csv",
        "--out", out,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.warnings == [
        f"warning: {catalogue}:{section}: removed 1 control character (U+0007) from the text ({HINT})",
        f"warning: {catalogue}:{title}: ref FD1: removed 2 control characters (U+0000, U+001B) from the "
        f"text ({HINT})",
        f"warning: {catalogue}:{description}: ref FD1: removed 1 control character (U+FFFE) from the text "
        f"({HINT})",
    ]
    summary = (out / f"{STEM}.csv").read_text(encoding="utf-8")
    assert summary_rows(out / f"{STEM}.csv")["FD1"]["title"] == "Contacts received this month"
    assert not any(character in summary for character in "\x00\x07\x0b\x1b\ufffe\u2028")

    loaded = load_catalogue(catalogue)
    assert loaded.sections[0].title == "Front Door"
    assert loaded.indicators[0].description == "How many contacts came in"
    assert [str(warning) for warning in loaded.warnings] == run.warnings


def test_a_pasted_character_on_a_line_shared_by_a_section_and_its_indicator_names_the_indicator(
    tmp_path: Path,
) -> None:
    catalogue = tmp_path / "flow.yaml"
    catalogue.write_text(
        "title: Flow\norganisation: Org\nsections:\n"
        "  - {id: a, title: A, indicators: [{ref: X1, title: Contacts\x01, unit: count,"
        " polarity: neutral}]}\n",
        encoding="utf-8",
    )
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nX1,2023-01,5\n", encoding="utf-8")
    run = scorecard("validate", "--catalogue", catalogue, "--data", data)
    assert run.code == 0, run.err
    assert run.warnings == [
        f"warning: {catalogue}:4: ref X1: removed 1 control character (U+0001) from the text ({HINT})"
    ]
