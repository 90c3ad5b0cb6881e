"""Strategies of decomposition (PCA): fitted spectra and components compared each under its
own bound."""
from __future__ import annotations

import numpy as np

from ._agree import agree
from ._strategy import strategy
from ._tolerances import TOLERANCES

#: A PCA's outputs that are eigenvalues of the covariance (or made of them).
_SPECTRAL = ("explained_variance_", "explained_variance_ratio_", "singular_values_",
             "noise_variance_")


def _spectral_part(out: dict) -> dict:
    """The spectrum of a PCA result, in the quantities the solvers compute: the variances
    λ_j with the noise variance σ² (a mean of discarded λ_j) appended, so that σ² is judged
    relative to λ₁ as Weyl's bound says; the ratios; the singular values squared, s_j² =
    (n − 1)λ_j, because 'covariance_eigh' gets s_j = √((n − 1)λ_j) and a square root at a
    λ_j that is 0 up to rounding (a constant feature, n < p) has no bounded condition."""
    part = {}
    if "explained_variance_" in out or "noise_variance_" in out:
        part["variances"] = np.append(np.asarray(out.get("explained_variance_", [])),
                                      out.get("noise_variance_", []))
    if "explained_variance_ratio_" in out:
        part["ratios"] = out["explained_variance_ratio_"]
    if "singular_values_" in out:
        part["singular_values_²"] = np.asarray(out["singular_values_"]) ** 2
    return part


@strategy("pca", "exact")
def _pca(got, expected, c, tol, concept):
    """PCA with the same solver and scikit-learn's sign rule on both sides (each row of Vᵀ
    with its largest-magnitude entry positive): no freedom is left, so the outputs are
    compared entry by entry. The spectrum (variances, noise variance, ratios, squared
    singular values) is perfectly conditioned and is held to the 'spectrum' tolerance,
    relative to λ₁; the components and everything built on them (scores, reconstructions,
    model covariance, precision, log-likelihoods) to the concept's tolerance
    ('decomposition': the eigenvector error eps·‖C‖/gap on data with separated
    variances)."""
    if not (isinstance(got, dict) and isinstance(expected, dict)) or got.keys() != expected.keys():
        return agree(got, expected, tol, args=c.args)
    rest = [k for k in expected if k not in _SPECTRAL]
    verdict = agree({k: got[k] for k in rest}, {k: expected[k] for k in rest}, tol,
                    args=c.args)
    return verdict.worse(agree(_spectral_part(got), _spectral_part(expected),
                               TOLERANCES["spectrum"], args=c.args))
