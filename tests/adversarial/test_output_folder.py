"""The output folder as an attacker or bad luck leaves it: links at the lock and at every output name,
file names that come from data, and a rename that fails halfway. Nothing is ever written outside the
folder, and the folder holds the old set of files or the new, never a mixture it does not own up to."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from scorecard_report.publish import output

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, build_small, scorecard, validate

OLD = {f"{STEM}.csv": b"last month's summary\n", f"{STEM}.html": b"<html>last month</html>\n"}


def publish_small(out: Path, *extra: str | Path) -> tuple[int, str]:
    run = scorecard(
        "publish", "--catalogue", SMALL_CATALOGUE, "--data", SMALL_DATA, "--period", "2023-01",
        "--format", "csv,html", "--out", out, "--name", "scorecard", *extra,
    )  # fmt: skip
    return run.code, run.err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if not path.is_symlink()}


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the output folder that the attacker wants truncated or overwritten."""
    path = tmp_path / "precious.txt"
    path.write_bytes(b"not the tool's to touch\n")
    return path


# 1. Links at the lock and at every output name.


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file outside", "dangling"])
def test_a_lock_file_that_is_a_link_is_never_followed(tmp_path: Path, outside: Path, dangling: bool) -> None:
    out = tmp_path / "www"
    out.mkdir()
    target = tmp_path / "would-be-created.txt" if dangling else outside
    (out / ".scorecard-publish.lock").symlink_to(target)
    code, err = publish_small(out)
    assert code == 73
    assert err.splitlines()[0] == (
        f"error: {out / '.scorecard-publish.lock'}: cannot write: the lock file is a symbolic link, and "
        "nothing is ever written through one; nothing was changed (remove .scorecard-publish.lock from "
        "the output folder (the next publish creates it afresh))"
    )
    assert outside.read_bytes() == b"not the tool's to touch\n"
    assert not (tmp_path / "would-be-created.txt").exists()
    assert [path.name for path in out.iterdir()] == [".scorecard-publish.lock"]


