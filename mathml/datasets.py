"""Synthetic data sets: Gaussian blobs, regression and classification problems.

The generators draw from ``numpy.random.RandomState`` exactly as scikit-learn's
``sklearn.datasets`` do, so the same ``random_state`` gives the same arrays:

- uniform draws (``uniform``, ``randint``, ``shuffle``, ``permutation``) are RandomState's own;
- standard normal draws are built here from RandomState's uniform doubles by the
  **Marsaglia polar method** (`_standard_normal`), which is how RandomState's legacy
  ``randn``/``normal`` make them, including the second value of each pair that it caches
  for the next call. The cache lives in the generator's state (``get_state()[3:]``), so it
  is read and written back and a shared ``RandomState`` stays in step with NumPy's.
  The values equal NumPy's to the last bit except where NumPy's vectorised ``log`` rounds
  differently from the C library's (about 1 value in 500, by 1 ulp).

``return_X_y`` (Bunch output) and ``make_regression``'s low-rank option (``effective_rank``,
``tail_strength``) are not offered: the functions return arrays only.
"""
from __future__ import annotations

import math

import numbers
from numbers import Integral, Real
from typing import Any, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._param_validation import Interval, _validate_parameter_constraints
from ._validation import as_float_array, check_random_state

__all__ = ["make_blobs", "make_regression", "make_classification"]


# ---------------------------------------------------------------------------------------
# RandomState and its normal draws from uniform ones
# ---------------------------------------------------------------------------------------

def _standard_normal(rs: np.random.RandomState, size) -> NDArray[np.float64]:
    """Standard normal draws, the same numbers as ``rs.standard_normal(size)``.

    Marsaglia's polar method: for uniform doubles u₁, u₂ put x_i = 2u_i − 1 and
    r² = x₁² + x₂²; a pair with 0 < r² < 1 gives two independent normals
    f·x₂ and f·x₁ with f = √(−2 ln r² / r²) (the first returned, the second cached for
    the next draw); other pairs are rejected (probability 1 − π/4).
    """
    n = int(np.prod(size, dtype=np.int64))
    state = rs.get_state(legacy=True)
    assert isinstance(state, tuple)  # MT19937's legacy state: (name, key, pos, has_gauss, gauss)
    has_cached, cached = state[3], state[4]
    z = np.empty(n)
    # Step 1: a value cached by the previous call comes first.
    k = 0
    if n and has_cached:
        z[0], has_cached, k = cached, 0, 1
    # Step 2: draw exactly the pairs still needed (never more: the stream must stay in step).
    pairs, needed = [], (n - k + 1) // 2
    while needed > 0:
        x = 2.0 * rs.random_sample(2 * needed).reshape(needed, 2) - 1.0
        r2 = x[:, 0] * x[:, 0] + x[:, 1] * x[:, 1]
        accepted = (r2 < 1.0) & (r2 != 0.0)
        x, r2 = x[accepted], r2[accepted]
        # C's log (numpy's legacy generator calls it), not np.log: the two round differently
        # for about 0.3% of arguments, and the draws must be the same numbers
        f = np.sqrt(-2.0 * np.fromiter(map(math.log, r2.tolist()), float, r2.size) / r2)
        pairs.append(np.stack([f * x[:, 1], f * x[:, 0]], axis=1).ravel())
        needed -= int(accepted.sum())
    values = np.concatenate(pairs) if pairs else np.empty(0)
    z[k:] = values[:n - k]
    # Step 3: an odd count leaves the second value of the last pair cached, as NumPy does.
    if values.size > n - k:
        has_cached, cached = 1, float(values[n - k])
    state = rs.get_state(legacy=True)
    assert isinstance(state, tuple)
    rs.set_state(state[:3] + (has_cached, cached if has_cached else 0.0))
    return z.reshape(size)


def _shuffle_rows(rs: np.random.RandomState, *arrays):
    """The rows of each array in one common random order (``sklearn.utils.shuffle``)."""
    order = np.arange(arrays[0].shape[0])
    rs.shuffle(order)
    return tuple(a[order] for a in arrays)


