"""The documentation site: its pages generated from the catalog, and the one command that
builds it.

    python -m reference.docs            # the site, in docs/_build/html (warnings are errors)

Sphinx reads ``docs/``; its ``conf.py`` calls :func:`generate`, which writes one page per
concept of the catalog into ``docs/api/`` (git-ignored, rebuilt every time): the docstring
(rendered by numpydoc, its math by MathJax), the textbook algorithm where there is one, the
mathml source beside the reference's, how the two are compared and why, their agreement on
the example cases measured while the page is built, the last recorded benchmark ratio
(``docs/bench.json``, written by ``mathml bench --record``) and a figure where the concept
has one (``reference.figures``). It also writes a page per area, the index of the areas and
the tolerance table. The pages reuse what ``mathml show`` and ``mathml report`` run
(:mod:`reference.show`, :mod:`reference.runner`), so the site says what the command says.

Everything here but :func:`main` is string building: importing this module imports neither
Sphinx nor matplotlib (:mod:`reference.figures` imports it when it draws).
"""
from __future__ import annotations

import argparse
import datetime
import inspect
import json
import os
import re
import sys
import textwrap
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import catalog, compare, show
from .compare import KINDS
from .runner import ConceptResult

__all__ = ["ROOT", "DOCS", "API", "SECTIONS", "concept_page", "area_page", "areas_index",
           "tolerance_page", "generate", "main"]

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
#: where the generated pages go (git-ignored)
API = DOCS / "api"
#: the sections every concept page has, in order (a figure section only where there is one)
SECTIONS = ("The mathematics", "The two sources", "How the two are compared",
            "Agreement on the example cases", "Speed")


# --- text ------------------------------------------------------------------------------------

_TOKENS = re.compile(r"``.+?``|:math:`[^`]*`|(?<!`)`\\[A-Za-z][^`]*`(?!`)|`[^`]+`")


def rst_text(text: str) -> str:
    """Plain prose from the catalog or the tolerance table as reStructuredText: ````code````
    and ``:math:`…``` kept, LaTeX in single backquotes as math, `name` as literal, and every
    other character that means something to reStructuredText escaped."""
    text = " ".join(text.split())
    out, last = [], 0
    for m in _TOKENS.finditer(text):
        out.append(_escape(text[last:m.start()]))
        token = m.group(0)
        if token.startswith("`\\"):
            token = f":math:{token}"
        elif token.startswith("`") and not token.startswith("``"):
            token = f"``{token[1:-1]}``"
        out.append(token)
        last = m.end()
    out.append(_escape(text[last:]))
    return "".join(out)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_|\[\]<>])", r"\\\1", text)


def _heading(title: str, char: str = "-") -> str:
    return f"{title}\n{char * len(title)}\n"


def _indent(text: str, spaces: int) -> str:
    return textwrap.indent(text, " " * spaces, lambda line: bool(line.strip()))


def _code(source: str, spaces: int = 0) -> str:
    body = _indent(source.expandtabs(4).rstrip(), 3)
    return _indent(f".. code-block:: python\n\n{body}\n", spaces)


def _table(rows: Sequence[Sequence[str]], widths: str = "auto", spaces: int = 0) -> str:
    """A list-table, the first row its header; cells are reStructuredText."""
    lines = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", ""]
    for row in rows:
        for k, cell in enumerate(row):
            lines.append(f"   {'*' if k == 0 else ' '} - {cell or ' '}")
    return _indent("\n".join(lines) + "\n", spaces)


def summary(c: catalog.Concept) -> str:
    """The first line of the mathml docstring: the concept in one sentence."""
    doc = inspect.getdoc(c.mathml) or ""
    return doc.strip().split("\n\n")[0].replace("\n", " ")


def label(name: str) -> str:
    """The reference label of a concept's page (``concept-linalg-svd``)."""
    return "concept-" + name.replace(".", "-").replace("_", "-").lower()


def _slug(kind: str, name: str) -> str:
    """The label of a tolerance's or a strategy's entry (``strategy-sign-svd``): their names
    hold colons and spaces, which a reStructuredText target would read as its own syntax."""
    return f"{kind}-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _tolerance_ref(name: str) -> str:
    return f":ref:`{name} <{_slug('tolerance', name)}>`"


