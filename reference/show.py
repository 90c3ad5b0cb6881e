"""`mathml show AREA.NAME`: a concept as a learner reads it.

The docstring's math and teaching text, the textbook algorithm where there is one, both
sources (mathml's and the reference's) with the private helpers they call, how the two are
compared, and the agreement on the catalog's example cases.
"""
from __future__ import annotations

import argparse
import ast
import inspect
import shutil
import sys
import textwrap
from collections.abc import Callable

import numpy as np

from . import catalog, compare
from .runner import ConceptResult, run_concept

__all__ = ["add_arguments", "cmd_show"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``mathml show``."""
    p.add_argument("name", metavar="AREA.NAME")
    p.add_argument("--width", type=int, default=0, help="columns (default: the terminal's)")


def cmd_show(args: argparse.Namespace) -> int:
    c = catalog.get(args.name)
    width = args.width or shutil.get_terminal_size((120, 40)).columns
    print(f"{c.name}  —  checked against {c.reference_call}  (compared: {c.compared_by}; "
          f"tolerance: {c.tolerances})")
    print()
    print(_math_of(c.mathml))
    if c.note:
        print()
        print(textwrap.fill(f"Note: {c.note}", width))
    textbook = _textbook_of(c.mathml)
    if textbook is not None:
        print()
        print(f"The textbook algorithm ({textbook.__module__}.{textbook.__name__}):")
        print()
        print(_strip_docstring(inspect.getsource(textbook)))
        print()
        print(f"The fast path: what mathml.{c.name} runs (its Notes say how it relates to "
              "the textbook form), beside the reference:")
    print()
    left = _source_with_helpers(c.mathml)
    right = _source_with_helpers(c.reference)
    print(_side_by_side(f"mathml.{c.name}", left, f"reference.{c.name}", right, width))
    print()
    print("How the two are compared:")
    strategies = dict.fromkeys(c.strategy_of(k) for k in c.cases)
    tolerances = dict.fromkeys(c.tolerance_of(k) for k in c.cases)
    for strategy in strategies:
        print(textwrap.fill(f"{strategy.label}: {strategy.reason}", width,
                            initial_indent="  ", subsequent_indent="    "))
    for name in tolerances:
        print(textwrap.fill(f"tolerance '{name}': {compare.TOLERANCES[name].reason}", width,
                            initial_indent="  ", subsequent_indent="    "))
    print()
    print("Agreement on the example cases:")
    result = run_concept(c)
    rows = [("case", "compared", "max abs error", "max rel error", "allowed rtol", "verdict")]
    for r in result.cases:
        a = r.agreement
        rows.append((r.case.label or r.case.describe()[:30], c.strategy_of(r.case).label,
                     f"{a.max_abs:.3g}", f"{a.max_rel:.3g}",
                     f"{a.rtol:.3g}", "agrees" if r.ok else "DISAGREES: " + r.explain()))
    for b in result.bad:
        rows.append((f"bad: {b.bad.case.label}", "", "", "", b.bad.expects.__name__,
                     "same error" if b.ok else "DIFFERS: " + b.detail))
    print(_table(rows))
    effort = _effort_rows(result)
    if effort:
        print()
        print("Work done by each (shown, not compared: iterative methods may take other paths)")
        print(_table(effort))
    return 0 if result.ok else 1


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


def _textbook_of(func: Callable) -> Callable | None:
    """The textbook form of an algorithm, where its module has one: ``_textbook_<name>``
    beside the public function (``mathml.linalg._lu._textbook_lu`` for ``lu``)."""
    module = sys.modules.get(getattr(func, "__module__", ""), None)
    name = getattr(func, "__name__", None)  # a distribution object has none
    return getattr(module, f"_textbook_{name}", None) if module and name else None


def _math_of(func: Callable) -> str:
    """The docstring's summary line and its first ``.. math::`` block."""
    doc = inspect.getdoc(func) or ""
    lines = doc.splitlines()
    out = [lines[0]] if lines else []
    for i, line in enumerate(lines):
        if line.strip().startswith(".. math::"):
            inline = line.split("::", 1)[1].strip()
            block = [inline] if inline else []
            for follow in lines[i + 1:]:
                if follow.strip() and not follow.startswith((" ", "\t")):
                    break
                block.append(follow.strip())
            out += ["", *("    " + b for b in block if b)]
            break
    return "\n".join(out)


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
            tree = ast.parse(textwrap.dedent(inspect.getsource(f)))
        except (OSError, TypeError, SyntaxError):
            continue
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id.startswith("_")}
        scope = getattr(f, "__globals__", None) or vars(sys.modules[f.__module__])
        for name in sorted(names):
            g = scope.get(name)
            if (inspect.isfunction(g) or inspect.isclass(g)) \
                    and (g.__module__ or "").split(".")[0] == package:
                todo.append(g)
    return "\n\n".join(_strip_docstring(inspect.getsource(f)) for f in seen)


def _backward_of(func: Callable) -> list[Callable]:
    """A layer's backward pass, ``<name>_backward`` beside it (mathml.nn), shown with it."""
    module = sys.modules.get(getattr(func, "__module__", ""), None)
    backward = getattr(module, f"{getattr(func, '__name__', '')}_backward", None)
    return [backward] if inspect.isfunction(backward) else []


def _strip_docstring(source: str) -> str:
    """The source with the docstring replaced by its first line: the math is shown above."""
    tree = ast.parse(textwrap.dedent(source))
    body = tree.body[0].body if tree.body and hasattr(tree.body[0], "body") else []
    if not body or not isinstance(body[0], ast.Expr) or not isinstance(
            getattr(body[0], "value", None), ast.Constant) or not isinstance(body[0].value.value, str):
        return source.rstrip()
    lines = source.rstrip().splitlines()
    start, end = body[0].lineno - 1, body[0].end_lineno
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    summary = body[0].value.value.strip().splitlines()[0]
    return "\n".join(lines[:start] + [f'{indent}"""{summary}"""'] + lines[end:])


def _side_by_side(title_l: str, left: str, title_r: str, right: str, width: int) -> str:
    col = max(20, (width - 3) // 2)
    wrap = lambda text: [chunk for line in text.expandtabs(4).splitlines()  # noqa: E731
                         for chunk in (textwrap.wrap(line, col, subsequent_indent="  ↪ ",
                                                     drop_whitespace=False,
                                                     replace_whitespace=False) or [""])]
    L, R = [title_l, "─" * col] + wrap(left), [title_r, "─" * col] + wrap(right)
    height = max(len(L), len(R))
    L += [""] * (height - len(L))
    R += [""] * (height - len(R))
    return "\n".join(f"{a:<{col}} │ {b}".rstrip() for a, b in zip(L, R))


def _table(rows: list[tuple]) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join(f"{str(v):<{w}}" for v, w in zip(r, widths)) + "  " + str(r[-1])
                     for r in rows)
