"""`mathml show` teaches: the whole teaching text with its math in Unicode, the dispatch
followed to one solver, and a layout that fits the terminal."""
import inspect
import re

import pytest

from reference import catalog, show
from reference.cli import main
from reference.runner import ConceptResult
from reference.unicode_math import render, render_inline


# --- the renderer ------------------------------------------------------------------------------

@pytest.mark.parametrize("latex, expected", [
    (r"\lVert y \rVert_2^2", "‖y‖₂²"),
    (r"\lVert y - X w \rVert_2^2", "‖y − Xw‖₂²"),
    (r"\sum_i x_i", "Σᵢ xᵢ"),
    (r"\sum_{i=1}^{n} x_i", "Σᵢ₌₁ⁿ xᵢ"),
    (r"\frac{a}{b}", "a/b"),
    (r"\frac{a + b}{c d}", "(a + b)/(cd)"),
    (r"y = \frac{1}{n} \sum_i x_i", "y = (1/n) Σᵢ xᵢ"),
    (r"\alpha \beta \Sigma \lambda", "αβΣλ"),
    (r"x^{-1} + x_{k+1}", "x⁻¹ + xₖ₊₁"),
    (r"\mathbf{x}^\top \mathbf{y}", "xᵀy"),
    (r"A^\mathsf{T} A", "AᵀA"),
    (r"\operatorname{tr}(A)", "tr(A)"),
    (r"a \quad b", "a  b"),
    (r"0 \le x \ge 1", "0 ≤ x ≥ 1"),
    (r"\sqrt{x}, \sqrt{2 \pi}", "√x, √(2π)"),
    (r"a \cdot b", "a · b"),
    (r"\frac{\partial f}{\partial x}", "∂f/∂x"),
    (r"\bar x - \hat y", "x\u0304 − y\u0302"),
    (r"\mathbb{R}^n", "ℝⁿ"),
    (r"\log p(x \mid \theta)", "log p(x | θ)"),
    (r"x_{c}", "x_c"),                        # no subscript c in Unicode: written plainly
    (r"e^{\text{logabsdet}}", "e^logabsdet"),  # a word stays a word
])
def test_latex_becomes_unicode(latex, expected):
    assert render_inline(latex) == expected


def _math_blocks():
    """Every concept's ``.. math::`` blocks and inline ``:math:`` formulas."""
    for c in catalog.all_concepts():
        lines = (inspect.getdoc(c.mathml) or "").splitlines()
        for i, line in enumerate(lines):
            if line.strip().startswith(".. math::"):
                block = [line.split("::", 1)[1]]
                for follow in lines[i + 1:]:
                    if follow.strip() and not follow.startswith((" ", "\t")):
                        break
                    block.append(follow)
                yield c.name, "\n".join(block), render
        for formula in re.findall(r":math:`([^`]*)`", "\n".join(lines)):
            yield c.name, formula, render_inline


def test_every_concepts_math_renders_without_backslash_commands():
    blocks = list(_math_blocks())
    assert len(blocks) > 200
    left = {}
    for name, latex, renderer in blocks:
        out = renderer(latex)
        assert out.strip(), (name, latex)
        if "\\" in out:
            left[name] = out
    assert not left


# --- the teaching text -------------------------------------------------------------------------

def test_teaching_text_has_the_notes_and_references_but_not_the_parameters():
    text = show.teaching_text(catalog.get("linalg.svd").mathml, 100)
    for part in ("Notes\n-----", "*Algorithm*", "*Complexity*", "*Numerical stability*",
                 "References\n----------", "Checked against", "A = UΣVᵀ"):
        assert part in text
    assert "Parameters" not in text and "Examples" not in text and ">>>" not in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_a_helper_docstring_is_kept_to_whole_paragraphs():
    def helper(x):
        """The first paragraph, a sentence that runs
        over two lines.

        A second paragraph.
        """
        return x
    source = show._strip_docstring(inspect.getsource(helper))
    assert 'over two lines."""' in source
    assert "second paragraph" not in source and "return x" in source


