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
