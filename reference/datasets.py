"""Synthetic data sets through scikit-learn: the reference for `mathml.datasets`.

Thin wrappers with the signatures of `mathml.datasets`; they leave out what `mathml` does
not offer (``return_X_y`` Bunch output, ``make_regression``'s ``effective_rank`` and
``tail_strength``) and otherwise pass everything through.
"""
from __future__ import annotations

import sklearn.datasets

__all__ = ["make_blobs", "make_regression", "make_classification"]


def make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0,
               center_box=(-10.0, 10.0), shuffle=True, random_state=None,
               return_centers=False):
    return sklearn.datasets.make_blobs(n_samples, n_features, centers=centers,
                                       cluster_std=cluster_std, center_box=center_box,
                                       shuffle=shuffle, random_state=random_state,
                                       return_centers=return_centers)


def make_regression(n_samples=100, n_features=100, *, n_informative=10, n_targets=1, bias=0.0,
                    noise=0.0, shuffle=True, coef=False, random_state=None):
    return sklearn.datasets.make_regression(n_samples, n_features, n_informative=n_informative,
                                            n_targets=n_targets, bias=bias, noise=noise,
                                            shuffle=shuffle, coef=coef,
                                            random_state=random_state)


def make_classification(n_samples=100, n_features=20, *, n_informative=2, n_redundant=2,
                        n_repeated=0, n_classes=2, n_clusters_per_class=2, weights=None,
                        flip_y=0.01, class_sep=1.0, hypercube=True, shift=0.0, scale=1.0,
                        shuffle=True, random_state=None):
    return sklearn.datasets.make_classification(
        n_samples, n_features, n_informative=n_informative, n_redundant=n_redundant,
        n_repeated=n_repeated, n_classes=n_classes, n_clusters_per_class=n_clusters_per_class,
        weights=weights, flip_y=flip_y, class_sep=class_sep, hypercube=hypercube, shift=shift,
        scale=scale, shuffle=shuffle, random_state=random_state)