def _strategy_ref(name: str) -> str:
    return f":ref:`{name} <{_slug('strategy', name)}>`"


# --- the docstrings as reStructuredText -----------------------------------------------------

#: what reStructuredText must leave alone on a line: literals, roles, interpreted text
_KEEP = re.compile(r"``.+?``|:[\w:+-]+:`[^`]*`|`[^`]+`_{0,2}"
                   r"|\*\*[^*\s](?:[^*]*[^*\s])?\*\*|\*[^*\s](?:[^*]*[^*\s])?\*(?!\*)")
#: directives whose body is code or math, not prose
_VERBATIM = re.compile(r"\.\.\s+(math|code-block|code|sourcecode|literalinclude|highlight)::")


def prose_as_rst(lines: list[str]) -> None:
    """Make a docstring's prose, as numpydoc hands it to Sphinx, valid reStructuredText in
    the two habits of the terminal it was written for (``mathml show`` prints it): ``|x|``
    is an absolute value or a norm, not a substitution, and ``coef_`` is an attribute, not a
    hyperlink reference; a ``*`` outside emphasis (``(*shape, d)``) is a star.
    Literals, roles, math and code blocks, and doctests are left as they are. `lines` is
    changed in place (Sphinx's ``autodoc-process-docstring``)."""
    skip_indent: int | None = None
    doctest = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not stripped or indent > skip_indent:
                continue
            skip_indent = None
        doctest = bool(stripped) and (doctest or stripped.startswith(">>>"))
        if doctest:
            continue
        if stripped.startswith(".."):
            if _VERBATIM.match(stripped) or stripped.endswith("::"):
                skip_indent = indent
            continue
        lines[k] = _prose_line(line)
        if stripped.endswith("::"):
            skip_indent = indent


