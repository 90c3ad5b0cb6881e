"""`mathml show AREA.NAME [--method M]`: a concept as a learner reads it.

The docstring's teaching text (the definition, the Notes: algorithm, complexity, numerical
stability; the References and what may legitimately differ from the reference) with its
math in Unicode, the textbook algorithm where there is one, both sources (mathml's and the
reference's) with the private helpers they call, how the two are compared, and the
agreement on the catalog's example cases. ``--method`` follows a dispatcher to one solver
(``optimize.minimize --method BFGS`` shows ``_minimize_bfgs`` beside SciPy's). Everything
fits the terminal's width: below 140 columns the two sources are stacked, not side by side.
"""
from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import catalog, compare
from .runner import ConceptResult, run_bad, run_case
from .unicode_math import render, render_inline

__all__ = ["add_arguments", "cmd_show", "teaching_text"]

#: below this many columns the two sources are stacked instead of side by side
SIDE_BY_SIDE = 140


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``mathml show``."""
    p.add_argument("name", metavar="AREA.NAME")
    p.add_argument("--width", type=int, default=0, help="columns (default: the terminal's)")
    p.add_argument("--method", metavar="METHOD",
                   help="follow the dispatch to one solver (optimize.minimize --method BFGS; "
                        "linear_model.Ridge --method svd; linear_model.LogisticRegression "
                        "--method lbfgs)")


def cmd_show(args: argparse.Namespace) -> int:
    c = catalog.get(args.name)
    width = max(40, args.width or shutil.get_terminal_size((120, 40)).columns)
    method = getattr(args, "method", None)
    solver = None
    if method:
        try:
            solver = _solver(c, method)
        except LookupError as exc:
            print(f"mathml show: {exc.args[0]}", file=sys.stderr)
            return 2
    print(_wrap(f"{c.name}  —  checked against {c.reference_call}  (compared: "
                f"{c.compared_by}; tolerance: {c.tolerances})", width))
    print()
    print(teaching_text(c.mathml, width))
    if c.note:
        print()
        print(_wrap(_inline(f"Note: {c.note}"), width))
    if solver is not None:
        _print_solver(c, solver, width)
        left, right = _source_with_helpers(solver.mathml), _strip_docstring(
            inspect.getsource(solver.reference))
        title_l, title_r = _qualified(solver.mathml), _qualified(solver.reference)
    else:
        if c.name in _METHODS:
            methods = _METHODS[c.name]
            print()
            print(_wrap(f"mathml.{c.name} dispatches on `{methods.option}`: "
                        f"{', '.join(methods.names())}. `mathml show {c.name} --method "
                        f"{methods.example}` shows one of them beside the reference's.", width))
        _print_textbook(c, width)
        left, right = _source_with_helpers(c.mathml), _source_with_helpers(c.reference)
        title_l, title_r = f"mathml.{c.name}", f"reference.{c.name}"
    print()
    print(_two_sources(title_l, left, title_r, right, width))
    print()
    result = _run(c, solver)
    _print_agreement(c, result, solver, width)
    return 0 if result.ok else 1


# --- the teaching text -------------------------------------------------------------------------

#: the numpydoc sections that teach; Parameters, Returns, Examples… are in help() and the source
_TEACHING = ("Notes", "References")


def teaching_text(func: Callable, width: int = 100) -> str:
    """The docstring's summary, definition, Notes and References, with its math in Unicode
    and its lines fitted to `width`."""
    doc = inspect.getdoc(func) or ""
    sections = _sections(doc)
    kept = [sections.get("", [])]
    kept += [[name, "-" * len(name), *sections[name]] for name in _TEACHING if name in sections]
    lines = [line for part in kept for line in _trim(part) + [""]]
    return "\n".join(_render_lines(lines, width)).rstrip()


def _sections(doc: str) -> dict[str, list[str]]:
    """A numpydoc docstring's sections by title ("" for the text before the first one)."""
    lines = doc.splitlines()
    sections: dict[str, list[str]] = {"": []}
    current = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        underline = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (line.strip() and not line.startswith(" ") and len(underline) >= 3
                and set(underline) == {"-"} and len(underline) == len(line.strip())):
            current = line.strip()
            sections[current] = []
            i += 2
            continue
        sections[current].append(line)
        i += 1
    return sections


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return lines


