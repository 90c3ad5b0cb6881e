"""Every docstring example of `mathml` runs and prints what it says."""
import doctest
import importlib
import pkgutil

import pytest

import mathml

MODULES = sorted(m.name for m in pkgutil.walk_packages(mathml.__path__, "mathml."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0
