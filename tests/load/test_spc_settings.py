"""The catalogue's ``spc:`` block and an indicator's ``spc:``: each preset's defaults, and every impossible
setting refused at its line, with what to write instead, alongside the catalogue's other problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.spc import Preset, SpcSettings
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.problems import InputError

HEAD = """\
title: SPC Test Scorecard
organisation: Test Council
"""
SECTIONS = """\
sections:
  - id: main
    title: Main
    indicators:
      - ref: A1
        title: One
        unit: count
        polarity: neutral
"""
MIN_POINTS_HINT = "limits need at least 2 points; both rule sets show icons from 13, the default"
BASELINE_HINT = (
    "Making Data Count advises a baseline of at least 12 points; leave baseline_points out to work the "
    "limits out from every point"
)
NHSE_RUN_HINT = (
    "Making Data Count's runs are 6 points by default, or 7 or 8; for a run of 5, or of more than 8, "
    "use rules: ptd"
)
PTD_RUN_HINT = "a run of fewer than 5 points is too often chance; NHSRplotthedots counts 7 by default"
SCREEN_HINT = (
    "write screen_moving_ranges: true to screen out moving ranges above 3.267 times their mean, or false"
)


def spc_block(*lines: str) -> str:
    return "spc:\n" + "".join(f"  {line}\n" for line in lines)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> Catalogue:
    return load_catalogue(write(tmp_path, text))


def settings_of(tmp_path: Path, *lines: str) -> SpcSettings:
    return load(tmp_path, HEAD + spc_block(*lines) + SECTIONS).spc


def errors(tmp_path: Path, text: str) -> list[str]:
    """Each error as printed: ``error: FILE:LINE: message (hint)``."""
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems if not problem.warning]


def spc_errors(tmp_path: Path, *lines: str) -> list[str]:
    return errors(tmp_path, HEAD + spc_block(*lines) + SECTIONS)


def at(tmp_path: Path, line: int, message: str) -> str:
    """The error as printed for line ``line`` of the catalogue (the ``spc:`` block starts on line 3)."""
    return f"error: {tmp_path / 'catalogue.yaml'}:{line}: {message}"


# ---------------------------------------------------------------- good settings


def test_without_a_block_the_nhse_preset() -> None:
    assert SpcSettings() == SpcSettings(Preset.NHSE, 13, None, False, 6, 6)


def test_no_block_and_an_empty_block_are_the_nhse_defaults(tmp_path: Path) -> None:
    assert load(tmp_path, HEAD + SECTIONS).spc == SpcSettings(Preset.NHSE, 13, None, False, 6, 6)
    assert load(tmp_path, HEAD + "spc:\n" + SECTIONS).spc == SpcSettings(Preset.NHSE, 13, None, False, 6, 6)
    assert settings_of(tmp_path, "rules: nhse") == SpcSettings(Preset.NHSE, 13, None, False, 6, 6)


def test_the_ptd_preset_takes_its_own_defaults(tmp_path: Path) -> None:
    assert settings_of(tmp_path, "rules: ptd") == SpcSettings(Preset.PTD, 13, None, True, 7, 7)


def test_the_rule_sets_name_may_be_written_in_capitals(tmp_path: Path) -> None:
    assert settings_of(tmp_path, "rules: PTD").preset is Preset.PTD


def test_every_key_overrides_its_presets_default(tmp_path: Path) -> None:
    settings = settings_of(
        tmp_path,
        "rules: ptd",
        "min_points: 20",
        "baseline_points: 12",
        "screen_moving_ranges: false",
        "shift_points: 5",
        "trend_points: 9",
    )
    assert settings == SpcSettings(Preset.PTD, 20, 12, False, 5, 9)


def test_unset_keys_keep_the_chosen_presets_defaults(tmp_path: Path) -> None:
    assert settings_of(tmp_path, "rules: ptd", "baseline_points: 24") == SpcSettings(
        Preset.PTD, 13, 24, True, 7, 7
    )
    assert settings_of(tmp_path, "screen_moving_ranges: true") == SpcSettings(
        Preset.NHSE, 13, None, True, 6, 6
    )


def test_nhse_runs_may_be_6_to_8_points(tmp_path: Path) -> None:
    assert settings_of(tmp_path, "shift_points: 7", "trend_points: 8") == SpcSettings(
        Preset.NHSE, 13, None, False, 7, 8
    )


def test_a_null_key_is_the_presets_default(tmp_path: Path) -> None:
    assert settings_of(tmp_path, "rules: ptd", "baseline_points:", "min_points: ~") == SpcSettings(
        Preset.PTD, 13, None, True, 7, 7
    )


def test_an_indicator_may_turn_spc_off(tmp_path: Path) -> None:
    catalogue = load(
        tmp_path,
        HEAD
        + SECTIONS
        + "        spc: false\n"
        + "      - {ref: A2, title: Two, unit: count, polarity: neutral, spc: true}\n"
        + "      - {ref: A3, title: Three, unit: count, polarity: neutral}\n",
    )
    assert [(indicator.ref, indicator.spc) for indicator in catalogue.indicators] == [
        ("A1", False),
        ("A2", True),
        ("A3", True),
    ]


def test_the_rebases_file_is_beside_the_catalogue(tmp_path: Path) -> None:
    assert load(tmp_path, HEAD + "rebases: spc/rebases.yaml\n" + SECTIONS).rebases == (
        tmp_path / "spc" / "rebases.yaml"
    )
    assert load(tmp_path, HEAD + SECTIONS).rebases is None


# ---------------------------------------------------------------- impossible settings


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        pytest.param(
            ("shift_points: 3",),
            f"shift_points must be 6 to 8 for rules: nhse, not 3 ({NHSE_RUN_HINT})",
            id="an nhse shift of 3",
        ),
        pytest.param(
            ("trend_points: 5",),
            f"trend_points must be 6 to 8 for rules: nhse, not 5 ({NHSE_RUN_HINT})",
            id="an nhse trend of 5",
        ),
        pytest.param(
            ("trend_points: 9",),
            f"trend_points must be 6 to 8 for rules: nhse, not 9 ({NHSE_RUN_HINT})",
            id="an nhse trend of 9",
        ),
        pytest.param(
            ("rules: ptd", "shift_points: 3"),
            f"shift_points must be at least 5 for rules: ptd, not 3 ({PTD_RUN_HINT})",
            id="a ptd shift of 3",
        ),
        pytest.param(
            ("rules: ptd", "trend_points: -7"),
            f"trend_points must be at least 5 for rules: ptd, not -7 ({PTD_RUN_HINT})",
            id="a negative ptd trend",
        ),
        pytest.param(
            ("min_points: 1",),
            f"min_points must be at least 2, not 1 ({MIN_POINTS_HINT})",
            id="one point",
        ),
        pytest.param(
            ("min_points: -13",),
            f"min_points must be at least 2, not -13 ({MIN_POINTS_HINT})",
            id="negative points",
        ),
        pytest.param(
            ("baseline_points: 5",),
            f"baseline_points must be at least 12, not 5 ({BASELINE_HINT})",
            id="a baseline of 5 points",
        ),
        pytest.param(
            ("min_points: 13.0",),
            "min_points must be a whole number of points, not '13.0' (write it in digits, without quotes "
            "or a decimal point, such as min_points: 13)",
            id="a float",
        ),
        pytest.param(
            ("shift_points: 6.5",),
            "shift_points must be a whole number of points, not '6.5' (write it in digits, without quotes "
            "or a decimal point, such as shift_points: 7)",
            id="a fraction",
        ),
        pytest.param(
            ("baseline_points: twelve",),
            "baseline_points must be a whole number of points, not 'twelve' (write it in digits, without "
            "quotes or a decimal point, such as baseline_points: 12)",
            id="a word",
        ),
        pytest.param(
            ("trend_points: true",),
            "trend_points must be a whole number of points, not 'true' (write it in digits, without quotes "
            "or a decimal point, such as trend_points: 7)",
            id="a boolean for a number",
        ),
        pytest.param(
            ("min_points: [13]",),
            "min_points must be a whole number of points, not a list (write it in digits, without quotes "
            "or a decimal point, such as min_points: 13)",
            id="a list",
        ),
        pytest.param(
            ("baseline_points: 12000000",),
            f"baseline_points 12000000 is far more points than any series has ({BASELINE_HINT})",
            id="a number beyond any series",
        ),
        pytest.param(
            ("screen_moving_ranges: yes",),
            f"screen_moving_ranges must be true or false, not 'yes' ({SCREEN_HINT})",
            id="yes for true",
        ),
        pytest.param(
            ("screen_moving_ranges: 1",),
            f"screen_moving_ranges must be true or false, not '1' ({SCREEN_HINT})",
            id="1 for true",
        ),
        pytest.param(
            ("screen_moving_ranges: off",),
            f"screen_moving_ranges must be true or false, not 'off' ({SCREEN_HINT})",
            id="off for false",
        ),
        pytest.param(
            ("rules: nhs",),
            "rules must be nhse or ptd, not 'nhs' (did you mean 'nhse'?)",
            id="a misspelt rule set",
        ),
        pytest.param(
            ("rules: western-electric",),
            "rules must be nhse or ptd, not 'western-electric' (use nhse (NHS England's Making Data Count) "
            "or ptd (NHSRplotthedots))",
            id="an unknown rule set",
        ),
        pytest.param(
            ("shift_length: 7",),
            "unknown key 'shift_length' (did you mean 'shift_points'?)",
            id="an unknown key",
        ),
        pytest.param(
            ("colour: blue",),
            "unknown key 'colour' (allowed keys: rules, min_points, baseline_points, screen_moving_ranges, "
            "shift_points, trend_points)",
            id="an unknown key like no other",
        ),
    ],
)
def test_an_impossible_setting_is_refused_at_its_line(
    tmp_path: Path, lines: tuple[str, ...], message: str
) -> None:
    assert spc_errors(tmp_path, *lines) == [at(tmp_path, 3 + len(lines), message)]


def test_a_shift_of_3_is_refused_by_both_presets(tmp_path: Path) -> None:
    assert spc_errors(tmp_path, "rules: nhse", "shift_points: 3") == [
        at(tmp_path, 5, f"shift_points must be 6 to 8 for rules: nhse, not 3 ({NHSE_RUN_HINT})")
    ]
    assert spc_errors(tmp_path, "rules: ptd", "shift_points: 3") == [
        at(tmp_path, 5, f"shift_points must be at least 5 for rules: ptd, not 3 ({PTD_RUN_HINT})")
    ]


def test_a_ptd_run_may_be_5_or_longer_than_8(tmp_path: Path) -> None:
    assert settings_of(tmp_path, "rules: ptd", "shift_points: 5", "trend_points: 12") == SpcSettings(
        Preset.PTD, 13, None, True, 5, 12
    )


def test_a_misspelt_key_is_checked_as_the_key_meant(tmp_path: Path) -> None:
    assert spc_errors(tmp_path, "min_point: 1") == [
        at(tmp_path, 4, "unknown key 'min_point' (did you mean 'min_points'?)"),
        at(tmp_path, 4, f"min_points must be at least 2, not 1 ({MIN_POINTS_HINT})"),
    ]


def test_a_misspelt_block_is_checked_as_the_block_meant_each_problem_at_its_own_line(tmp_path: Path) -> None:
    text = HEAD + spc_block("rules: ptd", "min_point: 1").replace("spc:", "sp:") + SECTIONS
    assert errors(tmp_path, text) == [
        at(tmp_path, 3, "unknown key 'sp' (did you mean 'spc'?)"),
        at(tmp_path, 5, "unknown key 'min_point' (did you mean 'min_points'?)"),
        at(tmp_path, 5, f"min_points must be at least 2, not 1 ({MIN_POINTS_HINT})"),
    ]


def test_a_block_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    assert errors(tmp_path, HEAD + "spc: ptd\n" + SECTIONS) == [
        at(tmp_path, 3, "expected a mapping of keys, found the text 'ptd'")
    ]


@pytest.mark.parametrize("written", ["no", "off", "0", "nope", "[false]"])
def test_an_indicators_spc_is_true_or_false_only(tmp_path: Path, written: str) -> None:
    shown = "a list" if written.startswith("[") else f"'{written}'"
    assert errors(tmp_path, HEAD + SECTIONS + f"        spc: {written}\n") == [
        at(
            tmp_path,
            11,
            f"ref A1: spc must be true or false, not {shown} "
            "(write spc: false to leave this indicator out of statistical process control)",
        )
    ]


def test_every_spc_problem_is_listed_with_the_catalogues_others_in_one_run(tmp_path: Path) -> None:
    text = (
        HEAD
        + spc_block("rules: nhse", "min_points: 1", "baseline_points: 5", "shift_points: 3", "trnd_points: 9")
        + SECTIONS.replace("polarity: neutral", "polarty: neutral")
        + "        spc: no\n"
    )
    assert errors(tmp_path, text) == [
        at(tmp_path, 8, "unknown key 'trnd_points' (did you mean 'trend_points'?)"),
        at(tmp_path, 5, f"min_points must be at least 2, not 1 ({MIN_POINTS_HINT})"),
        at(tmp_path, 6, f"baseline_points must be at least 12, not 5 ({BASELINE_HINT})"),
        at(tmp_path, 7, f"shift_points must be 6 to 8 for rules: nhse, not 3 ({NHSE_RUN_HINT})"),
        at(tmp_path, 8, f"trend_points must be 6 to 8 for rules: nhse, not 9 ({NHSE_RUN_HINT})"),
        at(tmp_path, 16, "ref A1: unknown key 'polarty' (did you mean 'polarity'?)"),
        at(
            tmp_path,
            17,
            "ref A1: spc must be true or false, not 'no' "
            "(write spc: false to leave this indicator out of statistical process control)",
        ),
    ]
