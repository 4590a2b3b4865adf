"""``scorecard completion bash|zsh|fish`` prints a script that offers every command, and the examples and
exit codes stay in each command's --help."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run

from scorecard_report.problems import ExitCode

COMMANDS = ("validate", "build", "publish", "init", "commentary", "rebases", "completion")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_naming_every_command(scorecard: Callable[..., Run], shell: str) -> None:
    run = scorecard("completion", shell)
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("#")  # shtab's header comment
    for command in COMMANDS:
        assert command in run.out, command
    assert "--catalogue" in run.out and "--log-format" in run.out


@pytest.mark.parametrize(
    ("shell", "check"), [("bash", ["bash", "-n"]), ("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])]
)
def test_the_script_is_one_the_shell_reads(
    scorecard: Callable[..., Run], shell: str, check: list[str], tmp_path: Path
) -> None:
    if shutil.which(check[0]) is None:
        pytest.skip(f"{check[0]} is not installed here")
    script = tmp_path / f"scorecard.{shell}"
    script.write_text(scorecard("completion", shell).out, encoding="utf-8")
    read = subprocess.run([*check, str(script)], capture_output=True, text=True, check=False)
    assert (read.returncode, read.stderr) == (0, "")


def test_fish_completes_a_command_and_a_path(scorecard: Callable[..., Run], tmp_path: Path) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here")
    script = tmp_path / "scorecard.fish"
    script.write_text(scorecard("completion", "fish").out, encoding="utf-8")
    (tmp_path / "indicators.yaml").write_text("title: x\n", encoding="utf-8")

    def completions(line: str) -> list[str]:
        asked = f"source {script}; complete -C '{line}'"
        done = subprocess.run(["fish", "-c", asked], cwd=tmp_path, capture_output=True, text=True, check=True)
        return [found.split("\t")[0] for found in done.stdout.splitlines()]

    assert completions("scorecard bu") == ["build"]
    assert completions("scorecard commentary i") == ["init"]
    assert completions("scorecard build --log-format ") == ["text", "json"]
    assert completions("scorecard build --catalogue indi") == ["indicators.yaml"]


def test_an_unknown_shell_is_a_usage_error(scorecard: Callable[..., Run]) -> None:
    run = scorecard("completion", "powershell")
    assert run.code == 2
    assert "invalid choice: 'powershell' (choose from 'bash', 'zsh', 'fish')" in run.err


@pytest.mark.parametrize(
    ("command", "example"),
    [
        (("build",), "  scorecard build --period 2026-10 --format pdf,csv\n"),
        (("publish",), "  scorecard publish --config /srv/scorecard/scorecard.toml -q\n"),
        (("validate",), "  scorecard validate --strict --log-format json\n"),
        (("commentary", "init"), "  scorecard commentary init --period 2026-10\n"),
        (("completion",), "  fish:  scorecard completion fish > ~/.config/fish/completions/scorecard.fish\n"),
    ],
)
def test_each_commands_help_has_examples_above_its_exit_codes(
    scorecard: Callable[..., Run], command: tuple[str, ...], example: str
) -> None:
    run = scorecard(*command, "--help")
    assert run.code == 0
    assert example in run.out
    if command != ("completion",):
        assert run.out.index("examples:\n") < run.out.index("exit codes:\n  0   done")


def test_the_help_lists_every_exit_code_the_tool_can_give(scorecard: Callable[..., Run]) -> None:
    run = scorecard("--help")
    table = run.out[run.out.index("exit codes:\n") :].splitlines()[1:]
    listed = [int(line.split()[0]) for line in table if line.strip()]
    assert listed == [code.value for code in ExitCode]
