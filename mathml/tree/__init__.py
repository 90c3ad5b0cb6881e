"""Decision trees, written from scratch: greedy impurity-decrease splits grown depth first
(or best first), cost-complexity pruning, and `export_text`. Mirrors `sklearn.tree`."""
__all__: list[str] = []
