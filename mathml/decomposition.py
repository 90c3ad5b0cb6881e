"""Matrix decompositions of a data set: principal component analysis. Mirrors
`sklearn.decomposition`."""
__all__: list[str] = []
