"""Decision trees: `DecisionTreeClassifier` and `DecisionTreeRegressor`.

A decision tree cuts the feature space with axis-aligned splits ``x_j ≤ t``, chosen
greedily: each node takes the split that decreases the weighted impurity the most. The
module opens with that algorithm as a textbook writes it; the estimators below run the same
mathematics in the order scikit-learn does, so that the same ``random_state`` grows the
same tree node for node.
"""
from __future__ import annotations

import numbers
from abc import ABCMeta
from math import ceil
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import (check_array, check_classification_targets, check_random_state,
                           check_sample_weight, validate_data, FLOAT_DTYPES)
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ._criterion import Criterion
from ._splitter import RAND_R_MAX, Splitter
from ._tree import Tree, build_best_first, build_depth_first

__all__ = ["DecisionTreeClassifier", "DecisionTreeRegressor"]


def _textbook_DecisionTreeClassifier(X: NDArray, y: NDArray, depth: int = 0,
                                     max_depth: int = 3) -> dict:
    """The greedy impurity-decrease tree (CART), as a textbook writes it.

    At a node holding samples with class proportions p_c, the Gini impurity is
    i = 1 − Σ_c p_c². Try every feature j and every threshold t halfway between consecutive
    distinct values; the split sends x_j ≤ t left. Keep the split with the largest
    decrease  i − (n_L/n)·i_L − (n_R/n)·i_R, and recurse on both sides until the node is
    pure or `max_depth` is reached. A leaf predicts its majority class.
    """
    def gini(labels):
        _, counts = np.unique(labels, return_counts=True)
        p = counts / counts.sum()
        return 1.0 - np.sum(p * p)

    classes, counts = np.unique(y, return_counts=True)
    leaf = {"predict": classes[np.argmax(counts)]}
    if depth == max_depth or len(classes) == 1:
        return leaf
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            decrease = gini(y) - left.mean() * gini(y[left]) - (~left).mean() * gini(y[~left])
            if best is None or decrease > best[0]:
                best = (decrease, j, t, left)
    if best is None:
        return leaf
    _, j, t, left = best
    return {"feature": j, "threshold": t,
            "left": _textbook_DecisionTreeClassifier(X[left], y[left], depth + 1, max_depth),
            "right": _textbook_DecisionTreeClassifier(X[~left], y[~left], depth + 1,
                                                       max_depth)}



class RealNotInt(Real, metaclass=ABCMeta):
    """A real number that is not an integer (scikit-learn's constraint type)."""


RealNotInt.register(float)


def _compute_sample_weight(class_weight: Any, y: NDArray) -> NDArray[np.float64]:
    """Per-sample weights from ``class_weight`` ('balanced', a dict, or one dict per
    output): 'balanced' gives class c the weight n / (n_classes · n_c); several outputs
    multiply."""
    n_outputs = y.shape[1]
    if class_weight != "balanced" and n_outputs > 1:
        if not hasattr(class_weight, "__iter__") or isinstance(class_weight, dict):
            raise ValueError("For multi-output, class_weight should be a list of dicts, or "
                             "the string 'balanced'.")
        if len(class_weight) != n_outputs:
            raise ValueError("For multi-output, number of elements in class_weight should "
                             "match number of outputs.")
    weights = []
    for k in range(n_outputs):
        classes, y_ind = np.unique(y[:, k], return_inverse=True)
        cw = class_weight if (class_weight == "balanced" or n_outputs == 1) else class_weight[k]
        if cw == "balanced":
            per_class = len(y) / (len(classes) * np.bincount(y_ind).astype(np.float64))
        else:
            per_class = np.ones(len(classes))
            unweighted = [c for c in cw if c not in classes]
            if unweighted:
                raise ValueError(f"The classes, {unweighted}, are not in class_weight")
            for c, value in cw.items():
                per_class[np.searchsorted(classes, c)] = value
        weights.append(per_class[y_ind])
    out = weights[0]
    for w in weights[1:]:
        out = out * w
    return out


