"""The `mathml` command: list, show, report, check and bench the concepts of the catalog.

    mathml list [AREA ...]            every concept: name, reference call, how it is compared
    mathml show AREA.NAME             the math, both sources side by side, the agreement
    mathml report [AREA ...]          every concept's examples through both backends
    mathml check FILE.py:FUNC AREA.NAME   your own function against a concept
    mathml exercise AREA.NAME [-o FILE]   a stub to fill in, graded by `mathml check`
    mathml bench [AREA ...]           mathml / reference timings, interleaved

Exit status: 0 when everything agrees, 1 on a disagreement, 2 on a usage error (one line on
stderr saying what was wrong and what to type instead).
"""
from __future__ import annotations

import argparse
import collections
import difflib
import importlib.util
import inspect
import math
import os
import statistics
import sys
import time
import warnings
from pathlib import Path
from collections.abc import Callable, Sequence
from typing import NoReturn


from . import catalog, exercise, show
from .check import check
from .runner import ConceptResult, run_concept

__all__ = ["main", "UsageError", "resolve_concept"]


class UsageError(Exception):
    """A mistake in how the command was called: printed as one line, exit status 2."""


def resolve_concept(name: str) -> catalog.Concept:
    """The concept called `name`, or a `UsageError` suggesting the names that were meant:
    ``inv`` → ``linalg.inv``, an area → ``mathml list AREA``, a typo → the closest names."""
    concepts = {c.name: c for c in catalog.all_concepts()}
    if name in concepts:
        return concepts[name]
    if name in catalog.AREAS:
        raise UsageError(f"{name!r} is an area, not a concept: `mathml list {name}` shows its "
                         "concepts")
    short = name.rsplit(".", 1)[-1]
    meant = [n for n, c in concepts.items() if c.function_name.rsplit(".", 1)[-1] == short]
    meant = meant or difflib.get_close_matches(name, concepts, n=3, cutoff=0.6)
    if not meant:  # a misspelt name without its area: `mathml show invv`
        by_name = {c.function_name.rsplit(".", 1)[-1]: n for n, c in concepts.items()}
        meant = [by_name[n] for n in difflib.get_close_matches(short, by_name, n=3, cutoff=0.75)]
    hint = (f"did you mean {' or '.join(meant)}?" if meant
            else "`mathml list` shows every concept")
    raise UsageError(f"no concept {name!r}; {hint}")


