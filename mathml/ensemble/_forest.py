"""Random forests: many decision trees, each grown on a bootstrap sample with a random subset
of the features tried at every node, their predictions averaged.

A single deep tree has low bias and high variance: a small change in the data changes its
splits. Averaging B trees divides the variance of their mean by up to B, as long as the
trees are not too correlated; two sources of randomness decorrelate them. *Bagging*
(Breiman 1996) grows each tree on n draws with replacement from the n training rows, so each
tree sees about 63% of the distinct rows (1 − (1 − 1/n)ⁿ → 1 − 1/e); the rows a tree did not
see are its *out-of-bag* rows, a free validation set. *Random feature subsets* (Breiman 2001)
let each node choose its split among only ``max_features`` features drawn at random.

The module opens with ``_textbook_RandomForestClassifier`` and
``_textbook_RandomForestRegressor``, the algorithm in a few lines each.
`RandomForestClassifier` and `RandomForestRegressor` draw their random numbers exactly as
scikit-learn does: one seed per tree from ``random_state``, the bootstrap of each tree from
its own seed, given to the tree as *counts* (sample weights), not as copied rows; the trees
are mathml's `DecisionTreeClassifier`/`DecisionTreeRegressor`, which reproduce
scikit-learn's trees node for node. The same ``random_state`` therefore gives the same
forest, and the trees' probabilities summed in the same order give the same predictions.
"""
from __future__ import annotations

import warnings
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._docstrings import fill_doc
from .._validation import (check_classification_targets, check_random_state,
                           check_sample_weight, refuse_scalar_y, type_of_target,
                           validate_data)
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ..exceptions import DataConversionWarning
from ..metrics import r2_score
from ..tree import DecisionTreeClassifier, DecisionTreeRegressor
from ..tree._splitter import shared_features

__all__ = ["RandomForestClassifier", "RandomForestRegressor"]

#: The largest int32: each tree's seed is drawn as ``randint(MAX_INT)`` (scikit-learn's).
MAX_INT = int(np.iinfo(np.int32).max)

#: The hyperparameters a forest passes on to each of its trees.
TREE_PARAMS = ("criterion", "max_depth", "min_samples_split", "min_samples_leaf",
               "min_weight_fraction_leaf", "max_features", "max_leaf_nodes",
               "min_impurity_decrease", "ccp_alpha")


