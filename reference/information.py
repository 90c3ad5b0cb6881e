"""Information theory through SciPy and scikit-learn: the reference for `mathml.information`.

Thin wrappers with `mathml`'s signatures. Adjustments to the contract (docs/contract.md §3):

- negative or empty probability vectors and shapes that differ raise ValueError; SciPy
  returns nan or -inf silently (or broadcasts mismatched shapes), so the wrapper checks first;
- a `base` <= 0 is refused with scipy.stats.entropy's ValueError in every function (SciPy's
  other functions and scikit-learn return nan or -0.0);
- the functions taking distributions (all but `entropy`, which normalises, as SciPy) refuse
  vectors that do not sum to 1, as `mathml` does;
- scikit-learn's `mutual_info_score` accepts integer counts only (a float table would be
  truncated to integers): a float table is scaled to counts first — see there.
"""
from __future__ import annotations

import numpy as np
import scipy.spatial.distance
import scipy.special
import scipy.stats
import sklearn.metrics
from numpy.typing import ArrayLike

__all__ = ["entropy", "kl_divergence", "cross_entropy", "js_divergence",
           "jensenshannon_distance", "joint_entropy", "conditional_entropy",
           "information_gain", "mutual_info_score", "normalized_mutual_info_score"]


def _nonnegative(p: ArrayLike, name: str) -> np.ndarray:
    P = np.asarray(p)
    if np.iscomplexobj(P) or P.dtype == object:
        raise TypeError("complex input is not supported: pass a real array")
    P = P.astype(np.float64)
    if not np.isfinite(P).all():
        raise ValueError("array must not contain infs or NaNs")
    if P.size == 0:
        raise ValueError(f"{name} is empty: pass at least one probability")
    if np.any(P < 0):
        raise ValueError(f"{name} has negative entries: probabilities must be >= 0")
    return P


def _in_base(D, base: float | None):
    # scipy.stats.entropy refuses a base <= 0; rel_entr, jensenshannon and scikit-learn do
    # not check (base=-2 gives nan): the same refusal for every function with a base
    if base is None:
        return D
    if base <= 0:
        raise ValueError("`base` must be a positive number or `None`.")
    return D / np.log(base)


def _same_shape(P: np.ndarray, Q: np.ndarray) -> None:
    if P.shape != Q.shape:
        raise ValueError(f"the distributions have different shapes {P.shape} and {Q.shape}: "
                         f"pass two vectors of the same length")


def _distribution(p: ArrayLike, name: str, axis: int | None = 0) -> np.ndarray:
    P = _nonnegative(p, name)
    total = np.sum(P, axis=axis)
    if np.any(np.abs(total - 1.0) > 1e-9):
        raise ValueError(f"{name} must sum to 1 (sums to {np.ravel(total)[0]!r}); "
                         f"normalise it first, or use entropy(), which normalises")
    return P


def _pair(p: ArrayLike, q: ArrayLike, axis: int) -> tuple[np.ndarray, np.ndarray]:
    P, Q = _distribution(p, "p", axis), _distribution(q, "q", axis)
    _same_shape(P, Q)
    return P, Q


def entropy(pk: ArrayLike, qk: ArrayLike | None = None, base: float | None = None,
            axis: int = 0):
    P = _nonnegative(pk, "pk")
    if qk is not None:
        _same_shape(P, _nonnegative(qk, "qk"))
    return scipy.stats.entropy(P, qk, base=base, axis=axis)


def kl_divergence(p: ArrayLike, q: ArrayLike, *, base: float | None = None, axis: int = 0):
    P, Q = _pair(p, q, axis)
    return _in_base(np.sum(scipy.special.rel_entr(P, Q), axis=axis), base)


def cross_entropy(p: ArrayLike, q: ArrayLike, *, base: float | None = None, axis: int = 0):
    P, Q = _pair(p, q, axis)
    # SciPy has no cross-entropy: H(p, q) = H(p) + D(p || q)
    return (scipy.stats.entropy(P, base=base, axis=axis)
            + scipy.stats.entropy(P, Q, base=base, axis=axis))


