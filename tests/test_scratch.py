"""From scratch means from scratch (docs/contract.md, "From scratch"): `mathml` imports numpy
and the standard library only, never `numpy.linalg` (its LinAlgError class excepted), and
never a numpy or `math` function that is itself a concept of the catalogue, nor a non-uniform
sampler.

This is the project's own scan and depends on nothing outside the repository, so it runs in
any clone. Developers also run the shared audit before they stop (CONTRIBUTING.md).
"""
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mathml"

# numpy/math functions that are concepts of the catalogue (docs/concepts.md): mathml
# implements its own
CONCEPT_FUNCTIONS = {
    "cov", "corrcoef", "var", "std", "nanvar", "nanstd", "median", "nanmedian", "percentile",
    "nanpercentile", "quantile", "nanquantile", "histogram", "histogram2d", "histogramdd",
    "convolve", "correlate", "gradient", "trapezoid", "trapz", "polyfit", "polyval", "roots",
    "interp", "outer", "inner", "kron", "cross", "erf", "erfc", "gamma", "lgamma",
}
NON_UNIFORM_SAMPLERS = {
    "normal", "standard_normal", "randn", "multivariate_normal", "binomial", "poisson",
    "exponential", "standard_exponential", "standard_gamma", "beta", "chisquare",
    "standard_t", "lognormal", "laplace", "logistic", "geometric", "negative_binomial",
    "multinomial", "dirichlet", "weibull", "pareto", "rayleigh", "vonmises", "wald",
    "noncentral_chisquare", "noncentral_f", "hypergeometric", "logseries", "standard_cauchy",
    "triangular", "zipf", "power", "gumbel",
}
ALLOWED_TOP_LEVEL = set(sys.stdlib_module_names) | {"numpy", "mathml"}


def _violations(path: Path, root: Path = ROOT) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []

    def flag(node, what):
        if "scratch: allow" not in lines[node.lineno - 1]:
            found.append(f"{path.relative_to(root)}:{node.lineno}: {what}")

    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in ALLOWED_TOP_LEVEL:
                    flag(node, f"imports {alias.name}")
                if alias.name.startswith(("numpy.linalg", "numpy.fft", "numpy.polynomial")):
                    flag(node, f"imports {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            top = node.module.split(".")[0]
            if top not in ALLOWED_TOP_LEVEL:
                flag(node, f"imports from {node.module}")
            names = {a.name for a in node.names}
            if node.module == "numpy.linalg" and names - {"LinAlgError"}:
                flag(node, f"imports {sorted(names - {'LinAlgError'})} from numpy.linalg")
            if node.module in ("numpy", "math") and names & (CONCEPT_FUNCTIONS | {"linalg"}):
                flag(node, f"imports {sorted(names & CONCEPT_FUNCTIONS)} from {node.module}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in ("np", "numpy", "math") and node.attr in CONCEPT_FUNCTIONS:
                flag(node, f"uses {node.value.id}.{node.attr}")
            if node.value.id in ("np", "numpy") and node.attr in ("fft", "polynomial"):
                flag(node, f"uses numpy.{node.attr}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            inner = node.value
            if inner.attr == "linalg" and isinstance(inner.value, ast.Name) \
                    and inner.value.id in ("np", "numpy") and node.attr != "LinAlgError":
                flag(node, f"uses numpy.linalg.{node.attr}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            base = node.func.value
            if isinstance(base, ast.Name) and base.id in ("np", "numpy", "math"):
                continue
            if node.func.attr in ("std", "var"):
                flag(node, f"calls .{node.func.attr}() (a concept)")
            if node.func.attr in NON_UNIFORM_SAMPLERS and _looks_like_generator(base):
                flag(node, f"draws with .{node.func.attr}() (build samplers on uniform draws)")
    return found


def _looks_like_generator(base: ast.AST) -> bool:
    """rng.normal(...), np.random.normal(...), random_state.gamma(...): not mathml's own
    modules (stats.gamma is a distribution of ours)."""
    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
    return name in ("random", "rng", "random_state", "generator", "gen") or "rng" in name


def test_mathml_is_from_scratch():
    found = [v for path in sorted(PACKAGE.rglob("*.py")) for v in _violations(path)]
    assert not found, "mathml stops being from scratch:\n" + "\n".join(found)


def test_the_scan_catches_what_it_must(tmp_path):
    """The scan is a test that can fail: it flags each kind of violation, and honours an
    exemption comment (in a temporary file: no test writes into the repository)."""
    bad = tmp_path / "bad.py"
    bad.write_text("import scipy\nimport numpy as np\nfrom numpy.linalg import inv\n"
                   "x = np.linalg.solve\ny = np.cov\nrng.normal(0, 1)\nz = a.std()\n"
                   "w = np.var  # scratch: allow (a probe)\n")
    found = _violations(bad, root=tmp_path)
    assert [int(v.split(":")[1]) for v in found] == [1, 3, 4, 5, 6, 7], found
