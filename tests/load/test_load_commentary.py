"""The commentary loader and its Markdown subset: plain text runs, every problem with its line and ref."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import BulletList, Commentary, Paragraph, Run, Text, TitledText
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import default_commentary_path, load_commentary
from scorecard_report.load.markdown import parse_text
from scorecard_report.problems import InputError, Problem

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(FIXTURES / "small.yaml")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "commentary" / "2023-01.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def load(tmp_path: Path, catalogue: Catalogue, text: str) -> tuple[Commentary, tuple[Problem, ...]]:
    return load_commentary(write(tmp_path, text), catalogue)


def errors_of(tmp_path: Path, catalogue: Catalogue, text: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load(tmp_path, catalogue, text)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if needle in line)


def plain(text: str) -> Paragraph:
    return Paragraph((Run(text),))


# The Markdown subset


def test_blank_lines_separate_paragraphs_and_single_newlines_are_soft_wraps() -> None:
    text = "Contacts rose\nfrom 1,196 in December.\n\n\nThey fell in\n   February."
    assert parse_text(text) == (
        plain("Contacts rose from 1,196 in December."),
        plain("They fell in February."),
    )


def test_windows_and_old_mac_newlines_are_newlines() -> None:
    assert parse_text("one\r\ntwo\r\rthree") == (plain("one two"), plain("three"))


def test_the_three_bullet_markers_make_one_list() -> None:
    assert parse_text("Intro:\n- dash\n* star\n• dot") == (
        plain("Intro:"),
        BulletList(((Run("dash"),), (Run("star"),), (Run("dot"),))),
    )


def test_an_indented_line_continues_an_item_and_a_flush_line_ends_the_list() -> None:
    text = "- screening is\n  improving\n- step-downs\nA new paragraph."
    assert parse_text(text) == (
        BulletList(((Run("screening is improving"),), (Run("step-downs"),))),
        plain("A new paragraph."),
    )


def test_nested_bullets_are_flattened_and_blank_lines_between_bullets_keep_one_list() -> None:
    text = "- one\n  - one a\n\n- two\n\n  after a blank line"
    assert parse_text(text) == (
        BulletList(((Run("one"),), (Run("one a"),), (Run("two"),))),
        plain("after a blank line"),
    )


def test_a_marker_without_a_space_is_not_a_bullet() -> None:
    assert parse_text("-5% on last month\n*not* a bullet") == (
        Paragraph((Run("-5% on last month "), Run("not", italic=True), Run(" a bullet"))),
    )


def test_bold_italic_and_both() -> None:
    text = "**rose** and *improving* and _low_ and ***key***"
    assert parse_text(text) == (
        Paragraph(
            (
                Run("rose", bold=True),
                Run(" and "),
                Run("improving", italic=True),
                Run(" and "),
                Run("low", italic=True),
                Run(" and "),
                Run("key", bold=True, italic=True),
            )
        ),
    )


def test_italic_inside_bold() -> None:
    assert parse_text("**up *sharply* again**") == (
        Paragraph((Run("up ", bold=True), Run("sharply", bold=True, italic=True), Run(" again", bold=True))),
    )


def test_emphasis_runs_across_a_soft_wrap() -> None:
    assert parse_text("*rose\nsharply*") == (Paragraph((Run("rose sharply", italic=True),)),)


@pytest.mark.parametrize(
    "text",
    [
        "2 * 3 * 4",
        "an *unmatched marker",
        "**bold never closed",
        "a closer* alone",
        "snake_case_name",
        "****four stars****",
        "**mixed*",
    ],
)
def test_unmatched_markers_are_literal_text(text: str) -> None:
    assert parse_text(text) == (plain(text),)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        '<img src="file:///etc/passwd">',
        "# Not a heading",
        "[a link](https://example.org) ![an image](x.png)",
        "&amp; &lt;b&gt;",
    ],
)
def test_html_headings_links_and_entities_stay_literal_characters(text: str) -> None:
    assert parse_text(text) == (plain(text),)


@pytest.mark.parametrize("line_break", ["\x0b", "\x0c", "\u2028"])
def test_word_line_breaks_become_newlines_inside_a_run(line_break: str) -> None:
    assert parse_text(f"first{line_break}second") == (plain("first\nsecond"),)


def test_emoji_right_to_left_and_combining_accents_are_kept_as_written() -> None:
    text = "Good news 👍🏽 مرحبا cafe\u0301 and caf\u00e9"
    (paragraph,) = parse_text(text)
    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs[0].text.encode("utf-8") == text.encode("utf-8")


def test_blank_text_has_no_blocks() -> None:
    assert parse_text("") == ()
    assert parse_text("  \n\t\n") == ()


# Loading a file


EXAMPLE = """\
report:
  - title: Key messages
    text: |
      Contacts **rose** from 1,196 in December to 1,348 in January.

      - Timeliness of screening is *improving*
      - Step-downs to Early Help remain low
  - title: Discussion points
    text: Placement stability.
