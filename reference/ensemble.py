"""Ensembles through scikit-learn: the reference for `mathml.ensemble`."""
from __future__ import annotations

import warnings as _warnings

import numpy as _np
import sklearn.ensemble as _ske
from sklearn.utils._param_validation import StrOptions
from sklearn.utils.validation import _assert_all_finite

__all__: list[str] = []

# --- AdaBoost ---------------------------------------------------------------------------------

__all__ += ["AdaBoostClassifier"]


class AdaBoostClassifier(_ske.AdaBoostClassifier):
    """`sklearn.ensemble.AdaBoostClassifier` (SAMME, its only algorithm in 1.9) with mathml's
    `__init__`. Its trees would accept NaN, but AdaBoost's own input check refuses NaN in
    `fit` and in every prediction method first, as the contract asks: nothing to adjust."""

    def __init__(self, estimator=None, *, n_estimators=50, learning_rate=1.0,
                 random_state=None):
        super().__init__(estimator=estimator, n_estimators=n_estimators,
                         learning_rate=learning_rate, random_state=random_state)


# --- gradient boosting ----------------------------------------------------------------------
# scikit-learn's classes with mathml's `__init__` (the same signature). Their fit and predict
# already refuse NaN and infinite X, as the contract asks, so nothing is checked first.
__all__ += ["GradientBoostingClassifier", "GradientBoostingRegressor"]


class GradientBoostingClassifier(_ske.GradientBoostingClassifier):
    def __init__(self, *, loss="log_loss", learning_rate=0.1, n_estimators=100, subsample=1.0,
                 criterion="deprecated", min_samples_split=2, min_samples_leaf=1,
                 min_weight_fraction_leaf=0.0, max_depth=3, min_impurity_decrease=0.0,
                 init=None, random_state=None, max_features=None, verbose=0,
                 max_leaf_nodes=None, warm_start=False, validation_fraction=0.1,
                 n_iter_no_change=None, tol=1e-4, ccp_alpha=0.0):
        super().__init__(
            loss=loss, learning_rate=learning_rate, n_estimators=n_estimators,
            subsample=subsample, criterion=criterion, min_samples_split=min_samples_split,
            min_samples_leaf=min_samples_leaf, min_weight_fraction_leaf=min_weight_fraction_leaf,
            max_depth=max_depth, min_impurity_decrease=min_impurity_decrease, init=init,
            random_state=random_state, max_features=max_features, verbose=verbose,
            max_leaf_nodes=max_leaf_nodes, warm_start=warm_start,
            validation_fraction=validation_fraction, n_iter_no_change=n_iter_no_change, tol=tol,
            ccp_alpha=ccp_alpha)


class GradientBoostingRegressor(_ske.GradientBoostingRegressor):
    def __init__(self, *, loss="squared_error", learning_rate=0.1, n_estimators=100,
                 subsample=1.0, criterion="deprecated", min_samples_split=2, min_samples_leaf=1,
                 min_weight_fraction_leaf=0.0, max_depth=3, min_impurity_decrease=0.0,
                 init=None, random_state=None, max_features=None, alpha=0.9, verbose=0,
                 max_leaf_nodes=None, warm_start=False, validation_fraction=0.1,
                 n_iter_no_change=None, tol=1e-4, ccp_alpha=0.0):
        super().__init__(
            loss=loss, learning_rate=learning_rate, n_estimators=n_estimators,
            subsample=subsample, criterion=criterion, min_samples_split=min_samples_split,
            min_samples_leaf=min_samples_leaf, min_weight_fraction_leaf=min_weight_fraction_leaf,
            max_depth=max_depth, min_impurity_decrease=min_impurity_decrease, init=init,
            random_state=random_state, max_features=max_features, alpha=alpha,
            verbose=verbose, max_leaf_nodes=max_leaf_nodes, warm_start=warm_start,
            validation_fraction=validation_fraction, n_iter_no_change=n_iter_no_change, tol=tol,
            ccp_alpha=ccp_alpha)

# --- random forests ---------------------------------------------------------------------------



