"""Linear algebra from scratch (provisional init while the kernels are written)."""
from ._basic import add, dot, matmul, matrix_power, norm, outer, scale, trace, transpose

__all__ = ["add", "scale", "dot", "outer", "norm", "matmul", "transpose", "trace",
           "matrix_power"]
