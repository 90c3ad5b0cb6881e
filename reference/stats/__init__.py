"""Statistics through SciPy and NumPy: the reference for `mathml.stats`, one private module
per family as there (each adds its names below)."""
__all__: list[str] = []
