"""Every concept's mathml callable documents its mathematics (STYLE.md, "A concept, as it
should read"): a numpydoc docstring with the definition in ``.. math::``, a Notes section
with *Algorithm* and *Complexity*, and the line naming what it is checked against.

The rules, precisely:

- Sections are numpydoc's: a header line followed by a line of dashes as long as the header.
- The math is a ``.. math::`` directive with content, on its line or indented below it.
- The Notes section contains the emphasised labels ``*Algorithm*`` and ``*Complexity*``.
- The "Checked against" paragraph (its first line starts with "Checked against"; it runs to
  the next blank line) reads, once the backtick markup is removed and line breaks are joined
  by one space, ``Checked against reference.<name> → <reference call>`` where the reference
  call is the catalog's ``reference_call`` verbatim. In the docstring it is written
  "Checked against ``reference.<name>`` → ``<library call>``...", with the backticks around
  the code parts of the catalog's text.

For a class (an estimator, `Tensor`) the class docstring is checked; for an instance (a
distribution) its class's docstring (`inspect.getdoc`).
"""
from __future__ import annotations

import inspect
import re

import pytest

from reference.catalog import all_concepts

CONCEPTS = all_concepts()

_UNDERLINE = re.compile(r"^-{3,}$")
_MATH = re.compile(r"^(\s*)\.\. math::(.*)$")


def sections(doc: str) -> dict[str, str]:
    """The numpydoc sections of `doc`: header → body ("" holds the text before the first)."""
    lines = doc.splitlines()
    found: dict[str, list[str]] = {"": []}
    current = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        header = line.strip()
        if (header and _UNDERLINE.match(nxt.strip()) and len(nxt.strip()) == len(header)
                and line == line.lstrip()):
            current = header
            found[current] = []
            i += 2
            continue
        found[current].append(line)
        i += 1
    return {name: "\n".join(body).strip("\n") for name, body in found.items()}


def has_math_block(doc: str) -> bool:
    """A ``.. math::`` directive with content on its own line or indented below it."""
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        m = _MATH.match(line)
        if not m:
            continue
        if m.group(2).strip():
            return True
        indent = len(m.group(1))
        for below in lines[i + 1:]:
            if not below.strip():
                continue
            if len(below) - len(below.lstrip()) > indent:
                return True
            break
    return False


def checked_against(doc: str) -> str | None:
    """The "Checked against" paragraph, backticks removed and lines joined by one space."""
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("Checked against"):
            paragraph = []
            for cont in lines[i:]:
                if not cont.strip():
                    break
                paragraph.append(cont)
            return " ".join(" ".join(paragraph).replace("`", "").split())
    return None


def docstring_problems(doc: str | None, name: str, reference_call: str) -> list[str]:
    """What the docstring of concept `name` lacks; empty when it satisfies every rule."""
    if not doc or not doc.strip():
        return ["no docstring"]
    problems = []
    if not has_math_block(doc):
        problems.append("no `.. math::` block")
    notes = sections(doc).get("Notes")
    if notes is None:
        problems.append("no numpydoc Notes section")
    else:
        for label in ("*Algorithm*", "*Complexity*"):
            if label not in notes:
                problems.append(f"Notes has no {label}")
    line = checked_against(doc)
    expected = f"Checked against reference.{name} → {' '.join(reference_call.split())}"
    if line is None:
        problems.append("no line starting with 'Checked against'")
    elif not (line.startswith(expected)
              and not re.match(r"\.?\w", line[len(expected):])):
        problems.append(f"the 'Checked against' line does not read {expected!r}: {line!r}")
    return problems


@pytest.mark.parametrize("concept", CONCEPTS, ids=[c.name for c in CONCEPTS])
def test_concept_docstring(concept):
    problems = docstring_problems(inspect.getdoc(concept.mathml), concept.name,
                                  concept.reference_call)
    assert not problems, f"{concept.name}: " + "; ".join(problems)


# --- the checker itself can fail ---------------------------------------------------------------

def _good(x):
    r"""Square a number.

    .. math:: y = x^2

    Parameters
    ----------
    x : float

    Notes
    -----
    *Algorithm*: 1. multiply x by itself.
    *Complexity*: O(1).

    Checked against ``reference.fake.square`` → ``numpy.square(x,
    out=None)``: identical.
    """
    return x * x


def _bad(x):
    """Square a number.

    Notes: multiply x by itself, O(1).

    Checked against numpy.
    """
    return x * x


def test_checker_accepts_a_complete_docstring():
    assert docstring_problems(inspect.getdoc(_good), "fake.square",
                              "numpy.square(x, out=None)") == []
    # the catalog's call may be followed by more text, not by more of a name
    assert docstring_problems(inspect.getdoc(_good), "fake.square", "numpy.square") == []


@pytest.mark.parametrize("written", ["numpy.squared", "numpy.square.reduce"])
def test_checker_rejects_a_longer_name(written):
    doc = inspect.getdoc(_good).replace("numpy.square", written)
    problems = docstring_problems(doc, "fake.square", "numpy.square")
    assert len(problems) == 1 and "does not read" in problems[0], problems


def test_checker_rejects_a_bad_docstring():
    problems = docstring_problems(inspect.getdoc(_bad), "fake.square", "numpy.square")
    assert problems == [
        "no `.. math::` block",
        "no numpydoc Notes section",
        ("the 'Checked against' line does not read "
         "'Checked against reference.fake.square → numpy.square': 'Checked against numpy.'"),
    ]
    assert docstring_problems(None, "fake.square", "numpy.square") == ["no docstring"]


@pytest.mark.parametrize("mutation, problem", [
    (lambda d: d.replace(".. math:: y = x^2", ".. math::"), "no `.. math::` block"),
    (lambda d: d.replace("-----\n", "----\n"), "no numpydoc Notes section"),
    (lambda d: d.replace("*Algorithm*", "Algorithm"), "Notes has no *Algorithm*"),
    (lambda d: d.replace("*Complexity*: O(1).", ""), "Notes has no *Complexity*"),
    (lambda d: d.replace("Checked against", "Compared with"),
     "no line starting with 'Checked against'"),
    (lambda d: d.replace("reference.fake.square", "reference.fake.cube"),
     "the 'Checked against' line does not read"),
    (lambda d: d.replace("out=None", "out=x"), "the 'Checked against' line does not read"),
])
def test_checker_rejects_each_missing_part(mutation, problem):
    doc = mutation(inspect.getdoc(_good))
    problems = docstring_problems(doc, "fake.square", "numpy.square(x, out=None)")
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_sections_parser():
    doc = inspect.getdoc(_good)
    assert list(sections(doc)) == ["", "Parameters", "Notes"]
    assert sections(doc)["Notes"].startswith("*Algorithm*")
    # a dashed line under a header of another length is not a header
    assert "Notes" not in sections("Summary.\n\nNotes\n---\n*Algorithm*")
