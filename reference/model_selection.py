"""Model selection through scikit-learn: the reference for `mathml.model_selection`.

Thin wrappers with the signatures of `mathml.model_selection` (scikit-learn's options for
parallelism, groups and routing are left out).
"""
from __future__ import annotations

import numpy as np
import sklearn.model_selection
from sklearn.model_selection import KFold, StratifiedKFold

__all__ = ["train_test_split", "KFold", "StratifiedKFold", "cross_val_score", "learning_curve"]


def train_test_split(*arrays, test_size=None, train_size=None, random_state=None,
                     shuffle=True, stratify=None):
    # scikit-learn returns the inputs' own types (lists stay lists); mathml returns arrays.
    return sklearn.model_selection.train_test_split(
        *(a if a is None else np.asarray(a) for a in arrays), test_size=test_size, train_size=train_size,
        random_state=random_state, shuffle=shuffle, stratify=stratify)


def cross_val_score(estimator, X, y=None, *, cv=None, scoring=None, error_score=np.nan):
    return sklearn.model_selection.cross_val_score(estimator, X, y, cv=cv, scoring=scoring,
                                                   error_score=error_score)


def learning_curve(estimator, X, y=None, *, train_sizes=(0.1, 0.325, 0.55, 0.775, 1.0), cv=None,
                   scoring=None, shuffle=False, random_state=None, n_jobs=None,
                   error_score=np.nan):
    return sklearn.model_selection.learning_curve(estimator, X, y, train_sizes=train_sizes,
                                                  cv=cv, scoring=scoring, shuffle=shuffle,
                                                  random_state=random_state, n_jobs=n_jobs,
                                                  error_score=error_score)
