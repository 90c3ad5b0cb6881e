"""k-nearest-neighbour classification and regression on brute force or the k-d tree (the
module docstring of `mathml.neighbors` gives the search, the auto rule and the ties)."""
from __future__ import annotations

from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import check_classification_targets, validate_data
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ._kd_tree import KDTree, _rdist_to_dist, _reduced_distances

__all__ = ["KNeighborsClassifier", "KNeighborsRegressor"]


def _minkowski_distances(X: NDArray, Z: NDArray, p: float) -> NDArray:
    """All distances between the rows of X (m × d) and Z (n × d), shape (m, n), the
    brute-force way (for p = 2 through one matrix product)."""
    if p == 2:
        # ‖x − z‖² = ‖x‖² − 2x·z + ‖z‖²; rounding can make it slightly negative: clip.
        D = X @ Z.T
        D *= -2.0
        D += (X * X).sum(axis=1)[:, None]
        D += (Z * Z).sum(axis=1)[None, :]
        np.maximum(D, 0.0, out=D)
        return np.sqrt(D, out=D)
    return _rdist_to_dist(_reduced_distances(X.T[:, :, None], Z.T[:, None, :], p), p)


def _k_smallest(D: NDArray, k: int) -> NDArray[np.intp]:
    """Per row, the indices of the k smallest entries ordered by (value, index) — what a
    stable full sort would give — in O(n) per row plus O(k log k).

    A partition finds k smallest entries; it is the right set unless the k-th smallest value
    d_k occurs more often in the row than among the k chosen (a tie across the boundary),
    where the lowest indices must win: such rows are sorted stably in full.
    """
    if k == D.shape[1]:
        return np.argsort(D, axis=1, kind="stable")
    index = np.argpartition(D, k - 1, axis=1)[:, :k]
    values = np.take_along_axis(D, index, axis=1)
    d_k = values.max(axis=1, keepdims=True)
    crowded = np.flatnonzero((D == d_k).sum(axis=1) > (values == d_k).sum(axis=1))
    index[crowded] = np.argsort(D[crowded], axis=1, kind="stable")[:, :k]
    values[crowded] = np.take_along_axis(D[crowded], index[crowded], axis=1)
    # order the k by value, then by index
    order = np.lexsort((index, values), axis=1)
    return np.take_along_axis(index, order, axis=1)


def _neighbor_weights(dist: NDArray, weights: str) -> NDArray:
    """Uniform weights, or 1/d; a point at distance 0 takes all the weight of its row
    (shared equally among such points), as scikit-learn."""
    if weights == "uniform":
        return np.ones_like(dist)
    with np.errstate(divide="ignore"):
        w = 1.0 / dist
    exact = np.isinf(w)
    rows = exact.any(axis=1)
    w[rows] = exact[rows]
    return w


