"""Ensembles of trees, written from scratch: random forests (bootstrap and random feature
subsets), gradient boosting and AdaBoost. Mirrors `sklearn.ensemble`."""
from ._forest import RandomForestClassifier, RandomForestRegressor
from ._gradient_boosting import GradientBoostingClassifier, GradientBoostingRegressor
from ._weight_boosting import AdaBoostClassifier

__all__: list[str] = ["RandomForestClassifier", "RandomForestRegressor",
                      "GradientBoostingClassifier", "GradientBoostingRegressor",
                      "AdaBoostClassifier"]