def _textbook_RandomForestClassifier(X: ArrayLike, y: ArrayLike, X_test: ArrayLike,
                                     n_estimators: int = 100, random_state=None
                                     ) -> NDArray[np.float64]:
    """A random forest as a textbook writes it: bagged trees, their probabilities averaged.

    B trees, each grown on a bootstrap sample with √p features tried per node; the class
    probabilities of X_test averaged over the trees.

    .. math::

        \\hat p(c \\mid x) = \\frac{1}{B} \\sum_{b=1}^{B} \\hat p_b(c \\mid x), \\qquad
        \\hat p_b \\text{ a tree grown on } n \\text{ rows drawn with replacement}

    `RandomForestClassifier` makes the same draws (a seed per tree, the bootstrap from it)
    and passes the bootstrap as counts: a row drawn k times weighs k. Copying the rows
    instead grows the same tree in exact arithmetic, but the tree's own random feature order
    depends on which nodes try to split, so the two differ once a node has a tie.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    rs = check_random_state(random_state)
    classes, y_index = np.unique(y, return_inverse=True)
    seeds = [rs.randint(MAX_INT) for _ in range(n_estimators)]
    proba = np.zeros((len(np.asarray(X_test)), len(classes)))
    for seed in seeds:
        rows = np.random.RandomState(seed).randint(0, len(X), len(X))   # the bootstrap
        tree = DecisionTreeClassifier(max_features="sqrt", random_state=seed)
        tree.fit(X, y_index.astype(float), sample_weight=np.bincount(rows, minlength=len(X)))
        proba += tree.predict_proba(X_test)
    return proba / n_estimators


def _textbook_RandomForestRegressor(X: ArrayLike, y: ArrayLike, X_test: ArrayLike,
                                    n_estimators: int = 100, random_state=None
                                    ) -> NDArray[np.float64]:
    """A random forest of regression trees as a textbook writes it: bagged trees, averaged.

    .. math::

        \\hat f(x) = \\frac{1}{B} \\sum_{b=1}^{B} \\hat f_b(x)

    Every feature is tried at each node (scikit-learn's default for regression): the
    randomness is the bootstrap alone, and the tie-breaking order of the features.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    rs = check_random_state(random_state)
    seeds = [rs.randint(MAX_INT) for _ in range(n_estimators)]
    prediction = np.zeros(len(np.asarray(X_test)))
    for seed in seeds:
        rows = np.random.RandomState(seed).randint(0, len(X), len(X))   # the bootstrap
        tree = DecisionTreeRegressor(max_features=1.0, random_state=seed)
        tree.fit(X, y, sample_weight=np.bincount(rows, minlength=len(X)))
        prediction += tree.predict(X_test)
    return prediction / n_estimators


# --- hyperparameter constraints ------------------------------------------------------------------

class _FloatInterval(Interval):
    """An Interval of floats that refuses ints (scikit-learn's ``RealNotInt``): 0.5 is a
    fraction of the rows, 1 would be one row."""

    def is_satisfied_by(self, value: Any) -> bool:
        return not isinstance(value, Integral) and super().is_satisfied_by(value)


_FOREST_CONSTRAINTS: dict[str, list] = {
    "n_estimators": [Interval(Integral, 1, None, closed="left")],
    "bootstrap": ["boolean"],
    "oob_score": ["boolean", callable],
    "n_jobs": [Integral, None],
    "random_state": ["random_state"],
    "verbose": ["verbose"],
    "warm_start": ["boolean"],
    "max_samples": [None, _FloatInterval(Real, 0.0, None, closed="neither"),
                    Interval(Integral, 1, None, closed="left")],
}


def _tree_constraints(tree: Any) -> dict[str, list]:
    """The tree's constraints on the hyperparameters a forest passes on to it."""
    return {name: tree._parameter_constraints[name] for name in TREE_PARAMS}


# --- the random draws -----------------------------------------------------------------------------

def _n_samples_bootstrap(n_samples: int, max_samples, sample_weight: NDArray | None) -> int:
    """Rows per bootstrap: n, an int given, or a fraction of n (of Σw with weights), at
    least 1; a fraction giving fewer than max(10, n^(1/3)) rows warns (scikit-learn's)."""
    if max_samples is None:
        return n_samples
    if isinstance(max_samples, Integral):
        return int(max_samples)
    if sample_weight is None:
        total, what = n_samples, f"the number of samples is {n_samples} "
    else:
        total = sample_weight.sum()
        what = f"the total sum of sample weights is {total} "
    m = max(int(max_samples * total), 1)
    if m < max(10, n_samples ** (1 / 3)):
        warnings.warn(f"Using the fractional value {max_samples=} when {what}results in a low "
                      f"number ({m}) of bootstrap samples. We recommend passing "
                      "`max_samples` as an integer instead.", UserWarning, stacklevel=4)
    return m


def _bootstrap_rows(seed: int, n_samples: int, n_bootstrap: int,
                    sample_weight: NDArray | None) -> NDArray[np.int32]:
    """The rows of one tree's bootstrap, from the tree's own seed: uniform draws
    ``randint(0, n, m)``, or with weights, draws with probability w_i/Σw (``choice``)."""
    rs = np.random.RandomState(seed)
    if sample_weight is None:
        rows = rs.randint(0, n_samples, n_bootstrap)
    else:
        rows = rs.choice(n_samples, n_bootstrap, replace=True,
                         p=sample_weight / np.sum(sample_weight))
    return rows.astype(np.int32)


def _out_of_bag_rows(seed: int, n_samples: int, n_bootstrap: int,
                     sample_weight: NDArray | None) -> NDArray[np.intp]:
    """The rows a tree's bootstrap left out (its out-of-bag rows), in increasing order."""
    counts = np.bincount(_bootstrap_rows(seed, n_samples, n_bootstrap, sample_weight),
                         minlength=n_samples)
    return np.flatnonzero(counts == 0)


# --- class weights ---------------------------------------------------------------------------------

def _balanced(classes: NDArray, y: NDArray, sample_weight: NDArray | None = None) -> NDArray:
    """'balanced' class weights n/(K·n_c) (Σw/(K·Σ_{y_i=c} w_i) with weights), for the K
    classes present in y, in the order of `classes` (each present in y)."""
    present, index = np.unique(y, return_inverse=True)
    w = np.ones(len(y)) if sample_weight is None else sample_weight
    counts = np.bincount(index, weights=w)
    reciprocal = np.sum(counts) / (len(present) * counts)
    return reciprocal[np.searchsorted(present, classes)]


def _class_weight_per_sample(class_weight, y: NDArray) -> NDArray[np.float64]:
    """The weight of each sample's class (the product over the outputs of a 2-D y) for a
    dict (one output) or a list of dicts (one per output); classes not named weigh 1."""
    n_outputs = y.shape[1]
    if n_outputs > 1 and isinstance(class_weight, dict):
        raise ValueError("For multi-output, class_weight should be a list of dicts, or the "
                         "string 'balanced'.")
    if isinstance(class_weight, list) and len(class_weight) != n_outputs:
        raise ValueError("For multi-output, number of elements in class_weight should match "
                         f"number of outputs. Got {len(class_weight)} element(s) while having "
                         f"{n_outputs} outputs.")
    per_output = []
    for k in range(n_outputs):
        weights_k = class_weight if n_outputs == 1 and isinstance(class_weight, dict) \
            else class_weight[k]
        classes = np.unique(y[:, k])
        weight = np.ones(len(classes))
        unnamed = []
        for i, c in enumerate(classes):
            if c in weights_k:
                weight[i] = weights_k[c]
            else:
                unnamed.append(c)
        if unnamed and len(classes) - len(unnamed) != len(weights_k):
            raise ValueError(f"The classes, {np.array(unnamed).tolist()}, are not in "
                             "class_weight")
        per_output.append(weight[np.searchsorted(classes, y[:, k])])
    return np.prod(per_output, axis=0, dtype=np.float64)


def _balanced_subsample(y_index: NDArray, rows: NDArray) -> NDArray[np.float64]:
    """'balanced' weights computed on one bootstrap sample (rows, with repeats), for every
    sample; a class the bootstrap missed weighs 0."""
    per_output = []
    for k in range(y_index.shape[1]):
        y_k = y_index[:, k]
        classes, drawn = np.unique(y_k), np.unique(y_k[rows])
        weight = _balanced(drawn, y_k[rows])
        weight = np.take(weight, np.searchsorted(drawn, classes), mode="clip")
        weight_k = weight[np.searchsorted(classes, y_k)]
        weight_k[~np.isin(y_k, drawn)] = 0.0
        per_output.append(weight_k)
    return np.prod(per_output, axis=0, dtype=np.float64)


# --- the forest ------------------------------------------------------------------------------------

class _BaseForest(BaseEstimator):
    """Fitting shared by both forests: the seeds, the bootstraps, warm start, out-of-bag."""

    _tree: type
    estimators_: list
    n_features_in_: int
    # the hyperparameters both forests take (each class's __init__ sets them)
    n_estimators: int
    criterion: str
    bootstrap: bool
    oob_score: Any
    random_state: Any
    verbose: int
    warm_start: bool
    max_samples: Any

    def _tree_with(self, seed: int):
        params = {p: getattr(self, p) for p in TREE_PARAMS}
        if params["criterion"] == "friedman_mse":   # the alias (fit has warned once)
            params["criterion"] = "squared_error"
        return self._tree(**params, random_state=seed)

    def _validate_X_predict(self, X: ArrayLike) -> NDArray[np.float32]:
        check_is_fitted(self, ["estimators_"])
        return validate_data(self, X, reset=False, dtype=np.float32)

    def _encode_y(self, y: NDArray, sample_weight: NDArray | None) -> tuple[NDArray, NDArray | None]:
        """y (n, n_outputs) as the trees take it, and the class weight of each sample."""
        return y.astype(np.float64), None

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None):
        """Grow ``n_estimators`` trees (``warm_start``: only the new ones); returns self."""
        self._validate_hyperparameters()
        if self.criterion == "friedman_mse":  # scikit-learn 1.9: an alias, deprecated
            warnings.warn('Value `"friedman_mse"` for `criterion` is deprecated and will be '
                          'removed in 1.11. It maps to `"squared_error"` as both were always '
                          'equivalent. Use `criterion="squared_error"` to remove this '
                          'warning.', FutureWarning, stacklevel=2)
        refuse_scalar_y(self, X, y, dtype=np.float32)
        X, y = validate_data(self, X, y, multi_output=True, dtype=np.float32)
        n_samples = X.shape[0]
        sw = None if sample_weight is None else check_sample_weight(sample_weight, n_samples)
        if y.ndim == 2 and y.shape[1] == 1:
            warnings.warn("A column-vector y was passed when a 1d array was expected. Please "
                          "change the shape of y to (n_samples,), for example using ravel().",
                          DataConversionWarning, stacklevel=2)
        y = y.reshape(n_samples, -1)
        self.n_outputs_ = y.shape[1]
        y, class_weight = self._encode_y(y, sw)
        # One weight per sample: the user's times the class weight. With bootstrap it sets
        # the probabilities of the draws; without, it goes to the trees.
        if sw is None:
            weight = class_weight
        elif class_weight is None:
            weight = sw
        else:
            weight = sw * class_weight
        self._sample_weight, self._n_samples = weight, n_samples
        if not self.bootstrap and self.max_samples is not None:
            raise ValueError("`max_sample` cannot be set if `bootstrap=False`. Either switch to "
                             "`bootstrap=True` or set `max_sample=None`.")
        m = _n_samples_bootstrap(n_samples, self.max_samples, weight) if self.bootstrap \
            else n_samples
        self._n_samples_bootstrap = m if self.bootstrap else None
        self.estimator_ = self._tree()
        if not self.bootstrap and self.oob_score:
            raise ValueError("Out of bag estimation only available if bootstrap=True")
        rs = check_random_state(self.random_state)
        if not self.warm_start or not hasattr(self, "estimators_"):
            self.estimators_ = []
        n_more = self.n_estimators - len(self.estimators_)
        if n_more < 0:
            raise ValueError(f"n_estimators={self.n_estimators} must be larger or equal to "
                             f"len(estimators_)={len(self.estimators_)} when warm_start==True")
        if n_more == 0:
            warnings.warn("Warm-start fitting without increasing n_estimators does not fit "
                          "new trees.", UserWarning, stacklevel=2)
        else:
            if self.warm_start and self.estimators_:
                # the seeds the trees already grown took: the stream continues after them
                rs.randint(MAX_INT, size=len(self.estimators_))
            # every tree's seed first, then the trees (scikit-learn makes them all, then fits)
            trees = [self._tree_with(rs.randint(MAX_INT)) for _ in range(n_more)]
            y_tree = y[:, 0] if self.n_outputs_ == 1 else y
            with shared_features(X):  # the trees derive what they need from X once
                self._grow(trees, X, y, y_tree, weight, m)
            self.estimators_.extend(trees)
        if self.oob_score and (n_more > 0 or not hasattr(self, "oob_score_")):
            y_type = type_of_target(y)
            if y_type == "unknown" or (isinstance(self, ClassifierMixin)
                                       and y_type == "multiclass-multioutput"):
                raise ValueError("The type of target cannot be used to compute OOB estimates. "
                                 f"Got {y_type} while only the following are supported: "
                                 "continuous, continuous-multioutput, binary, multiclass, "
                                 "multilabel-indicator.")
            self._set_oob(X, y)
        return self

    def _grow(self, trees: list, X: NDArray, y: NDArray, y_tree: NDArray,
              weight: NDArray | None, m: int) -> None:
        """Fit each tree on its bootstrap (as weights) or on all of X."""
        n_samples = X.shape[0]
        for i, tree in enumerate(trees):
            if self.verbose > 1:
                print(f"building tree {i + 1} of {len(trees)}")
            w = weight
            if self.bootstrap:
                rows = _bootstrap_rows(tree.random_state, n_samples, m, weight)
                # the bootstrap as counts: a row drawn k times weighs k, one never drawn 0
                w = np.bincount(rows, minlength=n_samples)
                if getattr(self, "class_weight", None) == "balanced_subsample":
                    w = w * _balanced_subsample(y, rows)
            tree.fit(X, y_tree, sample_weight=w, check_input=False)  # X, y checked here

    def _set_oob(self, X: NDArray, y: NDArray) -> None:
        raise NotImplementedError

    def _oob_sums(self, X: NDArray, y: NDArray, width: int) -> NDArray[np.float64]:
        """Σ over the trees that left row i out of their prediction at x_i, divided by their
        number; shape (n, width, n_outputs)."""
        n = y.shape[0]
        total = np.zeros((n, width, self.n_outputs_))
        count = np.zeros((n, self.n_outputs_), dtype=np.int64)
        for tree in self.estimators_:
            rows = _out_of_bag_rows(tree.random_state, n, int(self._n_samples_bootstrap or n),
                                    self._sample_weight)
            total[rows, ...] += self._tree_oob_prediction(tree, X[rows, :])
            count[rows, :] += 1
        for k in range(self.n_outputs_):
            if (count == 0).any():
                warnings.warn("Some inputs do not have OOB scores. This probably means too few "
                              "trees were used to compute any reliable OOB estimates.",
                              UserWarning, stacklevel=4)
                count[count == 0] = 1
            total[..., k] /= count[..., [k]]
        return total

    @staticmethod
    def _tree_oob_prediction(tree, X: NDArray) -> NDArray:
        raise NotImplementedError

    def apply(self, X: ArrayLike) -> NDArray[np.intp]:
        """The leaf each sample reaches in each tree, shape (n_samples, n_estimators)."""
        X = self._validate_X_predict(X)
        return np.array([tree.apply(X, check_input=False) for tree in self.estimators_]).T

    @property
    def feature_importances_(self) -> NDArray[np.float64]:
        """The trees' impurity-decrease importances averaged (trees of one node left out),
        normalised to sum 1; all zero if every tree is a single leaf."""
        check_is_fitted(self, ["estimators_"])
        grown = [tree.feature_importances_ for tree in self.estimators_
                 if tree.tree_.node_count > 1]
        if not grown:
            return np.zeros(self.n_features_in_, dtype=np.float64)
        # the tree-by-tree sum (a reduction over the first axis adds the rows in order)
        mean = np.array(grown, dtype=np.float64).sum(axis=0) / len(grown)
        return mean / np.sum(mean)


