"""Strategies of the mixture models: the same EM iterates, to the rounding of a Cholesky."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ._agree import agree
from ._strategy import strategy
from ._tolerances import EPS

#: The results that count or decide: equal, not close.
_DISCRETE = ("converged_", "n_iter_", "n_features_in_", "predict", "fit_predict")


def mahalanobis_scale(X, covariances, covariance_type: str, means=None) -> float:
    """s = max over samples i and components k of ‖x_i − μ_k‖² / λ_min(Σ_k) (μ = 0 when the
    means are not given): the largest squared Mahalanobis length the E-step forms, and at
    least κ(Σ) for samples that span the covariance."""
    X = np.asarray(X, dtype=float)
    S = np.asarray(covariances, dtype=float)
    # full (K, p, p) and tied (p, p) matrices; diag (K, p) and spherical (K,) variances
    lam = np.linalg.eigvalsh(S).min() if covariance_type in ("full", "tied") else S.min()
    centres = np.zeros((1, X.shape[1])) if means is None else np.asarray(means, dtype=float)
    D = X[:, None, :] - centres[None, :, :]
    return float(np.einsum("ikj,ikj->ik", D, D).max() / lam)


@strategy("em_iterates", "exact")
def _em_iterates(got, expected, c, tol, concept):
    """EM from the same initialisation: the iteration count, the convergence flag and the
    labels must be equal, and every parameter and score agree within c·s·eps (the 'em'
    tolerance), s = max ‖x_i − μ_k‖²/λ_min(Σ) over the training and test samples and the
    components, computed from the reference's means and covariances."""
    discrete = {k: got[k] for k in _DISCRETE if k in got}
    verdict = agree(discrete, {k: expected[k] for k in discrete}, "identical")
    if not verdict.ok:
        return verdict
    # the samples scored: the training set and, for predict_proba and score_samples, the
    # test set (a test point far from every component has a larger Mahalanobis length)
    samples = [np.asarray(a, dtype=float) for a in (c.args[0], *c.args[2:3]) if a is not None]
    s = max(mahalanobis_scale(X, expected["covariances_"], c.kwargs.get("covariance_type", "full"),
                              expected.get("means_"))
            for X in samples if X.ndim == 2 and X.size)
    # each EM step adds its c·s·eps; a fast step contracts what earlier steps added, but a
    # slow one (two components sharing a cluster: EM's map nearly preserves differences)
    # carries them on, so over n_iter_ steps they add up to at most n_iter_ times one step's
    bound = max(tol.rtol, tol.cond_factor * s * EPS * max(1, int(expected.get("n_iter_", 1))))
    scaled = replace(tol, rtol=bound, atol=bound, cond_factor=0.0)
    rest = [k for k in expected if k not in discrete]
    return agree({k: got[k] for k in rest}, {k: expected[k] for k in rest}, scaled)
