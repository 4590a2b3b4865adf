"""axe-core finds nothing on the web page, at a desktop's width and at 320 px, and the page reflows.

``axe_check.mjs`` (beside this file) opens each page in Debian's headless Chromium through
playwright-core, injects axe-core through the automation API (the page's own Content-Security-Policy
forbids scripts, as it should), and runs the WCAG 2.0, 2.1 and 2.2 A and AA rules with axe's best
practices (one main landmark, all content in landmarks). At 320 CSS px (WCAG 1.4.10, "Reflow") the
document must be no wider than the window: a wide table scrolls in its own box. Tables drawn over one
another (as the two "largest changes" tables once were on a phone) fail too.

Each example's page is built once for the module, and one browser checks them all. The packages are
pinned in package.json and package-lock.json; ``.ci/run`` installs them with ``npm ci`` and Chromium
with apt. Where node, the packages or Chromium are missing the test is skipped, except under CI, where
it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scorecard_report.cli import main

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RUNNER = HERE / "axe_check.mjs"
CHROMIUM = os.environ.get("SCORECARD_CHROMIUM", "/usr/bin/chromium")
WIDTHS = (1280, 320)
EPOCH = "1700000000"
Results = dict[tuple[str, int], dict[str, Any]]  # axe's findings by page name and window width

# A page that breaks the rules the checker is trusted to see: no language, a picture with no text, a
# link with no name, no main landmark, and a box wider than a phone.
BROKEN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Broken</title></head>
<body><img src="data:image/png;base64,iVBORw0KGgo="><a href="#x"></a>
<div style="width: 900px">wide</div></body></html>
"""


def _tools() -> tuple[str, str] | str:
    """node and Chromium, or why they cannot be used here."""
    node = shutil.which("node")
    if node is None:
        return "node is not installed (Debian's nodejs)"
    if not all((HERE / "node_modules" / package).is_dir() for package in ("axe-core", "playwright-core")):
        return "the checker's packages are not installed: run `npm ci` in tests/accessibility"
    if not Path(CHROMIUM).exists():
        return f"Chromium is not at {CHROMIUM} (Debian's chromium)"
    return node, CHROMIUM


def _needed() -> tuple[str, str]:
    tools = _tools()
    if isinstance(tools, str):
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the accessibility check: {tools} (.ci/run installs them)")
        pytest.skip(tools)
    return tools


def _build(out: Path, *arguments: str) -> Path:
    assert main(["build", *arguments, "--format", "html", "--out", str(out), "-q"]) == 0
    (page,) = out.glob("*.html")
    return page


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    """axe's findings for each page at each width, keyed by the page's name and the width."""
    node, chromium = _needed()
    folder = tmp_path_factory.mktemp("axe")
    broken = folder / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        pages = {
            "example": _build(
                folder / "example", "--catalogue", str(ROOT / "indicator_specs.yaml"), "--period", "2026-10"
            ),
            "quarterly": _build(
                folder / "quarterly",
                "--catalogue",
                str(ROOT / "examples" / "quarterly-improvement" / "improvement-plan.yaml"),
            ),
            "broken": broken,
        }
    widths = [argument for width in WIDTHS for argument in ("--width", str(width))]
    run = subprocess.run(
        [node, str(RUNNER), "--chromium", chromium, "--best-practice", *widths, *map(str, pages.values())],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=HERE,
    )
    assert run.returncode == 0, run.stderr
    names = {str(path): name for name, path in pages.items()}
    return {(names[item["page"]], item["width"]): item for item in json.loads(run.stdout)["results"]}


def _described(violations: list[dict[str, Any]]) -> Iterator[str]:
    for violation in violations:
        yield f"{violation['id']} ({violation['count']}): {violation['help']}"
        for node in violation["nodes"]:
            yield f"    {node['target']}: {node['html'][:160]}"


PAGES = [(page, width) for page in ("example", "quarterly") for width in WIDTHS]


@pytest.mark.parametrize(("page", "width"), PAGES)
def test_axe_finds_no_violation(results: Results, page: str, width: int) -> None:
    found = results[(page, width)]
    assert found["violations"] == [], "\n".join(_described(found["violations"]))
    assert found["fetched"] == []


@pytest.mark.parametrize("page", ["example", "quarterly"])
def test_the_page_reflows_at_320_px(results: Results, page: str) -> None:
    found = results[(page, 320)]
    assert found["viewport"] == 320
    assert found["documentWidth"] <= found["viewport"], found["wide"]
    assert found["wide"] == []
    assert found["overlaps"] == []


@pytest.mark.parametrize("page", ["example", "quarterly"])
def test_nothing_overlaps_at_a_desktops_width(results: Results, page: str) -> None:
    assert results[(page, 1280)]["overlaps"] == []


def test_the_checker_sees_a_broken_page(results: Results) -> None:
    """A clean result means something: the same run finds each fault put into a small page."""
    found = results[("broken", 320)]
    assert {"html-has-lang", "image-alt", "link-name", "landmark-one-main", "region"} <= {
        violation["id"] for violation in found["violations"]
    }
    assert found["documentWidth"] > found["viewport"]
    assert [wide["element"] for wide in found["wide"]] == ["div"]
