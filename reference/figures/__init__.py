"""Pictures of both backends: one figure per concept where a picture teaches.

Each figure draws `mathml` and `reference` on one matplotlib figure, so that a difference
shows: the two curves overlaid (mathml solid, reference dashed, a legend naming each), or two
panels side by side titled "mathml" and "reference". The data are small and fixed (a
concept's catalog example, or a fixed dataset written in the hook), so a figure is drawn in
well under two seconds and is the same on every run.

    >>> from reference import figures
    >>> figures.has_figure("special.erf")
    True
    >>> fig = figures.draw("special.erf")      # doctest: +SKIP
    >>> fig.savefig("special.erf.png")         # doctest: +SKIP

The hooks are grouped by the kind of picture, one module each: `functions` (a function
and its derivative: special functions, activations, losses, autodiff; information
measures), `distributions` (pdf or pmf, cdf and histograms of ``rvs``), `optimization`
(paths on the Rosenbrock contours, root finders, line search, linear and constrained
programs, sgd/adam), `geometry` (a matrix acting on the unit circle, scalers, quadrature
rules, convolution and pooling of an image), `estimators` (decision regions, fitted curves,
loss per iteration), `clustering` (clusterings side by side, the dendrogram), `evaluation`
(PCA, learning curves, cross-validation, confusion matrices, ROC curves, silhouettes,
regularisation paths, pairwise matrices), `statistics` (centre and spread over a
histogram, quantiles over the empirical cdf, covariance ellipses, a test's statistic on
its null distribution), `calculus` (partial, directional and second derivatives, the
Jacobian's linear map, Monte Carlo's convergence), `layers` (an LSTM cell over a
sequence, dropout, embedding, a linear layer, a k-d tree's query). Each module holds
``FIGURES``, a mapping from concept name to a hook ``hook(name) -> Figure``; a generic hook
serves every concept of its kind (every classifier, every distribution), driven by a table
of the module.

matplotlib is an optional dependency: this package imports it only inside `draw` (never
on ``import reference`` or ``import mathml``), and uses `matplotlib.figure.Figure`
directly rather than pyplot, so no display and no GUI backend is involved (``savefig``
renders with Agg). Without matplotlib, `has_figure` and `names` still answer and `draw`
raises `MatplotlibMissing`.
"""
from __future__ import annotations

import importlib
import warnings
from functools import cache
from typing import TYPE_CHECKING

from ._common import Hook, MatplotlibMissing, require_matplotlib

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["has_figure", "draw", "names", "MatplotlibMissing"]

#: The modules of hooks, each with its ``FIGURES`` mapping.
_MODULES = ("functions", "distributions", "optimization", "estimators", "clustering",
            "evaluation", "geometry", "statistics", "calculus", "layers")


@cache
def _registry() -> dict[str, Hook]:
    hooks: dict[str, Hook] = {}
    for module_name in _MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        for name, hook in module.FIGURES.items():
            if name in hooks:
                raise ValueError(f"figure {name} is registered twice")
            hooks[name] = hook
    return hooks


def names() -> list[str]:
    """The concepts that have a figure, in catalog order."""
    from .. import catalog
    hooks = _registry()
    return [c.name for c in catalog.all_concepts() if c.name in hooks]


def has_figure(name: str) -> bool:
    """Whether the concept called `name` (``"special.erf"``) has a figure."""
    return name in _registry()


def draw(name: str) -> Figure:
    """The figure of the concept called `name`: both backends on one matplotlib `Figure`.

    Raises
    ------
    KeyError
        The concept has no figure (`names` lists those that do).
    MatplotlibMissing
        matplotlib is not installed (an `ImportError` saying how to install it).

    Warnings of the computations drawn (a `ConvergenceWarning` of a deliberately short
    run) are silenced: the picture is not the place to report them, ``mathml report`` is.
    """
    hook = _registry().get(name)
    if hook is None:
        raise KeyError(f"no figure for {name!r}: `mathml plot --list` names the concepts "
                       "that have one")
    require_matplotlib()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return hook(name)