def test_a_table_fits_the_width():
    rows = [("case", "verdict"), ("a long label " * 4, "DISAGREES: " + "why " * 30)]
    table = show._table(rows, 60)
    assert max(len(line) for line in table.splitlines()) <= 60
    assert "why why" in table and table.count("\n") > 2


# --- the command -------------------------------------------------------------------------------

_run = show._run


@pytest.fixture(scope="module")
def _results():
    return {}


@pytest.fixture
def shown(_results, monkeypatch, capsys):
    """`mathml show` at a width, the example cases run once per concept and solver."""
    results = _results

    def run(c, solver):
        key = (c.name, solver and solver.name)
        if key not in results:
            results[key] = _run(c, solver)
        return results[key]
    monkeypatch.setattr(show, "_run", run)

    def at(*argv):
        assert main(["show", *argv]) == 0
        return capsys.readouterr().out
    return at


ESTIMATOR = ("cluster.KMeans", "J(μ, c) = Σᵢ₌₁ⁿ wᵢ ‖xᵢ − μ_(c(i))‖²")
SVD = ("linalg.svd", "A = UΣVᵀ")
MINIMIZE = ("optimize.minimize", "min_(x∈ℝⁿ) f(x)  subject to  l ≤ x ≤ u")


@pytest.mark.parametrize("width", [100, 200])
@pytest.mark.parametrize("name, math, extra", [
    (*ESTIMATOR, ()), (*SVD, ()), (*MINIMIZE, ("--method", "BFGS"))],
    ids=["cluster.KMeans", "linalg.svd", "optimize.minimize-BFGS"])
def test_show_has_the_notes_and_unicode_math_at_any_width(shown, name, math, extra, width):
    out = shown(name, *extra, "--width", str(width))
    for part in ("Notes\n-----", "*Algorithm*", "*Complexity*", "References\n----------",
                 math):
        assert part in out, part
    assert max(len(line) for line in out.splitlines()) <= width
    side_by_side = " │ " in out
    assert side_by_side == (width >= show.SIDE_BY_SIDE)
    if not side_by_side:   # stacked: mathml's source, then the reference's
        lines = out.splitlines()
        titles = [t for t, rule in zip(lines, lines[1:]) if rule.startswith("───")]
        assert len(titles) == 2
        assert titles[0].startswith("mathml.") and titles[1].startswith(("reference.", "scipy."))


def test_minimize_method_shows_the_solver_beside_scipys(shown):
    out = shown("optimize.minimize", "--method", "bfgs", "--width", "100")
    ours = out.index("mathml.optimize._bfgs._minimize_bfgs\n─")
    scipys = out.index("scipy.optimize._optimize._minimize_bfgs\n─")
    assert ours < scipys
    assert "def _minimize_bfgs(objective" in out and "def _minimize_bfgs(fun, x0" in out
    assert "H₀ = I" in out                       # the solver's own docstring, taught
    agreement = out.split("Agreement on the")[1]
    assert "method='BFGS'" in agreement and "Nelder-Mead" not in agreement


def test_ridge_solver_is_followed_too(shown):
    out = shown("linear_model.Ridge", "--method", "svd", "--width", "160")
    assert "def _ridge_svd(" in out and "def _solve_svd(" in out


def test_a_dispatcher_names_its_methods(monkeypatch, capsys):
    # the agreement is not the point here: no cases run
    monkeypatch.setattr(show, "_run", lambda c, solver: ConceptResult(c, [], []))
    assert main(["show", "optimize.minimize", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "--method BFGS" in out and "Nelder-Mead, CG, BFGS" in out


@pytest.mark.parametrize("argv, says", [
    (["optimize.minimize", "--method", "Powell"], "the methods are Nelder-Mead"),
    (["linalg.svd", "--method", "jacobi"], "linalg.svd has no methods to follow"),
])
def test_an_unknown_method_is_one_line_and_status_2(capsys, argv, says):
    assert main(["show", *argv]) == 2
    captured = capsys.readouterr()
    assert says in captured.err and captured.err.count("\n") == 1 and not captured.out
