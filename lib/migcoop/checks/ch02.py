"""Checkable answers for chapter 2 (terms-of-trade externalities)."""

from ..figures.trade import goods_market, labor_market
from ..markets import tariff_game
from ..repeated import min_discount_factor
from .core import answer


@answer("ex-02-2", unit="$ per unit", rtol=5e-3,
        hint="Maximise the importer's welfare (buyer surplus + tariff revenue) over the tariff; "
             "at the optimum the tariff as a share of the seller price is 1/ε.")
def optimal_specific_tariff():
    """The importer's optimal specific tariff with demand q = 100 - p and supply q = 2p - 50."""
    return goods_market(2.0).national_optimum()


@answer("ex-02-3", unit="million migrants", rtol=5e-3,
        hint="The world's best cap sets the wedge equal to the external cost; the receiving "
             "country adds a terms-of-trade markup q / (slope of migrant supply).",
        scale_hints={(1e3): "Quantities are in millions of migrants, not thousands."})
def migration_optima():
    """(world's best number of migrants, receiving country's best number) in the cap example."""
    m = labor_market(0.5, 5.0, "receiving country (fee or auctioned visas)")
    return (m.equilibrium(m.global_optimum()).quantity,
            m.equilibrium(m.national_optimum()).quantity)


@answer("ex-02-4", unit="", rtol=5e-3,
        hint="Compare one period of cheating plus a tariff war for ever with free trade for ever: "
             "δ* = (deviate - cooperate) / (deviate - punish).")
def tariff_war_patience():
    """The smallest discount factor that sustains free trade when ε₀ = 2."""
    g = tariff_game(goods_market(2.0))
    return min_discount_factor(g.cooperate, g.deviate, g.punish)