def _prose_line(line: str) -> str:
    out, last = [], 0
    for m in _KEEP.finditer(line):
        out.append(_escape_prose(line[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_escape_prose(line[last:]))
    return "".join(out)


def _escape_prose(text: str) -> str:
    text = text.replace("|", "\\|")
    text = re.sub(r"(?<=\w)_(?![\w])", r"\\_", text)
    return text.replace("*", "\\*")  # a star outside emphasis and strong: a star


# --- one concept -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Versions:
    """When and against what the agreement of the pages was measured."""

    date: str
    libraries: str

    @classmethod
    def now(cls) -> Versions:
        import numpy
        import scipy
        import sklearn
        import sympy
        libraries = (f"NumPy {numpy.__version__}, SciPy {scipy.__version__}, scikit-learn "
                     f"{sklearn.__version__}, SymPy {sympy.__version__}")
        return cls(datetime.date.today().isoformat(), libraries)


def _directive(c: catalog.Concept) -> str:
    """The autodoc directive of the mathml object: a class, a function, or a distribution
    object (documented as data, its docstring that of its class)."""
    target = f"mathml.{c.name}"
    if inspect.isclass(c.mathml):
        return f".. autoclass:: {target}\n"
    if inspect.isfunction(c.mathml):
        return f".. autofunction:: {target}\n"
    return f".. autodata:: {target}\n   :no-value:\n"


def concept_page(c: catalog.Concept, result: ConceptResult | None, versions: Versions,
                 bench: dict | None = None, figure: str | None = None) -> str:
    """The page of concept `c` as reStructuredText.

    `result` is its agreement (:func:`reference.show._run`: the cases and bad inputs through
    both backends), None to leave the measurement out (a fast build says so on the page);
    `bench` its entry of docs/bench.json; `figure` the path of its figure relative to the page.
    """
    parts = [f".. _{label(c.name)}:\n", _heading(c.name, "="), rst_text(summary(c)) + "\n"]
    facts = [(":Checked against:", f"``{c.reference_call}``"),
             (":Compared:", f"{_strategy_ref(c.comparison)} — {rst_text(KINDS[c.strategy_of().kind])}"),
             (":Tolerance:", ", ".join(_tolerance_ref(t) for t in c.tolerances.split(", "))),
             (":Speed:", _bench_line(bench)),
             (":In the command:", f"``mathml show {c.name}``")]
    if c.seeds:
        facts.insert(3, (":Seeds:", ", ".join(c.seeds)))
    parts.append("\n".join(f"{k} {v}" for k, v in facts) + "\n")
    if c.note:
        parts.append(f".. note::\n\n{_indent(rst_text(c.note), 3)}\n")
    if figure:
        parts.append(_heading("Figure"))
        parts.append(f".. figure:: {figure}\n   :alt: {c.name}, both backends\n   :width: 100%\n\n"
                     f"   ``mathml plot {c.name}``: mathml and the reference on one figure.\n")
    parts.append(_heading(SECTIONS[0]))
    parts.append(_directive(c))
    parts.append(_textbook_section(c))
    parts.append(_heading(SECTIONS[1]))
    parts.append(_sources(c))
    parts.append(_heading(SECTIONS[2]))
    parts.append(_comparison(c))
    parts.append(_heading(SECTIONS[3]))
    parts.append(_agreement(c, result, versions))
    parts.append(_heading(SECTIONS[4]))
    parts.append(_speed(c, bench))
    return "\n".join(parts)


def _bench_line(bench: dict | None) -> str:
    if not bench:
        return "not recorded yet (``mathml bench --record docs/bench.json``)"
    return (f"{bench['ratio']:.2f}× the reference's time "
            f"(recorded {bench['date']}, :doc:`/benchmarks`)")


def _textbook_section(c: catalog.Concept) -> str:
    textbook = show._textbook_of(c.mathml)
    if textbook is None:
        return ""
    name = f"{textbook.__module__}.{textbook.__name__}"
    return (_heading("The textbook algorithm", "~")
            + f"\nThe algorithm as the books write it (``{name}``); what "
              f"``mathml.{c.name}`` runs is the fast path below, and its Notes say how the two "
              "relate.\n\n"
            + _code(show._strip_docstring(inspect.getsource(textbook))) + "\n")


def _sources(c: catalog.Concept) -> str:
    """mathml's source and the reference's, side by side (two columns, ``mathml.css``),
    each with the private helpers it calls."""
    columns = []
    for backend, func in (("mathml", c.mathml), ("reference", c.reference)):
        source = show._source_with_helpers(func)
        columns.append(_indent(f".. container:: mathml-source\n\n"
                               f"   **{backend}.{c.name}**\n\n{_code(source, 3)}", 3))
    intro = ("The from-scratch implementation (left) and the reference wrapper (right), each "
             "followed by the private helpers it calls; docstrings are cut to their first "
             "paragraph (the whole of mathml's is above).")
    if c.name in show._METHODS:
        methods = show._METHODS[c.name]
        intro += (f" ``mathml.{c.name}`` dispatches on ``{methods.option}``; ``mathml show "
                  f"{c.name} --method {methods.example}`` shows one solver beside the "
                  "library's.")
    return intro + "\n\n.. container:: mathml-sources\n\n" + "\n".join(columns) + "\n"


def _comparison(c: catalog.Concept) -> str:
    strategies = dict.fromkeys(c.strategy_of(k) for k in (None, *c.cases))
    tolerances = dict.fromkeys(c.tolerance_of(k) for k in (None, *c.cases))
    lines = []
    for s in strategies:
        lines.append(f"- strategy {_strategy_ref(s.name)} ({s.kind}: "
                     f"{rst_text(KINDS[s.kind])}): {rst_text(s.reason)}")
    for name in tolerances:
        t = compare.TOLERANCES[name]
        lines.append(f"- tolerance {_tolerance_ref(name)} ({_tolerance_numbers(t)}): "
                     f"{rst_text(t.reason)}")
    if c.properties:
        lines.append(f"- each backend's answer must also satisfy the defining properties "
                     f"``{c.properties}`` on every case")
    return "\n".join(lines) + "\n"


def _tolerance_numbers(t: compare.Tolerance) -> str:
    words = [f"rtol {t.rtol:.3g}", f"atol {t.atol:.3g}"]
    if t.normwise:
        words.append("normwise")
    if t.cond_factor:
        where = "atol" if t.cond_in_atol else "rtol"
        power = "" if t.cond_exponent == 1 else f"^{t.cond_exponent}"
        words.append(f"{where} grows to {t.cond_factor:g}·cond(A){power}·eps")
    return ", ".join(words)


def _agreement(c: catalog.Concept, result: ConceptResult | None, versions: Versions) -> str:
    if result is None:
        return ("Not measured in this build (``MATHML_DOCS_AGREEMENT=0``); "
                f"``mathml show {c.name}`` measures it.\n")
    verdict = ("both backends agree on every case and raise the same errors on every bad "
               "input" if result.ok else "**a disagreement**: " + rst_text("; ".join(
                   result.failures())))
    text = (f"Measured when this page was built ({versions.date}; {versions.libraries}): "
            f"{len(result.cases)} example case{'s' if len(result.cases) != 1 else ''}, "
            f"{len(result.bad)} bad input{'s' if len(result.bad) != 1 else ''}; {verdict}.\n\n")
    rows = [("case", "compared", "max abs error", "max rel error", "allowed rtol", "verdict")]
    for r in result.cases:
        a = r.agreement
        rows.append((rst_text(r.case.label or r.case.describe()[:40]),
                     rst_text(c.strategy_of(r.case).label), f"{a.max_abs:.3g}", f"{a.max_rel:.3g}",
                     f"{a.rtol:.3g}", "agrees" if r.ok else "**disagrees**: " + rst_text(r.explain())))
    for b in result.bad:
        rows.append((f"bad: {rst_text(b.bad.case.label)}", "raises", "", "",
                     f"``{b.bad.expects.__name__}``",
                     "same error" if b.ok else "**differs**: " + rst_text(b.detail)))
    text += _table(rows, "30 16 10 10 10 24")
    effort = show._effort_rows(result)
    if effort:
        text += ("\nThe work each did (shown, not compared: iterative methods may take other "
                 "paths):\n\n" + _table([tuple(rst_text(v) for v in row) for row in effort]))
    return text


def _speed(c: catalog.Concept, bench: dict | None) -> str:
    if not bench:
        return ("No ratio recorded yet: ``mathml bench --concept "
                f"{c.name} --record docs/bench.json`` records one.\n")
    return (f"mathml took **{bench['ratio']:.2f}×** the reference's time (median of "
            f"{bench['rounds']} alternating rounds, {rst_text(bench['size'])}"
            + (f", {bench['threads']} BLAS/OpenMP thread" if "threads" in bench else "")
            + f"), recorded on "
            f"{bench['date']} by ``mathml bench --seconds {bench['seconds']:g} --record "
            "docs/bench.json``; a ratio below 1 means mathml was faster. "
            f"``mathml bench --concept {c.name}`` measures it again on your machine; "
            ":doc:`/benchmarks` has the whole table.\n")


# --- areas, tolerances ----------------------------------------------------------------------

def area_title(area: str) -> str:
    return f"``{area}``"


def area_page(area: str, concepts: Iterable[catalog.Concept]) -> str:
    concepts = list(concepts)
    module = sys.modules.get(f"mathml.{area}")
    doc = (inspect.getdoc(module) or "").split("\n\n")[0].replace("\n", " ") if module else ""
    rows = [("concept", "in one line", "checked against")]
    for c in concepts:
        rows.append((f":ref:`{c.function_name} <{label(c.name)}>`", rst_text(summary(c)),
                     f"``{c.reference_call}``"))
    toctree = ".. toctree::\n   :hidden:\n\n" + "".join(f"   {c.name}\n" for c in concepts)
    return (f".. _area-{area}:\n\n" + _heading(area_title(area), "=") + "\n"
            + (rst_text(doc) + "\n\n" if doc else "")
            + f"{len(concepts)} concept{'s' if len(concepts) != 1 else ''}, each compared "
              f"with its reference; ``mathml list {area}`` lists them in the terminal.\n\n"
            + _table(rows, "25 55 20") + "\n" + toctree)


def areas_index(areas: Sequence[str], counts: dict[str, int]) -> str:
    total = sum(counts.values())
    rows = [("area", "concepts")] + [(f":ref:`{a} <area-{a}>`", str(counts[a])) for a in areas]
    return (".. _concept-pages:\n\n" + _heading("The concepts", "=") + "\n"
            f"A page for each of the {total} concepts of the catalog, generated from it when "
            "the site is built: the mathematics, the two sources side by side, how they are "
            "compared, their agreement measured during the build, the speed ratio last "
            "recorded and, where a picture helps, a figure of both backends. "
            ":doc:`/concepts` explains the areas; :doc:`tolerances` the comparison rules.\n\n"
            + _table(rows, "70 30") + "\n.. toctree::\n   :hidden:\n\n"
            + "".join(f"   {a}\n" for a in areas) + "   tolerances\n")


def tolerance_page() -> str:
    """The comparison strategies and the tolerance table with their reasons, from
    :mod:`reference.compare`."""
    text = (".. _tolerances:\n\n" + _heading("Comparisons and tolerances", "=") + "\n"
            "How two answers are judged to agree: each concept names a comparison strategy "
            "(a rule) and a tolerance (how far two correct answers may lie apart, and why). "
            "Both tables are read from ``reference.compare`` when the site is built; "
            ":doc:`/contract` states the promise they implement.\n\n")
    text += _heading("The kinds of comparison") + "\n"
    text += _table([("kind", "compares")] + [(f"``{k}``", rst_text(v)) for k, v in KINDS.items()],
                   "15 85") + "\n"
    text += _heading("The tolerances") + "\n"
    text += ("An array ``got`` agrees with ``expected`` when, entry by entry, "
             ":math:`|got - expected| \\le atol + rtol \\cdot scale`, where the scale is "
             ":math:`|expected|` (entrywise) or :math:`\\max|expected|` over the array "
             "(normwise); a condition factor raises rtol (or atol) to "
             ":math:`c \\cdot \\mathrm{cond}(A)^p \\cdot \\varepsilon` for the first matrix "
             "argument.\n\n")
    users = _users()
    for name, t in compare.TOLERANCES.items():
        text += (f".. _{_slug('tolerance', name)}:\n\n" + _heading(f"``{name}``", "~") + "\n"
                 f":Numbers: {_tolerance_numbers(t)}\n:Why: {rst_text(t.reason)}\n"
                 f":Used by: {_used_by(users['tolerance'].get(name, []))}\n\n")
    text += _heading("The strategies") + "\n"
    for name, s in compare.STRATEGIES.items():
        text += (f".. _{_slug('strategy', name)}:\n\n" + _heading(f"``{name}``", "~") + "\n"
                 f":Kind: ``{s.kind}`` ({rst_text(KINDS[s.kind])})\n:Why: {rst_text(s.reason)}\n"
                 f":Used by: {_used_by(users['strategy'].get(name, []))}\n\n")
    return text


def _users() -> dict[str, dict[str, list[str]]]:
    users: dict[str, dict[str, list[str]]] = {"tolerance": {}, "strategy": {}}
    for c in catalog.all_concepts():
        for k in (None, *c.cases):
            for kind, name in (("tolerance", c.tolerance_of(k)), ("strategy", c.strategy_of(k).name)):
                names = users[kind].setdefault(name, [])
                if c.name not in names:
                    names.append(c.name)
    return users


def _used_by(names: list[str]) -> str:
    return ", ".join(f":ref:`{n} <{label(n)}>`" for n in names) if names else "no concept yet"


# --- generating the pages --------------------------------------------------------------------

def load_bench(path: Path = DOCS / "bench.json") -> dict[str, dict]:
    """The last recorded benchmark ratios (``mathml bench --record``), {} when none."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _figure(name: str, out: Path) -> str | None:
    """Draw the concept's figure (:mod:`reference.figures`, both backends on one figure) into
    `out`/figures; its path relative to the page, or None for a concept without a figure."""
    from . import figures
    if not figures.has_figure(name):
        return None
    fig = figures.draw(name)      # a matplotlib Figure of its own, without pyplot's state
    (out / "figures").mkdir(parents=True, exist_ok=True)
    fig.savefig(out / "figures" / f"{name}.png", dpi=96, bbox_inches="tight")
    return f"figures/{name}.png"


def _page_of(name: str, out: Path, measure: bool, versions: Versions,
             bench: dict[str, dict], figures: bool = True) -> str:
    c = catalog.get(name)
    result = show._run(c, None) if measure else None
    return concept_page(c, result, versions, bench.get(name),
                        _figure(name, out) if figures else None)


def _write(path: Path, text: str) -> bool:
    """Write `text` unless the file holds it already (Sphinx then keeps its cached page)."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def generate(out: Path = API, names: Sequence[str] | None = None, *, measure: bool = True,
             figures: bool = True, jobs: int = 1, log=print) -> list[Path]:
    """Write the concept pages (all, or those of `names`), the area pages, their index and
    the tolerance page into `out`; pages of concepts no longer in the catalog are removed.
    `measure=False` leaves out the agreement, `figures=False` the figures (which need
    matplotlib); `jobs` processes measure and draw."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    concepts = [catalog.get(n) for n in names] if names else catalog.all_concepts()
    versions, bench = Versions.now(), load_bench()
    args = [(c.name, out, measure, versions, bench, figures) for c in concepts]
    if jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pages = pool.starmap(_page_of, args, chunksize=1)
    else:
        pages = [_page_of(*a) for a in args]
    written = []
    for c, text in zip(concepts, pages):
        path = out / f"{c.name}.rst"
        _write(path, text)
        written.append(path)
    areas = [a for a in catalog.AREAS if any(c.area == a for c in concepts)]
    counts = {a: sum(c.area == a for c in concepts) for a in areas}
    for a in areas:
        path = out / f"{a}.rst"
        _write(path, area_page(a, [c for c in concepts if c.area == a]))
        written.append(path)
    for path, text in ((out / "index.rst", areas_index(areas, counts)),
                       (out / "tolerances.rst", tolerance_page())):
        _write(path, text)
        written.append(path)
    for stale in set(out.glob("*.rst")) - set(written):
        stale.unlink()
    drawn = {f"{c.name}.png" for c, text in zip(concepts, pages)
             if f".. figure:: figures/{c.name}.png" in text}
    for png in out.glob("figures/*.png"):
        if png.name not in drawn:
            png.unlink()
    log(f"reference.docs: {len(concepts)} concept pages in {out} "
        f"({'agreement measured' if measure else 'agreement not measured'}, "
        f"{time.perf_counter() - started:.0f} s)")
    return written


# --- the command -----------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reference.docs``: build the site with Sphinx, warnings as errors."""
    p = argparse.ArgumentParser(prog="python -m reference.docs", description=__doc__.split(
        "\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", default=str(DOCS / "_build" / "html"),
                   help="where the HTML goes (default docs/_build/html)")
    p.add_argument("-j", "--jobs", default="2", help="Sphinx's and the measurement's "
                   "processes (default 2)")
    p.add_argument("--concepts", metavar="AREA.NAME,...",
                   help="only these concept pages (a quick look: links to the others are not "
                        "checked)")
    p.add_argument("--no-agreement", action="store_true",
                   help="do not measure the agreement (a faster build; the pages say so)")
    p.add_argument("--no-gallery", action="store_true",
                   help="do not run the gallery's examples (sphinx-gallery's plot_gallery=0)")
    p.add_argument("--fresh", action="store_true", help="rebuild every page (sphinx -E)")
    args = p.parse_args(argv)
    if args.concepts:
        os.environ["MATHML_DOCS_CONCEPTS"] = args.concepts
    if args.no_agreement:
        os.environ["MATHML_DOCS_AGREEMENT"] = "0"
    os.environ["MATHML_DOCS_JOBS"] = str(args.jobs)
    from sphinx.cmd.build import build_main
    sphinx_args = ["-W", "--keep-going", "-b", "html", "-j", str(args.jobs)]
    if args.fresh:
        sphinx_args.append("-E")
    if args.no_gallery:
        sphinx_args += ["-D", "plot_gallery=0"]
    status = build_main([*sphinx_args, str(DOCS), args.output])
    if status == 0:
        print(f"open {Path(args.output) / 'index.html'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