def js_divergence(p: ArrayLike, q: ArrayLike, *, base: float | None = None, axis: int = 0):
    P, Q = _pair(p, q, axis)
    _in_base(0.0, base)
    # SciPy returns the distance, the square root of the divergence
    return scipy.spatial.distance.jensenshannon(P, Q, base=base, axis=axis) ** 2


def jensenshannon_distance(p: ArrayLike, q: ArrayLike, base: float | None = None, *,
                           axis: int = 0):
    P, Q = _pair(p, q, axis)
    _in_base(0.0, base)
    return scipy.spatial.distance.jensenshannon(P, Q, base=base, axis=axis)


def _joint(joint: ArrayLike) -> np.ndarray:
    P = _distribution(joint, "joint", axis=None)
    if P.ndim != 2:
        raise ValueError(f"joint must be a 2-D table p(x, y), got {P.ndim} dimensions")
    return P


def joint_entropy(joint: ArrayLike, base: float | None = None) -> float:
    return float(scipy.stats.entropy(_joint(joint).ravel(), base=base))


def conditional_entropy(joint: ArrayLike, base: float | None = None) -> float:
    P = _joint(joint)
    # the chain rule H(Y | X) = H(X, Y) − H(X), X indexing the rows
    return float(scipy.stats.entropy(P.ravel(), base=base)
                 - scipy.stats.entropy(P.sum(axis=1), base=base))


def _labels(a: ArrayLike, b: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    A, B = np.asarray(a), np.asarray(b)
    if A.ndim != 1 or B.ndim != 1:
        raise ValueError(f"labels must be 1-D arrays, got shapes {A.shape} and {B.shape}")
    return A, B


def information_gain(labels: ArrayLike, feature: ArrayLike, base: float | None = None) -> float:
    Y, X = _labels(labels, feature)
    if Y.shape[0] == 0 and X.shape[0] == 0:  # scikit-learn returns 0 for no samples
        raise ValueError("labels is empty: pass at least one sample")
    # information gain of a split = mutual information of labels and feature (nats)
    return float(_in_base(sklearn.metrics.mutual_info_score(Y, X), base))


def mutual_info_score(labels_true: ArrayLike, labels_pred: ArrayLike, *,
                      contingency: ArrayLike | None = None) -> float:
    if contingency is None:
        A, B = _labels(labels_true, labels_pred)
        if A.shape[0] == 0 and B.shape[0] == 0:  # scikit-learn: "math domain error"
            raise ValueError("labels is empty: pass at least one sample")
        return float(sklearn.metrics.mutual_info_score(A, B))
    N = _nonnegative(contingency, "contingency")
    if N.ndim != 2:
        raise ValueError(f"contingency must be a 2-D table, got {N.ndim} dimensions")
    # scikit-learn casts the table to integers (0.3 would become 0). MI depends only on
    # the proportions, so scale a float table to counts: ×10⁹ and round, exact for tables
    # with up to 9 decimals (every table of the catalog, and the seed's [[0.3, 0.1],
    # [0.2, 0.4]] → [[3e8, 1e8], [2e8, 4e8]]).
    if not np.array_equal(N, np.round(N)):
        N = np.round(N * 1e9)
    return float(sklearn.metrics.mutual_info_score(None, None, contingency=N.astype(np.int64)))


def normalized_mutual_info_score(labels_true: ArrayLike, labels_pred: ArrayLike, *,
                                 average_method: str = "arithmetic") -> float:
    # scikit-learn raises its InvalidParameterError (a ValueError) for an unknown method:
    # raise the plain ValueError mathml raises
    if average_method not in ("arithmetic", "geometric", "min", "max"):
        raise ValueError(f"average_method must be one of ['arithmetic', 'geometric', 'max', "
                         f"'min'], got {average_method!r}")
    return float(sklearn.metrics.normalized_mutual_info_score(
        *_labels(labels_true, labels_pred), average_method=average_method))
