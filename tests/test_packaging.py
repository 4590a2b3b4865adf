"""The wheel holds every package of the source tree, and the dependencies are honest: every third-party
module the package (or a test) imports is declared, every declared runtime dependency is pinned in
constraints.txt within its bound, and constraints.txt is the installed runtime closure, nothing else."""

from __future__ import annotations

import ast
import importlib.util
import sys
import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@cache
def pins_script() -> ModuleType:
    """`.ci/pins.py`, which writes constraints.txt and the lowest versions CI tests."""
    spec = importlib.util.spec_from_file_location("pins", ROOT / ".ci" / "pins.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def declared(*extras: str) -> set[str]:
    """The canonical names of the runtime dependencies, the optional extras but `test`, and `extras`."""
    optional = PYPROJECT["project"]["optional-dependencies"]
    lines = [line for extra in extras for line in optional[extra]]
    return {canonicalize_name(Requirement(line).name) for line in lines} | {
        canonicalize_name(requirement.name) for requirement in pins_script().runtime_requirements(PYPROJECT)
    }


def imported_modules(folder: Path) -> dict[str, set[str]]:
    """Top-level module name → the files under `folder` that import it (absolute imports only)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        if "node_modules" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(str(path.relative_to(ROOT)))
    return found


def third_party(folder: Path) -> dict[str, set[str]]:
    """The imported modules that are neither the standard library nor the package; under tests/, nor a
    helper module of the suite's own (`from cli_support import Run`)."""
    helpers = {path.stem for path in folder.rglob("*.py")} if folder.name == "tests" else set()
    return {
        module: files
        for module, files in imported_modules(folder).items()
        if module not in sys.stdlib_module_names | helpers | {"scorecard_report"}
    }


@cache
def installed_modules() -> dict[str, list[str]]:
    return packages_distributions()


def distribution_of(module: str) -> str:
    """The distribution that installs `module` (PIL → pillow); the module's own name when none is
    installed here (an optional extra's, say), which is then what must be declared."""
    return canonicalize_name(installed_modules().get(module, [module])[0])


def undeclared(folder: Path, allowed: set[str]) -> dict[str, str]:
    return {
        module: f"{distribution_of(module)} (imported by {', '.join(sorted(files))})"
        for module, files in third_party(folder).items()
        if distribution_of(module) not in allowed
    }


def constraints() -> dict[str, str]:
    """constraints.txt as canonical name → version; each line is `name==version` or a comment."""
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, pinned = line.split("==")
            pins[canonicalize_name(name)] = pinned
    return pins


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "scorecard_report").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"scorecard_report.templates"} == listed


def test_the_import_scan_finds_the_packages_the_issue_found_undeclared() -> None:
    # Issue 18: Pillow, pydyf and markupsafe were imported but not declared; so was numpy.
    modules = {module: distribution_of(module) for module in third_party(ROOT / "scorecard_report")}
    assert {"PIL": "pillow", "pydyf": "pydyf", "markupsafe": "markupsafe", "numpy": "numpy"}.items() <= (
        modules.items()
    )
    assert modules["docx"] == "python-docx" and modules["yaml"] == "pyyaml"


def test_every_third_party_module_the_package_imports_is_a_declared_runtime_dependency() -> None:
    assert undeclared(ROOT / "scorecard_report", declared()) == {}


def test_every_third_party_module_the_tests_import_is_declared_or_in_the_test_extra() -> None:
    # fontTools (tests/render/test_pdf_accessibility.py) comes with WeasyPrint, and is declared all the same.
    assert undeclared(ROOT / "tests", declared("test")) == {}


def test_every_runtime_dependency_is_pinned_in_constraints_within_its_bound() -> None:
    pins = constraints()
    outside = {
        str(requirement): pins.get(canonicalize_name(requirement.name), "not pinned")
        for requirement in pins_script().runtime_requirements(PYPROJECT)
        if not requirement.specifier.contains(pins.get(canonicalize_name(requirement.name), "0"))
    }
    assert outside == {}


def installed_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def test_constraints_pin_the_installed_runtime_closure_and_nothing_else() -> None:
    pins = constraints()
    differing = [
        f"{name} {installed_version(name)}"
        for name, pinned in pins.items()
        if installed_version(name) != pinned
    ]
    if differing:
        # The lowest-versions run of .ci/run installs other versions on purpose; so does a plain pip install.
        pytest.skip(f"{len(differing)} installed without -c constraints.txt, such as {differing[0]}")
    installed = pins_script().installed_pins(pins_script().runtime_requirements(PYPROJECT))
    assert pins == installed, "rewrite it: python .ci/pins.py installed > constraints.txt"


def test_every_runtime_dependency_has_a_lower_bound_for_ci_to_prove() -> None:
    lowest = pins_script().lowest_pins(pins_script().runtime_requirements(PYPROJECT))
    assert set(lowest) == declared()
    assert lowest["weasyprint"] == "70.0"  # 68.1 and 69.0 nest table cells (see pyproject.toml)


def test_the_lowest_pins_are_each_lower_bound_once_and_the_test_tools_are_left_out() -> None:
    pyproject = {
        "project": {
            "dependencies": ["WeasyPrint>=70", "openpyxl>=3.1.5,<3.2", "fonttools[woff]>=4.59.2"],
            "optional-dependencies": {
                "pandas": ["pandas>=2.2.3"],
                "notebook": ["pandas>=2.2.3"],
                "test": ["pytest>=8", "pandas>=2.2.3"],
            },
        }
    }
    script = pins_script()
    assert script.constraints_text(script.lowest_pins(script.runtime_requirements(pyproject))) == (
        "fonttools==4.59.2\nopenpyxl==3.1.5\npandas==2.2.3\nweasyprint==70\n"
    )


def test_a_dependency_without_a_lower_bound_is_refused_by_name() -> None:
    script = pins_script()
    with pytest.raises(SystemExit, match=r"rich<15: give it a lower bound"):
        script.lowest_pins([Requirement("rich<15")])
