"""Imports flow one way (issue 9): the modules of `mathml` form no import cycle.

The graph is built from the source with `ast`, not by importing: a module imports another
when it has an ``import`` or ``from ... import`` statement naming it, at module level or
inside a function (an import delayed into a function to dodge a cycle is still a cycle).
Relative imports are resolved against the importing module's package; ``from p import n``
imports the module ``p.n`` when there is one and otherwise ``p`` itself; an import of a
package is an import of its ``__init__``. Importing ``p.m`` is not counted as importing the
parent package ``p``: every submodule would then form a cycle with its own ``__init__``.

Also here: ``import mathml`` must not import SciPy, scikit-learn or SymPy (``reference``
wraps those; ``mathml`` is from scratch).
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mathml"

# --- the graph ----------------------------------------------------------------------------------

def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted module name → source file, for every module of `package` (a package is its
    ``__init__``)."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute name of ``from <level dots><module> import ...`` written in `importer`."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]   # a package's own dot is the package itself
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports_of(name: str, source: str, is_package: bool, known: set[str]) -> set[str]:
    """The modules of `known` that the module `name` (source `source`) imports."""
    targets = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, name, is_package)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                targets.add(submodule if submodule in known else base)
    return {t for t in targets if t in known and t != name} | (
        {name} if name in targets else set())


def import_graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """Module → the modules it imports, from {module: (source, is_package)}."""
    known = set(sources)
    return {name: imports_of(name, text, is_package, known)
            for name, (text, is_package) in sources.items()}


def mathml_graph() -> dict[str, set[str]]:
    return import_graph({name: (path.read_text(encoding="utf-8"), path.name == "__init__.py")
                         for name, path in module_names().items()})


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components that contain a cycle (Tarjan's algorithm): those
    of two or more modules, and single modules that import themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:      # v is the root of a component: pop it
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                found.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _describe(component: frozenset[str], graph: dict[str, set[str]]) -> str:
    edges = sorted(f"{a} -> {b}" for a in component for b in graph[a] if b in component)
    return "{" + ", ".join(sorted(component)) + "}: " + "; ".join(edges)


# --- the tests ----------------------------------------------------------------------------------

def test_no_import_cycles_in_mathml():
    graph = mathml_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(_describe(c, graph) for c in found)


def test_imports_are_statements_the_graph_sees():
    """An import the graph cannot see — ``importlib.import_module``, ``__import__``, or a
    module ``__getattr__`` that resolves names lazily (PEP 562) — could hide a cycle."""
    hidden = []
    for name, path in module_names().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "import_module" or \
                    isinstance(node, ast.Name) and node.id == "__import__":
                hidden.append(f"{name}:{node.lineno}")
        hidden += [f"{name}:{node.lineno} def __getattr__" for node in tree.body
                   if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"]
    assert not hidden, hidden


def test_graph_sees_imports_of_every_kind():
    """The resolution rules on a synthetic package: relative, absolute, function-level,
    package (``__init__``) and ``from p import submodule`` imports."""
    sources = {
        "pkg": ("from . import a\nfrom .sub import thing", True),
        "pkg.a": ("import pkg.b\nfrom .sub.c import f\n", False),
        "pkg.b": ("def g():\n    from . import sub\n", False),
        "pkg.sub": ("from ..a import x\nfrom .. import a", True),
        "pkg.sub.c": ("from . import d\nfrom .. import b\nimport numpy\n", False),
        "pkg.sub.d": ("", False),
    }
    assert import_graph(sources) == {
        "pkg": {"pkg.a", "pkg.sub"},
        "pkg.a": {"pkg.b", "pkg.sub.c"},
        "pkg.b": {"pkg.sub"},
        "pkg.sub": {"pkg.a"},
        "pkg.sub.c": {"pkg.sub.d", "pkg.b"},
        "pkg.sub.d": set(),
    }


def test_a_cycle_is_detected():
    """The test above can fail: a cycle hidden in a function-level import, a longer cycle and
    a self-import are all found, and an acyclic graph passes."""
    sources = {
        "m": ("from . import x, y", True),
        "m.x": ("def late():\n    from .y import f\n", False),
        "m.y": ("from .x import g", False),
        "m.p": ("from .q import a", False),
        "m.q": ("from .r import b", False),
        "m.r": ("import m.p", False),
        "m.s": ("from . import s", False),
        "m.t": ("from .x import g", False),
    }
    found = cycles(import_graph(sources))
    assert sorted(sorted(c) for c in found) == [["m.p", "m.q", "m.r"], ["m.s"], ["m.x", "m.y"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_import_mathml_imports_no_reference_library():
    """`mathml` is from scratch: importing it (all of it) loads none of the libraries that
    `reference` wraps."""
    code = ("import sys, mathml\n"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'scipy', 'sklearn', 'sympy'})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "", f"import mathml imported {out.stdout.strip()}"
