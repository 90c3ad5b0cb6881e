"""mathml's pytest plugin: check your own implementation of a concept from your own tests.

Installed with mathml (a ``pytest11`` entry point), so in any project whose environment has
mathml, either ask for the fixture::

    def test_my_inv(mathml_check):
        mathml_check(my_inv, "linalg.inv")

or mark a test that returns the implementation to check::

    @pytest.mark.mathml_check("linalg.inv")
    def test_my_inv():
        return my_inv

Both run `reference.check` and, on a disagreement, fail the test with the checker's report
(the smallest failing input, the expected and the received answers) as its message. A
passing check leaves its one-line summary in the test's report (``pytest -rP`` shows it).

Once mathml is installed this module loads in every pytest session of the environment,
whether or not the session checks anything, so it imports nothing but pytest: `reference`
(NumPy, SciPy, scikit-learn, SymPy: seconds) is imported when a check runs. That is also why
it is a module of its own and not part of the `reference` package, whose import loads all
of those libraries.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from reference import CheckReport

MARKER = "mathml_check"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(concept, **options): check the function or class the test returns against "
        "the concept with reference.check (options: those of reference.check, e.g. max_examples)")


@pytest.fixture
def mathml_check(request: pytest.FixtureRequest) -> Callable[..., CheckReport]:
    """``mathml_check(func, "area.name", **options)``: fail the test unless `func` agrees.

    The options are `reference.check`'s (``max_examples``, ``derandomize``); the report is
    returned when the check passes.
    """
    def run_check(implementation: Any, concept: str, **options: Any) -> CheckReport:
        return _check(request.node, implementation, concept, options)
    return run_check


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run a test marked ``mathml_check(concept)`` and check what it returns."""
    marker = pyfuncitem.get_closest_marker(MARKER)
    if marker is None:
        return None  # not ours: pytest runs the test as usual
    if len(marker.args) != 1 or not isinstance(marker.args[0], str):
        pytest.fail(f"{MARKER} takes the concept's name: @pytest.mark.{MARKER}(\"linalg.inv\")",
                    pytrace=False)
    concept = marker.args[0]
    test = pyfuncitem.obj
    parameters = inspect.signature(test).parameters
    implementation = test(**{name: value for name, value in pyfuncitem.funcargs.items()
                             if name in parameters})
    if not callable(implementation):
        pytest.fail(f"{pyfuncitem.name} is marked {MARKER}({concept!r}) and returned "
                    f"{implementation!r}: return the function or class to check "
                    f"(e.g. `return my_function`)", pytrace=False)
    _check(pyfuncitem, implementation, concept, marker.kwargs)
    return True  # the test has run


def _check(node: pytest.Item, implementation: Any, concept: Any,
           options: Mapping[str, Any]) -> CheckReport:
    from reference import check  # here, not at the top: see the module docstring

    misuse = _misuse(check, concept, options)
    if misuse is not None:
        pytest.fail(f"{MARKER}: {misuse}", pytrace=False)
    report = check(implementation, concept, **options)
    if not report.ok:
        pytest.fail(str(report), pytrace=False)
    node.add_report_section("call", MARKER, str(report))
    return report


def _misuse(check: Callable[..., Any], concept: Any, options: Mapping[str, Any]) -> str | None:
    """What is wrong with the concept's name or the options, in one line; None if nothing."""
    from reference import catalog

    if isinstance(concept, str):
        try:
            catalog.get(concept)
        except KeyError as exc:  # its message suggests the close names
            return str(exc.args[0])
    taken = [name for name, parameter in inspect.signature(check).parameters.items()
             if parameter.kind is parameter.KEYWORD_ONLY]
    unknown = sorted(set(options) - set(taken))
    if unknown:
        return (f"reference.check has no option {', '.join(unknown)}; "
                f"its options are {', '.join(taken)}")
    return None
