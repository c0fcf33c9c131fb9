"""Checkable answers for chapter 9 (refugees)."""

from ..refugees import RefugeeRegime, equilibrium_standards, protection_levels
from .core import answer


@answer("ex-09-2", unit="thousand refugees per host per year", rtol=1e-3,
        hint="Acting alone a host equates its own marginal benefit α to its marginal cost kq; "
             "the efficient level counts the benefit to all N hosts.")
def nash_and_efficient():
    """(Nash protection, efficient protection) per host with N = 8, α = 6, k = 2."""
    lv = protection_levels(8, 6.0, 2.0)
    return lv.nash, lv.efficient


@answer("ex-09-3", unit="thousand refugees, probability per year", rtol=5e-3,
        hint="The Convention breaks where k/2 (load - α/k)^2 equals δ/(1-δ) times the yearly "
             "stake; a year breaks it if any host's surge pushes its load past that point.")
def breakdown_at_delta_08():
    """(breakdown load, yearly breach probability) for the chapter's regime with δ = 0.8."""
    r = RefugeeRegime(discount=0.8)
    return r.breakdown_load(), r.breach_probability()


@answer("ex-09-4", unit="evidence score", rtol=5e-3,
        hint="The cooperative standard is the likelihood-ratio threshold; the equilibrium "
             "standard adds the diversion term λ(1 - 1/N) P(Z > z) to the right-hand side.")
def standards_half_economic():
    """(cooperative standard, equilibrium standard) with ω = 0.5 and the default game."""
    nash, coop = equilibrium_standards(0.5, hosts=10, discriminability=1.5, refugee_value=1.0,
                                       migrant_cost=1.0, sensitivity=3.0)
    return coop, nash
