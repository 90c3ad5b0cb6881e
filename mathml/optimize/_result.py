"""`OptimizeResult`: what every solver of `mathml.optimize` returns, with SciPy's fields."""
from __future__ import annotations

from .._result import RichResult

__all__ = ["OptimizeResult"]


class OptimizeResult(RichResult):
    r"""The result of an optimiser: a dictionary whose entries are also attributes.

    As ``scipy.optimize.OptimizeResult``: ``res.x`` is ``res["x"]``.

    For a solver of :math:`\min_x f(x)` stopped at its last iterate :math:`x_k`:

    .. math::

        \mathtt{x} = x_k \approx x^* = \arg\min_x f(x), \qquad
        \mathtt{fun} = f(x_k), \qquad \mathtt{jac} = \nabla f(x_k), \qquad
        \mathtt{hess} = \nabla^2 f(x_k), \quad \mathtt{hess\_inv} \approx \nabla^2 f(x_k)^{-1}.

    Fields a solver sets, as SciPy: ``x`` (the solution), ``fun`` (the objective there),
    ``jac`` and ``hess``/``hess_inv`` where meaningful, ``nit`` (iterations), ``nfev`` /
    ``njev`` / ``nhev`` (evaluations of f, its gradient, its Hessian), ``success``,
    ``status`` (0 for success; each solver documents its other codes) and ``message``.

    Notes
    -----
    *Algorithm*: a `dict` subclass; reading ``res.name`` looks up ``res["name"]`` (an
    `AttributeError` when absent), and setting or deleting an attribute sets or deletes
    the entry. No field is computed here: each solver fills in what it knows.
    *Complexity*: O(1) expected per field access (a hash lookup); printing is O(the total
    size of the fields).

    Checked against ``reference.optimize.OptimizeResult`` → ``scipy.optimize.OptimizeResult``:
    the same fields read by attribute and by key.

    Examples
    --------
    >>> res = OptimizeResult(x=1.0, fun=0.0, success=True)
    >>> res.fun, res["x"], res.success
    (0.0, 1.0, True)
    """
