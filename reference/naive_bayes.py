"""Naive Bayes through scikit-learn: the reference for `mathml.naive_bayes`.

scikit-learn's classes with mathml's `__init__`; ``force_alpha=True`` always (mathml uses
alpha as given, even below 1e-10).
"""
from __future__ import annotations

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
