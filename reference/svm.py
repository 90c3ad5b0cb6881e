"""Support vector machines through scikit-learn (libsvm): the reference for `mathml.svm`.

scikit-learn's `SVC` and `SVR` as they are; their signatures are mathml's.
"""
from __future__ import annotations

from sklearn.svm import SVC, SVR

__all__ = ["SVC", "SVR"]
