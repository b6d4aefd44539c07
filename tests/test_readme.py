"""The README's commands work as written, and the answers it shows are the answers the bot gives."""
import re
import shlex
import subprocess
import sys

import pytest

from bot.settings import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text()
# commands that need no Slack, no download and no state of their own
COMMANDS = [m for m in re.findall(r"^ {4,}\.venv/bin/crimebot ((?:ask|digest|data check).*?)(?:\s+#.*)?$", README, re.M)]


def shown_after(command: str) -> str | None:
    """The first line of the example output block that follows a command in the README, if any."""
    match = re.search(re.escape(command) + r"[^\n]*\n\n```\n(.+?)\n", README)
    return match.group(1) if match else None


def test_the_readme_shows_the_main_commands():
    assert any(c.startswith("ask ") for c in COMMANDS) and any(c.startswith("digest") for c in COMMANDS)
    assert sum(shown_after(c) is not None for c in COMMANDS) >= 3  # the examples are checked, not just run


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command(command, settings, tmp_path):
    state = settings.state_dir
    if "2025" in command:  # the README's police.uk examples: import the test files first, as it shows
        import dataclasses

        from bot.imports import import_police_uk
        from tests.test_import import MONTHS, write_month

        for month in MONTHS:
            write_month(tmp_path / "police", month)
        state = tmp_path / "state"
        import_police_uk(dataclasses.replace(settings, state_dir=state), [tmp_path / "police"], progress=False)
    args = shlex.split(command)
    result = subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, cwd=tmp_path,
                            env={"CRIMEBOT_STATE_DIR": str(state), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    first = shown_after(command)
    if first and not first.startswith("Disagreements"):
        assert first in result.stdout
    if "2025/26" in command:  # the answer the README shows under the import example
        assert "Shoplifting in Maidstone, 2025/26: 96 crimes, -24 (-20.0%)" in result.stdout
        assert "Shoplifting in Maidstone, 2025/26: 96 crimes, -24 (-20.0%)" in README


ASKED = [q for row in re.findall(r"^\| [^|]+ \| ([^|]+) \|", README, re.M) for q in re.findall(r"`([^`]+)`", row)]


def test_the_readme_lists_what_can_be_asked():
    assert len(ASKED) >= 20


@pytest.mark.parametrize("question", ASKED)
def test_every_question_in_the_readme_table_is_answered(answerer, question):
    answer = answerer.ask(question)
    assert answer.error is None, answer.error
