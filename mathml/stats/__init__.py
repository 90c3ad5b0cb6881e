"""Statistics from scratch: the counterpart of ``scipy.stats`` (and NumPy's statistics).

One private module per family, each readable on its own (each adds its names below).
"""
__all__: list[str] = []
