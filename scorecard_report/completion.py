"""Shell completion for bash, zsh and fish: a script written from the command line's own parser, so it
always offers exactly the commands and options the tool has."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

SHELLS = ("bash", "zsh", "fish")

# Where each shell reads the script, for --help and the README.
INSTALL = """\
install:
  bash:  scorecard completion bash > ~/.local/share/bash-completion/completions/scorecard
  zsh:   scorecard completion zsh > ~/.zfunc/_scorecard   (with fpath+=(~/.zfunc) before compinit in ~/.zshrc)
  fish:  scorecard completion fish > ~/.config/fish/completions/scorecard.fish
"""

# An option whose value is a path completes file or folder names; the rest complete nothing, or their
# choices (--log-format text|json).
_FILE_METAVARS = {"FILE", "FILE|YYYY-MM"}
_FOLDER_METAVARS = {"DIR"}


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for ``shell`` (one of ``SHELLS``), written by shtab from ``parser``."""
    import shtab

    for action in _every_action(parser):
        metavar = action.metavar if isinstance(action.metavar, str) else None
        if metavar in _FILE_METAVARS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]  # shtab reads this attribute
        elif metavar in _FOLDER_METAVARS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    script: str = shtab.complete(parser, shell=shell)
    return script


def _every_action(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every option and argument of ``parser`` and of each of its commands, however deep."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):  # an alias names its parser again
                yield from _every_action(command)
