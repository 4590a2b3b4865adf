"""The catalogue's report: block: marking, logo, colours, font and which indicators get a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_files import png_claiming
from PIL import Image

from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.problems import InputError

SMALL = (Path(__file__).parent.parent / "fixtures" / "small.yaml").read_text(encoding="utf-8")


def catalogue_with(tmp_path: Path, report_block: str) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(SMALL + "report:\n" + report_block, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_catalogue(path)
    return [str(problem) for problem in raised.value.problems]


def test_defaults_when_there_is_no_report_block() -> None:
    settings = load_catalogue(Path(__file__).parent.parent / "fixtures" / "small.yaml").report
    assert (settings.marking, settings.logo, settings.appendix, settings.font) == (
        "OFFICIAL",
        None,
        "all",
        None,
    )
    assert settings.colour("amber") == "#ffdd00"


def test_marking_colours_font_and_appendix_are_read(tmp_path: Path) -> None:
    path = catalogue_with(
        tmp_path,
        "  marking: OFFICIAL-SENSITIVE\n  colours: {accent: '#123456'}\n  font: Liberation Sans\n"
        "  appendix: [FD8, CF5]\n",
    )
    settings = load_catalogue(path).report
    assert settings.marking == "OFFICIAL-SENSITIVE"
    assert settings.colour("accent") == "#123456"
    assert settings.colour("green") == "#00703c"  # untouched defaults stay
    assert settings.font == "Liberation Sans"
    assert settings.in_appendix("FD8", highlight=False)
    assert not settings.in_appendix("FD1", highlight=True)


def test_a_real_logo_is_accepted(tmp_path: Path) -> None:
    Image.new("RGB", (300, 80), (29, 79, 145)).save(tmp_path / "logo.png")
    assert load_catalogue(catalogue_with(tmp_path, "  logo: logo.png\n")).report.logo == tmp_path / "logo.png"


def test_a_missing_logo_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = catalogue_with(tmp_path, "  logo: missing.png\n")
    line = len(SMALL.splitlines()) + 2
    assert problems(path) == [
        f"error: {path}:{line}: logo 'missing.png': file not found "
        "(give a PNG or JPEG (at most 4,000 pixels a side) beside the catalogue)"
    ]


def test_an_image_bomb_logo_is_refused_without_decoding(tmp_path: Path) -> None:
    (tmp_path / "bomb.png").write_bytes(png_claiming(20_000, 20_000))
    [problem] = problems(catalogue_with(tmp_path, "  logo: bomb.png\n"))
    assert "logo 'bomb.png': far too many pixels to be a logo" in problem


def test_a_large_logo_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.png").write_bytes(png_claiming(5_000, 100))
    [problem] = problems(catalogue_with(tmp_path, "  logo: big.png\n"))
    assert "logo 'big.png': 5000 × 100 pixels is too large" in problem


def test_a_logo_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_text("not an image", encoding="utf-8")
    [problem] = problems(catalogue_with(tmp_path, "  logo: logo.png\n"))
    assert "not a readable PNG or JPEG image" in problem


def test_unknown_keys_in_the_report_block_suggest_its_own_keys(tmp_path: Path) -> None:
    [problem] = problems(catalogue_with(tmp_path, "  fnt: Arial\n"))
    assert "unknown key 'fnt' (did you mean 'font'?)" in problem


def test_colours_are_checked(tmp_path: Path) -> None:
    [problem] = problems(catalogue_with(tmp_path, "  colours: {amberr: '#ffdd00', red: red}\n"))
    assert "unknown colour 'amberr' (did you mean 'amber'?)" in problem


def test_appendix_refs_must_exist(tmp_path: Path) -> None:
    [problem] = problems(catalogue_with(tmp_path, "  appendix: [FD8, ZZ9]\n"))
    assert "appendix names unknown ref 'ZZ9'" in problem
