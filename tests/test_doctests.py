"""The `>>>` examples in the bot's docstrings run, so they stay true."""
import doctest
import importlib
import pkgutil

import pytest

import bot

MODULES = sorted(m.name for m in pkgutil.walk_packages(bot.__path__, "bot."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