def _choose_algorithm(algorithm: str, shape: tuple[int, int], n_neighbors: int | None) -> str:
    """scikit-learn's 'auto' rule for the Minkowski metrics: brute force when there are more
    than 15 features or n_neighbors ≥ n_samples // 2, a k-d tree otherwise. (Its ball tree
    is chosen only for weighted Minkowski or other metrics, which mathml does not offer.)"""
    if algorithm != "auto":
        return algorithm
    n_samples, n_features = shape
    if n_features > 15 or (n_neighbors is not None and n_neighbors >= n_samples // 2):
        return "brute"
    return "kd_tree"


class _KNeighbors(BaseEstimator):
    """Storage of the training set and the neighbour search."""

    _parameter_constraints = {"n_neighbors": [Interval(Integral, 1, None, closed="left")],
                              "weights": [StrOptions({"uniform", "distance"})],
                              "algorithm": [StrOptions({"auto", "kd_tree", "brute"})],
                              "leaf_size": [Interval(Integral, 1, None, closed="left")],
                              "p": [Interval(Real, 0, None, closed="right")]}

    def __init__(self, n_neighbors: int = 5, *, weights: str = "uniform",
                 algorithm: str = "auto", leaf_size: int = 30, p: float = 2) -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.algorithm = algorithm
        self.leaf_size = leaf_size
        self.p = p

    def _store(self, X, y, classifier: bool):
        self._validate_hyperparameters()
        if self.p < 1:
            raise ValueError("p must be greater or equal to one for minkowski metric")
        X, y = validate_data(self, X, y)
        if classifier:
            check_classification_targets(y)
            self.classes_, y = np.unique(y, return_inverse=True)
        self._fit_X, self._y = X, y
        self.n_samples_fit_ = X.shape[0]
        self._fit_method = _choose_algorithm(self.algorithm, X.shape, self.n_neighbors)
        self._tree = (KDTree(X, self.leaf_size, metric="minkowski", p=self.p)
                      if self._fit_method == "kd_tree" else None)
        return self

    def kneighbors(self, X: ArrayLike, n_neighbors: int | None = None
                   ) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
        """(distances, indices) of the k nearest training points, each of shape (m, k),
        nearest first (stable: ties by training index)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        k = self.n_neighbors if n_neighbors is None else n_neighbors
        if k > self.n_samples_fit_:
            raise ValueError(f"Expected n_neighbors <= n_samples_fit, but n_neighbors = {k}, "
                             f"n_samples_fit = {self.n_samples_fit_}, n_samples = {X.shape[0]}")
        if self._tree is not None:
            return self._tree.query(X, k)
        if self.p == 2:
            # ‖x − z‖² = ‖x‖² + (‖z‖² − 2x·z): ‖x‖² is the same for every candidate z of a
            # row, so the nearest are found on the bracket alone and ‖x‖² added to k of them.
            Z = self._fit_X
            key = X @ (-2.0 * Z).T
            key += (Z * Z).sum(axis=1)
            index = _k_smallest(key, k)
            d2 = np.take_along_axis(key, index, axis=1) + (X * X).sum(axis=1)[:, None]
            return np.sqrt(np.maximum(d2, 0.0)), index
        D = _minkowski_distances(X, self._fit_X, self.p)
        index = _k_smallest(D, k)
        return np.take_along_axis(D, index, axis=1), index


class KNeighborsClassifier(ClassifierMixin, _KNeighbors):
    """Classification by a (weighted) vote of the k nearest training points.

    .. math::

        P(c \\mid x) = \\frac{\\sum_{i \\in N_k(x)} w_i [y_i = c]}{\\sum_{i \\in N_k(x)} w_i},
        \\qquad w_i = 1 \\text{ (uniform) or } 1/d(x, x_i) \\text{ (distance)}

    Parameters
    ----------
    n_neighbors : int ≥ 1, default 5
    weights : {'uniform', 'distance'}, default 'uniform'
    algorithm : {'auto', 'kd_tree', 'brute'}, default 'auto'
        The neighbour search ('auto': scikit-learn's rule, see the module docstring).
    leaf_size : int ≥ 1, default 30
        Of the k-d tree.
    p : float ≥ 1, default 2
        Minkowski exponent (1 Manhattan, 2 Euclidean, inf Chebyshev).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    n_features_in_, n_samples_fit_ : int

    Raises
    ------
    ValueError
        n_neighbors > n_samples_fit at prediction, p < 1, a continuous target, scikit-learn's
        input checks.

    Notes
    -----
    *Algorithm*: 1. distances to the training points (all of them, or those of the
    k-d tree's candidate leaves); 2. the k nearest (a partition, then a sort of the k,
    ties by training index); 3. weighted class frequencies; predict their argmax (the
    first class on a tie).
    *Complexity*: brute force O(m n d) for the distances, O(m n + m k log k) for the
    selection; the tree about O(m (log n + leaf_size) d) in low dimension.
    *Numerical stability*: the Euclidean shortcut loses relative accuracy for distances much
    smaller than the norms (cancellation in ‖x‖² − 2x·z + ‖z‖², clipped at 0).

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §13.3.

    Checked against ``reference.neighbors.KNeighborsClassifier`` →
    ``sklearn.neighbors.KNeighborsClassifier``; neighbours among tied distances may differ
    (see the module docstring).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]); y = np.array([0, 0, 0, 1, 1])
    >>> KNeighborsClassifier(n_neighbors=3).fit(X, y).predict([[1.5], [10.5]]).tolist()
    [0, 1]
    """

    def fit(self, X: ArrayLike, y: ArrayLike) -> KNeighborsClassifier:
        """Store the training set; returns self."""
        return self._store(X, y, classifier=True)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Weighted neighbour class frequencies, shape (n_samples, n_classes)."""
        # Step 1–2: the neighbours.
        dist, index = self.kneighbors(X)
        # Step 3: weighted votes per class.
        w = _neighbor_weights(dist, self.weights)
        votes = np.zeros((index.shape[0], len(self.classes_)))
        rows = np.repeat(np.arange(index.shape[0]), index.shape[1])
        np.add.at(votes, (rows, self._y[index].ravel()), w.ravel())
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest (weighted) vote."""
        proba = self.predict_proba(X)  # first: it checks that the model is fitted
        return self.classes_[proba.argmax(axis=1)]


class KNeighborsRegressor(RegressorMixin, _KNeighbors):
    """Regression by the (weighted) mean of the k nearest training targets.

    .. math::

        \\hat y(x) = \\frac{\\sum_{i \\in N_k(x)} w_i y_i}{\\sum_{i \\in N_k(x)} w_i}

    Parameters
    ----------
    n_neighbors : int ≥ 1, default 5
    weights : {'uniform', 'distance'}, default 'uniform'
    algorithm : {'auto', 'kd_tree', 'brute'}, default 'auto'
    leaf_size : int ≥ 1, default 30
    p : float ≥ 1, default 2

    Attributes
    ----------
    n_features_in_, n_samples_fit_ : int

    Raises
    ------
    ValueError
        n_neighbors > n_samples_fit at prediction, p < 1, scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. distances (brute force or the k-d tree's candidates); 2. the k
    nearest (partition, sort of the k, ties by index); 3. the weighted mean.
    *Complexity*: O(m n d + m k log k).
    *Numerical stability*: as `KNeighborsClassifier`.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §2.3.2.

    Checked against ``reference.neighbors.KNeighborsRegressor`` →
    ``sklearn.neighbors.KNeighborsRegressor``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0.0, 1.0, 2.0, 3.0])
    >>> KNeighborsRegressor(n_neighbors=2).fit(X, y).predict([[0.4]]).tolist()
    [0.5]
    """

    def fit(self, X: ArrayLike, y: ArrayLike) -> KNeighborsRegressor:
        """Store the training set; returns self."""
        self._store(X, y, classifier=False)
        self._y = self._y.astype(float)
        return self

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """Weighted mean of the neighbours' targets, shape (n_samples,)."""
        dist, index = self.kneighbors(X)
        w = _neighbor_weights(dist, self.weights)
        return (w * self._y[index]).sum(axis=1) / w.sum(axis=1)