class BaseDecisionTree(BaseEstimator):
    """What the classifier and the regressor share: the hyperparameters, `fit`, the tree."""

    _parameter_constraints: dict = {
        "splitter": [StrOptions({"best", "random"})],
        "max_depth": [Interval(Integral, 1, None, closed="left"), None],
        "min_samples_split": [Interval(Integral, 2, None, closed="left"),
                              Interval(RealNotInt, 0.0, 1.0, closed="right")],
        "min_samples_leaf": [Interval(Integral, 1, None, closed="left"),
                             Interval(RealNotInt, 0.0, 1.0, closed="neither")],
        "min_weight_fraction_leaf": [Interval(Real, 0.0, 0.5, closed="both")],
        "max_features": [Interval(Integral, 1, None, closed="left"),
                         Interval(RealNotInt, 0.0, 1.0, closed="right"),
                         StrOptions({"sqrt", "log2"}), None],
        "random_state": ["random_state"],
        "max_leaf_nodes": [Interval(Integral, 2, None, closed="left"), None],
        "min_impurity_decrease": [Interval(Real, 0.0, None, closed="left")],
        "ccp_alpha": [Interval(Real, 0.0, None, closed="left")],
    }

    _is_classifier = False

    # hyperparameters (stored by the subclasses' __init__) and fitted attributes
    criterion: str
    splitter: str
    max_depth: Any
    min_samples_split: Any
    min_samples_leaf: Any
    min_weight_fraction_leaf: float
    max_features: Any
    random_state: Any
    max_leaf_nodes: Any
    min_impurity_decrease: float
    class_weight: Any = None
    ccp_alpha: float
    tree_: Tree
    classes_: Any
    n_classes_: Any
    n_outputs_: int
    max_features_: int
    n_features_in_: int
    fit: Any

    # --- fitting ---------------------------------------------------------------------------
    def _validate_X(self, X: ArrayLike, reset: bool) -> NDArray[np.float32]:
        """X as float32 (the precision every threshold is found in); infinities refused."""
        X = validate_data(self, X, reset=reset, dtype=FLOAT_DTYPES) if not reset else X
        X32 = np.asarray(X, dtype=np.float32)
        if not np.isfinite(X32).all():
            raise ValueError("Input X contains infinity or a value too large for "
                             "dtype('float32').")
        return X32

    def _fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None,
             check_input: bool = True):
        self._validate_hyperparameters()
        random_state = check_random_state(self.random_state)
        if check_input:
            # X and y are checked separately, as scikit-learn's trees do (hence its message
            # for a length mismatch)
            X = validate_data(self, X, dtype=FLOAT_DTYPES)
            X32 = self._validate_X(X, reset=True)
            if y is None:
                raise ValueError(f"This {type(self).__name__} estimator requires y to be "
                                 "passed, but the target y is None.")
            y = check_array(y, ensure_2d=False, dtype=None, input_name="y")
        else:  # the caller (a forest, boosting) has checked X and y already
            X32 = np.asarray(X, dtype=np.float32)
            self.n_features_in_ = X32.shape[1]
            y = np.atleast_1d(np.asarray(y))
        n_samples = X32.shape[0]
        if self._is_classifier:
            check_classification_targets(y[:, 0] if y.ndim == 2 and y.shape[1] == 1 else y)
        if y.ndim == 1:
            y = y.reshape(-1, 1)
        self.n_outputs_ = y.shape[1]
        class_weight = None
        if self._is_classifier:
            classes: list = []
            encoded = np.zeros(y.shape, dtype=np.intp)
            for k in range(self.n_outputs_):
                classes_k, encoded[:, k] = np.unique(y[:, k], return_inverse=True)
                classes.append(classes_k)
            if self.class_weight is not None:
                class_weight = _compute_sample_weight(self.class_weight, y)
            self.classes_ = classes
            self.n_classes_ = np.array([len(c) for c in classes], dtype=np.intp)
            y = encoded
        y = np.ascontiguousarray(y, dtype=np.float64)
        if len(y) != n_samples:
            raise ValueError(f"Number of labels={len(y)} does not match number of "
                             f"samples={n_samples}")

        max_depth = np.iinfo(np.int32).max if self.max_depth is None else self.max_depth
        if isinstance(self.min_samples_leaf, numbers.Integral):
            min_samples_leaf = int(self.min_samples_leaf)
        else:
            min_samples_leaf = ceil(self.min_samples_leaf * n_samples)
        if isinstance(self.min_samples_split, numbers.Integral):
            min_samples_split = int(self.min_samples_split)
        else:
            min_samples_split = max(2, ceil(self.min_samples_split * n_samples))
        min_samples_split = max(min_samples_split, 2 * min_samples_leaf)
        self.max_features_ = self._max_features(X32.shape[1])

        if sample_weight is not None:
            sample_weight = check_sample_weight(sample_weight, n_samples)
        if class_weight is not None:
            sample_weight = class_weight if sample_weight is None else sample_weight * class_weight
        if sample_weight is None:
            min_weight_leaf = self.min_weight_fraction_leaf * n_samples
            w = np.ones(n_samples)
        else:
            min_weight_leaf = self.min_weight_fraction_leaf * np.sum(sample_weight)
            w = np.asarray(sample_weight, dtype=np.float64)

        criterion = Criterion({"log_loss": "entropy"}.get(self.criterion, self.criterion),
                              self.n_outputs_,
                              self.n_classes_ if self._is_classifier else None)
        # sums of integer weights are exact in any order: then the order of tied samples
        # cannot change a result, and a plain sort serves
        exact_sums = self._is_classifier and bool(np.all(w == np.floor(w))) and \
            float(np.sum(np.abs(w))) < 2.0 ** 53
        seed = random_state.randint(0, RAND_R_MAX)  # the one draw per fit
        splitter = Splitter(criterion, X32, y, w, max_features=self.max_features_,
                            min_samples_leaf=min_samples_leaf, min_weight_leaf=min_weight_leaf,
                            seed=seed, exact_sums=exact_sums, splitter=self.splitter)
        n_classes = self.n_classes_ if self._is_classifier else np.ones(self.n_outputs_, int)
        tree = Tree(X32.shape[1], n_classes, self.n_outputs_)
        limits = dict(max_depth=max_depth, min_samples_split=min_samples_split,
                      min_samples_leaf=min_samples_leaf, min_weight_leaf=min_weight_leaf,
                      min_impurity_decrease=self.min_impurity_decrease)
        if self.max_leaf_nodes is None:
            build_depth_first(tree, splitter, **limits)
        else:
            build_best_first(tree, splitter, max_leaf_nodes=self.max_leaf_nodes, **limits)
        self.tree_ = tree
        if self._is_classifier and self.n_outputs_ == 1:
            self.n_classes_ = self.n_classes_[0]  # np.intp, as scikit-learn
            self.classes_ = self.classes_[0]
        if self.ccp_alpha > 0.0:
            from ._prune import prune_ccp
            self.tree_ = prune_ccp(self.tree_, self.ccp_alpha)
        return self

    def _max_features(self, n_features: int) -> int:
        mf = self.max_features
        if isinstance(mf, str):
            return max(1, int(np.sqrt(n_features))) if mf == "sqrt" else \
                max(1, int(np.log2(n_features)))
        if mf is None:
            return n_features
        if isinstance(mf, numbers.Integral):
            return int(mf)
        return max(1, int(mf * n_features)) if mf > 0.0 else 0

    # --- using -----------------------------------------------------------------------------
    def _X_predict(self, X: ArrayLike, check_input: bool = True) -> NDArray[np.float32]:
        check_is_fitted(self)
        if not check_input:
            X32 = np.asarray(X, dtype=np.float32)
            if X32.shape[1] != self.n_features_in_:
                raise ValueError(f"X has {X32.shape[1]} features, but {type(self).__name__} "
                                 f"is expecting {self.n_features_in_} features as input.")
            return X32
        X = check_array(X, estimator=self, input_name="X", dtype=FLOAT_DTYPES)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features, but {type(self).__name__} is "
                             f"expecting {self.n_features_in_} features as input.")
        return self._validate_X(X, reset=True)

    def apply(self, X: ArrayLike, check_input: bool = True) -> NDArray[np.intp]:
        """The index of the leaf each sample lands in."""
        X32 = self._X_predict(X, check_input)
        return self.tree_.apply(X32)

    def decision_path(self, X: ArrayLike, check_input: bool = True) -> NDArray[np.int64]:
        """Indicator (n_samples, node_count) of the nodes each sample passes through — dense
        here (scikit-learn returns it as a sparse CSR matrix; mathml has no sparse type)."""
        X32 = self._X_predict(X, check_input)
        return self.tree_.decision_path(X32)

    def get_depth(self) -> int:
        """The depth of the tree: the longest root-to-leaf path, in edges."""
        check_is_fitted(self)
        return int(self.tree_.max_depth)

    def get_n_leaves(self) -> int:
        """The number of leaves of the tree."""
        check_is_fitted(self)
        return int(self.tree_.n_leaves)

    @property
    def feature_importances_(self) -> NDArray[np.float64]:
        """The impurity decrease brought by each feature, weighted and normalised."""
        check_is_fitted(self)
        return self.tree_.compute_feature_importances()

    def cost_complexity_pruning_path(self, X: ArrayLike, y: ArrayLike,
                                     sample_weight: ArrayLike | None = None):
        """The effective alphas of minimal cost-complexity pruning and the total leaf
        impurities of the subtrees they give."""
        from ._prune import pruning_path
        est = type(self)(**{**self.get_params(), "ccp_alpha": 0.0})
        est.fit(X, y, sample_weight=sample_weight)
        return pruning_path(est.tree_)


