"""The pytest plugin (pytest_mathml.py): a learner's own tests, run by pytest inside this one.

Each test writes a learner's test file and runs pytest on it in this process, with the plugin
named on the command line (`-p pytest_mathml`): an editable install of another checkout would
otherwise provide its own copy through the entry point. `-p no:xdist`: one process, no workers.
"""
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

# imported here, before any inner run: pytester forgets the modules an in-process run imports,
# and numpy's extension modules cannot be loaded twice in one process
import reference  # noqa: F401
from reference import catalog

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent

LEARNER = '''
import numpy as np
import pytest


def my_inv(A):
    return np.linalg.inv(A)


def transposed_inv(A):  # a classic mistake: the transpose is the inverse of orthogonal matrices only
    return np.asarray(A, dtype=float).T
'''


def run(pytester, tests, *args):
    pytester.makepyfile(test_learner=LEARNER + tests)
    result = pytester.runpytest_inprocess("-p", "pytest_mathml", "-p", "no:xdist",
                                          "-p", "no:cacheprovider", *args)
    assert "workers" not in result.stdout.str()
    return result


def assert_shows_the_report(result, test_name):
    out = result.stdout.str()
    for part in ("check against linalg.inv (numpy.linalg.inv): DISAGREES",
                 "example ", f" of {len(catalog.get('linalg.inv').cases)}", "input:", "np.array(",
                 "expected (reference):", "got:", "where they differ:"):
        assert part in out, part
    # the report is the whole message: no traceback through the plugin or the checker
    assert "pytest_mathml.py" not in out and "Traceback" not in out and "check.py" not in out
    result.stdout.fnmatch_lines([f"FAILED test_learner.py::{test_name} - Failed: check against*"])


def test_fixture_passes_a_correct_function(pytester):
    result = run(pytester, '''
def test_my_inv(mathml_check):
    report = mathml_check(my_inv, "linalg.inv", max_examples=10)
    assert report.ok and report.cases_run > 10
''', "-rP")
    result.assert_outcomes(passed=1)
    # the passing check's summary is in the test's report
    result.stdout.fnmatch_lines(["*Captured mathml_check call*",
                                 "check against linalg.inv (numpy.linalg.inv): agrees on *"])


def test_fixture_fails_with_the_checkers_report(pytester):
    result = run(pytester, '''
def test_my_inv(mathml_check):
    mathml_check(transposed_inv, "linalg.inv")
''')
    result.assert_outcomes(failed=1)
    assert_shows_the_report(result, "test_my_inv")


def test_marker_checks_what_the_test_returns(pytester):
    result = run(pytester, '''
@pytest.mark.mathml_check("linalg.inv", max_examples=10)
def test_my_inv():
    return my_inv


@pytest.mark.mathml_check("linalg.inv")
def test_transposed_inv():
    return transposed_inv
''', "--strict-markers")
    # warnings=0: pytest runs a marked test through the plugin, which expects the return value
    result.assert_outcomes(passed=1, failed=1, warnings=0)
    assert_shows_the_report(result, "test_transposed_inv")


@pytest.mark.parametrize("tests, message", [
    ('@pytest.mark.mathml_check("linalg.inv")\ndef test_it():\n    my_inv(np.eye(2))\n',
     "test_it is marked mathml_check('linalg.inv') and returned None: return the function "
     "or class to check (e.g. `return my_function`)"),
    ('@pytest.mark.mathml_check\ndef test_it():\n    return my_inv\n',
     'mathml_check takes the concept\'s name: @pytest.mark.mathml_check("linalg.inv")'),
    ('def test_it(mathml_check):\n    mathml_check(my_inv, "linalg.invv")\n',
     "mathml_check: no concept 'linalg.invv' in the catalog; did you mean linalg.inv*"),
    ('def test_it(mathml_check):\n    mathml_check(my_inv, "linalg.inv", max_exampels=5)\n',
     "mathml_check: reference.check has no option max_exampels; its options are max_examples*"),
], ids=["returns-nothing", "no-concept", "unknown-concept", "unknown-option"])
def test_misuse_fails_with_one_line(pytester, tests, message):
    result = run(pytester, tests)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*_ test_it _*", message, "*short test summary*"])
    assert "Traceback" not in result.stdout.str()


def test_the_readmes_example_runs(pytester):
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    [example] = [b for b in blocks if "def test_my_inv(mathml_check)" in b]
    pytester.makepyfile(test_my_linalg=example)
    result = pytester.runpytest_inprocess("-p", "pytest_mathml", "-p", "no:xdist", "-rP")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["check against linalg.inv (numpy.linalg.inv): agrees on *"] * 2)


def test_marker_is_registered(pytester):
    result = pytester.runpytest_inprocess("-p", "pytest_mathml", "-p", "no:xdist", "--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.mathml_check(concept, **options): *"])


def test_installed_through_an_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    # the entry point's name is the module's, so that `-p pytest_mathml` (as above) does not
    # register the installed plugin a second time under another name: pytest refuses that
    assert project["project"]["entry-points"]["pytest11"] == {"pytest_mathml": "pytest_mathml"}
    assert "pytest_mathml" in project["tool"]["setuptools"]["py-modules"]
    assert (ROOT / "pytest_mathml.py").is_file()


def test_loading_the_plugin_imports_pytest_only():
    # it loads in every pytest session of an environment with mathml installed
    code = ("import sys, pytest_mathml; "
            "print(sorted(m for m in ('reference', 'mathml', 'numpy', 'scipy', 'sklearn', "
            "'sympy', 'hypothesis') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"
