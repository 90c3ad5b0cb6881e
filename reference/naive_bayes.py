"""Naive Bayes through scikit-learn: the reference for `mathml.naive_bayes`.

scikit-learn's classes with mathml's `__init__`; ``force_alpha=True`` always (mathml uses
alpha as given, even below 1e-10).
"""
from __future__ import annotations

import numpy as np
import sklearn.naive_bayes as sk

__all__ = ["GaussianNB", "MultinomialNB", "BernoulliNB"]


class GaussianNB(sk.GaussianNB):
    def __init__(self, *, priors=None, var_smoothing=1e-9):
        super().__init__(priors=priors, var_smoothing=var_smoothing)


class MultinomialNB(sk.MultinomialNB):
    def __init__(self, *, alpha=1.0, fit_prior=True, class_prior=None):
        super().__init__(alpha=alpha, force_alpha=True, fit_prior=fit_prior,
                         class_prior=class_prior)


class BernoulliNB(sk.BernoulliNB):
    def __init__(self, *, alpha=1.0, binarize=0.0, fit_prior=True, class_prior=None):
        super().__init__(alpha=alpha, force_alpha=True, binarize=binarize, fit_prior=fit_prior,
                         class_prior=class_prior)

    def _update_feature_log_prob(self, alpha):
        # scikit-learn adds 2α to the class counts without broadcasting over the features:
        # with one α per feature that is an error (or wrong when n_features = n_classes);
        # θ_cj = (N_cj + α_j) / (N_c + 2α_j) here, the same numbers for a single α
        self.feature_log_prob_ = (np.log(self.feature_count_ + alpha)
                                  - np.log(self.class_count_[:, None] + 2 * alpha))