def _sample_without_replacement(n_population: int, n_samples: int,
                                rs: np.random.RandomState) -> NDArray[np.intp]:
    """`n_samples` distinct integers of [0, n_population), scikit-learn's 'auto' method:
    a prefix of a permutation for moderate ratios, rejection of repeats for small ones,
    reservoir sampling for ratios close to one (each consumes the stream differently)."""
    ratio = n_samples / n_population if n_population else 1.0
    if 0.01 < ratio < 0.99:
        return rs.permutation(n_population)[:n_samples]
    out = np.empty(n_samples, dtype=np.intp)
    if ratio < 0.2:
        chosen: set[int] = set()
        for i in range(n_samples):  # one draw per sample: the stream's order matters
            j = rs.randint(n_population)
            while j in chosen:
                j = rs.randint(n_population)
            chosen.add(j)
            out[i] = j
        return out
    out[:] = np.arange(n_samples)
    for i in range(n_samples, n_population):
        j = rs.randint(0, i + 1)
        if j < n_samples:
            out[j] = i
    return out


def _hypercube_vertices(n_vertices: int, dimensions: int,
                        rs: np.random.RandomState) -> NDArray[np.float64]:
    """Distinct random vertices of the hypercube {0, 1}^dimensions (as the bits of distinct
    integers below 2^dimensions; beyond 30 dimensions the extra bits are drawn directly)."""
    if dimensions > 30:
        extra = rs.randint(2, size=(n_vertices, dimensions - 30))
        return np.hstack([extra, _hypercube_vertices(n_vertices, 30, rs)]).astype(float)
    codes = _sample_without_replacement(2 ** dimensions, n_vertices, rs)
    bits = (codes[:, None] >> np.arange(dimensions - 1, -1, -1)) & 1
    return bits.astype(float)


def _count(low: int) -> Interval:
    return Interval(Integral, low, None, closed="left")


# scikit-learn's ``validate_params`` constraints of each generator (sklearn/datasets/
# _samples_generator.py), for the parameters mathml's generators take.
_CONSTRAINTS: dict[str, dict[str, list[Any]]] = {
    "make_blobs": {
        "n_samples": [_count(1), "array-like"], "n_features": [_count(1)],
        "centers": [_count(1), "array-like", None],
        "cluster_std": [Interval(Real, 0, None, closed="left"), "array-like"],
        "center_box": [tuple], "shuffle": ["boolean"], "random_state": ["random_state"],
        "return_centers": ["boolean"]},
    "make_regression": {
        "n_samples": [_count(1)], "n_features": [_count(1)], "n_informative": [_count(0)],
        "n_targets": [_count(1)], "bias": [Interval(Real, None, None, closed="neither")],
        "noise": [Interval(Real, 0, None, closed="left")], "shuffle": ["boolean"],
        "coef": ["boolean"], "random_state": ["random_state"]},
    "make_classification": {
        "n_samples": [_count(1)], "n_features": [_count(1)], "n_informative": [_count(1)],
        "n_redundant": [_count(0)], "n_repeated": [_count(0)], "n_classes": [_count(1)],
        "n_clusters_per_class": [_count(1)], "weights": ["array-like", None],
        "flip_y": [Interval(Real, 0, 1, closed="both")],
        "class_sep": [Interval(Real, 0, None, closed="neither")], "hypercube": ["boolean"],
        "shift": [Interval(Real, None, None, closed="neither"), "array-like", None],
        "scale": [Interval(Real, 0, None, closed="neither"), "array-like", None],
        "shuffle": ["boolean"], "random_state": ["random_state"]},
}


def _validate(caller: str, params: dict[str, Any]) -> None:
    """InvalidParameterError, worded as scikit-learn's, for the first parameter of `caller`
    outside its constraints."""
    constraints = _CONSTRAINTS[caller]
    _validate_parameter_constraints(constraints, {k: params[k] for k in constraints},
                                    caller)


# ---------------------------------------------------------------------------------------
# make_blobs
# ---------------------------------------------------------------------------------------

