"""Every command explains itself: `--help` works and ends with an example of that command.

The command list is walked from the click tree, so a command added later without help or
without an example fails here instead of shipping undocumented (STYLE.md, datasette).
"""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from clinicscan.cli import cli


def _walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from _walk(sub, path + (name,))


COMMANDS = list(_walk(cli))
IDS = [" ".join(path) or "clinicscan" for path, _ in COMMANDS]


def _help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(cli, [*path, "--help"], obj={})
    assert result.exit_code == 0, result.output
    return result.output


def test_the_tree_has_every_documented_command():
    names = {" ".join(path) for path, _ in COMMANDS}
    for expected in ("crawl", "extract", "report", "scan", "demo", "evaluate", "diff",
                     "registry", "registry import-ctgov", "registry fetch-ctgov"):
        assert expected in names


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_help_ends_with_an_example_of_the_command(path, command):
    assert command.help and command.help.strip(), f"`{' '.join(path)}` has no help text"
    lines = [line.strip() for line in command.help.strip().splitlines()]
    heading = max((i for i, line in enumerate(lines) if line.rstrip(":") in ("Example", "Examples")),
                  default=None)
    assert heading is not None, f"`{' '.join(path)}` help has no Example: section"
    examples = [line for line in lines[heading + 1:] if line and line != "\b"]
    assert examples, f"`{' '.join(path)}` help has an empty Example: section"
    prefix = " ".join(("clinicscan", *path))
    assert all(line.startswith(prefix) for line in examples), (
        f"every example of `{' '.join(path)}` should start with `{prefix}`: {examples}")
    # and the rendered --help output shows the example last, unwrapped
    output_lines = [line.strip() for line in _help_text(path).splitlines() if line.strip()]
    assert examples[-1] in output_lines


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_option_says_what_it_does(path, command):
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in ("help", "version"):
            assert param.help, f"`{' '.join(path) or 'clinicscan'} {param.opts[0]}` has no help"