def _render_lines(lines: list[str], width: int) -> list[str]:
    """``.. math::`` blocks rendered and indented, inline ``:math:`` rendered, ````code````
    as `code`, and every line wrapped to `width` under its own indentation."""
    out: list[str] = []
    lines = _join_inline_math(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(".. math::"):
            indent = len(line) - len(line.lstrip())
            block = [stripped.split("::", 1)[1]]
            i += 1
            while i < len(lines) and (not lines[i].strip() or
                                      len(lines[i]) - len(lines[i].lstrip()) > indent):
                block.append(lines[i].strip())
                i += 1
            for equation in render("\n".join(block)).splitlines():
                out += _wrap_line(" " * (indent + 4) + equation, width, extra=4)
            out.append("")
            continue
        out += _wrap_line(_inline(line), width)
        i += 1
    # a math block's trailing blank line and the paragraph's own: one blank line
    return [line for k, line in enumerate(out) if line or k == 0 or out[k - 1]]


def _join_inline_math(lines: list[str]) -> list[str]:
    """The lines with each ``:math:`…``` that runs over a line break joined onto one."""
    out: list[str] = []
    for line in lines:
        if out and re.search(r":math:`[^`]*$", out[-1]):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _inline(text: str) -> str:
    """Inline ``:math:`…```, and LaTeX in single backquotes, in Unicode; ````code```` as
    `code`."""
    text = re.sub(r":math:`([^`]*)`", lambda m: render_inline(m.group(1)), text)
    text = re.sub(r"(?<!`)`(\\[A-Za-z][^`]*)`(?!`)", lambda m: render_inline(m.group(1)), text)
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def _wrap_line(line: str, width: int, extra: int = 0) -> list[str]:
    """A line wrapped under its indentation (a numbered or bulleted item's text under its
    text)."""
    if len(line) <= width:
        return [line.rstrip()]
    indent = len(line) - len(line.lstrip())
    item = re.match(r"\s*(\d+\.|[-*•])\s+", line)
    hanging = len(item.group(0)) if item else indent + extra
    return textwrap.wrap(line.strip(), width, initial_indent=" " * indent,
                         subsequent_indent=" " * hanging, break_long_words=True,
                         break_on_hyphens=False) or [""]


def _wrap(text: str, width: int) -> str:
    return "\n".join(_wrap_line(text, width))


# --- following a dispatch to one solver --------------------------------------------------------

@dataclass(frozen=True)
class _Methods:
    """Where a dispatcher's solvers live: the parameter that chooses one, the names, and the
    mathml and reference (library) function of each."""
    option: str
    example: str
    names: Callable[[], Sequence[str]]
    mathml: Callable[[str], Callable]
    reference: Callable[[str], Callable]


@dataclass(frozen=True)
class _Solver:
    name: str
    option: str
    mathml: Callable
    reference: Callable


def _attr(module: str, name: str) -> Callable:
    return getattr(importlib.import_module(module), name)


def _minimize_solver(key: str) -> Callable:
    module = importlib.import_module("mathml.optimize._minimize")
    return module._SOLVERS.get(key) or getattr(module, f"_minimize_{key.replace('-', '')}")


_SKLEARN_LOGISTIC = {
    "lbfgs": ("sklearn.linear_model._logistic", "_logistic_regression_path"),
    "newton-cg": ("sklearn.utils.optimize", "_newton_cg"),
    "newton-cholesky": ("sklearn.linear_model._glm._newton_solver", "NewtonCholeskySolver"),
    "sag": ("sklearn.linear_model._sag", "sag_solver"),
    "saga": ("sklearn.linear_model._sag", "sag_solver")}

_METHODS: dict[str, _Methods] = {
    "optimize.minimize": _Methods(
        "method", "BFGS", lambda: _attr("mathml.optimize._minimize", "METHODS"),
        _minimize_solver,
        # SciPy's solvers carry the same names: scipy.optimize._minimize imports them all
        lambda key: _attr("scipy.optimize._minimize", f"_minimize_{key.replace('-', '')}")),
    "linear_model.Ridge": _Methods(
        "solver", "svd", lambda: tuple(_attr("mathml.linear_model._least_squares",
                                             "_RIDGE_SOLVERS")),
        lambda key: _attr("mathml.linear_model._least_squares", "_RIDGE_SOLVERS")[key],
        lambda key: _attr("sklearn.linear_model._sag", "sag_solver") if key in ("sag", "saga")
        else _attr("sklearn.linear_model._ridge", f"_solve_{key}")),
    "linear_model.LogisticRegression": _Methods(
        "solver", "lbfgs", lambda: tuple(_attr("mathml.linear_model._logistic", "_SOLVERS")),
        lambda key: _attr("mathml.linear_model._logistic", "_SOLVERS")[key],
        lambda key: _attr(*_SKLEARN_LOGISTIC[key])),
}


def _solver(c: catalog.Concept, method: str) -> _Solver:
    """The solver `method` of concept `c`, mathml's and the library's; LookupError with the
    choices when there is none."""
    if c.name not in _METHODS:
        raise LookupError(f"{c.name} has no methods to follow; --method works for "
                          f"{', '.join(_METHODS)}")
    methods = _METHODS[c.name]
    names = {n.lower(): n for n in methods.names()}
    if method.lower() not in names:
        raise LookupError(f"{c.name} has no {methods.option} {method!r}; the "
                          f"{methods.option}s are {', '.join(names.values())}")
    key = method.lower()
    return _Solver(names[key], methods.option, methods.mathml(key), methods.reference(key))


def _qualified(func: Callable) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def _print_solver(c: catalog.Concept, solver: _Solver, width: int) -> None:
    print()
    print(_wrap(f"The {solver.option} {solver.name}: mathml.{c.name}({solver.option}="
                f"{solver.name!r}) runs {_qualified(solver.mathml)}; the reference runs "
                f"{_qualified(solver.reference)}.", width))
    print()
    print(teaching_text(solver.mathml, width))


def _print_textbook(c: catalog.Concept, width: int) -> None:
    textbook = _textbook_of(c.mathml)
    if textbook is None:
        return
    print()
    print(_wrap(f"The textbook algorithm ({textbook.__module__}.{textbook.__name__}):", width))
    print()
    print("\n".join(line for raw in _strip_docstring(inspect.getsource(textbook)).splitlines()
                    for line in _wrap_code(raw, width)))
    print()
    print(_wrap(f"The fast path: what mathml.{c.name} runs (its Notes say how it relates to "
                "the textbook form), beside the reference:", width))


# --- the agreement -----------------------------------------------------------------------------

def _run(c: catalog.Concept, solver: _Solver | None) -> ConceptResult:
    """The example cases and bad inputs; with a solver, only those that name it."""
    def chosen(kwargs: dict) -> bool:
        return solver is None or str(kwargs.get(solver.option, "")).lower() == \
            solver.name.lower()
    cases = [k for k in c.cases if chosen(dict(k.kwargs))]
    bad = [b for b in c.bad if chosen(dict(b.case.kwargs))]
    return ConceptResult(c, [run_case(c, k) for k in cases], [run_bad(c, b) for b in bad])


def _print_agreement(c: catalog.Concept, result: ConceptResult, solver: _Solver | None,
                     width: int) -> None:
    print("How the two are compared:")
    strategies = dict.fromkeys(c.strategy_of(r.case) for r in result.cases)
    tolerances = dict.fromkeys(c.tolerance_of(r.case) for r in result.cases)
    for strategy in strategies:
        print(textwrap.fill(_inline(f"{strategy.label}: {strategy.reason}"), width,
                            initial_indent="  ", subsequent_indent="    "))
    for name in tolerances:
        print(textwrap.fill(_inline(f"tolerance '{name}': {compare.TOLERANCES[name].reason}"), width,
                            initial_indent="  ", subsequent_indent="    "))
    print()
    if solver is None:
        print("Agreement on the example cases:")
    else:
        print(_wrap(f"Agreement on the {len(result.cases)} example cases with {solver.option}="
                    f"{solver.name!r} (of {len(c.cases)}; `mathml show {c.name}` runs them "
                    "all):", width))
    rows = [("case", "compared", "max abs error", "max rel error", "allowed rtol", "verdict")]
    for r in result.cases:
        a = r.agreement
        rows.append((r.case.label or r.case.describe()[:30], c.strategy_of(r.case).label,
                     f"{a.max_abs:.3g}", f"{a.max_rel:.3g}",
                     f"{a.rtol:.3g}", "agrees" if r.ok else "DISAGREES: " + r.explain()))
    for b in result.bad:
        rows.append((f"bad: {b.bad.case.label}", "", "", "", b.bad.expects.__name__,
                     "same error" if b.ok else "DIFFERS: " + b.detail))
    print(_table(rows, width))
    effort = _effort_rows(result)
    if effort:
        print()
        print(_wrap("Work done by each (shown, not compared: iterative methods may take other "
                    "paths)", width))
        print(_table(effort, width))


_EFFORT_FIELDS = ("nit", "nfev", "njev", "nhev", "iterations", "function_calls")


def _effort_rows(result: ConceptResult) -> list[tuple]:
    """Iterations and evaluations of both backends, for results that report them."""
    rows = []
    for r in result.cases:
        counts = {}
        for backend, out in (("mathml", r.mathml_result), ("reference", r.reference_result)):
            fields = _find_counts(out)
            counts[backend] = ", ".join(f"{k}={v}" for k, v in fields.items())
        if any(counts.values()):
            rows.append((r.case.label or r.case.describe()[:30], counts["mathml"],
                         counts["reference"]))
    return [("case", "mathml", "reference")] + rows if rows else []


def _find_counts(out) -> dict:
    """The effort fields of a result object, or of the result objects inside a tuple."""
    found = {}
    items = out if isinstance(out, tuple) else (out,)
    for item in items:
        for k in _EFFORT_FIELDS:
            v = item.get(k) if isinstance(item, dict) else getattr(item, k, None)
            if v is not None and np.ndim(v) == 0:
                found[k] = int(v)
    return found


# --- the sources -------------------------------------------------------------------------------

def _textbook_of(func: Callable) -> Callable | None:
    """The textbook form of an algorithm, where its module has one: ``_textbook_<name>``
    beside the public function (``mathml.linalg._lu._textbook_lu`` for ``lu``)."""
    module = sys.modules.get(getattr(func, "__module__", ""), None)
    name = getattr(func, "__name__", None)  # a distribution object has none
    return getattr(module, f"_textbook_{name}", None) if module and name else None


def _source_with_helpers(func: Callable) -> str:
    """The function's source, then the private helpers it calls (transitively) that live in
    the same package, so a reader sees the whole algorithm."""
    seen: list[Callable] = []
    todo = [inspect.unwrap(func), *_backward_of(func)]
    package = func.__module__.split(".")[0]
    while todo:
        f = todo.pop(0)
        if f in seen:
            continue
        seen.append(f)
        try:
            tree = ast.parse(textwrap.dedent(_getsource(f)))
        except (OSError, TypeError, SyntaxError):
            continue
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id.startswith("_")}
        scope = getattr(f, "__globals__", None) or vars(sys.modules[f.__module__])
        for name in sorted(names):
            g = scope.get(name)
            if (inspect.isfunction(g) or inspect.isclass(g)) \
                    and (g.__module__ or "").split(".")[0] == package:
                todo.append(g)
    return "\n\n".join(_strip_docstring(_getsource(f)) for f in seen)


