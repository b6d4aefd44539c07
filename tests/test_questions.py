"""The evaluation corpus, table-driven: every realistic question gets the right figures or an honest refusal.

Questions the bot does not yet answer right are listed in tests/questions/known_failures.txt, each with
why; they run as strict expected failures, so one that starts passing must be taken off the list, and a
question that was right and goes wrong fails the suite.
"""
import pytest

from questions.corpus import HERE, load, problems

ENTRIES = load()
KNOWN = {line.split(" #")[0].strip() for line in (HERE / "known_failures.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")}


def _key(entry) -> str:
    """The question's line in known_failures.txt: a message over several lines is written with its line breaks as '\\n'."""
    return f"{entry['file']}: {entry['q']}".replace("\n", "\\n")


def _param(entry):
    key = _key(entry)
    marks = [pytest.mark.xfail(strict=True, reason="known failure")] if key in KNOWN else []
    return pytest.param(entry, id=key, marks=marks)


def test_the_corpus_is_big_enough_and_covers_refusals():
    assert len(ENTRIES) >= 300
    assert sum(1 for e in ENTRIES if e.get("refuse")) >= 60
    keys = [_key(e) for e in ENTRIES]
    assert not KNOWN - set(keys), f"known failures no longer in the corpus: {sorted(KNOWN - set(keys))[:5]}"


@pytest.mark.parametrize("entry", [_param(e) for e in ENTRIES])
def test_question(answerer, entry):
    assert problems(answerer, entry) == []
