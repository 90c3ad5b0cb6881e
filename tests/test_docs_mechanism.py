"""Docstrings exist at run time, shared sections come from one mechanism (`fill_doc`), and the
concepts of `mathml.special` and the distributions carry the sections STYLE.md asks for.

A docstring that is not a string literal — ``\"\"\"...\"\"\" + NOTES`` or an f-string — is no
docstring: Python keeps ``__doc__ = None``, so ``help`` shows nothing, doctest skips its
examples and ``mathml show`` prints no math. That happened to `gammainc` and `gammaincc`.
"""
from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import re
from pathlib import Path

import pytest

import mathml
from mathml._docstrings import fill, fill_doc
from reference import catalog

PACKAGE = Path(mathml.__file__).parent


# --- the mechanism ------------------------------------------------------------------------------

def test_fill_doc_replaces_only_the_names_given():
    @fill_doc(name="softplus")
    def f():
        r"""The {name}: :math:`\log(1 + e^{x})`, see ``\frac{1}{x}``."""
    assert f.__doc__ == r"The softplus: :math:`\log(1 + e^{x})`, see ``\frac{1}{x}``."


def test_fill_doc_indents_a_block_as_its_placeholder():
    notes = """
        *Algorithm*

        1. First.
           Continued.
        """

    @fill_doc(notes=notes)
    def f():
        """Summary.

        Notes
        -----
        {notes}

        References
        """
    assert inspect.getdoc(f) == ("Summary.\n\nNotes\n-----\n*Algorithm*\n\n1. First.\n"
                                 "   Continued.\n\nReferences")


def test_fill_doc_on_a_template_and_on_a_class():
    template = """{what}, shared.

    >>> 1 + {n}
    {result}
    """

    @fill_doc(template, what="A class", n="1", result="2")
    class C:
        pass

    assert inspect.getdoc(C).startswith("A class, shared.")
    # doctest reads the filled docstring: its example runs
    tests = doctest.DocTestFinder().find(C, "C", globs={})
    assert [len(t.examples) for t in tests] == [1]
    assert doctest.DocTestRunner().run(tests[0]).failed == 0


def test_fill_doc_refuses_a_name_without_placeholder():
    with pytest.raises(ValueError, match="notse"):
        fill("Notes\n-----\n{notes}\n", notse="typo")


# --- docstrings at run time ---------------------------------------------------------------------

def _public_callables():
    """(label, object) for every public callable of mathml: the names of each public module's
    ``__all__``, and the public methods of the classes and objects among them."""
    for module_name in mathml.__all__:
        module = importlib.import_module(f"mathml.{module_name}")
        for name in module.__all__:
            obj = getattr(module, name)
            if not callable(obj):
                continue
            yield f"{module_name}.{name}", obj
            cls = obj if inspect.isclass(obj) else None if inspect.isroutine(obj) else type(obj)
            if cls is None or not cls.__module__.startswith("mathml"):
                continue
            for attr in dir(cls):
                method = getattr(obj, attr)
                if not attr.startswith("_") and callable(method) and not inspect.isclass(method):
                    yield f"{module_name}.{name}.{attr}", method


PUBLIC = dict(_public_callables())


def test_there_are_public_callables():
    assert len(PUBLIC) > 300 and "special.gammainc" in PUBLIC and "stats.norm.pdf" in PUBLIC


def test_every_public_callable_has_a_docstring_at_run_time():
    missing = sorted(label for label, obj in PUBLIC.items()
                     if not (inspect.getdoc(obj) or "").strip())
    assert not missing, f"no docstring at run time: {missing}"


def test_no_placeholder_is_left_unfilled():
    left = sorted(label for label, obj in PUBLIC.items()
                  if re.search(r"^\s*\{\w+\}\s*$", inspect.getdoc(obj) or "", re.M))
    assert not left, f"a block placeholder {{name}} was not filled: {left}"


def _docstring_expressions(tree: ast.AST):
    """The first statements of functions and classes that look like docstrings but are
    expressions Python does not keep as one."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value,
                                                          (ast.BinOp, ast.JoinedStr)):
                yield node.name, first.lineno


def test_shared_sections_use_one_mechanism():
    """No docstring built with ``+`` or as an f-string, and ``__doc__`` is assigned only in
    `mathml._docstrings`."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.name}:{line} {name}: docstring is an expression"
                  for name, line in _docstring_expressions(tree)]
        if path.name != "_docstrings.py":
            found += [f"{path.name}:{node.lineno}: assigns __doc__" for node in ast.walk(tree)
                      if isinstance(node, ast.Attribute) and node.attr == "__doc__"
                      and isinstance(node.ctx, ast.Store)]
    assert not found, found


def test_the_check_sees_a_docstring_expression():
    tree = ast.parse('def f():\n    """a""" + B\n\ndef g():\n    """fine"""\n')
    assert list(_docstring_expressions(tree)) == [("f", 2)]


# --- the concepts' sections (special and the distributions) -------------------------------------

def _sections(doc: str) -> dict[str, str]:
    """numpydoc sections: header line, a line of dashes, then the text up to the next one."""
    lines, found, current = doc.splitlines(), {}, None
    for i, line in enumerate(lines):
        underline = i + 1 < len(lines) and re.fullmatch(r"-{3,}", lines[i + 1].strip())
        if underline and line.strip():
            current = line.strip()
            found[current] = []
        elif current is not None and not re.fullmatch(r"-{3,}", line.strip()):
            found[current].append(line)
    return {name: "\n".join(text) for name, text in found.items()}


OWN_MODULES = {"mathml.special", "mathml.stats._distributions"}
CONCEPTS = [c for c in catalog.all_concepts(["special", "stats"])
            if (c.mathml if inspect.isroutine(c.mathml) else type(c.mathml)).__module__
            in OWN_MODULES]


def test_the_concepts_are_found():
    names = {c.name for c in CONCEPTS}
    assert {"special.gammainc", "special.logsumexp", "stats.norm",
            "stats.multivariate_normal"} <= names and len(names) == 24


@pytest.mark.parametrize("concept", CONCEPTS, ids=[c.name for c in CONCEPTS])
def test_concept_docstring_sections(concept):
    doc = inspect.getdoc(concept.mathml) or ""
    sections = _sections(doc)
    assert ".. math::" in doc, "no .. math:: block"
    for name in ("Parameters", "Returns", "Notes", "Examples"):
        assert name in sections, f"no {name} section"
    for word in ("Algorithm", "Complexity"):
        assert word in sections["Notes"], f"the Notes do not say *{word}*"
    checked = [line for line in doc.splitlines() if line.strip().startswith("Checked against")]
    assert checked, "no line beginning 'Checked against'"
    assert any(concept.reference_call in line for line in checked), (
        f"'Checked against' does not name {concept.reference_call!r}: {checked}")