_SOURCES: dict = {}


def _getsource(obj) -> str:
    """`inspect.getsource`, once per object: the site's pages (``reference.docs``) ask for
    the same helpers again and again, and finding a class's source parses its module."""
    try:
        return _SOURCES[obj]
    except KeyError:
        source = _SOURCES[obj] = inspect.getsource(obj)
        return source
    except TypeError:  # unhashable
        return inspect.getsource(obj)


def _backward_of(func: Callable) -> list[Callable]:
    """A layer's backward pass, ``<name>_backward`` beside it (mathml.nn), shown with it."""
    module = sys.modules.get(getattr(func, "__module__", ""), None)
    backward = getattr(module, f"{getattr(func, '__name__', '')}_backward", None)
    return [backward] if inspect.isfunction(backward) else []


def _strip_docstring(source: str) -> str:
    """The source with its docstring cut to the first paragraph (whole sentences: the full
    teaching text of the concept is shown above the sources)."""
    tree = ast.parse(textwrap.dedent(source))
    body = tree.body[0].body if tree.body and hasattr(tree.body[0], "body") else []
    if not body or not isinstance(body[0], ast.Expr) or not isinstance(
            getattr(body[0], "value", None), ast.Constant) or not isinstance(body[0].value.value, str):
        return source.rstrip()
    lines = source.rstrip().splitlines()
    start, end = body[0].lineno - 1, body[0].end_lineno
    blank = next((k for k in range(start + 1, end) if not lines[k].strip()), None)
    if blank is None:  # one paragraph: all of it
        return "\n".join(lines)
    quote = '"""' if '"""' in lines[start] else "'''"
    return "\n".join(lines[:blank - 1] + [lines[blank - 1] + quote] + lines[end:])


