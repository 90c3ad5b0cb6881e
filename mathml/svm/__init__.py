"""Support vector machines: the dual problem and its SMO solver, as libsvm solves it
(issue 12).

`SVC` (C-support vector classification, one-vs-one for several classes) and `SVR`
(ε-support vector regression) share one solver, `mathml.svm._smo.solve`: libsvm's SMO with
second-order working-set selection, its stopping rule, shrinking and bias, on kernel
columns rounded to float32 as libsvm's cache keeps them. The derivations (primal,
Lagrangian, dual, KKT conditions) are in the classes' docstrings; `_textbook_SVC` is the
same algorithm on a full Gram matrix, as a textbook writes it.
"""
from __future__ import annotations

from ._classes import SVC, SVR

__all__ = ["SVC", "SVR"]
