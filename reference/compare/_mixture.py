"""Strategies of the mixture models: the same EM iterates, to the rounding of a Cholesky."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ._agree import agree
from ._strategy import strategy
from ._tolerances import EPS

#: The results that count or decide: equal, not close.
_DISCRETE = ("converged_", "n_iter_", "n_features_in_", "predict", "fit_predict")


def mahalanobis_scale(X, covariances, covariance_type: str) -> float:
    """s = max_i ‖x_i‖² / λ_min(Σ) over the components: the largest squared Mahalanobis
    length of a sample, and at least κ(Σ) for samples that span the covariance."""
    X = np.asarray(X, dtype=float)
    S = np.asarray(covariances, dtype=float)
    # full (K, p, p) and tied (p, p) matrices; diag (K, p) and spherical (K,) variances
    lam = np.linalg.eigvalsh(S).min() if covariance_type in ("full", "tied") else S.min()
    return float(np.einsum("ij,ij->i", X, X).max() / lam)


@strategy("em_iterates", "exact")
def _em_iterates(got, expected, c, tol, concept):
    """EM from the same initialisation: the iteration count, the convergence flag and the
    labels must be equal, and every parameter and score agree within c·s·eps (the 'em'
    tolerance), s = max ‖x_i‖²/λ_min(Σ) computed from the reference's covariances."""
    discrete = {k: got[k] for k in _DISCRETE if k in got}
    verdict = agree(discrete, {k: expected[k] for k in discrete}, "identical")
    if not verdict.ok:
        return verdict
    s = mahalanobis_scale(c.args[0], expected["covariances_"],
                          c.kwargs.get("covariance_type", "full"))
    bound = max(tol.rtol, tol.cond_factor * s * EPS)
    scaled = replace(tol, rtol=bound, atol=bound, cond_factor=0.0)
    rest = [k for k in expected if k not in discrete]
    return agree({k: got[k] for k in rest}, {k: expected[k] for k in rest}, scaled)
