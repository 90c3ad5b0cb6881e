"""The one tolerance table: how far two correct answers may lie apart, and why.

An entry says how far two correct answers may lie apart *and why*; a test that needs more
room has found a bug or an unmatched convention, not a reason to widen an entry.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["EPS", "Tolerance", "TOLERANCES", "condition_number"]

EPS = float(np.finfo(np.float64).eps)


@dataclass(frozen=True)
class Tolerance:
    """How far two correct answers may lie apart.

    An array ``got`` agrees with ``expected`` when, entry by entry,
    ``|got - expected| <= atol + rtol * scale`` where ``scale`` is ``|expected|`` for
    entrywise tolerances and ``max |expected|`` over the whole array for normwise ones.
    With ``cond_factor`` set, ``rtol`` grows to ``cond_factor * cond(A)**cond_exponent * eps``
    for the first matrix argument A: the forward error of a backward-stable method (or
    ``atol`` does, with ``cond_in_atol``). With ``abs_product`` (``np.dot`` or
    ``np.matmul``) set, sums of products of the first two arguments A and B are measured
    against what bounds their rounding, ``|A||B|``: ``atol`` grows to
    ``rtol * max(|A||B|)``, so that a sum that cancels to about 0 is not held to a bound
    relative to its own tiny size.
    """

    rtol: float
    atol: float
    reason: str
    normwise: bool = False
    cond_factor: float = 0.0
    cond_exponent: int = 1
    cond_in_atol: bool = False
    abs_product: Callable | None = None

    def effective(self, args: tuple = ()) -> tuple[float, float]:
        """(rtol, atol) for these arguments: the condition term ``cond_factor·cond^p·eps``
        raises rtol, or atol when ``cond_in_atol`` (a relative error of a quantity is an
        absolute error of its logarithm); ``abs_product`` raises atol to rtol·max(|A||B|)."""
        if self.abs_product is not None:
            return self.rtol, max(self.atol, self.rtol * _abs_product_max(self.abs_product, args))
        if not self.cond_factor:
            return self.rtol, self.atol
        term = self.cond_factor * condition_number(args) ** self.cond_exponent * EPS
        if self.cond_in_atol:
            return self.rtol, max(self.atol, term)
        return max(self.rtol, term), self.atol


TOLERANCES: dict[str, Tolerance] = {
    "identical": Tolerance(
        0.0, 0.0,
        "integer, boolean or combinatorial results (a permutation, a count, a rank): "
        "there is nothing to round"),
    "bitwise": Tolerance(
        0.0, 0.0,
        "the same floating-point operations in the same order as the reference (its "
        "blocking, summation order and random draws reproduced, e.g. k-means against "
        "scikit-learn run single-threaded, the data sets from the same RandomState stream "
        "with C's log in the normal draws): equal to the last bit, nothing to allow"),
    "exact": Tolerance(
        1e-12, 1e-300,
        "closed forms evaluated with the same operations; only summation order and the "
        "last bit of libm differ, a few ulps"),
    "products": Tolerance(
        1e-13, 0.0,
        "sums of K products accumulated in another order than BLAS: the error bound is "
        "K·eps·(|A||B|), normwise below 1e-13 for the K ≤ 500 the catalog uses",
        normwise=True),
    "products: dot": Tolerance(
        1e-13, 0.0,
        "np.dot's sums of K products accumulated in another order than BLAS (which may also "
        "fuse a multiply and an add): each entry's error is bounded by K·eps·(|A||B|), "
        "below 1e-13·max(|A||B|) for the K ≤ 50 the catalog uses; an entry that cancels "
        "(x·y = a·b − a·b) is compared with that absolute term, where BLAS's fused "
        "multiply-add leaves the rounding error of a·b (5.6e-17 for a·b ≈ 2.2) and the "
        "plain sum an exact 0",
        normwise=True, abs_product=np.dot),
    "products: matmul": Tolerance(
        1e-13, 0.0,
        "the same bound for np.matmul's stacks of matrix products: K·eps·(|A||B|) per "
        "entry, so an entry that cancels is compared with 1e-13·max(|A||B|)",
        normwise=True, abs_product=np.matmul),
    "direct": Tolerance(
        1e-13, 0.0,
        "backward-stable direct method (LU, Cholesky, triangular solves): forward error "
        "≤ c·cond(A)·eps for both backends; c = 50 covers the growth factor and n of "
        "the catalog's matrices (n ≤ 8, partial pivoting)",
        normwise=True, cond_factor=50.0),
    "decomposition": Tolerance(
        1e-9, 0.0,
        "canonicalised factors of QR, eigh, eig, SVD on inputs with separated "
        "eigen/singular values (relative gap ≥ 5%): vector error ~ eps·‖A‖/gap, far "
        "below 1e-9; docs/contract.md §2's rule for decompositions",
        normwise=True),
    "spectrum": Tolerance(
        1e-12, 0.0,
        "eigenvalues of symmetric matrices and singular values are perfectly conditioned "
        "(Weyl): |Δλ| ≤ ‖ΔA‖₂ ≈ n·eps·‖A‖, normwise; for the nonsymmetric eigenvalues of "
        "the catalog the eigenvector basis has condition ≤ 10 (Bauer–Fike)",
        normwise=True),
    "least_squares": Tolerance(
        1e-13, 0.0,
        "least-squares solutions with a nonzero residual are sensitive to cond(A)² "
        "(Golub & Van Loan §5.3.8): c·cond(A)²·eps with c = 50",
        normwise=True, cond_factor=50.0, cond_exponent=2),
    "weighted_sum": Tolerance(
        1e-12, 0.0,
        "integration rules on samples (trapezoid, simpson): the same weighted sum "
        "Σ w_i y_i with its weights formed and added in another order; the rounding error "
        "is at most ~(log2 N + c)·eps·Σ|w_i y_i| (Higham, Accuracy and Stability, §4.2), so "
        "the comparison is relative to Σ|w_i y_i|, not to the sum, which cancellation can "
        "make tiny; the weights themselves are rounded relative to the spacings they come "
        "from, so a weight that cancels to 0 carries ~eps·‖w‖₁, and ‖w‖₁·max|y_i| is added "
        "to that scale; 1e-12 leaves a factor > 100 over that bound for N ≤ 10⁴"),
    "gauss_legendre": Tolerance(
        1e-12, 0.0,
        "fixed_quad: a weighted sum as 'weighted_sum', but SciPy's weights come from "
        "Golub–Welsch eigenvectors, whose error is ≈ eps·‖J‖/gap with the smallest gap "
        "between Legendre nodes ≈ π²/(2n²) (near ±1): relative weight errors ~n²·eps; "
        "compared with rtol = max(1e-12, 10·n²·eps) relative to (|b − a|/2)·Σ w_i |f(x_i)|"),
    "quadrature": Tolerance(
        2 * 1.49e-8, 2 * 1.49e-8,
        "quad: both meet epsabs/epsrel — each value lies within max(epsabs, epsrel·|I|) of "
        "the integral I when it reports success — so the two lie within twice that of each "
        "other; written for the default epsabs = epsrel = 1.49e-8 and scaled with a case's "
        "own; each value is also compared with SymPy's exact integral within the requested "
        "tolerance"),
    "monte_carlo": Tolerance(
        1e-12, 0.0,
        "Monte Carlo estimates are random: each within ~4.9 of its standard errors of "
        "SymPy's exact integral (t-adjusted for the degrees of freedom of an estimated "
        "standard error), a false-alarm rate of 1e-6 per check — docs/contract.md §2's 4 standard "
        "errors (6e-5) would fail a correct estimator every few deep-profile runs — and "
        "deterministic because seeded; rtol is only a rounding floor for an integrand of "
        "zero variance"),
    "autodiff": Tolerance(
        1e-12, 1e-13,
        "reverse-mode gradients vs SymPy's exact derivative, lambdified: the same chain-rule "
        "products summed in another order (along the graph vs in the expanded formula), so "
        "a gradient's error is c·eps·Σ|path contributions|, normwise below 1e-12 for the "
        "catalog's functions (|x| ≤ 1.5, composition depth ≤ 2; tanh' = 1 − tanh² is the "
        "same formula in both); the absolute floor is for gradients SymPy cancels to an "
        "exact 0 (f = a − a), where reverse mode keeps c·eps·|path| ≤ 1e-13 (paths ≤ 10). "
        "docs/contract.md §2: autodiff vs sympy exact, rtol 1e-12",
        normwise=True),
    "vjp": Tolerance(
        1e-13, 2e-14,
        "mathml.nn layers: a value or a vector-Jacobian product ybar^T J computed in another "
        "order than the reference's (a closed form against the formed Jacobian, strided "
        "slices against ndimage's separable running mean): an entry is a sum of K terms, "
        "error <= c*K*eps*sum|terms|, normwise 1e-13 as 'products'; but where the sum "
        "cancels (softmax's ybar_j - <ybar, s> when one class dominates, a window averaging "
        "to 0) the entry is tiny and its error is not, hence a floor: sum|terms| <= 2 for "
        "softmax and <= K + 1 for log_softmax (the catalog's ybar in [-1, 1), K <= 5 "
        "classes), <= max|x| (about 5 for the catalog's normal inputs) for a k x k mean "
        "(K = k^2 <= 9): c*K*eps*sum|terms| <= 1e-14 for c = 1; atol 2e-14",
        normwise=True),
    "finite_difference": Tolerance(
        2.98e-8, 0.0,
        "extrapolated finite differences (scipy.differentiate's method): each backend stops "
        "an entry when two successive Richardson estimates agree to rtol = √eps ≈ 1.49e-8 "
        "(SciPy's default); the estimates converge by c^-order = 2^-8 per step, so an "
        "accepted value is within √eps·|df| of the exact derivative (checked against SymPy "
        "as an invariant) and two accepted values within 2√eps. Both backends evaluate the "
        "same stencil and stop at the same step, so in practice they agree to rounding "
        "(~1e-13); success and status must match exactly. No atol: the catalog's "
        "derivatives are nonzero by construction, where a relative test is meaningful"),
    "root_bracket": Tolerance(
        8 * EPS, 4e-12,
        "bisect/brentq at SciPy's defaults xtol = 2e-12, rtol = 4·eps: each keeps the root "
        "bracketed and stops when the bracket is narrower than xtol + rtol·|x|, so each "
        "answer lies within that of the true root and two answers within twice that"),
    "root_newton": Tolerance(
        0.0, 5e-8,
        "newton at its default tol = 1.48e-8 (rtol = 0) stops when a step is shorter than "
        "tol, which bounds the error only through the rate of convergence: at a simple "
        "root (superlinear) the error is then far below tol, but at a double root (the "
        "seed's x² + 2x + 1) convergence is linear with ratio 1/2 (Newton) or 1/φ ≈ 0.618 "
        "(secant), leaving an error up to φ·tol ≈ 1.62·tol: two answers agree within "
        "3.24·tol ≈ 4.8e-8"),
    "log_determinant": Tolerance(
        1e-13, 0.0,
        "slogdet: LU gives det with relative error δ ≤ c·cond(A)·eps, and a relative error δ "
        "of det is an absolute error δ of log|det| (so near log|det| = 0 only an absolute "
        "bound means anything), c = 50 as 'direct'; plus 1e-13 relative for the rounding of "
        "a sum of n logarithms when log|det| is large",
        cond_factor=50.0, cond_in_atol=True),
    "linprog": Tolerance(
        1e-9, 1e-9,
        "linear programmes: both backends end at an optimal vertex, the solution of the n "
        "active constraints, a linear system with forward error ~cond(B)·eps (the "
        "catalog's problems have small integer data, cond(B) ≤ 1e3); the tableau simplex "
        "adds the rounding of its rank-one pivot updates (~pivots·growth·eps) and HiGHS "
        "re-solves its final basis. rtol 1e-9 (docs/contract.md §2: objective value ~1e-9) on the "
        "optimal value, and on x, slack and con where the optimum is unique; normwise, with "
        "an absolute floor 1e-9 for optima at 0",
        normwise=True),
    "standardised_moment": Tolerance(
        1e-12, 1e-11,
        "dimensionless statistics built from standardised deviations z_i = (x_i − x̄)/s "
        "(skew, kurtosis, zscore, Pearson/Spearman r): SciPy forms the powers by repeated "
        "squaring, mathml by products, and the sums of terms of both signs can cancel to 0, "
        "so only an absolute bound is meaningful near 0. Since |z_i| ≤ √(n−1), mean |z|^k ≤ "
        "(n−1)^((k−2)/2) and the rounding error is ≤ c·n·eps·(n−1)^((k−2)/2): for k = 4 and "
        "the catalog's n ≤ 30, c·30·29·eps ≈ c·1.9e-13, so atol 1e-11 allows c = 50; rtol as "
        "'exact' elsewhere"),
    "hypothesis_test": Tolerance(
        1e-10, 1e-13,
        "test statistics and p-values (t-tests, chi-square, the p-values of pearsonr and "
        "spearmanr): the statistic is a closed form with relative error δ ≈ c·n·eps (absolute "
        "near 0: the atol, c·n·eps·|scale| ≤ 1e-13 for the catalog's |x| ≤ 30, n ≤ 50), the "
        "p-value a regularised incomplete beta/gamma tail computed to ~1e-14. δ is amplified "
        "into the p-value by |d log p / d log t|: ≤ ν + 1 ≤ 60 for Student's t (polynomial "
        "tails, ν ≤ 58 in the catalog), ≈ X²/2 ≤ 750 for the chi-square (exponential tail; "
        "beyond X² ≈ 1490 the p-value underflows to 0 in both): 10³·50·eps ≈ 1e-11. "
        "Issue 5 asks rtol 1e-10, a factor 10 above that bound"),
    "optimum": Tolerance(
        1e-6, 1e-8,
        "iterative minimisers (minimize, gradient_descent) compared by optimum, both run at "
        "tight tolerances (gtol ≤ 1e-8 on the gradient, or xtol/xatol ≤ 1e-10): near a "
        "strict minimum x* with Hessian eigenvalues ≥ λ_min, a point whose gradient is "
        "below gtol lies within gtol/λ_min of x*, so two such points agree to far below "
        "1e-6 normwise (relative to max|x*|, with a 1e-8 floor for x* = 0) on problems with "
        "λ_min ≥ 1e-2; the objective then agrees within ½·λ_max·‖Δx‖² — compared with rtol "
        "1e-9 and atol 1e-10 (docs/contract.md §2: minimiser rtol ~1e-6, objective rtol ~1e-9, "
        "same success status). Counts and paths are not compared",
        normwise=True),
    "estimator_closed_form": Tolerance(
        1e-12, 0.0,
        "estimators fitted in closed form (naive Bayes counts, means and variances; "
        "nearest-neighbour votes and averages; ridge on well-conditioned data): the same "
        "sums and products in another order, a few ulps per operation over ≤ 10³ terms; "
        "normwise per result, because entries near 0 (a log-probability of a near-certain "
        "class, a centred feature) carry an absolute, not relative, rounding error",
        normwise=True),
    "estimator_optimum": Tolerance(
        1e-6, 1e-6,
        "iterative estimators (coordinate descent, Newton, gradient descent, lbfgs), both run "
        "at a tight tolerance: docs/contract.md §2's minimiser rtol ~1e-6. The absolute part is "
        "set by scikit-learn's lbfgs, which also stops when the objective f (the mean loss, "
        "f ≤ log 2 from the start) improves by less than ftol = 64·eps relatively: that leaves "
        "the parameters up to √(2·64·eps·f/μ) ≈ 9e-7 from the minimiser for the strong-"
        "convexity modulus μ ≥ 1/(C·n) = 1/40 of the catalog's cases (measured: 3e-8 where "
        "Newton reaches a gradient of 1e-15); it also covers coefficients the L1 penalty puts "
        "at exactly 0 in one backend and ~1e-12 in the other. Normwise per result",
        normwise=True),
    "finite_moment": Tolerance(
        1e-12, 1e-12,
        "expectation and variance of a finite variable against SymPy's exact rational value: "
        "Σ x_i p_i has terms of both signs, so its error ≤ n·eps·Σ|x_i| p_i ≤ n·eps·max|x| "
        "(≈ 1.8e-14 for the catalog's n ≤ 8, |x| ≤ 10) is absolute; the variance's terms are "
        "≥ 0 (relative error O(n·eps)) but a distribution on one value has variance 0 exactly "
        "in SymPy and (eps·|x|)² in floating point; atol 1e-12 leaves a factor > 50"),
    "penalty_barrier": Tolerance(
        1e-6, 1e-6,
        "penalty and barrier methods vs SLSQP on a problem with a unique, non-degenerate "
        "optimum (the catalog's: KKT matrix with ‖K⁻¹‖ ≤ κ ≈ 20, multipliers |λ*| ≤ 20). "
        "The quadratic penalty stops when the violation v = |λ*|/μ ≤ tol = 1e-8 (N&W Thm "
        "17.2): its minimiser lies within ≈ κ·v ≤ 2e-7 of x*, its minimum within ≈ |λ*|·v ≤ "
        "2e-7 of f*. The log barrier stops at m·μ ≤ 1e-8, the duality-gap bound on f − f* "
        "(Boyd & Vandenberghe §11.2.2), with x(μ) − x* = O(κ·μ) at strictly complementary "
        "constraints. SLSQP (ftol 1e-14) stops when |Δf| < ftol, which leaves x within "
        "≈ √ftol = 1e-7 of x*. Forward-difference gradients (error ≈ √eps·|f''|·max(1, |x|)) "
        "move each answer by another ≈ κ·1.5e-8. 1e-6 normwise (relative to max|x*|, resp. "
        "|f*|, with an absolute floor 1e-6 for x* or f* at 0) covers the sum with a factor "
        "≥ 2. These are the methods' own accuracies, not rounding: docs/contract.md §2's 1e-9 on "
        "the objective is for SQP, not for them",
        normwise=True),
    "divergence": Tolerance(
        1e-12, 5e-12,
        "information measures (KL, JS, conditional entropy, mutual information, information "
        "gain): sums of terms p·log(p/q) of both signs, or differences of entropies (the "
        "references' routes: H(X,Y) − H(X), I(X;Y) for a gain), which cancel toward 0 when "
        "the distributions nearly agree. The absolute error is ≤ c·n·eps·Σ|terms|, and for "
        "normalised inputs Σ|terms| ≤ result + 2/e + log(n) ≤ 5 (n ≤ 40 outcomes or cells in "
        "the catalog): c·40·eps·5 ≈ c·4.4e-14, so atol 5e-12 allows c ≈ 100; rtol as 'exact'"),
    "log_gamma": Tolerance(
        1e-12, 1e-15,
        "log Γ is computed as sums of logarithms: relative error ~eps·|x log x| / |log Γ(x)|, "
        "below 1e-12 except near the zeros of log Γ at x = 1, 2 (and between the poles for "
        "x < 0), where SciPy's gammaln is accurate only in absolute terms (~eps·|log Γ| "
        "around 1e-16): hence an absolute floor of 1e-15"),
    "log_density": Tolerance(
        1e-12, 1e-12,
        "logpdf, logpmf, logcdf of the distributions: a relative error δ of a density or "
        "probability is an absolute error δ of its logarithm, so the 'exact' rtol 1e-12 of "
        "pdf/cdf becomes atol 1e-12 here — the only meaningful bound where the logarithm "
        "crosses 0 (a density near 1) or where one backend keeps log1p(−sf) ≈ −1e-17 and "
        "SciPy rounds log(cdf) to 0"),
    "mle_newton": Tolerance(
        3e-8, 0.0,
        "gamma.fit and beta.fit (loc, scale fixed): mathml solves the score equations by "
        "Newton's method to a step of 4·eps; SciPy solves the same equations with its "
        "root finders, whose stopping rule (fsolve's xtol = 1.49e-8 relative on the step) "
        "bounds the error of its root by ~xtol·|θ| (quadratic convergence makes it far "
        "smaller in practice: ~1e-12 measured); two such roots agree within 2·xtol"),
    "sampling": Tolerance(
        1e-6, 0.0,
        "random variates (rvs): never compared number by number (mathml and SciPy use "
        "different algorithms); each backend's sample (n ≥ 1000, 10⁴ in generated cases) "
        "is tested against SciPy's distribution — Kolmogorov–Smirnov (continuous), Pearson "
        "chi-square with cells of expected count ≥ 5 (discrete), whitened coordinates "
        "(multivariate normal), and the mean within 4.89 standard errors — and fails when "
        "a p-value is ≤ 1e-6 (the rtol field holds that threshold). Each check then fails "
        "a correct sampler with probability ≤ 1e-6, so thousands of generated cases "
        "(deep profile) stay below a ~1% chance of one false alarm in total; seeded, so "
        "deterministic (docs/contract.md §2: random samples)"),
    "genz": Tolerance(
        0.0, 2e-5,
        "multivariate normal cdf: both backends integrate numerically by Genz's method "
        "(randomised quasi-Monte Carlo); SciPy stops at its abseps = 1e-5, mathml's fixed "
        "10 × 10⁴ lattice points give ≲ 1e-5 (measured ≤ 7e-6 against SciPy and ≤ 2e-6 "
        "against exact orthant probabilities), so the two lie within 2e-5"),
    "genz_log": Tolerance(
        0.0, 1e-4,
        "multivariate normal logcdf: 'genz''s absolute 2e-5 on F is 2e-5/F on log F; the "
        "cases keep F ≥ 0.2, so 1e-4"),
    "gaussian_density": Tolerance(
        1e-12, 1e-300,
        "multivariate normal pdf/logpdf: log f = −½(d log 2π + log det Σ + Δ²) with "
        "Δ² = ‖L⁻¹(x − μ)‖²; Cholesky and the triangular solve are backward stable "
        "(Higham, Accuracy and Stability, §10.1, §8.2), so |δ log f| ≤ c·d·κ(Σ)·eps·(1 + Δ²), "
        "c = 10 — an absolute error of logpdf and a relative error of pdf; the comparison "
        "uses max(1e-12, that bound) computed per case from SciPy's factor"),
    "quantile": Tolerance(
        1e-12, 0.0,
        "ppf, isf: the quantile solves F(x) = q (or S(x) = q); the tail probability "
        "t = min(q, 1 − q) is known to rtol, so x is known to |Δx| ≤ rtol·t/f(x) — large where "
        "the density is small relative to t (a gamma or beta with a shape a < 1, where "
        "x ∝ t^{1/a}) — plus rtol·|x|; both are applied, f from SciPy at its answer. A "
        "discrete quantile is a step function of q: within rtol·q of a step F(k) = q both k "
        "and k + 1 are right, given F's rounding"),
    "em": Tolerance(
        1e-12, 0.0,
        "EM iterates of a Gaussian mixture (strategy 'em_iterates'): both backends do the same "
        "products and sums in the same order, except the Cholesky factor of each covariance "
        "and its triangular inverse (LAPACK's potrf/trtrs against mathml.linalg), whose "
        "forward error is ~κ(Σ)·eps. The next E-step turns it into an absolute error of the "
        "squared Mahalanobis distances ‖U(x − μ)‖² ≤ ‖x − μ‖²/λ_min, hence of the log-"
        "densities, responsibilities and lower bound; the tied covariance XᵀX/n − Σ π_k μ_k "
        "μ_kᵀ cancels by the same factor. So one step's bound is c·s·eps with s = max_ik "
        "‖x_i − μ_k‖²/λ_min(Σ) (≥ κ(Σ)) over the training and test samples, normwise per "
        "result, absolute and relative alike, floor 1e-12. Each step adds its own; a fast EM "
        "step contracts what earlier ones added, a slow one (two components sharing one "
        "cluster) carries it on, so the bound is n_iter_ times one step's (Hypothesis found a "
        "3-component fit of 2 clusters whose predict_proba differed by 12·s·eps per step). "
        "Measured over 400 seeded blob fits (full and tied, every init_params, up to 200 "
        "iterations, s up to 5e7): the error never exceeded 6.7·s·eps; c = 50 as 'direct'. "
        "'diag' and 'spherical' have no factorisation and agree to the last bit. Not covered: "
        "n_init > 1 where two initialisations reach the same optimum (its components "
        "permuted), whose lower bounds then tie to rounding, so which one is kept is decided "
        "by the last bit; the catalog's n_init cases have distinct optima",
        normwise=True, cond_factor=50.0),
    "numerical_vjp": Tolerance(
        1e-10, 0.0,
        "a layer's backward pass against scipy.differentiate.jacobian of ⟨ȳ, y⟩ (central "
        "differences of order 8, Richardson-extrapolated from a step of 0.1): the truncation "
        "error is below rounding after 2–3 halvings, and the rounding error of a difference "
        "quotient is ≈ c·eps·Σ|ȳ⊙y|/h, absolute and the same for every entry. For the "
        "catalog's layers (inputs in [−2, 2], weights in [−1, 1], ≤ 50 output entries) that is "
        "≲ 1e-11 of the largest gradient entry (measured over the catalog's generators: "
        "≤ 1.6e-11 for 1000 LSTMs, 99% below 4.4e-12; ≤ 1.0e-12 for 1000 cells); 1e-10 of it "
        "leaves a factor 6. Normwise over the whole backward pass (strategy "
        "'forward_numerical_backward'); the forward pass at 'exact''s 1e-12, normwise",
        normwise=True),
    "printed": Tolerance(
        0.0, 5.1e-9,
        "a seed's printed output: NumPy prints 8 decimals, so a printed value stands for "
        "every number within half a unit of the 8th decimal"),
}


def _abs_product_max(product: Callable, args: tuple) -> float:
    """max(|A||B|) over the entries of the product of the first two arguments (0 when
    they are not two finite numeric arrays: the comparison then keeps its relative bound)."""
    try:
        A, B = (np.abs(np.asarray(a)).astype(np.float64) for a in args[:2])
        m = float(np.max(product(A, B), initial=0.0))
    except (TypeError, ValueError, IndexError):
        return 0.0
    return m if np.isfinite(m) else 0.0


def condition_number(args: tuple) -> float:
    """2-norm condition number σ_max/σ_min of the first matrix in `args` (1 if none)."""
    for a in args:
        A = np.asarray(a) if isinstance(a, (np.ndarray, list)) else None
        if A is not None and A.ndim == 2 and A.size \
                and np.issubdtype(A.dtype, np.number) and np.isfinite(A).all():
            return float(np.linalg.cond(A))
    return 1.0


