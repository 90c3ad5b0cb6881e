"""Gaussian mixture models fitted by expectation–maximisation. Mirrors `sklearn.mixture`."""
__all__: list[str] = []
