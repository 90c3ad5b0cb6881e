"""Decision trees, written from scratch: greedy impurity-decrease splits grown depth first
(or best first), cost-complexity pruning, and `export_text`. Mirrors `sklearn.tree`."""
from ._classes import DecisionTreeClassifier, DecisionTreeRegressor
from ._export import export_text

__all__: list[str] = ["DecisionTreeClassifier", "DecisionTreeRegressor", "export_text"]