def _two_sources(title_l: str, left: str, title_r: str, right: str, width: int) -> str:
    """Side by side from `SIDE_BY_SIDE` columns on; stacked (mathml's, then the
    reference's) below, each line wrapped to the width."""
    if width >= SIDE_BY_SIDE:
        return _side_by_side(title_l, left, title_r, right, width)
    parts = []
    for title, text in ((title_l, left), (title_r, right)):
        lines = [chunk for raw in text.expandtabs(4).splitlines()
                 for chunk in _wrap_code(raw, width)]
        rule = "─" * min(width, max(len(title), *(len(line) for line in lines)))
        parts.append("\n".join([title, rule, *lines]))
    return "\n\n".join(parts)


def _wrap_code(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, width, subsequent_indent="  ↪ ", drop_whitespace=False,
                         replace_whitespace=False) or [""]


def _side_by_side(title_l: str, left: str, title_r: str, right: str, width: int) -> str:
    col = max(20, (width - 3) // 2)
    L = [title_l, "─" * col] + [c for line in left.expandtabs(4).splitlines()
                                for c in _wrap_code(line, col)]
    R = [title_r, "─" * col] + [c for line in right.expandtabs(4).splitlines()
                                for c in _wrap_code(line, col)]
    height = max(len(L), len(R))
    L += [""] * (height - len(L))
    R += [""] * (height - len(R))
    return "\n".join(f"{a:<{col}} │ {b}".rstrip() for a, b in zip(L, R))


def _table(rows: list[tuple], width: int = 10_000) -> str:
    """Columns separated by two spaces, fitted to `width`: the widest columns are narrowed
    (down to 8 characters) and their cells wrapped onto more lines."""
    cells = [[str(v) for v in r] for r in rows]
    n = len(cells[0])
    widths = [max(len(r[i]) for r in cells) for i in range(n)]
    while sum(widths) + 2 * (n - 1) > width and max(widths) > 8:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    out = []
    for r in cells:
        wrapped = [textwrap.wrap(v, w, break_on_hyphens=False) or [""]
                   for v, w in zip(r, widths)]
        for k in range(max(len(w) for w in wrapped)):
            line = "  ".join(f"{(w[k] if k < len(w) else ''):<{wd}}"
                             for w, wd in zip(wrapped, widths))
            out.append(line.rstrip())
    return "\n".join(out)
