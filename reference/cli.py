"""The `mathml` command: list, show, report, check and bench the concepts of the catalog.

    mathml list [AREA ...]            every concept: name, reference call, how it is compared
    mathml show AREA.NAME             the math, both sources side by side, the agreement
    mathml report [AREA ...]          every concept's examples through both backends
    mathml check FILE.py:FUNC AREA.NAME   your own function against a concept
    mathml exercise AREA.NAME [-o FILE]   a stub to fill in, graded by `mathml check`
    mathml bench [AREA ...]           mathml / reference timings, interleaved
    mathml bench --record FILE.json   ... and the ratios kept in FILE.json (the site reads it)
    mathml bench --scale AREA.NAME    both timings over a series of sizes, and their growth
    mathml plot AREA.NAME [-o FILE]   a figure of both backends (needs matplotlib)

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
import sys
import time
import warnings
from pathlib import Path
from collections.abc import Callable, Sequence
from typing import NoReturn


from . import bench, catalog, exercise, show
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
    if args.threads < 1:
        raise UsageError(f"--threads must be at least 1, not {args.threads}")
    names = [args.scale] if args.scale is not None else (args.concept or [])
    concepts = [resolve_concept(n) for n in names] or _concepts_of(args.areas)
    with bench.limited_threads(concepts, args.threads):
        return _cmd_bench(args, concepts)


def _cmd_bench(args: argparse.Namespace, concepts: list[catalog.Concept]) -> int:
    if args.scale is not None:
        if args.areas or args.concept or args.record:
            raise UsageError("--scale times one concept: give only `--scale AREA.NAME`")
        return _bench_scale(concepts[0], args)
    budget = 1.0 if args.seconds is None else args.seconds
    if budget <= 0:
        raise UsageError(f"--seconds must be positive, not {budget}")
    rows = [("concept", "size", "rounds", "mathml median (min–max)",
             "reference median (min–max)", "ratio")]
    short = []
    recorded: dict[str, dict] = {}
    started = time.perf_counter()
    for c in concepts:
        if sys.stderr.isatty():
            print(f"\r{c.name:<40}", end="", file=sys.stderr, flush=True)
        t, case = bench.time_concept(c, budget)
        if t.rounds < bench.FULL_ROUNDS:
            short.append(f"{c.name} ({t.rounds})")
        rows.append((c.name, bench.describe_size(c.bench.size, case), str(t.rounds),
                     bench.spread(t.mathml), bench.spread(t.reference), f"{t.ratio:.2f}×"))
        recorded[c.name] = {"ratio": round(t.ratio, 4), "size": rows[-1][1],
                            "rounds": t.rounds, "seconds": budget, "threads": args.threads}
    total = time.perf_counter() - started
    if sys.stderr.isatty():
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    _print_rows(rows, args.markdown)
    print(f"\nratio = median mathml time / median reference time; the two run alternately "
          f"(order swapped each round) after one warm-up call each, {budget:g} s per concept, "
          f"{_threads(args.threads)}.")
    if short:
        print(f"Fewer than {bench.FULL_ROUNDS} rounds where one call is slow against the "
              f"budget (at least 1): {', '.join(short)}.")
    print(f"{len(concepts)} concept{'s' if len(concepts) != 1 else ''} in "
          f"{bench.format_time(total)} (budget {bench.format_time(budget * len(concepts))}).")
    if args.record:
        _record_bench(Path(args.record), recorded)
    return 0


def _threads(n: int) -> str:
    return f"{n} BLAS/OpenMP thread{'s' if n != 1 else ''} (--threads)"


def _record_bench(path: Path, recorded: dict[str, dict]) -> None:
    """Merge this run's ratios into the JSON file `path` (concept → ratio, size, rounds,
    seconds, date), keeping the concepts this run did not time: the documentation site shows
    each concept's last recorded ratio with its date."""
    import datetime
    import json
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except json.JSONDecodeError as exc:
        raise UsageError(f"--record: {path} is not JSON ({exc}); remove it or choose another "
                         "file") from None
    today = datetime.date.today().isoformat()
    for name, entry in recorded.items():
        data[name] = {**entry, "date": today}
    path.write_text(json.dumps(dict(sorted(data.items())), indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    print(f"recorded {len(recorded)} ratio{'s' if len(recorded) != 1 else ''} in {path}")


def _bench_scale(c: catalog.Concept, args: argparse.Namespace) -> int:
    budget = 20.0 if args.seconds is None else args.seconds
    if budget <= 0:
        raise UsageError(f"--seconds must be positive, not {budget}")

    def progress(size: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{c.name} n={size:<30}", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    s = bench.scale_concept(c, budget, progress=progress)
    total = time.perf_counter() - started
    if sys.stderr.isatty():
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    rows = [("n", "size", "rounds", "mathml median (min–max)", "reference median (min–max)",
             "ratio")]
    for n, shape, t in zip(s.sizes, s.shapes, s.timings):
        rows.append((str(n), shape, str(t.rounds), bench.spread(t.mathml),
                     bench.spread(t.reference), f"{t.ratio:.2f}×"))
    print(f"{c.name}: both backends at a geometric series of sizes of its benchmark input")
    _print_rows(rows, args.markdown)
    k_m, k_r = s.exponents
    print(f"\ngrowth exponent k (time ∝ nᵏ; least squares of log min time on log n, "
          f"n = {s.sizes[0]}…{s.sizes[-1]}):")
    print(_table([("  mathml", f"k = {k_m:.2f}"), ("  reference", f"k = {k_r:.2f}")]))
    print(f"At small n a fixed cost per call (validation, Python overhead) flattens the curve: "
          f"k is the exponent over these sizes, not the asymptotic one.\n"
          f"{len(s.sizes)} sizes in {bench.format_time(total)} (budget "
          f"{bench.format_time(budget)}; n/4, n/2 and n are always run), "
          f"{_threads(args.threads)}.")
    return 0


def _print_rows(rows: Sequence[Sequence[str]], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(rows[0]) + " |")
        print("|" + "---|" * len(rows[0]))
        for r in rows[1:]:
            print("| " + " | ".join(r) + " |")
    else:
        print(_table([tuple(r) for r in rows]))


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


# --- plot --------------------------------------------------------------------------------------

def cmd_plot(args: argparse.Namespace) -> int:
    """Draw a concept's figure (`reference.figures`) into a file: AREA.NAME.png in the
    current folder unless -o names another (its suffix picks the format: .png, .svg, .pdf)."""
    from . import figures  # not at the top: the other commands never need it
    if args.list:
        if args.name is not None:
            raise UsageError("give either AREA.NAME or --list, not both")
        by_area: dict[str, list[str]] = collections.defaultdict(list)
        for name in figures.names():
            area, function_name = name.split(".", 1)
            by_area[area].append(function_name)
        print(_table([("area", "concepts with a figure")]
                     + [(a, " ".join(ns)) for a, ns in by_area.items()]))
        print(f"\n{sum(map(len, by_area.values()))} concepts have a figure: "
              "`mathml plot AREA.NAME` draws one")
        return 0
    if args.name is None:
        raise UsageError("give the concept to draw, e.g. `mathml plot special.erf`, or "
                         "`mathml plot --list` for the concepts that have a figure")
    concept = resolve_concept(args.name)
    if not figures.has_figure(concept.name):
        raise UsageError(f"{concept.name} has no figure: `mathml plot --list` names the "
                         "concepts that have one")
    out = Path(args.output or f"{concept.name}.png")
    try:
        fig = figures.draw(concept.name)
        fig.savefig(out, dpi=args.dpi)
    except figures.MatplotlibMissing as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # matplotlib's "Format 'xyz' is not supported"
        if "is not supported" not in str(exc):
            raise
        raise UsageError(f"{out}: {exc}; give a .png, .svg or .pdf file") from None
    except OSError as exc:  # no such folder, no permission
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"wrote {out}: {concept.name}, mathml and reference")
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
    p = sub.add_parser("plot", help="draw a concept's figure, both backends (needs matplotlib)")
    p.add_argument("name", metavar="AREA.NAME", nargs="?")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to save it; the suffix picks the format (default: AREA.NAME.png)")
    p.add_argument("--dpi", type=float, default=100, help="resolution of a .png (default 100)")
    p.add_argument("--list", action="store_true", help="the concepts that have a figure")
    p.set_defaults(run=cmd_plot)
    p = sub.add_parser("bench", help="time mathml against the reference")
    p.add_argument("areas", nargs="*", metavar="AREA")
    p.add_argument("--concept", action="append", metavar="AREA.NAME", help="only these")
    p.add_argument("--seconds", type=float, default=None,
                   help="time budget per concept (default 1; with --scale, for the whole "
                        "series, default 20)")
    p.add_argument("--scale", metavar="AREA.NAME",
                   help="time one concept at n/4, n/2, n, 2n, ... and fit time ∝ nᵏ")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.add_argument("--threads", type=int, default=1, metavar="N",
                   help="BLAS and OpenMP threads of both backends while timing (default 1: "
                        "the ratios of docs/benchmarks.md)")
    p.add_argument("--record", metavar="FILE.json",
                   help="also merge the ratios into FILE.json (docs/bench.json: the site's)")
    p.set_defaults(run=cmd_bench)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyError as exc:  # a catalog lookup outside the resolvers above
        raise UsageError(exc.args[0]) from None


if __name__ == "__main__":
    sys.exit(main())