#: The parameters both forests share (placed by `fill_doc`).
_PARAMETERS = """
    n_estimators : int ≥ 1, default 100
        The number of trees B.
    criterion, max_depth, min_samples_split, min_samples_leaf, min_weight_fraction_leaf, \
max_features, max_leaf_nodes, min_impurity_decrease, ccp_alpha
        Passed to every tree (see the tree's documentation). The defaults are scikit-learn's:
        criterion 'gini' and max_features 'sqrt' (√p features per node) for the classifier,
        'squared_error' and 1.0 (every feature) for the regressor.
    bootstrap : bool, default True
        Grow each tree on a bootstrap sample (as counts); otherwise on all the rows.
    oob_score : bool or callable, default False
        Score the out-of-bag predictions (a callable ``score(y, prediction)``).
    n_jobs : int or None
        Accepted for scikit-learn's API; mathml grows the trees one after the other.
    random_state : None, int or numpy.random.RandomState
        The seeds of the trees.
    verbose : int, default 0
    warm_start : bool, default False
        Keep the trees already grown and add ``n_estimators − len(estimators_)`` new ones.
    max_samples : None, int or float in (0, ∞)
        Rows per bootstrap: n, that many, or that fraction of n (of Σw with weights).
"""


@fill_doc(parameters=_PARAMETERS)
class RandomForestClassifier(ClassifierMixin, _BaseForest):
    """A random forest of classification trees: their class probabilities, averaged.

    .. math::

        \\hat p(c \\mid x) = \\frac{1}{B} \\sum_{b=1}^{B} \\hat p_b(c \\mid x), \\qquad
        \\hat y(x) = \\arg\\max_c \\hat p(c \\mid x)

    where tree b is grown on a bootstrap sample, trying ``max_features`` random features at
    each node, and \\hat p_b(c | x) is the weighted fraction of class c in the leaf x reaches.

    Parameters
    ----------
    {parameters}
    class_weight : None, dict, list of dicts, 'balanced' or 'balanced_subsample'
        Weights of the classes: given, n/(K·n_c) on the whole training set, or the same on
        each tree's bootstrap sample.

    Attributes
    ----------
    estimators_ : list of DecisionTreeClassifier
        The trees, fitted on the class indices 0 … K−1.
    estimator_ : DecisionTreeClassifier
        The unfitted template.
    classes_ : ndarray of shape (n_classes,) (a list of them for a 2-D y)
    n_classes_ : int (a list of them for a 2-D y)
    n_outputs_ : int
    n_features_in_ : int
    feature_importances_ : ndarray of shape (n_features,)
    oob_score_ : float
        Accuracy of the out-of-bag prediction (with ``oob_score``).
    oob_decision_function_ : ndarray of shape (n_samples, n_classes)
        Out-of-bag class probabilities: row i averaged over the trees that did not draw it.

    Raises
    ------
    ValueError
        max_samples without bootstrap, oob_score without bootstrap, fewer trees than grown
        with warm_start, invalid hyperparameters (InvalidParameterError), scikit-learn's input
        checks (NaN, 1-D X, a continuous y, wrong feature count at predict).

    Warns
    -----
    UserWarning
        Rows no tree left out (out-of-bag), warm start without new trees, a fractional
        max_samples giving few rows.

    Notes
    -----
    *Algorithm*:
    1. encode y as class indices; weight the samples (sample_weight × class_weight);
    2. draw one seed per tree, ``randint(2³¹ − 1)`` from random_state, in order;
    3. for each tree: draw its bootstrap from ``RandomState(seed)`` (m uniform rows, or m
    rows with probability w_i/Σw), count how often each row was drawn, and grow the tree on
    all of X with those counts as sample weights and ``random_state=seed``;
    4. predict: sum the trees' class probabilities, tree by tree, and divide by B.
    Out-of-bag: the same for row i over the trees whose bootstrap missed it.
    *The textbook algorithm* `_textbook_RandomForestClassifier` is steps 2–4 for the
    default hyperparameters.
    *Complexity*: B trees of O(p' n log² n) each (p' features tried per node), on the
    ~63% distinct rows of each bootstrap; prediction O(B · depth) per sample.

    References
    ----------
    Breiman, "Random Forests", Machine Learning 45 (2001); Breiman, "Bagging Predictors",
    Machine Learning 24 (1996); Hastie, Tibshirani & Friedman, The Elements of Statistical
    Learning, 2nd ed., ch. 15.

    Checked against ``reference.ensemble.RandomForestClassifier`` →
    ``sklearn.ensemble.RandomForestClassifier``: the same random_state gives the same trees,
    node for node, and the same probabilities bit for bit.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    >>> forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, [0, 0, 0, 1, 1, 1])
    >>> forest.predict([[0.5], [4.5]]).tolist()
    [0, 1]
    """

    # the tags scikit-learn declares for its RandomForestClassifier
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True,
                                                  "classifier_tags.multi_label": True}

    _tree = DecisionTreeClassifier

    def __init__(self, n_estimators: int = 100, *, criterion: str = "gini", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf: float = 0.0,
                 max_features="sqrt", max_leaf_nodes=None, min_impurity_decrease: float = 0.0,
                 bootstrap: bool = True, oob_score=False, n_jobs=None, random_state=None,
                 verbose=0, warm_start: bool = False, class_weight=None, ccp_alpha: float = 0.0,
                 max_samples=None) -> None:
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.max_leaf_nodes = max_leaf_nodes
        self.min_impurity_decrease = min_impurity_decrease
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.verbose = verbose
        self.warm_start = warm_start
        self.class_weight = class_weight
        self.ccp_alpha = ccp_alpha
        self.max_samples = max_samples

    _parameter_constraints = {
        **_FOREST_CONSTRAINTS, **_tree_constraints(DecisionTreeClassifier),
        "class_weight": [StrOptions({"balanced_subsample", "balanced"}), dict, list, None],
    }

    def _encode_y(self, y, sample_weight):
        check_classification_targets(y[:, 0] if self.n_outputs_ == 1 else y)
        self.classes_, self.n_classes_ = [], []
        index = np.zeros(y.shape, dtype=np.intp)
        for k in range(self.n_outputs_):
            classes_k, index[:, k] = np.unique(y[:, k], return_inverse=True)
            self.classes_.append(classes_k)
            self.n_classes_.append(len(classes_k))
        class_weight = None
        if isinstance(self.class_weight, (dict, list)):
            class_weight = _class_weight_per_sample(self.class_weight, y)
        elif self.class_weight is not None:
            if self.warm_start:
                warnings.warn('class_weight presets "balanced" or "balanced_subsample" are not '
                              "recommended for warm_start if the fitted data differs from the "
                              'full dataset. In order to use "balanced" weights, use '
                              'compute_class_weight ("balanced", classes, y). In place of y you '
                              "can use a large enough sample of the full training set target to "
                              "properly estimate the class frequency distributions. Pass the "
                              "resulting weights as the class_weight parameter.",
                              UserWarning, stacklevel=3)
            if not (self.class_weight == "balanced_subsample" and self.bootstrap):
                per_output = [{c: w for c, w in zip(self.classes_[k], _balanced(
                    self.classes_[k], y[:, k], sample_weight))} for k in range(self.n_outputs_)]
                class_weight = _class_weight_per_sample(
                    per_output[0] if self.n_outputs_ == 1 else per_output, y)
        return index.astype(np.float64), class_weight

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None):
        """Grow the forest on (X, y); returns self."""
        super().fit(X, y, sample_weight)
        if self.n_outputs_ == 1:   # one output: the arrays themselves, not lists of one
            self.n_classes_ = self.n_classes_[0]
            self.classes_ = self.classes_[0]
        return self

    @staticmethod
    def _tree_oob_prediction(tree, X):
        p = tree.predict_proba(X, check_input=False)
        return p[..., np.newaxis] if np.ndim(p) == 2 else np.moveaxis(np.asarray(p), 0, 2)

    def _set_oob(self, X, y):
        oob = self._oob_sums(X, y, np.atleast_1d(self.n_classes_)[0])
        self.oob_decision_function_ = oob[..., 0] if oob.shape[-1] == 1 else oob
        predicted = np.argmax(self.oob_decision_function_, axis=1)
        if callable(self.oob_score):
            self.oob_score_ = self.oob_score(y, predicted)
        else:   # accuracy: the fraction of rows whose every output is right
            self.oob_score_ = float(np.mean(np.all(y == predicted.reshape(len(y), -1), axis=1)))

    def predict_proba(self, X: ArrayLike):
        """Class probabilities: the trees' probabilities added tree by tree, divided by B
        (a list of arrays, one per output, for a 2-D y)."""
        X = self._validate_X_predict(X)
        totals = [np.zeros((X.shape[0], k)) for k in np.atleast_1d(self.n_classes_)]
        for tree in self.estimators_:
            p = tree.predict_proba(X, check_input=False)
            for total, p_k in zip(totals, [p] if len(totals) == 1 else p):
                total += p_k
        for total in totals:
            total /= len(self.estimators_)
        return totals[0] if len(totals) == 1 else totals

    def predict_log_proba(self, X: ArrayLike):
        """The logarithm of `predict_proba` (−inf where a probability is 0)."""
        proba = self.predict_proba(X)
        if self.n_outputs_ == 1:
            return np.log(proba)
        return [np.log(p) for p in proba]

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of highest mean probability (the first on ties)."""
        proba = self.predict_proba(X)
        if self.n_outputs_ == 1:
            return self.classes_.take(np.argmax(proba, axis=1), axis=0)
        out = np.empty((proba[0].shape[0], self.n_outputs_), dtype=self.classes_[0].dtype)
        for k in range(self.n_outputs_):
            out[:, k] = self.classes_[k].take(np.argmax(proba[k], axis=1), axis=0)
        return out


@fill_doc(parameters=_PARAMETERS)
class RandomForestRegressor(RegressorMixin, _BaseForest):
    """A random forest of regression trees: their predictions, averaged.

    .. math::

        \\hat f(x) = \\frac{1}{B} \\sum_{b=1}^{B} \\hat f_b(x)

    where tree b is grown on a bootstrap sample, trying ``max_features`` random features at
    each node (all of them by default: bagged trees), and \\hat f_b(x) is the weighted mean
    of y in the leaf x reaches.

    Parameters
    ----------
    {parameters}

    Attributes
    ----------
    estimators_ : list of DecisionTreeRegressor
    estimator_ : DecisionTreeRegressor
        The unfitted template.
    n_outputs_ : int
    n_features_in_ : int
    feature_importances_ : ndarray of shape (n_features,)
    oob_score_ : float
        R² of the out-of-bag prediction (with ``oob_score``).
    oob_prediction_ : ndarray of shape (n_samples,) or (n_samples, n_outputs)
        Row i's prediction averaged over the trees that did not draw it.

    Raises
    ------
    ValueError
        max_samples without bootstrap, oob_score without bootstrap, fewer trees than grown
        with warm_start, invalid hyperparameters (InvalidParameterError), scikit-learn's input
        checks (NaN, 1-D X, wrong feature count at predict).

    Warns
    -----
    UserWarning
        Rows no tree left out (out-of-bag), warm start without new trees, a fractional
        max_samples giving few rows.

    Notes
    -----
    *Algorithm*: as `RandomForestClassifier`'s steps 2–3 (seeds, bootstraps as counts,
    trees), then the trees' predictions added tree by tree and divided by B.
    *The textbook algorithm* `_textbook_RandomForestRegressor` is that for the default
    hyperparameters.
    *Complexity*: B trees of O(p' n log² n) each; prediction O(B · depth) per sample.

    References
    ----------
    Breiman, "Random Forests", Machine Learning 45 (2001); Hastie, Tibshirani & Friedman,
    The Elements of Statistical Learning, 2nd ed., ch. 15.

    Checked against ``reference.ensemble.RandomForestRegressor`` →
    ``sklearn.ensemble.RandomForestRegressor``: the same random_state gives the same trees,
    node for node, and the same predictions bit for bit.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    >>> forest = RandomForestRegressor(n_estimators=5, random_state=0).fit(X, 2 * X.ravel())
    >>> forest.predict([[0.0], [5.0]]).round(1).tolist()
    [1.2, 9.6]
    """

    # the tags scikit-learn declares for its RandomForestRegressor
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _tree = DecisionTreeRegressor

    def __init__(self, n_estimators: int = 100, *, criterion: str = "squared_error",
                 max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 min_weight_fraction_leaf: float = 0.0, max_features=1.0, max_leaf_nodes=None,
                 min_impurity_decrease: float = 0.0, bootstrap: bool = True, oob_score=False,
                 n_jobs=None, random_state=None, verbose=0, warm_start: bool = False,
                 ccp_alpha: float = 0.0, max_samples=None) -> None:
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.max_leaf_nodes = max_leaf_nodes
        self.min_impurity_decrease = min_impurity_decrease
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.verbose = verbose
        self.warm_start = warm_start
        self.ccp_alpha = ccp_alpha
        self.max_samples = max_samples

    _parameter_constraints = {**_FOREST_CONSTRAINTS,
                              **_tree_constraints(DecisionTreeRegressor)}

    @staticmethod
    def _tree_oob_prediction(tree, X):
        p = tree.predict(X, check_input=False)
        return p[:, np.newaxis, np.newaxis] if p.ndim == 1 else p[:, np.newaxis, :]

    def _set_oob(self, X, y):
        oob = self._oob_sums(X, y, 1)[:, 0, :]
        self.oob_prediction_ = oob[:, 0] if oob.shape[-1] == 1 else oob
        score = self.oob_score if callable(self.oob_score) else r2_score
        self.oob_score_ = score(y[:, 0] if self.n_outputs_ == 1 else y, self.oob_prediction_)

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """The trees' predictions added tree by tree, divided by B."""
        X = self._validate_X_predict(X)
        total = np.zeros((X.shape[0], self.n_outputs_) if self.n_outputs_ > 1 else X.shape[0])
        for tree in self.estimators_:
            total += tree.predict(X, check_input=False)
        total /= len(self.estimators_)
        return total

