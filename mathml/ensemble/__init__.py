"""Ensembles of trees, written from scratch: random forests (bootstrap and random feature
subsets), gradient boosting and AdaBoost. Mirrors `sklearn.ensemble`."""
from ._weight_boosting import AdaBoostClassifier

__all__: list[str] = []
__all__ += ["AdaBoostClassifier"]