def make_blobs(n_samples: int = 100, n_features: int = 2, *, centers=None,
               cluster_std: float | ArrayLike = 1.0,
               center_box: tuple[float, float] = (-10.0, 10.0), shuffle: bool = True,
               random_state=None, return_centers: bool = False):
    """Isotropic Gaussian blobs: points drawn around random or given centres.

    .. math::

        x_i = c_{k(i)} + \\sigma_{k(i)} z_i, \\qquad z_i \\sim \\mathcal N(0, I_d),
        \\qquad c_k \\sim \\mathcal U(\\text{center\\_box})^d

    Parameters
    ----------
    n_samples : int or array_like of ints, default 100
        Total number of points, split as evenly as possible (the first centres get one more);
        or the number of points of each centre (`centers` then None or an array).
    n_features : int, default 2
        Dimension d (ignored when `centers` is an array).
    centers : int or array_like of shape (n_centers, n_features), optional
        Number of centres (default 3) drawn uniformly in `center_box`, or the centres.
    cluster_std : float or array_like of shape (n_centers,), default 1.0
        Standard deviation σ_k of each blob.
    center_box : (float, float), default (-10, 10)
        Bounds of the uniform draw of the centres.
    shuffle : bool, default True
        Shuffle the points (otherwise they come blob by blob).
    random_state : None, int or numpy.random.RandomState
        The generator, as scikit-learn's ``check_random_state``.
    return_centers : bool, default False
        Also return the centres.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        The blob of each point (integers).
    centers : ndarray of shape (n_centers, n_features)
        Only when `return_centers`.

    Raises
    ------
    InvalidParameterError
        A parameter outside scikit-learn's constraints (a count below 1, a negative
        `cluster_std`, a `center_box` that is not a tuple, a non-bool flag, a bad seed).
    ValueError
        `cluster_std` has not one entry per centre; `n_samples` given per centre with
        centres that are not an array of as many rows.

    Notes
    -----
    *Algorithm*: 1. draw or read the centres; 2. for each blob draw its points
    ``c_k + σ_k z`` from the polar-method normals; 3. shuffle the rows.
    *Complexity*: O(n_samples · n_features).
    *Numerical stability*: the polar method is exact up to the rounding of ``log`` and ``sqrt``.

    References
    ----------
    Knuth, The Art of Computer Programming, vol. 2, 3rd ed., §3.4.1 (Algorithm P, the polar
    method).

    Checked against ``reference.datasets.make_blobs`` → ``sklearn.datasets.make_blobs``:
    the same arrays for the same integer `random_state`; NumPy's C code forms
    ``loc + scale·z`` with a fused multiply-add where the compiler contracts it, so
    entries may differ in the last bit.

    Examples
    --------
    >>> X, y = make_blobs(n_samples=6, centers=2, random_state=0)
    >>> X.shape, sorted(y.tolist())
    ((6, 2), [0, 0, 0, 1, 1, 1])
    """
    _validate("make_blobs", locals())
    rs = check_random_state(random_state)
    per_centre = not isinstance(n_samples, Integral)     # n_samples: one count per centre
    # Step 1: the centres.
    if per_centre:
        given_counts = np.asarray(n_samples, dtype=int)
        n_centers = len(given_counts)
        if centers is not None and not hasattr(centers, "__iter__"):
            raise ValueError(f"Parameter `centers` must be array-like. Got {centers!r} instead")
        if centers is not None and len(centers) != n_centers:
            raise ValueError("Length of `n_samples` not consistent with number of centers. "
                             f"Got n_samples = {n_samples} and centers = {centers}")
        C = rs.uniform(center_box[0], center_box[1], size=(n_centers, n_features)) \
            if centers is None else as_float_array(centers)
        n_features = C.shape[1]
    elif centers is None or isinstance(centers, numbers.Integral):
        n_centers = 3 if centers is None else int(centers)
        C = rs.uniform(center_box[0], center_box[1], size=(n_centers, n_features))
    else:
        C = as_float_array(centers)
        n_centers, n_features = C.shape
    # np.ndim(...) == 0 means a number, which mypy cannot infer from the test.
    sigma = np.full(n_centers, float(cast(float, cluster_std))) if np.ndim(cluster_std) == 0 \
        else as_float_array(cluster_std)
    if sigma.shape != (n_centers,):
        raise ValueError(f"Length of `clusters_std` not consistent with number of centers. "
                         f"Got centers = {C} and cluster_std = {cluster_std!s}")
    # Step 2: the blobs, one after the other (the draws' order is NumPy's).
    if per_centre:
        counts = given_counts
    else:
        counts = np.full(n_centers, n_samples // n_centers)
        counts[:n_samples % n_centers] += 1
    X = np.concatenate([C[k] + sigma[k] * _standard_normal(rs, (int(counts[k]), n_features))
                        for k in range(n_centers)])
    y = np.repeat(np.arange(n_centers), counts)
    # Step 3: shuffle.
    if shuffle:
        X, y = _shuffle_rows(rs, X, y)
    return (X, y, C) if return_centers else (X, y)


# ---------------------------------------------------------------------------------------
# make_regression
# ---------------------------------------------------------------------------------------

def make_regression(n_samples: int = 100, n_features: int = 100, *, n_informative: int = 10,
                    n_targets: int = 1, bias: float = 0.0, noise: float = 0.0,
                    shuffle: bool = True, coef: bool = False, random_state=None):
    """A random linear regression problem: Gaussian inputs, a sparse random linear model.

    .. math::

        y = X w + b + \\varepsilon, \\qquad X_{ij} \\sim \\mathcal N(0, 1), \\quad
        w_j \\sim \\mathcal U(0, 100) \\ (j < \\text{n\\_informative}),\\ w_j = 0 \\text{ else},
        \\quad \\varepsilon \\sim \\mathcal N(0, \\text{noise}^2)

    Parameters
    ----------
    n_samples, n_features : int
        Shape of X.
    n_informative : int, default 10
        Number of nonzero coefficients (at most n_features).
    n_targets : int, default 1
        Number of outputs; y is 1-D when it is 1.
    bias : float, default 0.0
        The intercept b.
    noise : float, default 0.0
        Standard deviation of the Gaussian noise.
    shuffle : bool, default True
        Shuffle the samples and the features.
    coef : bool, default False
        Also return the true coefficients w.
    random_state : None, int or numpy.random.RandomState

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,) or (n_samples, n_targets)
    coef : ndarray of shape (n_features,) or (n_features, n_targets)
        Only when `coef`.

    Raises
    ------
    InvalidParameterError
        A size is not a positive integer (n_informative: not a non-negative one); a negative
        `noise`, a non-finite `bias`, a non-bool flag, a bad seed.

    Notes
    -----
    *Algorithm*: 1. draw X; 2. draw the informative coefficients and form y = Xw + b;
    3. add the noise; 4. shuffle rows, then columns (w alongside).
    *Complexity*: O(n_samples · n_features · n_targets).
    *Numerical stability*: exact up to the rounding of the product Xw.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §3.2.

    Checked against ``reference.datasets.make_regression`` → ``sklearn.datasets.make_regression``
    (without its ``effective_rank`` option): the same arrays; the noise term ``0 + noise·z``
    may differ in the last bit (fused multiply-add in NumPy's C code).

    Examples
    --------
    >>> X, y, w = make_regression(n_samples=4, n_features=3, n_informative=1, coef=True,
    ...                           random_state=0)
    >>> X.shape, y.shape, int((w != 0).sum())
    ((4, 3), (4,), 1)
    """
    _validate("make_regression", locals())
    n_informative = min(n_features, n_informative)
    rs = check_random_state(random_state)
    # Step 1: inputs.
    X = _standard_normal(rs, (n_samples, n_features))
    # Step 2: y = X w + b with only the first n_informative w_j nonzero.
    w = np.zeros((n_features, n_targets))
    w[:n_informative] = 100 * rs.uniform(size=(n_informative, n_targets))
    y = X @ w + bias
    # Step 3: noise.
    if noise > 0.0:
        y += 0.0 + noise * _standard_normal(rs, y.shape)
    # Step 4: shuffle samples, then features.
    if shuffle:
        X, y = _shuffle_rows(rs, X, y)
        columns = np.arange(n_features)
        rs.shuffle(columns)
        X, w = X[:, columns], w[columns]
    y = np.squeeze(y)
    return (X, y, np.squeeze(w)) if coef else (X, y)


# ---------------------------------------------------------------------------------------
# make_classification
# ---------------------------------------------------------------------------------------

def make_classification(n_samples: int = 100, n_features: int = 20, *, n_informative: int = 2,
                        n_redundant: int = 2, n_repeated: int = 0, n_classes: int = 2,
                        n_clusters_per_class: int = 2, weights: ArrayLike | None = None,
                        flip_y: float = 0.01, class_sep: float = 1.0, hypercube: bool = True,
                        shift: float | None = 0.0, scale: float | None = 1.0,
                        shuffle: bool = True, random_state=None):
    """A random classification problem: Gaussian clusters at the vertices of a hypercube.

    .. math::

        x_{\\text{inf}} = z A_k + c_k, \\quad z \\sim \\mathcal N(0, I), \\quad
        A_k \\sim \\mathcal U[-1, 1]^{d \\times d}, \\quad
        c_k \\in \\{-s, s\\}^d \\ (s = \\text{class\\_sep}),

    then redundant features ``x_inf B``, repeated features (copies), useless features
    ``\\mathcal N(0, 1)``, a fraction ``flip_y`` of labels redrawn at random, and
    ``X ← (X + shift)·scale``.

    Parameters
    ----------
    n_samples, n_features : int
        Shape of X.
    n_informative, n_redundant, n_repeated : int
        Number of informative, redundant (linear combinations) and repeated features.
    n_classes, n_clusters_per_class : int
        Labels 0 … n_classes−1; each class is a union of clusters.
    weights : array_like of shape (n_classes,) or (n_classes − 1,), optional
        Proportion of samples per class (default equal).
    flip_y : float, default 0.01
        Fraction of labels drawn again uniformly.
    class_sep : float, default 1.0
        Half the side of the hypercube.
    hypercube : bool, default True
        Clusters on the vertices of a hypercube (else of a random polytope).
    shift, scale : float or None
        Added, then multiplied; None draws them at random per feature.
    shuffle : bool, default True
        Shuffle samples and features.
    random_state : None, int or numpy.random.RandomState

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Integer labels.

    Raises
    ------
    InvalidParameterError
        A parameter outside scikit-learn's constraints: a count below its minimum (1; 0 for
        n_redundant and n_repeated), flip_y outside [0, 1], class_sep or scale not positive,
        a non-finite shift, a non-bool flag, a bad seed.
    ValueError
        More informative + redundant + repeated features than n_features; more clusters
        than 2**n_informative vertices; weights of the wrong length.

    Notes
    -----
    *Algorithm*: 1. count samples per cluster; 2. pick distinct hypercube vertices as
    centroids; 3. draw each cluster (normals times a random matrix, shifted to its vertex);
    4. add redundant, repeated and useless features; 5. flip labels, shift and scale;
    6. shuffle samples and features.
    *Complexity*: O(n_samples · n_features · n_informative).
    *Numerical stability*: exact up to the rounding of the products.

    References
    ----------
    Guyon, "Design of experiments for the NIPS 2003 variable selection benchmark", 2003.

    Checked against ``reference.datasets.make_classification`` →
    ``sklearn.datasets.make_classification``: the same arrays for the same `random_state`.

    Examples
    --------
    >>> X, y = make_classification(n_samples=10, n_features=4, random_state=0)
    >>> X.shape, sorted(set(y.tolist()))
    ((10, 4), [0, 1])
    """
    _validate("make_classification", locals())
    rs = check_random_state(random_state)
    if n_informative + n_redundant + n_repeated > n_features:
        raise ValueError("Number of informative, redundant and repeated features must sum "
                         "to less than the number of total features")
    if n_informative < np.log2(n_classes * n_clusters_per_class):
        raise ValueError(f"n_classes({n_classes}) * n_clusters_per_class({n_clusters_per_class})"
                         f" must be smaller or equal 2**n_informative({n_informative})="
                         f"{2 ** n_informative}")
    # Step 1: samples per cluster.
    counts = _cluster_sizes(n_samples, n_classes, n_clusters_per_class, weights)
    # Step 2: centroids at distinct vertices of [-class_sep, class_sep]^n_informative.
    n_clusters = n_classes * n_clusters_per_class
    centroids = _hypercube_vertices(n_clusters, n_informative, rs) * (2 * class_sep) - class_sep
    if not hypercube:
        centroids *= rs.uniform(size=(n_clusters, 1))
        centroids *= rs.uniform(size=(1, n_informative))
    # Step 3: clusters.
    X = np.zeros((n_samples, n_features))
    X[:, :n_informative] = _standard_normal(rs, (n_samples, n_informative))
    y = np.repeat(np.arange(n_clusters) % n_classes, counts)
    bounds = np.concatenate([[0], np.cumsum(counts)])
    for k in range(n_clusters):
        A = 2 * rs.uniform(size=(n_informative, n_informative)) - 1
        rows = slice(bounds[k], bounds[k + 1])
        X[rows, :n_informative] = X[rows, :n_informative] @ A + centroids[k]
    # Step 4: redundant, repeated and useless features.
    _add_derived_features(X, rs, n_informative, n_redundant, n_repeated)
    n_useless = n_features - n_informative - n_redundant - n_repeated
    if n_useless > 0:
        X[:, -n_useless:] = _standard_normal(rs, (n_samples, n_useless))
    # Step 5: noisy labels, shift and scale.
    if flip_y >= 0.0:
        flip = rs.uniform(size=n_samples) < flip_y
        y[flip] = rs.randint(n_classes, size=int(flip.sum()))
    X += (2 * rs.uniform(size=n_features) - 1) * class_sep if shift is None else shift
    X *= 1 + 100 * rs.uniform(size=n_features) if scale is None else scale
    # Step 6: shuffle samples, then features.
    if shuffle:
        X, y = _shuffle_rows(rs, X, y)
        columns = np.arange(n_features)
        rs.shuffle(columns)
        X = X[:, columns]
    return X, y


def _cluster_sizes(n_samples: int, n_classes: int, n_clusters_per_class: int,
                   weights) -> NDArray[np.intp]:
    """Samples per cluster: the class weight split equally among its clusters, rounded
    down, the remainder handed out one by one from the first cluster."""
    if weights is None:
        w = [1.0 / n_classes] * n_classes
    else:
        w = list(np.asarray(weights, dtype=float))
        if len(w) not in (n_classes, n_classes - 1):
            raise ValueError("Weights specified but incompatible with number of classes.")
        if len(w) == n_classes - 1:
            w.append(1.0 - sum(w))
    n_clusters = n_classes * n_clusters_per_class
    counts = np.array([int(n_samples * w[k % n_classes] / n_clusters_per_class)
                       for k in range(n_clusters)])
    for i in range(n_samples - int(counts.sum())):
        counts[i % n_clusters] += 1
    return counts


def _add_derived_features(X: NDArray[np.float64], rs: np.random.RandomState,
                          n_informative: int, n_redundant: int, n_repeated: int) -> None:
    """Redundant columns = informative ones times a random matrix; repeated columns =
    copies of random earlier columns (in place)."""
    if n_redundant > 0:
        B = 2 * rs.uniform(size=(n_informative, n_redundant)) - 1
        X[:, n_informative:n_informative + n_redundant] = X[:, :n_informative] @ B
    n = n_informative + n_redundant
    if n_repeated > 0:
        source = ((n - 1) * rs.uniform(size=n_repeated) + 0.5).astype(np.intp)
        X[:, n:n + n_repeated] = X[:, source]
