"""Model evaluation through scikit-learn: the reference for `mathml.metrics`.

Thin wrappers with the signatures of `mathml.metrics`, which are scikit-learn's restricted
to what mathml implements: no array ``multioutput`` weights, no ``max_fpr`` and no
one-vs-one in ``roc_auc_score``, no multilabel targets. scikit-learn's checks and messages
are the contract for these functions, so nothing is adjusted.
"""
from __future__ import annotations

import numpy as np
import sklearn.metrics as _sk
from sklearn.utils._param_validation import StrOptions, validate_params

__all__ = ["mean_squared_error", "mean_absolute_error", "r2_score", "accuracy_score",
           "precision_score", "recall_score", "f1_score", "confusion_matrix", "log_loss",
           "roc_curve", "roc_auc_score", "silhouette_samples", "silhouette_score",
           "calinski_harabasz_score", "davies_bouldin_score", "adjusted_rand_score"]


def mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average"):
    return _sk.mean_squared_error(y_true, y_pred, sample_weight=sample_weight,
                                  multioutput=multioutput)


def mean_absolute_error(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average"):
    return _sk.mean_absolute_error(y_true, y_pred, sample_weight=sample_weight,
                                   multioutput=multioutput)


def r2_score(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average",
             force_finite=True):
    return _sk.r2_score(y_true, y_pred, sample_weight=sample_weight, multioutput=multioutput,
                        force_finite=force_finite)


def accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None):
    return _sk.accuracy_score(y_true, y_pred, normalize=normalize, sample_weight=sample_weight)


def precision_score(y_true, y_pred, *, labels=None, pos_label=1, average="binary",
                    sample_weight=None, zero_division="warn"):
    return _sk.precision_score(y_true, y_pred, labels=labels, pos_label=pos_label,
                               average=average, sample_weight=sample_weight,
                               zero_division=zero_division)


def recall_score(y_true, y_pred, *, labels=None, pos_label=1, average="binary",
                 sample_weight=None, zero_division="warn"):
    return _sk.recall_score(y_true, y_pred, labels=labels, pos_label=pos_label,
                            average=average, sample_weight=sample_weight,
                            zero_division=zero_division)


def f1_score(y_true, y_pred, *, labels=None, pos_label=1, average="binary",
             sample_weight=None, zero_division="warn"):
    return _sk.f1_score(y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
                        sample_weight=sample_weight, zero_division=zero_division)


def confusion_matrix(y_true, y_pred, *, labels=None, sample_weight=None, normalize=None):
    return _sk.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sample_weight,
                                normalize=normalize)


def log_loss(y_true, y_proba, *, normalize=True, sample_weight=None, labels=None):
    return _sk.log_loss(y_true, y_proba, normalize=normalize, sample_weight=sample_weight,
                        labels=labels)


def roc_curve(y_true, y_score, *, pos_label=None, sample_weight=None, drop_intermediate=True):
    return _sk.roc_curve(y_true, y_score, pos_label=pos_label, sample_weight=sample_weight,
                         drop_intermediate=drop_intermediate)


def roc_auc_score(y_true, y_score, *, average="macro", sample_weight=None, multi_class="raise",
                  labels=None):
    return _sk.roc_auc_score(y_true, y_score, average=average, sample_weight=sample_weight,
                             multi_class=multi_class, labels=labels)


# Clustering scores. mathml's silhouette takes the euclidean metric or a precomputed
# distance matrix only: the wrappers refuse the other metrics scikit-learn offers, with
# scikit-learn's own parameter validation and wording.
_SILHOUETTE_METRIC = {"metric": [StrOptions({"euclidean", "precomputed"})]}


@validate_params(_SILHOUETTE_METRIC, prefer_skip_nested_validation=False)
def silhouette_samples(X, labels, *, metric="euclidean"):
    return _sk.silhouette_samples(X, labels, metric=metric)


@validate_params(_SILHOUETTE_METRIC, prefer_skip_nested_validation=False)
def silhouette_score(X, labels, *, metric="euclidean", sample_size=None, random_state=None):
    return _sk.silhouette_score(X, labels, metric=metric, sample_size=sample_size,
                                random_state=random_state)


def calinski_harabasz_score(X, labels):
    # scikit-learn drops the imaginary part of a complex X here (a ComplexWarning, then a
    # plausible score); the contract refuses complex data with its check_array's message
    if np.iscomplexobj(X):
        raise ValueError(f"Complex data not supported\n{np.asarray(X)}\n")
    return _sk.calinski_harabasz_score(X, labels)


def davies_bouldin_score(X, labels):
    return _sk.davies_bouldin_score(X, labels)


def adjusted_rand_score(labels_true, labels_pred):
    return _sk.adjusted_rand_score(labels_true, labels_pred)
