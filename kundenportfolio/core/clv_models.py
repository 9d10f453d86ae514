"""BG/NBD (purchase counts) and Gamma-Gamma (spend per purchase), in numpy only.

The standard probabilistic models for non-contractual customer bases (Fader, Hardie & Lee 2005;
Fader, Hardie & Lee 2005b "RFM and CLV"). They serve as the reference in the backtest and as one
input of the production forecast. No scipy: `gammaln` is a Lanczos approximation, the Gauss
hypergeometric function is summed after Euler's transformation (which turns the slowly
converging series into one with small parameters), and the fit is a plain Nelder-Mead search on
log parameters. Inputs are "summary" arrays: repeat purchases x, time of the last purchase t_x
and age T, all measured from the first purchase, in weeks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

Array = NDArray[Any]

_LANCZOS = np.array([
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
])


def gammaln(z: Array | float) -> Array:
    """log Γ(z) for z > 0 (Lanczos, g = 7; relative error about 1e-14)."""
    z = np.asarray(z, dtype=float)
    small = z < 0.5
    w = np.where(small, 1.0 - z, z) - 1.0
    acc = np.full_like(w, _LANCZOS[0])
    for i in range(1, 9):
        acc = acc + _LANCZOS[i] / (w + i)
    t = w + 7.5
    result = 0.5 * np.log(2 * np.pi) + (w + 0.5) * np.log(t) - t + np.log(acc)
    # reflection for z < 0.5: Γ(z)Γ(1−z) = π / sin(πz)
    with np.errstate(divide="ignore", invalid="ignore"):
        reflected = np.log(np.pi / np.abs(np.sin(np.pi * z))) - result
    return np.asarray(np.where(small, reflected, result))


def nelder_mead(f: Callable[[Array], float], x0: Array, *, max_iter: int = 600,
                tol: float = 1e-7) -> Array:
    """Minimise f from x0 (deterministic simplex search, standard coefficients)."""
    n = len(x0)
    simplex = np.vstack([x0] + [x0 + np.eye(n)[i] * 0.3 for i in range(n)])
    values = np.array([f(p) for p in simplex])
    for _ in range(max_iter):
        order = np.argsort(values)
        simplex, values = simplex[order], values[order]
        if abs(values[-1] - values[0]) <= tol * (1 + abs(values[0])):
            break
        centroid = simplex[:-1].mean(axis=0)
        reflected = centroid + (centroid - simplex[-1])
        fr = f(reflected)
        if fr < values[0]:
            expanded = centroid + 2 * (centroid - simplex[-1])
            fe = f(expanded)
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            contracted = centroid + 0.5 * (simplex[-1] - centroid)
            fc = f(contracted)
            if fc < values[-1]:
                simplex[-1], values[-1] = contracted, fc
            else:  # shrink towards the best point
                simplex[1:] = simplex[0] + 0.5 * (simplex[1:] - simplex[0])
                values[1:] = [f(p) for p in simplex[1:]]
    return np.asarray(simplex[int(np.argmin(values))])


def _compress(*columns: Array) -> tuple[list[Array], Array, Array]:
    """Unique rows of the columns, their counts and the inverse index (fits get much faster)."""
    stacked = np.column_stack(columns)
    unique, inverse, counts = np.unique(stacked, axis=0, return_inverse=True, return_counts=True)
    return [unique[:, i] for i in range(unique.shape[1])], counts.astype(float), inverse.ravel()


@dataclass(frozen=True)
class BGNBD:
    """Fitted BG/NBD parameters (r, alpha: purchase rate; a, b: dropout after a purchase)."""

    r: float
    alpha: float
    a: float
    b: float

    @staticmethod
    def log_likelihood(params: Array, x: Array, t_x: Array, big_t: Array,
                       distinct: tuple[Array, Array] | None = None) -> Array:
        r, alpha, a, b = params
        # x is a count with few distinct values: the log-gammas only need those
        ux, at = distinct if distinct is not None else np.unique(x, return_inverse=True)
        a1 = (gammaln(r + ux) - gammaln(r))[at] + r * np.log(alpha)
        a2 = (gammaln(a + b) + gammaln(b + ux) - gammaln(b) - gammaln(a + b + ux))[at]
        a3 = -(r + x) * np.log(alpha + big_t)
        with np.errstate(divide="ignore", invalid="ignore"):
            a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-12))
                          - (r + x) * np.log(alpha + t_x), -np.inf)
        return np.asarray(a1 + a2 + np.logaddexp(a3, a4))

    @classmethod
    def fit(cls, x: Array, t_x: Array, big_t: Array) -> BGNBD:
        (ux, ut, u_big_t), weights, _ = _compress(x, t_x, big_t)
        total = weights.sum()
        distinct = np.unique(ux, return_inverse=True)

        def objective(log_params: Array) -> float:
            if np.any(np.abs(log_params) > 12):
                return 1e300
            ll = cls.log_likelihood(np.exp(log_params), ux, ut, u_big_t, distinct)
            value = -float(np.sum(weights * ll)) / total
            return value if np.isfinite(value) else 1e300

        start = np.log([max(float(np.mean(x)), 0.1), max(float(np.mean(big_t)), 1.0), 1.0, 2.0])
        best = nelder_mead(objective, start)
        best = nelder_mead(objective, best)  # a restart polishes the simplex's last steps
        return cls(*np.exp(best))

    def p_alive(self, x: Array, t_x: Array, big_t: Array) -> Array:
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            ratio = a / np.maximum(b + x - 1, 1e-12) * ((alpha + big_t) / (alpha + t_x)) ** (r + x)
        return np.where(x > 0, 1.0 / (1.0 + ratio), 1.0)

    def expected_purchases(self, t: Array | float, x: Array, t_x: Array, big_t: Array) -> Array:
        """E[purchases in (T, T+t] | x, t_x, T] (FHL 2005, eq. 10)."""
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        t = np.broadcast_to(np.asarray(t, dtype=float), np.shape(x))
        z = t / (alpha + big_t + t)
        x_full = np.broadcast_to(np.asarray(x, dtype=float), z.shape)
        c = a + b + x_full - 1
        # Euler: ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)
        #      = (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z)
        # converges fast for a dropout parameter a of order 1 (textbook data). For a large a
        # (hardly any dropout: business customers) its partial sums grow like (1−z)^−(a−1)
        # before the prefactor cancels them and overflow; there the direct series is summed,
        # scaled by its prefactor from the first term on.
        euler = (a - 1) * -np.log1p(-z) <= 30.0
        bracket = np.ones_like(z)
        if euler.any():
            ze, ce = z[euler], c[euler]
            term, total = np.ones_like(ze), np.ones_like(ze)
            for k in range(4000):
                term = term * (a + b - 1 - r + k) * (a - 1 + k) / ((ce + k) * (k + 1)) * ze
                total = total + term
                if k % 50 == 49 and float(np.max(np.abs(term))) < 1e-12:
                    break
            bracket[euler] = 1.0 - (1.0 - ze) ** (a - 1) * total
        if not euler.all():
            zd, xd, cd = z[~euler], x_full[~euler], c[~euler]
            term = np.exp((r + xd) * np.log1p(-zd))
            total = term.copy()
            for k in range(20000):
                term = term * (r + xd + k) * (b + xd + k) / ((cd + k) * (k + 1)) * zd
                total = total + term
                if k % 50 == 49 and float(np.max(term / np.maximum(total, 1e-300))) < 1e-14:
                    break
            bracket[~euler] = 1.0 - total
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            extra = a / np.maximum(b + x - 1, 1e-12) * ((alpha + big_t) / (alpha + t_x)) ** (r + x)
        denominator = 1.0 + np.where(x > 0, extra, 0.0)
        if abs(a - 1) < 1e-9:
            a = 1 + 1e-9
        result = (a + b + x - 1) / (a - 1) * bracket / denominator
        return np.clip(np.nan_to_num(result, nan=0.0, posinf=0.0), 0.0, None)


@dataclass(frozen=True)
class GammaGamma:
    """Fitted Gamma-Gamma spend model (p, q, gamma); needs q > 1 for a finite mean."""

    p: float
    q: float
    gamma: float

    @classmethod
    def fit(cls, x: Array, mean_spend: Array) -> GammaGamma:
        usable = (x > 0) & (mean_spend > 0)
        x, m = x[usable], mean_spend[usable]
        if len(x) < 5:
            mean = float(np.mean(m)) if len(m) else 1.0
            return cls(p=1.0, q=3.0, gamma=2.0 * max(mean, 1e-6))
        scale = float(np.mean(m))  # work in units of the mean spend: better conditioned
        ms = m / scale

        ux, at = np.unique(x, return_inverse=True)
        log_ms, log_x = np.log(ms), np.log(x)

        def objective(log_params: Array) -> float:
            if np.any(np.abs(log_params) > 12):
                return 1e300
            p, q, g = np.exp(log_params)
            px = p * x
            ll = ((gammaln(p * ux + q) - gammaln(p * ux))[at] - gammaln(q) + q * np.log(g)
                  + (px - 1) * log_ms + px * log_x - (px + q) * np.log(g + x * ms))
            value = -float(np.mean(ll))
            return value if np.isfinite(value) else 1e300

        best = nelder_mead(objective, np.log([2.0, 3.0, 1.0]))
        best = nelder_mead(objective, best)
        p, q, g = np.exp(best)
        return cls(p=float(p), q=float(max(q, 1.0001)), gamma=float(g * scale))

    def expected_spend(self, x: Array, mean_spend: Array) -> Array:
        """E[spend per purchase | x repeat purchases with mean m]; population mean for x = 0."""
        population = self.p * self.gamma / (self.q - 1)
        m = np.where(x > 0, np.nan_to_num(mean_spend, nan=0.0), 0.0)
        weighted = (self.gamma + x * m) * self.p / (self.p * x + self.q - 1)
        return np.where(x > 0, weighted, population)