def _finite_X(method):
    # scikit-learn 1.9's forests accept NaN in X (its trees send missing values down a
    # learned side); the contract refuses it, so the wrapper checks X first, with
    # scikit-learn's own message.
    def wrapped(self, X, *args, **kwargs):
        A = None if hasattr(X, "toarray") else _np.asarray(X)
        if A is not None and A.dtype.kind == "f":
            _assert_all_finite(A, input_name="X", estimator_name=type(self).__name__)
        return method(self, X, *args, **kwargs)
    wrapped.__name__, wrapped.__doc__ = method.__name__, method.__doc__
    return wrapped


class RandomForestClassifier(_ske.RandomForestClassifier):
    """scikit-learn's forest with mathml's `__init__` (no monotonic_cst) and NaN refused."""

    def __init__(self, n_estimators=100, *, criterion="gini", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0,
                 max_features="sqrt", max_leaf_nodes=None, min_impurity_decrease=0.0,
                 bootstrap=True, oob_score=False, n_jobs=None, random_state=None, verbose=0,
                 warm_start=False, class_weight=None, ccp_alpha=0.0, max_samples=None):
        super().__init__(n_estimators=n_estimators, criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         min_weight_fraction_leaf=min_weight_fraction_leaf,
                         max_features=max_features, max_leaf_nodes=max_leaf_nodes,
                         min_impurity_decrease=min_impurity_decrease, bootstrap=bootstrap,
                         oob_score=oob_score, n_jobs=n_jobs, random_state=random_state,
                         verbose=verbose, warm_start=warm_start, class_weight=class_weight,
                         ccp_alpha=ccp_alpha, max_samples=max_samples)

    fit = _finite_X(_ske.RandomForestClassifier.fit)
    predict = _finite_X(_ske.RandomForestClassifier.predict)
    predict_proba = _finite_X(_ske.RandomForestClassifier.predict_proba)
    predict_log_proba = _finite_X(_ske.RandomForestClassifier.predict_log_proba)
    apply = _finite_X(_ske.RandomForestClassifier.apply)


class RandomForestRegressor(_ske.RandomForestRegressor):
    """scikit-learn's forest with mathml's `__init__` (no monotonic_cst) and NaN refused."""

    # mathml's regression trees have the squared and absolute errors ('friedman_mse' an alias)
    _parameter_constraints = {**_ske.RandomForestRegressor._parameter_constraints,
                              "criterion": [StrOptions({"squared_error", "friedman_mse",
                                                        "absolute_error"})]}

    def __init__(self, n_estimators=100, *, criterion="squared_error", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0,
                 max_features=1.0, max_leaf_nodes=None, min_impurity_decrease=0.0,
                 bootstrap=True, oob_score=False, n_jobs=None, random_state=None, verbose=0,
                 warm_start=False, ccp_alpha=0.0, max_samples=None):
        super().__init__(n_estimators=n_estimators, criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         min_weight_fraction_leaf=min_weight_fraction_leaf,
                         max_features=max_features, max_leaf_nodes=max_leaf_nodes,
                         min_impurity_decrease=min_impurity_decrease, bootstrap=bootstrap,
                         oob_score=oob_score, n_jobs=n_jobs, random_state=random_state,
                         verbose=verbose, warm_start=warm_start, ccp_alpha=ccp_alpha,
                         max_samples=max_samples)
        # scikit-learn 1.9 rewrites the deprecated 'friedman_mse' as 'squared_error' in
        # __init__ (FutureWarning); stored as given here and mapped at fit, as mathml does
        self.criterion = criterion

    @_finite_X
    def fit(self, X, y, sample_weight=None):
        criterion = self.criterion
        if criterion == "friedman_mse":
            _warnings.warn('Value `"friedman_mse"` for `criterion` is deprecated and will be '
                           'removed in 1.11. It maps to `"squared_error"` as both were always '
                           'equivalent. Use `criterion="squared_error"` to remove this '
                           'warning.', FutureWarning, stacklevel=2)
            self.criterion = "squared_error"
        try:
            return super().fit(X, y, sample_weight=sample_weight)
        finally:
            self.criterion = criterion
    predict = _finite_X(_ske.RandomForestRegressor.predict)
    apply = _finite_X(_ske.RandomForestRegressor.apply)


__all__ += ["RandomForestClassifier", "RandomForestRegressor"]
