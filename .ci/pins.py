"""The two pin lists behind pyproject.toml's bounds, as pip constraints files.

    python .ci/pins.py installed > constraints.txt   # the versions the byte-identical promise is made for
    python .ci/pins.py lowest > lowest.txt           # every bound at its lowest, for CI to prove

`installed` is the runtime closure as installed now: every dependency and optional extra but `test`,
and everything they need according to their own metadata, so the test tools and whatever else the
environment holds stay out. `lowest` pins each of those requirements at its `>=`; CI installs the
package with it in an environment of its own and runs the suite there, so each lower bound is a
version the suite has passed on, not a guess. The test tools are pinned by neither.
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

HEADER = """\
# The exact versions the byte-identical promise is made for (README: "Installing the tested versions"):
#     pip install -c constraints.txt .
# Every runtime dependency and everything it needs, as CI installs them for the suite. Written by
# `python .ci/pins.py installed > constraints.txt`; pyproject.toml's lower bounds are proved
# separately, each at its lowest, by .ci/run.
"""


def runtime_requirements(pyproject: dict[str, object]) -> list[Requirement]:
    """The dependencies and every optional extra but `test`, in pyproject.toml's order."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    extras: dict[str, list[str]] = project.get("optional-dependencies", {})
    lines = list(project["dependencies"]) + [
        line for extra, requirements in extras.items() if extra != "test" for line in requirements
    ]
    return [Requirement(line) for line in lines]


def lower_bound(requirement: Requirement) -> str | None:
    """The version of the requirement's `>=` (or `==`); None when it has neither."""
    for specifier in requirement.specifier:
        if specifier.operator in (">=", "=="):
            return specifier.version
    return None


def lowest_pins(requirements: list[Requirement]) -> dict[str, str]:
    """Canonical name → lower bound of each requirement; exits naming one without a lower bound."""
    pins: dict[str, str] = {}
    for requirement in requirements:
        version = lower_bound(requirement)
        if version is None:
            raise SystemExit(f"pyproject.toml: {requirement}: give it a lower bound (>=) for CI to prove")
        pins.setdefault(canonicalize_name(requirement.name), version)
    return pins


def installed_pins(requirements: list[Requirement]) -> dict[str, str]:
    """Canonical name → installed version of each requirement and of what it needs, with the extras
    asked for (fonttools[woff] brings brotli); exits naming one that is not installed."""
    versions: dict[str, str] = {}
    asked: set[tuple[str, str]] = set()
    todo = [(requirement, "") for requirement in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        wanted = {(name, wanted_extra) for wanted_extra in ("", *requirement.extras)} - asked
        if not wanted:
            continue
        asked |= wanted
        try:
            found = distribution(requirement.name)
        except PackageNotFoundError as missing:
            raise SystemExit(f"{requirement.name} is not installed: install the package first") from missing
        versions[name] = found.version
        todo.extend(
            (Requirement(line), wanted_extra) for line in found.requires or [] for _, wanted_extra in wanted
        )
    return versions


def constraints_text(pins: dict[str, str], header: str = "") -> str:
    return header + "".join(f"{name}=={pins[name]}\n" for name in sorted(pins))


def main(argv: list[str]) -> int:
    if argv not in (["installed"], ["lowest"]):
        sys.stderr.write("usage: python .ci/pins.py installed|lowest\n")
        return 2
    requirements = runtime_requirements(tomllib.loads(PYPROJECT.read_text(encoding="utf-8")))
    if argv == ["lowest"]:
        sys.stdout.write(constraints_text(lowest_pins(requirements)))
    else:
        sys.stdout.write(constraints_text(installed_pins(requirements), HEADER))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
