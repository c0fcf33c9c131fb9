"""Checkable answers for chapter 4 (externalities among receiving countries)."""

from ..figures.coordination import leakage_game, sorting_game
from .core import answer


@answer("ex-04-2", unit="$ thousand per migrant", rtol=5e-3,
        hint="Matching must beat overshooting, V(M/N) >= 0, and beat undercutting, "
             "V(M/N) >= V(M) when M exceeds the ideal intake; turn the two bounds on M into "
             "restrictions with M(r) = Λ(1 - r/w).")
def sorting_band():
    """(least, most restrictive common policy in the band) for N = 4, Λ = 20, w = 10, a = 2, h = 1."""
    return sorting_game(4, 20.0).band()


@answer("ex-04-3", unit="share turned away; $ billion a year", rtol=5e-3,
        hint="Iterate the best response starting from a high common restriction, or look for the "
             "largest q with best_response(q) = q; then evaluate common_welfare there.")
def most_restrictive_equilibrium():
    """(restriction, welfare per country) in the most restrictive equilibrium of the explorer's start."""
    eq = leakage_game(0.9, 6.0, 6, 25.0).equilibria()[-1]
    return (eq.restriction, eq.welfare)


@answer("ex-04-4", unit="million migrants a year", rtol=5e-3,
        hint="A migrant stays home after k refusals if he or she gives up then (probability "
             "1 - λ) or has been refused by all N countries; add up over k.")
def stayed_home():
    """Migrants who stay home when six countries each turn away half their arrivals (c = 6, λ = 0.9)."""
    return leakage_game(0.9, 6.0, 6, 25.0).flows(0.5).stayed_home