class DecisionTreeClassifier(ClassifierMixin, BaseDecisionTree):
    r"""A decision tree classifier: greedy axis-aligned splits that decrease the impurity.

    .. math::

        \Delta(j, t) = \frac{w_n}{w}\Big(i(n) - \frac{w_R}{w_n}\, i(R)
                        - \frac{w_L}{w_n}\, i(L)\Big),\qquad
        i_{\text{gini}} = 1 - \sum_c p_c^2,\quad
        i_{\text{entropy}} = -\sum_c p_c \log_2 p_c,

    where L = {x : x_j ≤ t} and R are the children of node n, w the weights and p_c the
    weighted class fractions. Each node takes the (j, t) of largest Δ among the features
    drawn; a leaf predicts its class fractions.

    Parameters
    ----------
    criterion : {'gini', 'entropy', 'log_loss'}, default='gini'
        The impurity i ('log_loss' is 'entropy').
    splitter : {'best', 'random'}, default='best'
        'best' scans every threshold of each feature drawn; 'random' draws one threshold per
        feature uniformly between the node's min and max.
    max_depth : int or None, default=None
        Depth limit (None: grow until pure or too small).
    min_samples_split : int or float, default=2
        Fewest samples a node needs to be split (a float: a fraction of n, rounded up).
    min_samples_leaf : int or float, default=1
        Fewest samples each child must keep.
    min_weight_fraction_leaf : float, default=0.0
        Smallest fraction of the total weight each child must keep.
    max_features : int, float, {'sqrt', 'log2'} or None, default=None
        How many features each node draws before it may stop looking.
    random_state : int, RandomState or None, default=None
        Seeds the feature order (one draw per fit).
    max_leaf_nodes : int or None, default=None
        With a value, the tree grows best first up to that many leaves.
    min_impurity_decrease : float, default=0.0
        A split must decrease the weighted impurity Δ at least this much.
    class_weight : dict, list of dicts, 'balanced' or None, default=None
        Weights multiplying each sample's weight by its class.
    ccp_alpha : float, default=0.0
        Minimal cost-complexity pruning: the largest effective alpha pruned.

    Attributes
    ----------
    tree_ : Tree
        The arrays of the fitted tree (``children_left``, ``children_right``, ``feature``,
        ``threshold``, ``value`` of shape (node_count, n_outputs, max_n_classes) holding the
        class fractions, ``impurity``, ``n_node_samples``, ``weighted_n_node_samples``,
        ``node_count``, ``max_depth``).
    classes_ : ndarray of shape (n_classes,) or list of such arrays
    n_classes_ : int or ndarray of shape (n_outputs,)
    n_outputs_ : int
    max_features_ : int
    n_features_in_ : int
    feature_importances_ : ndarray of shape (n_features,)

    Raises
    ------
    ValueError
        NaN or infinity in X, a continuous y, wrong feature count at predict; an invalid
        hyperparameter (``InvalidParameterError``).

    Notes
    -----
    *Algorithm* (depth first, scikit-learn's order):

    1. Cast X to float32. Draw one seed ``randint(0, 2³¹ − 1)`` from `random_state`; it
       starts a 32-bit xorshift generator that orders the features.
    2. Pop a node from the stack; it is a leaf when it is at `max_depth`, has fewer than
       `min_samples_split` (or 2·`min_samples_leaf`) samples, or is pure (impurity ≤ ε).
    3. Otherwise draw features without replacement (Fisher–Yates with the generator) until
       `max_features` non-constant ones have been scanned. For each, sort the node by the
       feature; at every position between values more than 1e-7 apart that leaves
       `min_samples_leaf` samples (and the minimum weight) on both sides, score
       −w_R·i_R − w_L·i_L from running sums. The first best score wins (strict >); the
       threshold is the midpoint x_(p−1)/2 + x_(p)/2 in float64.
    4. Partition the node's samples, compute the children's impurities and Δ; make the node
       a leaf if Δ + ε < `min_impurity_decrease`, else push the right child, then the left.
    5. The value of a node is its weighted class fractions; predict descends
       x_j ≤ t → left to a leaf and takes the argmax.

    *Complexity*: O(m · n log n) per level of the tree for m features drawn (one sort per
    feature per node), O(depth) per prediction.

    *Numerical stability*: every sum adds in scikit-learn's order (running sums forward, or
    rebuilt from the node total when the jump is longer than what remains), so the same
    floats come out; thresholds are halves added in float64 so they never overflow.

    References
    ----------
    Breiman, Friedman, Olshen and Stone, *Classification and Regression Trees* (1984);
    Hastie, Tibshirani and Friedman, *The Elements of Statistical Learning*, §9.2.

    Checked against `reference.tree.DecisionTreeClassifier` →
    `sklearn.tree.DecisionTreeClassifier`: the same tree node for node (features,
    thresholds, children, values) for the same `random_state`.

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.tree import DecisionTreeClassifier
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> clf = DecisionTreeClassifier(random_state=0).fit(X, [0, 0, 1, 1])
    >>> float(clf.tree_.threshold[0]), clf.predict([[0.5], [2.5]]).tolist()
    (1.5, [0, 1])
    """

    # the tags scikit-learn declares for its DecisionTreeClassifier
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True,
                                                  "classifier_tags.multi_label": True}

    _parameter_constraints: dict = {
        **BaseDecisionTree._parameter_constraints,
        "criterion": [StrOptions({"gini", "entropy", "log_loss"})],
        "class_weight": [dict, list, StrOptions({"balanced"}), None],
    }
    _is_classifier = True

    def __init__(self, *, criterion: str = "gini", splitter: str = "best",
                 max_depth: int | None = None, min_samples_split: int | float = 2,
                 min_samples_leaf: int | float = 1, min_weight_fraction_leaf: float = 0.0,
                 max_features: int | float | str | None = None, random_state: Any = None,
                 max_leaf_nodes: int | None = None, min_impurity_decrease: float = 0.0,
                 class_weight: Any = None, ccp_alpha: float = 0.0) -> None:
        self.criterion = criterion
        self.splitter = splitter
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.random_state = random_state
        self.max_leaf_nodes = max_leaf_nodes
        self.min_impurity_decrease = min_impurity_decrease
        self.class_weight = class_weight
        self.ccp_alpha = ccp_alpha

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None,
            check_input: bool = True) -> DecisionTreeClassifier:
        """Grow the tree on (X, y); `sample_weight` multiplies each sample's weight
        (`check_input=False` skips the checks, for callers that made them)."""
        return self._fit(X, y, sample_weight, check_input)

    def predict_proba(self, X: ArrayLike, check_input: bool = True
                      ) -> NDArray[np.float64] | list[NDArray[np.float64]]:
        """The class fractions of the leaf each sample lands in (a list per output)."""
        X32 = self._X_predict(X, check_input)
        proba = self.tree_.predict(X32)
        if self.n_outputs_ == 1:
            return proba[:, 0, : self.n_classes_]
        return [proba[:, k, : self.n_classes_[k]] for k in range(self.n_outputs_)]

    def predict_log_proba(self, X: ArrayLike):
        """log of `predict_proba` (−inf for a class absent from the leaf)."""
        proba = self.predict_proba(X)
        with np.errstate(divide="ignore"):
            if self.n_outputs_ == 1:
                return np.log(proba)
            return [np.log(p) for p in proba]

    def predict(self, X: ArrayLike, check_input: bool = True) -> NDArray:
        """The most frequent (weighted) class of each sample's leaf."""
        X32 = self._X_predict(X, check_input)
        proba = self.tree_.predict(X32)
        if self.n_outputs_ == 1:
            return self.classes_.take(np.argmax(proba[:, 0], axis=1), axis=0)
        out = np.zeros((proba.shape[0], self.n_outputs_), dtype=self.classes_[0].dtype)
        for k in range(self.n_outputs_):
            out[:, k] = self.classes_[k].take(np.argmax(proba[:, k], axis=1), axis=0)
        return out


