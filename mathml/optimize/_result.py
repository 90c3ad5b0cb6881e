"""`OptimizeResult`: what every solver of `mathml.optimize` returns, with SciPy's fields."""
from __future__ import annotations

from .._result import RichResult

__all__ = ["OptimizeResult"]


class OptimizeResult(RichResult):
    """The result of an optimiser, as ``scipy.optimize.OptimizeResult``: a dictionary whose
    entries are also attributes (``res.x`` is ``res["x"]``).

    Fields a solver sets, as SciPy: ``x`` (the solution), ``fun`` (the objective there),
    ``jac`` and ``hess``/``hess_inv`` where meaningful, ``nit`` (iterations), ``nfev`` /
    ``njev`` / ``nhev`` (evaluations of f, its gradient, its Hessian), ``success``,
    ``status`` (0 for success; each solver documents its other codes) and ``message``.
    """