sections:
  front-door: |
    Text for the Front Door section.
indicators:
  FD8: Screening within 72 hours is above target.
  CF5:
    text: Draft wording.
    draft: true
  "012":
"""


def test_the_example_file_loads(tmp_path: Path, catalogue: Catalogue) -> None:
    commentary, warnings = load(tmp_path, catalogue, EXAMPLE)
    key_messages = Text(
        (
            Paragraph(
                (
                    Run("Contacts "),
                    Run("rose", bold=True),
                    Run(" from 1,196 in December to 1,348 in January."),
                )
            ),
            BulletList(
                (
                    (Run("Timeliness of screening is "), Run("improving", italic=True)),
                    (Run("Step-downs to Early Help remain low"),),
                )
            ),
        )
    )
    assert commentary.report == (
        TitledText("Key messages", key_messages),
        TitledText("Discussion points", Text((plain("Placement stability."),))),
    )
    assert commentary.sections == {"front-door": Text((plain("Text for the Front Door section."),))}
    assert commentary.indicators == {
        "FD8": Text((plain("Screening within 72 hours is above target."),)),
        "CF5": Text((plain("Draft wording."),), draft=True),
        "012": Text(()),
    }
    assert warnings == ()


def test_an_empty_file_or_empty_keys_mean_no_commentary(tmp_path: Path, catalogue: Catalogue) -> None:
    assert load(tmp_path, catalogue, "") == (Commentary(), ())
    assert load(tmp_path, catalogue, "report:\nsections: {}\nindicators:\n") == (Commentary(), ())


def test_blank_and_null_texts_are_empty(tmp_path: Path, catalogue: Catalogue) -> None:
    commentary, _ = load(
        tmp_path, catalogue, 'indicators:\n  FD1: ""\n  FD8: ~\n  CF5: {text: "  ", draft: true}\n'
    )
    assert commentary.indicators == {"FD1": Text(()), "FD8": Text(()), "CF5": Text((), draft=True)}
    assert all(text.empty for text in commentary.indicators.values())


@pytest.mark.parametrize(("written", "draft"), [("true", True), ("false", False), ("True", True)])
def test_the_draft_flag(tmp_path: Path, catalogue: Catalogue, written: str, draft: bool) -> None:
    commentary, _ = load(
        tmp_path, catalogue, f"sections:\n  care:\n    text: Wording.\n    draft: {written}\n"
    )
    assert commentary.sections["care"] == Text((plain("Wording."),), draft=draft)


def test_word_line_breaks_in_the_file_are_read_as_line_breaks(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "indicators:\n  FD8: |\n    one\x0btwo\x0cthree\u2028four\n  FD1: five\x0bsix\n"
    commentary, warnings = load(tmp_path, catalogue, text)
    assert commentary.indicators == {
        "FD8": Text((plain("one\ntwo\nthree\nfour"),)),
        "FD1": Text((plain("five\nsix"),)),
    }
    assert warnings == ()


def test_a_null_character_is_removed_with_a_warning_naming_the_ref_and_line(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    text = "indicators:\n  FD1: Fine.\n  FD8: |\n    First line.\n    Above\x00 target.\n"
    commentary, warnings = load(tmp_path, catalogue, text)
    assert commentary.indicators["FD8"] == Text((plain("First line. Above target."),))
    (warning,) = warnings
    assert (warning.warning, warning.line, warning.ref) == (True, 5, "FD8")
    assert warning.message == "removed 1 control character (U+0000) from the text"


def test_control_characters_in_a_section_and_from_a_yaml_escape_are_warned(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    text = 'sections:\n  care: "a\\x07b"\n  front-door: |\n    x\x1by\x7fz\ufffe\n'
    commentary, warnings = load(tmp_path, catalogue, text)
    assert commentary.sections == {"care": Text((plain("ab"),)), "front-door": Text((plain("xyz"),))}
    assert [(w.line, w.place, w.message) for w in warnings] == [
        (2, "section care", "removed 1 control character (U+0007) from the text"),
        (4, "section front-door", "removed 3 control characters (U+001B, U+007F, U+FFFE) from the text"),
    ]


def test_default_commentary_path_is_beside_the_catalogue(catalogue: Catalogue) -> None:
    path = default_commentary_path(catalogue, Month(2023, 1))
    assert path == FIXTURES / "commentary" / "2023-01.yaml"


# Problems


def test_an_unknown_ref_names_its_line_and_the_closest_ref(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "indicators:\n  FD8: Fine.\n  fd1: Lower case.\n  CLA10: Typo.\n  ZZ99: Nothing like it.\n"
    problems = errors_of(tmp_path, catalogue, text)
    assert [(p.line, p.ref, p.message, p.hint) for p in problems] == [
        (3, "fd1", "ref 'fd1' is not in the catalogue small.yaml", "did you mean 'FD1'?"),
        (4, "CLA10", "ref 'CLA10' is not in the catalogue small.yaml", "did you mean 'CLA1'?"),
        (5, "ZZ99", "ref 'ZZ99' is not in the catalogue small.yaml", "check the ref against the catalogue"),
    ]


def test_an_unknown_section_id_names_its_line_and_the_closest_id(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    (problem,) = errors_of(tmp_path, catalogue, "sections:\n  care: Fine.\n  front_door: Typo.\n")
    assert (problem.line, problem.place) == (3, "section front_door")
    assert problem.message == "section id 'front_door' is not in the catalogue small.yaml"
    assert problem.hint == "did you mean 'front-door'?"


def test_an_unknown_top_level_key(tmp_path: Path, catalogue: Catalogue) -> None:
    (problem,) = errors_of(tmp_path, catalogue, "report: []\nindicator:\n  FD8: x\n")
    assert (problem.line, problem.message, problem.hint) == (
        2,
        "unknown key 'indicator'",
        "did you mean 'indicators'?",
    )


def test_a_report_block_needs_a_title_and_knows_its_keys(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "report:\n  - text: No title.\n  - title: Points\n    text: x\n    colour: red\n"
    problems = errors_of(tmp_path, catalogue, text)
    assert [(p.line, p.place, p.message, p.hint) for p in problems] == [
        (2, "report block 1", "missing key 'title'", "add 'title:'"),
        (5, "report block 2", "unknown key 'colour'", "allowed keys: title, text, draft"),
    ]


def test_a_text_mapping_knows_its_keys_and_draft_words(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "indicators:\n  FD8:\n    txt: Typo.\n  CF5:\n    text: x\n    draft: maybe\n  FD1: [a, list]\n"
    problems = errors_of(tmp_path, catalogue, text)
    assert [(p.line, p.ref, p.message) for p in problems] == [
        (3, "FD8", "unknown key 'txt'"),
        (6, "CF5", "draft must be true or false, not 'maybe'"),
        (7, "FD1", "expected text, or a mapping with text and draft, found a list"),
    ]
    assert problems[0].hint == "did you mean 'text'?"


def test_every_problem_in_the_file_is_reported_at_once(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "colour: red\nsections:\n  nope: x\nindicators:\n  NOPE: x\nreport:\n  - title: T\n"
    problems = errors_of(tmp_path, catalogue, text)
    assert [p.line for p in problems] == [1, 3, 5, 7]


# Limits on hostile input


def test_a_text_over_20000_characters_is_an_error_naming_the_ref(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    text = "indicators:\n  FD8: " + "a" * 20_001 + "\n"
    (problem,) = errors_of(tmp_path, catalogue, text)
    assert (problem.line, problem.ref) == (2, "FD8")
    assert problem.message == "the text is 20,001 characters long; the limit is 20,000"


def test_a_text_of_exactly_20000_characters_is_allowed() -> None:
    assert parse_text("a" * 20_000) == (plain("a" * 20_000),)


def test_more_than_200_list_items_is_an_error_naming_the_section(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    bullets = "".join(f"    - item {n}\n" for n in range(201))
    (problem,) = errors_of(tmp_path, catalogue, "sections:\n  care: |\n" + bullets)
    assert (problem.line, problem.place) == (2, "section care")
    assert problem.message == "the text has 201 list items; the limit is 200"


def test_200_list_items_are_allowed() -> None:
    (bullets,) = parse_text("- x\n" * 200)
    assert isinstance(bullets, BulletList)
    assert len(bullets.items) == 200


def test_a_50000_character_run_of_markers_is_rejected_quickly(tmp_path: Path, catalogue: Catalogue) -> None:
    started = time.perf_counter()
    (problem,) = errors_of(tmp_path, catalogue, 'indicators:\n  FD8: "' + "*_" * 25_000 + '"\n')
    assert time.perf_counter() - started < 1
    assert problem.message == "the text is 50,000 characters long; the limit is 20,000"


def test_19000_characters_of_star_a_pairs_parse_quickly() -> None:
    started = time.perf_counter()
    (paragraph,) = parse_text("*a" * 9_500)
    assert time.perf_counter() - started < 1
    # Markers pair up in turn: *a* is italic, the next a is plain, and so on.
    assert isinstance(paragraph, Paragraph)
    assert len(paragraph.runs) == 9_500
    assert paragraph.runs[:3] == (Run("a", italic=True), Run("a"), Run("a", italic=True))
    assert paragraph.runs[-1] == Run("a")


def test_a_mix_of_every_marker_below_the_limit_parses_quickly() -> None:
    text = ("*a **b _c ***d " * 600 + " d*** c_ b** a*" * 600)[:19_999]
    started = time.perf_counter()
    parse_text(text)
    assert time.perf_counter() - started < 1