def test_a_lock_file_that_is_a_hard_link_to_another_file_is_refused(tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "www"
    out.mkdir()
    os.link(outside, out / ".scorecard-publish.lock")
    code, err = publish_small(out)
    assert code == 73
    assert "the lock file is a hard link, and nothing is ever written through one" in err
    assert outside.read_bytes() == b"not the tool's to touch\n"


@pytest.mark.parametrize("name", ["scorecard-latest.csv", "scorecard-2023-01.html", "manifest.json"])
def test_a_published_name_that_is_a_link_stops_the_publish_before_it_builds(
    tmp_path: Path, outside: Path, name: str
) -> None:
    out = tmp_path / "www"
    out.mkdir()
    (out / name).symlink_to(outside)
    code, err = publish_small(out)
    assert code == 73
    assert err.splitlines() == [
        f"error: {out / name}: cannot write: it is a symbolic link, and nothing is ever written through one "
        "(remove it, or choose another output folder)",
        "1 error: nothing was published",
    ]
    assert outside.read_bytes() == b"not the tool's to touch\n"
    assert sorted(path.name for path in out.iterdir()) == sorted([name, ".scorecard-publish.lock"])


def test_a_built_name_that_is_a_link_or_a_folder_is_refused_and_nothing_is_written(
    tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{STEM}.html").symlink_to(outside)
    (out / f"{STEM}.csv").mkdir()
    run = build_small(out, formats="csv,html")
    assert run.code == 73
    assert run.errors == [
        f"error: {out / f'{STEM}.csv'}: cannot write: it is not a regular file, and nothing is ever written "
        "through one (remove it, or choose another output folder)"
    ]
    assert outside.read_bytes() == b"not the tool's to touch\n"
    assert sorted(path.name for path in out.iterdir()) == [f"{STEM}.csv", f"{STEM}.html"]


def test_a_leftover_temporary_folder_that_is_a_link_is_removed_without_following_it(tmp_path: Path) -> None:
    out = tmp_path / "www"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep me\n")
    (out / ".publish-planted").symlink_to(elsewhere, target_is_directory=True)
    code, err = publish_small(out)
    assert (code, err) == (0, f"published csv, html for January 2023 to {out}\n")
    assert (elsewhere / "keep.txt").read_text() == "keep me\n"
    assert not (out / ".publish-planted").exists()


# 2. File names that come from data and the command line.

BAD_NAMES = {
    "../escape": "it contains the folder separator '/'",
    "a\\b": "it contains the folder separator '\\'",
    "..": "it names a folder, not a file",
    ".hidden": "it starts with a dot (a hidden file)",
    "tab\there": "it contains a control or invisible character",
    "Q3: review": "it contains ':', which Windows does not allow in a file name",
    "x" * 121: "it is longer than 120 bytes",
}


@pytest.mark.parametrize("name", list(BAD_NAMES), ids=list(range(len(BAD_NAMES))))
def test_a_name_on_the_command_line_that_is_not_one_file_name_is_a_usage_error(
    tmp_path: Path, name: str
) -> None:
    run = build_small(tmp_path / "out", "--name", name, formats="csv")
    shown = name.replace("\t", "\\t").replace("\\b", "\\\\b") if "\t" in name else name
    assert run.code == 2
    assert run.errors == [
        f"error: --name '{shown}' cannot be a file name: {BAD_NAMES[name]} (use letters, digits, spaces, "
        "'-' and '_', such as --name scorecard)"
    ]
    assert not (tmp_path / "out").exists()


def test_names_and_section_ids_in_the_catalogue_must_each_be_one_file_name(tmp_path: Path) -> None:
    text = SMALL_CATALOGUE.read_text(encoding="utf-8")
    assert "\ntitle:" in text and "- id: front-door\n" in text
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(
        'name: "../../etc/cron.d/evil"\n' + text.replace("- id: front-door\n", "- id: ../front-door\n"),
        encoding="utf-8",
    )
    run = validate(catalogue)
    assert run.code == 65
    line = next(n for n, text in enumerate(catalogue.read_text().splitlines(), 1) if "../front-door" in text)
    assert run.errors == [
        f"error: {catalogue}:1: name '../../etc/cron.d/evil' cannot be part of a file name: it contains the "
        "folder separator '/' (use letters, digits, spaces, '-' and '_', such as childrens-scorecard)",
        f"error: {catalogue}:{line}: section id '../front-door' cannot be part of a file name: it contains "
        "the folder separator '/' (use letters, digits, spaces, '-' and '_', such as front-door)",
    ]


@pytest.mark.parametrize(
    ("written", "problem"),
    [('"../up"', "it contains the folder separator '/'"), ('"nul\\u0000byte"', "it contains a control")],
)
def test_a_name_in_the_config_that_is_not_one_file_name_names_its_line(
    tmp_path: Path, written: str, problem: str
) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text(f'formats = ["csv"]\nname = {written}\n', encoding="utf-8")
    run = build_small(tmp_path / "out", "--config", config, formats="csv")
    assert run.code == 65
    assert len(run.errors) == 1
    assert run.errors[0].startswith(f"error: {config}:2: name: '")
    assert problem in run.errors[0]
    assert run.errors[0].endswith("(use letters, digits, spaces, '-' and '_', such as name = \"scorecard\")")


# 4. All or nothing, really: a rename that fails halfway.


def failing_rename(monkeypatch: pytest.MonkeyPatch, fails: str, put_back_fails: bool = False) -> None:
    """Make the rename onto a name ending ``fails`` fail as a network share might (and, with
    ``put_back_fails``, every rename after it)."""
    real = Path.replace
    failed: list[bool] = []

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if str(target).endswith(fails) or (put_back_fails and failed):
            failed.append(True)
            raise OSError(errno.EIO, "Input/output error")
        return real(self, target)

    monkeypatch.setattr(output.Path, "replace", replace)


def last_months_outputs(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    for name, content in OLD.items():
        (out / name).write_bytes(content)
    return out


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard links", "a share without hard links"])
def test_a_build_whose_second_rename_fails_puts_the_first_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    out = last_months_outputs(tmp_path)
    if not hard_links:

        def no_link(*_args: object, **_kwargs: object) -> None:
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(output.os, "link", no_link)
    failing_rename(monkeypatch, ".html")
    run = build_small(out, formats="csv,html")
    assert run.code == 73
    assert run.err.splitlines() == [
        f"error: {out / f'{STEM}.html'}: cannot write: Input/output error (check the folder exists and is "
        "writable)",
        "1 error: nothing was changed (the file already moved into place was put back)",
    ]
    assert snapshot(out) == OLD  # the CSV already renamed is last month's again; nothing hidden is left


def test_a_publish_whose_rename_fails_halfway_keeps_the_manifest_true_to_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "www"
    assert publish_small(out)[0] == 0
    before = snapshot(out)
    (tmp_path / "data.csv").write_bytes(SMALL_DATA.read_bytes().replace(b"\n", b"\r\n"))  # new input bytes
    failing_rename(monkeypatch, "scorecard-latest.html")
    code, err = publish_small(out, "--data", tmp_path / "data.csv")
    assert code == 73
    assert (
        err.splitlines()[-1]
        == "1 error: nothing was changed (the 3 files already moved into place were put back)"
    )
    assert snapshot(out) == before
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["outputs"]) == sorted(name for name in before if name.startswith("scorecard-"))


def test_when_the_put_back_fails_too_the_message_says_which_files_are_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = last_months_outputs(tmp_path)
    failing_rename(monkeypatch, ".html", put_back_fails=True)
    run = build_small(out, formats="csv,html")
    assert run.code == 73
    assert run.err.splitlines()[-1] == (
        f"1 error: 1 file could not be put back and holds the new version ({STEM}.csv); every other file "
        "is as it was: run again once the problem is fixed"
    )
    assert (out / f"{STEM}.html").read_bytes() == OLD[f"{STEM}.html"]
    assert (out / f"{STEM}.csv").read_bytes().startswith(b"\xef\xbb\xbfref,")  # the BOM, for Excel
