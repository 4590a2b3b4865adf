"""The stages import only what docs/architecture.md allows: every import of every module, read from its AST.

A module may import its own room and the common modules; beyond that, only the rooms its line in
``MAY_IMPORT`` names (a room, or one module of it such as ``rules.numbers``). The table is the one in
docs/architecture.md; change both together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import scorecard_report

PACKAGE = Path(scorecard_report.__file__).parent
# Shared by every stage: the problem type, safe file names, logging, the clock and the version.
COMMON = ("", "problems", "file_names", "messages", "clock")
ANYTHING = ("*",)
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "inputs": (),
    "rules": ("inputs",),
    "format": ("inputs", "rules.numbers"),
    "load": ("inputs", "rules", "format"),
    "model": ("inputs", "rules", "format"),
    # counts needed, compared as shown; the text colour that reads on a fill
    "present": ("inputs", "model", "format", "rules.numbers", "rules.contrast"),
    "render": ("inputs", "model.report", "present", "format", "rules.numbers"),
    "authoring": ("inputs", "load", "rules", "format", "model", "publish.output"),
    "publish": ("inputs", "model", "settings"),  # a publish is described by the Job
    "settings": ("inputs", "load", "model", "render", "publish"),  # defaults: period, formats, file mode
    "starter": ("publish.output",),
    "app": ANYTHING,
    "api": ANYTHING,  # the notebook API: a build, as app does, without the command line
    "": ("api",),  # the package names the notebook API, imported only when first used
    "pipeline": ANYTHING,
    "cli": ANYTHING,
    "completion": (),  # the shell completion scripts, written by shtab from the parser cli.py passes it
    "__main__": ANYTHING,
}


def module_name(path: Path) -> str:
    """``model.report`` for scorecard_report/model/report.py; ``load`` for load/__init__.py."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(module: str) -> str:
    return module.split(".", 1)[0]


def is_module(name: str) -> bool:
    base = PACKAGE.joinpath(*name.split(".")) if name else PACKAGE
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imported(source: str, module: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """Each project module that ``module``'s source imports, relative to the package, with its line.

    Imports under ``if TYPE_CHECKING:`` count: a type from another stage is a dependency on it.
    """
    own = module.split(".") if module else []
    package = own if is_package else own[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _project(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            if base is None:
                continue
            for alias in node.names:
                # ``from scorecard_report.model import report`` imports the module model.report.
                submodule = f"{base}.{alias.name}" if base else alias.name
                yield node.lineno, submodule if is_module(submodule) else base


def _absolute(node: ast.ImportFrom, package: list[str]) -> str | None:
    """The imported module relative to the package, or None for a module outside the project."""
    if node.level:
        stem = package[: len(package) - (node.level - 1)]
        return ".".join([*stem, *([node.module] if node.module else [])])
    name = node.module or ""
    if name == "scorecard_report":
        return ""
    return name.removeprefix("scorecard_report.") if name.startswith("scorecard_report.") else None


def _project(line: int, name: str) -> Iterator[tuple[int, str]]:
    if name == "scorecard_report":
        yield line, ""
    elif name.startswith("scorecard_report."):
        yield line, name.removeprefix("scorecard_report.")


def allowed(importer: str, target: str) -> bool:
    rooms = MAY_IMPORT.get(room(importer))
    if room(importer) in COMMON[1:]:
        rooms = ()  # the common modules import only each other
    assert rooms is not None, f"{importer} is in no room of the table: add its room to MAY_IMPORT"
    if rooms == ANYTHING or room(target) == room(importer) or target in COMMON:
        return True
    return any(target == prefix or target.startswith(prefix + ".") for prefix in rooms)


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        source = path.read_text(encoding="utf-8")
        for line, target in imported(source, importer, path.name == "__init__.py"):
            if not allowed(importer, target):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {importer} imports {target}")
    return found


def test_every_import_is_one_the_table_allows() -> None:
    assert violations() == []


@pytest.mark.parametrize(
    ("importer", "target", "expected"),
    [
        pytest.param("rules.targets", "inputs.targets", True, id="rules may import inputs"),
        pytest.param("inputs.catalogue", "rules.bands", False, id="inputs imports nothing above it"),
        pytest.param("model.build", "load.catalogue", False, id="model never imports load"),
        pytest.param("render.docx", "model.build", False, id="render never builds the model"),
        pytest.param("render.docx", "model.report", True, id="render reads the model's types"),
        pytest.param("format.display", "rules.numbers", True, id="format rounds as the rules do"),
        pytest.param("format.display", "rules.targets", False, id="format judges nothing"),
        pytest.param("publish.publish", "render.outputs", False, id="publish never imports render"),
        pytest.param("cli", "render.outputs", True, id="the command line may import anything"),
        pytest.param("problems", "inputs.periods", False, id="common modules stay at the bottom"),
    ],
)
def test_the_table_reads_as_documented(importer: str, target: str, expected: bool) -> None:
    assert allowed(importer, target) is expected


def test_every_spelling_of_an_import_is_seen() -> None:
    # A relative import, a plain import and a submodule imported from its package are all imports:
    # missing one would let a forbidden import through written another way.
    source = (
        "from ..render import docx\n"
        "import scorecard_report.load.values\n"
        "from scorecard_report.model import report\n"
        "from .periods import Month\n"
        "import json\n"
    )
    assert list(imported(source, "inputs.catalogue")) == [
        (1, "render.docx"),
        (2, "load.values"),
        (3, "model.report"),
        (4, "inputs.periods"),
    ]