def _concepts_of(areas: Sequence[str]) -> list[catalog.Concept]:
    """The concepts of `areas` (all when empty); a concept name given as an area is a
    usage error pointing at `show`."""
    for a in areas:
        if a not in catalog.AREAS:
            if "." in a and a in {c.name for c in catalog.all_concepts()}:
                raise UsageError(f"{a!r} is a concept, not an area: use `mathml show {a}` "
                                 f"(or give its area: {a.split('.')[0]})")
            close = difflib.get_close_matches(a, catalog.AREAS, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UsageError(f"no area {a!r}; {hint}the areas are {', '.join(catalog.AREAS)}")
    return catalog.all_concepts(list(areas))


# --- list --------------------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    concepts = _concepts_of(args.areas)
    rows = [("concept", "checked against", "compared", "tolerance")]
    rows += [(c.name, c.reference_call, c.compared_by, c.tolerances) for c in concepts]
    print(_table(rows))
    return 0


# --- show --------------------------------------------------------------------------------------

def cmd_show(args: argparse.Namespace) -> int:
    """The math, the teaching text, both sources and the agreement: see `reference.show`."""
    resolve_concept(args.name)  # an unknown name: one line suggesting the concept meant
    return show.cmd_show(args)


_table = show._table  # columns separated by two spaces (one formatter for every command)


# --- report ------------------------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    concepts = _concepts_of(args.areas)
    progress = sys.stderr.isatty()
    rows = [("concept", "compared", "tolerance", "cases", "bad inputs", "worst abs", "worst rel",
             "verdict")]
    failures: list[tuple[str, list[str]]] = []
    for i, c in enumerate(concepts, 1):
        if progress:
            print(f"\r[{i}/{len(concepts)}] {c.name:<40}", end="", file=sys.stderr, flush=True)
        result = run_concept(c)
        worst = result.worst
        rows.append((c.name, c.compared_by, c.tolerances, str(len(result.cases)),
                     str(len(result.bad)), f"{worst.max_abs:.2g}", f"{worst.max_rel:.2g}",
                     _verdict(result)))
        if not result.ok:
            failures.append((c.name, result.failures()))
    if progress:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    print(_table(rows))
    print()
    print(f"{len(concepts)} concepts: {len(concepts) - len(failures)} agree, "
          f"{len(failures)} disagree")
    for name, problems in failures:
        print(f"\n{name}:")
        for p in problems:
            print("  " + p)
    return 1 if failures else 0


def _verdict(result: ConceptResult) -> str:
    """The report's verdict: which case disagrees first, and why an infinite relative error
    can stand beside "agrees" (an answer within the absolute tolerance of an exact zero)."""
    for i, r in enumerate(result.cases, 1):
        if not r.ok:
            return f"DISAGREES on case {i} of {len(result.cases)}"
    for i, b in enumerate(result.bad, 1):
        if not b.ok:
            return f"DISAGREES on bad input {i} of {len(result.bad)}"
    if math.isinf(result.worst.max_rel):
        return "agrees (rel error inf: an exact 0 matched within the absolute tolerance)"
    return "agrees"


# --- check -------------------------------------------------------------------------------------

def cmd_check(args: argparse.Namespace) -> int:
    func = load_function(args.target, "check")
    concept = resolve_concept(args.concept)
    if exercise.is_stub(func, concept):
        print(f"{concept.name}: not implemented yet ({args.target} raises "
              "NotImplementedError): write its body, then run this check again")
        return 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = check(func, concept, max_examples=args.examples)
    print(report)
    for (category, message, where), count in collections.Counter(
            (w.category.__name__, str(w.message), f"{Path(w.filename).name}:{w.lineno}")
            for w in caught).items():  # counted, not printed once per input
        times = f"{count} times" if count > 1 else "once"
        print(f"warned {times} ({where}): {category}: {message}")
    return 0 if report.ok else 1


def load_function(target: str, command: str) -> Callable:
    """The function or class named by ``FILE.py:NAME``, loaded with the file's folder on the
    import path (so it may import its sibling modules); a `UsageError` for each misuse."""
    path, colon, name = target.rpartition(":")
    if not colon or not path or not name:
        raise UsageError(f"{target!r}: give the file and the function, FILE.py:FUNCTION "
                         f"(e.g. `mathml {command} mine.py:my_inv linalg.inv`)")
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"no file {path!r} (from {Path.cwd()}); give the path to your .py "
                         "file")
    spec = importlib.util.spec_from_file_location(file.stem, file)
    if spec is None or spec.loader is None:
        raise UsageError(f"cannot load {path!r} as Python: give a .py file")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses and pickling look it up there
    folder = str(file.resolve().parent)
    sys.path.insert(0, folder)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) else ""
        raise UsageError(f"{path}{where} failed to load: {type(exc).__name__}: {exc}") from None
    finally:
        sys.path.remove(folder)
    defined = [n for n, v in vars(module).items() if not n.startswith("_")
               and (inspect.isfunction(v) or inspect.isclass(v))
               and getattr(v, "__module__", None) == module.__name__]
    if not callable(getattr(module, name, None)):
        close = difflib.get_close_matches(name, defined, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        listed = f"it defines {', '.join(defined)}" if defined else "it defines no function"
        raise UsageError(f"{path} has no function {name!r} ({listed}){hint}")
    return getattr(module, name)


# --- bench -------------------------------------------------------------------------------------

def cmd_bench(args: argparse.Namespace) -> int:
    concepts = _concepts_of(args.areas)
    if args.concept:
        concepts = [resolve_concept(n) for n in args.concept]
    rows = [("concept", "size", "mathml", "reference", "ratio")]
    for c in concepts:
        if sys.stderr.isatty():
            print(f"\r{c.name:<40}", end="", file=sys.stderr, flush=True)
        t_m, t_r = _time_interleaved(c, args.seconds)
        rows.append((c.name, str(c.bench.size), _seconds(t_m), _seconds(t_r), f"{t_m / t_r:.2f}×"))
    if sys.stderr.isatty():
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    if args.markdown:
        print("| " + " | ".join(rows[0]) + " |")
        print("|" + "---|" * len(rows[0]))
        for r in rows[1:]:
            print("| " + " | ".join(r) + " |")
    else:
        print(_table(rows))
    print("\nratio = median mathml time / median reference time, measured alternately in one run.")
    return 0


def _time_interleaved(c: catalog.Concept, budget: float) -> tuple[float, float]:
    """Median times of both backends, run alternately (order swapped each round) until each
    has at least 5 runs and the time budget is spent, or 200 rounds (quietly: a warning
    is the tests' business, and printing it would be timed too)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _time_alternately(c, budget)


def _time_alternately(c: catalog.Concept, budget: float) -> tuple[float, float]:
    case = c.bench.case()
    funcs = {"mathml": c.mathml, "reference": c.reference}
    times: dict[str, list[float]] = {"mathml": [], "reference": []}
    for f in funcs.values():  # warm-up: imports, caches
        c.apply(f, case)
    start = time.perf_counter()
    for round_ in range(200):
        order = ("mathml", "reference") if round_ % 2 == 0 else ("reference", "mathml")
        for backend in order:
            t0 = time.perf_counter()
            c.apply(funcs[backend], case)
            times[backend].append(time.perf_counter() - t0)
        if round_ >= 4 and time.perf_counter() - start > budget:
            break
    return statistics.median(times["mathml"]), statistics.median(times["reference"])


def _seconds(t: float) -> str:
    return f"{t * 1e3:.3g} ms" if t >= 1e-3 else f"{t * 1e6:.3g} µs"


# --- exercise ----------------------------------------------------------------------------------

def cmd_exercise(args: argparse.Namespace) -> int:
    if args.list is not None:
        if args.name is not None:
            raise UsageError("give either AREA.NAME or --list AREA, not both")
        _concepts_of([args.list])
        print(exercise.order_table(args.list))
        return 0
    if args.name is None:
        raise UsageError("give the concept to practise, e.g. `mathml exercise linalg.dot`, "
                         "or `mathml exercise --list linalg` for the order")
    concept = resolve_concept(args.name)
    try:
        text = exercise.stub(concept, args.output or "FILE.py")
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not args.output:
        print(text, end="")
        return 0
    out = Path(args.output)
    if out.exists() and not args.force:
        raise UsageError(f"{args.output} exists; your work is kept: choose another name or "
                         "add --force to overwrite it")
    out.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}: fill in {exercise.name_in_stub(concept)}, then "
          f"`mathml check {args.output}:{exercise.name_in_stub(concept)} {concept.name}`")
    return 0


# --- entry point -------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    """argparse, with its errors as one line (the mistake and where to read the usage)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except UsageError as exc:
        print(f"mathml: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `mathml list | head`: the reader has all it wanted
        try:  # flushing at exit would raise again: point stdout at nothing
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a file (captured in tests)
            pass
        return 141  # 128 + SIGPIPE, as a program killed by the closed pipe
    except KeyboardInterrupt:  # Ctrl-C during a long report: stop without a traceback
        print(file=sys.stderr)
        return 130


def _run(argv: Sequence[str] | None) -> int:
    parser = _Parser(
        prog="mathml", description="The mathematics of ML from scratch, checked against "
                                   "NumPy, SciPy, scikit-learn and SymPy.",
        epilog="Exit status: 0 agreement, 1 a disagreement, 2 a usage error.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("list", help="list the concepts")
    p.add_argument("areas", nargs="*", metavar="AREA")
    p.set_defaults(run=cmd_list)
    p = sub.add_parser("show", help="the math, both sources side by side, the agreement")
    show.add_arguments(p)
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("report", help="every concept's examples through both backends")
    p.add_argument("areas", nargs="*", metavar="AREA")
    p.set_defaults(run=cmd_report)
    p = sub.add_parser("check", help="check your own function against a concept")
    p.add_argument("target", metavar="FILE.py:FUNCTION")
    p.add_argument("concept", metavar="AREA.NAME")
    p.add_argument("--examples", type=int, default=100, help="generated inputs to try")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("exercise", help="write a stub of a concept for you to fill in")
    p.add_argument("name", metavar="AREA.NAME", nargs="?")
    p.add_argument("-o", "--output", metavar="FILE", help="write the stub there (default: print)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--list", metavar="AREA", help="the area's concepts in a suggested order")
    p.set_defaults(run=cmd_exercise)
    p = sub.add_parser("bench", help="time mathml against the reference")
    p.add_argument("areas", nargs="*", metavar="AREA")
    p.add_argument("--concept", action="append", metavar="AREA.NAME", help="only these")
    p.add_argument("--seconds", type=float, default=1.0, help="time budget per concept")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.set_defaults(run=cmd_bench)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyError as exc:  # a catalog lookup outside the resolvers above
        raise UsageError(exc.args[0]) from None


if __name__ == "__main__":
    sys.exit(main())