class DecisionTreeRegressor(RegressorMixin, BaseDecisionTree):
    r"""A decision tree regressor: greedy axis-aligned splits that decrease the squared error.

    .. math::

        i(n) = \frac{1}{w_n}\sum_{i\in n} w_i\,(y_i - \bar y_n)^2,\qquad
        \Delta(j, t) = \frac{w_n}{w}\Big(i(n) - \frac{w_R}{w_n}\, i(R)
                        - \frac{w_L}{w_n}\, i(L)\Big).

    Candidate splits are ranked by the proxy s_L²/w_L + s_R²/w_R (s = Σ w y on each side),
    which differs from −w_L·i_L − w_R·i_R by a constant of the node. A leaf predicts the
    weighted mean of its targets.

    Parameters
    ----------
    criterion : {'squared_error', 'friedman_mse', 'absolute_error'}, default='squared_error'
        'friedman_mse' is scikit-learn's deprecated alias of 'squared_error';
        'absolute_error' scores i(n) = Σ w_i |y_i − m_n| / w_n with m_n the weighted median
        (the leaf value then), through scikit-learn's Fenwick tree of prefix sums, one pure
        Python pass per feature per node: exact but slow past a few thousand samples.
    splitter, max_depth, min_samples_split, min_samples_leaf, min_weight_fraction_leaf,
    max_features, random_state, max_leaf_nodes, min_impurity_decrease, ccp_alpha
        As `DecisionTreeClassifier`.

    Attributes
    ----------
    tree_ : Tree
        As the classifier's; ``value`` (node_count, n_outputs, 1) holds the means.
    n_outputs_, max_features_, n_features_in_, feature_importances_
        As the classifier's.

    Raises
    ------
    ValueError
        NaN or infinity in X or y, wrong feature count at predict; an invalid
        hyperparameter (``InvalidParameterError``).

    Notes
    -----
    *Algorithm*: as `DecisionTreeClassifier`'s, with the running sums s = Σ w y per output
    and the node impurity Σ w y²/w_n − Σ_k (s_k/w_n)², averaged over the outputs.

    *Complexity*: O(m · n log n) per level, as the classifier.

    *Numerical stability*: the sums are added in scikit-learn's order, the tied samples
    ordered as its introsort leaves them, so means and impurities agree to the last bit.

    References
    ----------
    Breiman, Friedman, Olshen and Stone, *Classification and Regression Trees* (1984).

    Checked against `reference.tree.DecisionTreeRegressor` →
    `sklearn.tree.DecisionTreeRegressor`: the same tree node for node, values bitwise.

    Examples
    --------
    >>> from mathml.tree import DecisionTreeRegressor
    >>> reg = DecisionTreeRegressor(max_depth=1).fit([[0.0], [1.0], [2.0], [3.0]],
    ...                                               [1.0, 1.0, 3.0, 5.0])
    >>> reg.predict([[0.0], [3.0]]).tolist()
    [1.0, 4.0]
    """

    # the tags scikit-learn declares for its DecisionTreeRegressor
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _parameter_constraints: dict = {
        **BaseDecisionTree._parameter_constraints,
        "criterion": [StrOptions({"squared_error", "friedman_mse", "absolute_error"})],
    }

    def __init__(self, *, criterion: str = "squared_error", splitter: str = "best",
                 max_depth: int | None = None, min_samples_split: int | float = 2,
                 min_samples_leaf: int | float = 1, min_weight_fraction_leaf: float = 0.0,
                 max_features: int | float | str | None = None, random_state: Any = None,
                 max_leaf_nodes: int | None = None, min_impurity_decrease: float = 0.0,
                 ccp_alpha: float = 0.0) -> None:
        self.criterion = criterion
        self.splitter = splitter
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.random_state = random_state
        self.max_leaf_nodes = max_leaf_nodes
        self.min_impurity_decrease = min_impurity_decrease
        self.ccp_alpha = ccp_alpha

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None,
            check_input: bool = True) -> DecisionTreeRegressor:
        """Grow the tree on (X, y); `sample_weight` multiplies each sample's weight
        (`check_input=False` skips the checks, for callers that made them)."""
        criterion = self.criterion
        if criterion == "friedman_mse":  # scikit-learn 1.9: an alias, deprecated
            import warnings
            warnings.warn('Value `"friedman_mse"` for `criterion` is deprecated and will be '
                          'removed in 1.11. It maps to `"squared_error"` as both were always '
                          'equivalent. Use `criterion="squared_error"` to remove this '
                          'warning.', FutureWarning, stacklevel=2)
        try:
            if criterion == "friedman_mse":
                self.criterion = "squared_error"
            return self._fit(X, y, sample_weight, check_input)
        finally:
            self.criterion = criterion

    def predict(self, X: ArrayLike, check_input: bool = True) -> NDArray[np.float64]:
        """The mean target of each sample's leaf."""
        X32 = self._X_predict(X, check_input)
        value = self.tree_.predict(X32)
        return value[:, 0, 0] if self.n_outputs_ == 1 else value[:, :, 0]
