"""Ensembles of trees, written from scratch: random forests (bootstrap and random feature
subsets), gradient boosting and AdaBoost. Mirrors `sklearn.ensemble`."""
from ._forest import RandomForestClassifier, RandomForestRegressor

__all__: list[str] = ["RandomForestClassifier", "RandomForestRegressor"]
