"""Decision trees through scikit-learn: the reference for `mathml.tree`.

scikit-learn's classes with mathml's `__init__`. Two adjustments, each said where it is made:
NaN in X is refused (scikit-learn 1.9's trees accept it as missing), and `decision_path`
returns a dense 0/1 array (scikit-learn's is a sparse CSR matrix; mathml has no sparse type).
"""
from __future__ import annotations

import warnings

import sklearn.tree as sk
from sklearn.utils import check_array

__all__ = ["DecisionTreeClassifier", "DecisionTreeRegressor", "export_text"]


def _refuse_nan(X):
    # scikit-learn 1.9's trees treat NaN as missing values; mathml's contract refuses NaN, so
    # the reference checks first (scikit-learn's own message: "Input X contains NaN.").
    if X is not None and not hasattr(X, "tocsr"):
        check_array(X, dtype=None, ensure_all_finite=True, ensure_2d=False,
                    ensure_min_samples=0, input_name="X")


class _Adjusted:
    def fit(self, X, y, sample_weight=None, check_input=True):
        _refuse_nan(X)
        return super().fit(X, y, sample_weight=sample_weight, check_input=check_input)

    def predict(self, X, check_input=True):
        _refuse_nan(X)
        return super().predict(X, check_input=check_input)

    def apply(self, X, check_input=True):
        _refuse_nan(X)
        return super().apply(X, check_input=check_input)

    def decision_path(self, X, check_input=True):
        _refuse_nan(X)
        return super().decision_path(X, check_input=check_input).toarray()

    def cost_complexity_pruning_path(self, X, y, sample_weight=None):
        _refuse_nan(X)
        return super().cost_complexity_pruning_path(X, y, sample_weight=sample_weight)


class DecisionTreeClassifier(_Adjusted, sk.DecisionTreeClassifier):
    def __init__(self, *, criterion="gini", splitter="best", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0,
                 max_features=None, random_state=None, max_leaf_nodes=None,
                 min_impurity_decrease=0.0, class_weight=None, ccp_alpha=0.0):
        super().__init__(criterion=criterion, splitter=splitter, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         min_weight_fraction_leaf=min_weight_fraction_leaf,
                         max_features=max_features, random_state=random_state,
                         max_leaf_nodes=max_leaf_nodes,
                         min_impurity_decrease=min_impurity_decrease,
                         class_weight=class_weight, ccp_alpha=ccp_alpha)

    def predict_proba(self, X, check_input=True):
        _refuse_nan(X)
        return super().predict_proba(X, check_input=check_input)

    def predict_log_proba(self, X):
        _refuse_nan(X)
        return super().predict_log_proba(X)


class DecisionTreeRegressor(_Adjusted, sk.DecisionTreeRegressor):
    def __init__(self, *, criterion="squared_error", splitter="best", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0,
                 max_features=None, random_state=None, max_leaf_nodes=None,
                 min_impurity_decrease=0.0, ccp_alpha=0.0):
        # stored as given: scikit-learn 1.9 rewrites 'friedman_mse' (deprecated) in __init__,
        # mathml keeps the hyperparameter and maps it (with the same FutureWarning) at fit
        self.criterion, self.splitter, self.max_depth = criterion, splitter, max_depth
        self.min_samples_split, self.min_samples_leaf = min_samples_split, min_samples_leaf
        self.min_weight_fraction_leaf, self.max_features = min_weight_fraction_leaf, max_features
        self.random_state, self.max_leaf_nodes = random_state, max_leaf_nodes
        self.min_impurity_decrease, self.ccp_alpha = min_impurity_decrease, ccp_alpha
        self.monotonic_cst = None

    def get_params(self, deep=True):
        params = super().get_params(deep=deep)
        params.pop("monotonic_cst", None)
        return params

    def fit(self, X, y, sample_weight=None, check_input=True):
        criterion = self.criterion
        if criterion == "friedman_mse":
            warnings.warn('Value `"friedman_mse"` for `criterion` is deprecated and will be '
                          'removed in 1.11. It maps to `"squared_error"` as both were always '
                          'equivalent. Use `criterion="squared_error"` to remove this '
                          'warning.', FutureWarning, stacklevel=2)
            self.criterion = "squared_error"
        try:
            return super().fit(X, y, sample_weight=sample_weight, check_input=check_input)
        finally:
            self.criterion = criterion


def export_text(decision_tree, *, feature_names=None, class_names=None, max_depth=10,
                spacing=3, decimals=2, show_weights=False):
    """`sklearn.tree.export_text` of the wrapped estimator."""
    return sk.export_text(decision_tree, feature_names=feature_names, class_names=class_names,
                          max_depth=max_depth, spacing=spacing, decimals=decimals,
                          show_weights=show_weights)


