"""Ensembles through scikit-learn: the reference for `mathml.ensemble`."""
from __future__ import annotations

import sklearn.ensemble as _ske

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
