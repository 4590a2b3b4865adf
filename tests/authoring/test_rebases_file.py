"""``scorecard rebases record``'s file work: ``decided_on`` added to each rebase that lacks it, from the
values as loaded, every other line kept byte for byte, a rebase already recorded left alone, and the
result read back before it is kept.

P1's values: 2022-04 80, 2022-05 81.5, 2022-06 missing (NYA), 2022-07 82.0, no row for 2022-08, 2022-09
83, 2022-10 missing. So a rebase of P1 from 2022-05 was decided on
``{2022-05: 81.5, 2022-06: null, 2022-07: 82.0, 2022-08: null, 2022-09: 83}``: the gaps as null, and
nothing after 2022-09, the last month with a value. P2: 2022-04 70, 2022-05 71.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from scorecard_report.authoring.rebases_file import record_decided_on
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.rebases import load_rebases
from scorecard_report.load.values import load_values
from scorecard_report.problems import InputError

CATALOGUE = """\
title: Rebases file
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - {ref: P1, title: A percentage, unit: percent, polarity: high}
      - {ref: P2, title: Another percentage, unit: percent, polarity: high}
"""
VALUES = """\
ref,period,value
P1,2022-04,80
P1,2022-05,81.5
P1,2022-06,NYA
P1,2022-07,82.0
P1,2022-09,83
P1,2022-10,NYA
P2,2022-04,70
P2,2022-05,71
"""
P1_FROM_MAY = "{2022-05: 81.5, 2022-06: null, 2022-07: 82.0, 2022-08: null, 2022-09: 83}"
P2_FROM_MAY = "{2022-05: 71}"


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    (tmp_path / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    return load_catalogue(tmp_path / "catalogue.yaml")


@pytest.fixture
def values(tmp_path: Path, catalogue: Catalogue) -> ValueTable:
    (tmp_path / "values.csv").write_text(VALUES, encoding="utf-8")
    return load_values(tmp_path / "values.csv", catalogue)


@pytest.fixture
def rebases_file(tmp_path: Path) -> Path:
    return tmp_path / "rebases.yaml"


def recorded(path: Path, written: str | bytes, catalogue: Catalogue, values: ValueTable) -> tuple[int, bytes]:
    """Write the file, record its rebases' data: how many were recorded, and the file's bytes after."""
    path.write_bytes(written.encode("utf-8") if isinstance(written, str) else written)
    count = record_decided_on(path, catalogue, values)
    return count, path.read_bytes()


def test_a_block_rebase_gets_one_line_after_its_last_and_every_other_line_stays(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    written = (
        "# Rebases, kept by hand\n"
        "- ref: P1\n"
        "  from: 2022-05   # the new form\n"
        "  reason: >\n"
        "    New screening\n"
        "    process\n"
        "\n"
        "# the next one\n"
        "-   ref: P2\n"
        '    from: "2022-05"\n'
        "    reason: 'Definition changed'\n"
    )
    count, after = recorded(rebases_file, written, catalogue, values)
    assert count == 2
    assert after.decode() == (
        "# Rebases, kept by hand\n"
        "- ref: P1\n"
        "  from: 2022-05   # the new form\n"
        "  reason: >\n"
        "    New screening\n"
        "    process\n"
        "\n"
        f"  decided_on: {P1_FROM_MAY}\n"
        "# the next one\n"
        "-   ref: P2\n"
        '    from: "2022-05"\n'
        "    reason: 'Definition changed'\n"
        f"    decided_on: {P2_FROM_MAY}\n"
    )
    (p1, p2) = load_rebases(rebases_file, catalogue, values).entries
    assert (p1.reason, p2.reason) == ("New screening process", "Definition changed")


def test_a_flow_rebase_gets_it_after_its_last_value_on_its_own_line(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    """A trailing comma, and an entry over two lines: each inserted after its own last value."""
    written = (
        "- {ref: P2, from: 2022-05, reason: 'Definition, changed',}\n"
        "- {ref: P1, from: 2022-05,\n"
        "   reason: x}  # wrapped\n"
    )
    count, after = recorded(rebases_file, written, catalogue, values)
    assert count == 2
    assert after.decode() == (
        f"- {{ref: P2, from: 2022-05, reason: 'Definition, changed', decided_on: {P2_FROM_MAY},}}\n"
        "- {ref: P1, from: 2022-05,\n"
        f"   reason: x, decided_on: {P1_FROM_MAY}}}  # wrapped\n"
    )


def test_two_rebases_in_one_flow_list_on_one_line(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    count, after = recorded(
        rebases_file,
        "[{ref: P1, from: 2022-05, reason: a}, {ref: P2, from: 2022-05, reason: b}]\n",
        catalogue,
        values,
    )
    assert count == 2
    assert after.decode() == (
        f"[{{ref: P1, from: 2022-05, reason: a, decided_on: {P1_FROM_MAY}}}, "
        f"{{ref: P2, from: 2022-05, reason: b, decided_on: {P2_FROM_MAY}}}]\n"
    )


def test_a_rebase_already_recorded_is_left_alone_and_a_second_run_changes_nothing(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    """P2's recorded 70.5 is not what the values say now (71): record does not correct it, the review
    warning asks a person to look."""
    mine = "- {ref: P2, from: 2022-05, reason: b, decided_on: {2022-05: 70.5}}\n"
    count, after = recorded(rebases_file, mine + "- {ref: P1, from: 2022-07, reason: a}\n", catalogue, values)
    assert count == 1
    assert (
        after.decode()
        == mine
        + "- {ref: P1, from: 2022-07, reason: a, decided_on: {2022-07: 82.0, 2022-08: null, 2022-09: 83}}\n"
    )
    modified = rebases_file.stat().st_mtime_ns
    assert record_decided_on(rebases_file, catalogue, values) == 0
    assert rebases_file.read_bytes() == after
    assert rebases_file.stat().st_mtime_ns == modified  # not even rewritten


@pytest.mark.parametrize("written", ["", "# none yet\n", "[]\n"])
def test_a_file_with_no_rebases_is_left_as_it_is(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable, written: str
) -> None:
    assert recorded(rebases_file, written, catalogue, values) == (0, written.encode())


def test_windows_line_endings_a_byte_order_mark_and_no_final_line_break_are_kept(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    written = (
        b"\xef\xbb\xbf- ref: P2\r\n  from: 2022-05\r\n  reason: b\r\n"
        b"- ref: P1\r\n  from: 2022-05\r\n  reason: a"
    )
    count, after = recorded(rebases_file, written, catalogue, values)
    assert count == 2
    assert after == (
        b"\xef\xbb\xbf- ref: P2\r\n  from: 2022-05\r\n  reason: b\r\n"
        + f"  decided_on: {P2_FROM_MAY}\r\n".encode()
        + b"- ref: P1\r\n  from: 2022-05\r\n  reason: a\r\n"
        + f"  decided_on: {P1_FROM_MAY}".encode()
    )


def test_a_control_character_before_the_place_on_a_flow_line_is_kept(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    """The YAML reader never sees the BEL (it is removed, with a warning), so its columns are one short
    of the line as written after it: the insertion still goes after the value."""
    count, after = recorded(rebases_file, "- {ref: P2, from: 2022-05, reason: a\x07b}\n", catalogue, values)
    assert count == 1
    assert after.decode() == f"- {{ref: P2, from: 2022-05, reason: a\x07b, decided_on: {P2_FROM_MAY}}}\n"


def test_the_file_keeps_its_mode(rebases_file: Path, catalogue: Catalogue, values: ValueTable) -> None:
    rebases_file.write_text("- {ref: P2, from: 2022-05, reason: b}\n", encoding="utf-8")
    rebases_file.chmod(0o600)
    assert record_decided_on(rebases_file, catalogue, values) == 1
    assert stat.S_IMODE(rebases_file.stat().st_mode) == 0o600


def test_a_file_that_does_not_read_is_refused_and_left_as_it_is(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    written = "- {ref: P2, from: 2022-05}\n- {ref: P1, from: 2022-05, reason: a}\n"
    rebases_file.write_text(written, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        record_decided_on(rebases_file, catalogue, values)
    assert [str(problem) for problem in caught.value.problems] == [
        f"error: {rebases_file}:1: ref P2: missing key 'reason': people must be able to see why the limits "
        "moved (say what changed, such as reason: New screening process)"
    ]
    assert rebases_file.read_text(encoding="utf-8") == written


def test_old_mac_line_endings_are_refused(
    rebases_file: Path, catalogue: Catalogue, values: ValueTable
) -> None:
    written = b"- ref: P2\r  from: 2022-05\r  reason: b\r"
    rebases_file.write_bytes(written)
    with pytest.raises(InputError) as caught:
        record_decided_on(rebases_file, catalogue, values)
    assert [str(problem) for problem in caught.value.problems] == [
        f"error: {rebases_file}: cannot record the data the rebases were decided on: it has old Mac line "
        "endings (CR alone) (save it with Windows or Unix line endings)"
    ]
    assert rebases_file.read_bytes() == written
