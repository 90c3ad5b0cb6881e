"""The `mathml` command: list, show, report, check and bench the concepts of the catalog.

    mathml list [AREA ...]            every concept: name, reference call, how it is compared
    mathml show AREA.NAME             the math, both sources side by side, the agreement
    mathml report [AREA ...]          every concept's examples through both backends
    mathml check FILE.py:FUNC AREA.NAME   your own function against a concept
    mathml bench [AREA ...]           mathml / reference timings, interleaved
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
import warnings
from pathlib import Path
from collections.abc import Sequence

from . import catalog, show
from .check import check
from .runner import run_concept

__all__ = ["main"]


# --- list --------------------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    concepts = catalog.all_concepts(args.areas)
    rows = [("concept", "checked against", "compared", "tolerance")]
    rows += [(c.name, c.reference_call, c.compared_by, c.tolerances) for c in concepts]
    print(_table(rows))
    return 0


# --- show --------------------------------------------------------------------------------------

def cmd_show(args: argparse.Namespace) -> int:
    """The math, the teaching text, both sources and the agreement: see `reference.show`."""
    return show.cmd_show(args)


def _table(rows: list[tuple]) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join(f"{str(v):<{w}}" for v, w in zip(r, widths)) + "  " + str(r[-1])
                     for r in rows)


# --- report ------------------------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    concepts = catalog.all_concepts(args.areas)
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
                     "agrees" if result.ok else "DISAGREES"))
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


# --- check -------------------------------------------------------------------------------------

def cmd_check(args: argparse.Namespace) -> int:
    path, _, name = args.target.rpartition(":")
    if not path or not name:
        print("usage: mathml check FILE.py:FUNCTION AREA.NAME", file=sys.stderr)
        return 2
    spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    if spec is None or spec.loader is None:
        print(f"cannot load {path}", file=sys.stderr)
        return 2
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    func = getattr(module, name)
    report = check(func, args.concept, max_examples=args.examples)
    print(report)
    return 0 if report.ok else 1


# --- bench -------------------------------------------------------------------------------------

def cmd_bench(args: argparse.Namespace) -> int:
    concepts = catalog.all_concepts(args.areas)
    if args.concept:
        concepts = [catalog.get(n) for n in args.concept]
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


# --- entry point -------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mathml", description="The mathematics of ML from scratch, checked against "
                                   "NumPy, SciPy, scikit-learn and SymPy.")
    sub = parser.add_subparsers(dest="command", required=True)
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
    p = sub.add_parser("bench", help="time mathml against the reference")
    p.add_argument("areas", nargs="*", metavar="AREA")
    p.add_argument("--concept", action="append", metavar="AREA.NAME", help="only these")
    p.add_argument("--seconds", type=float, default=1.0, help="time budget per concept")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.set_defaults(run=cmd_bench)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyError as exc:  # unknown concept or area
        print(f"mathml: {exc.args[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
