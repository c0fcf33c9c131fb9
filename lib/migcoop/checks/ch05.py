"""Checkable answers for chapter 5 (the one-way problem)."""

from ..figures.one_way import example_economy
from ..repeated import OneWayDeal
from ..two_country import borjas_accounts
from .core import answer


@answer("ex-05-2", unit="(million migrants, share of migrants' pay)", rtol=5e-3,
        hint="Efficient migration equalises the two wages; the tax must cover what those left "
             "behind lose, as a share of the migrants' pay, less what remittances already send home.")
def one_way_tax():
    """(efficient migration, emigration tax that makes those left behind whole) in the
    chapter's economy with remittances of 5 per cent of migrants' pay."""
    e = example_economy(capital_share=0.35, capital_gap=4.0, remittance_share=0.05)
    m = e.efficient_migration()
    return (m, e.breakeven_emigration_tax(m))


@answer("ex-05-3", unit="($ billion a year, discount factor)", rtol=1e-3,
        hint="R needs δ ≥ G_R/T and S needs δ ≥ T/ΔS; the transfer that needs least patience "
             "makes the two requirements equal.")
def best_one_way_deal():
    """(best transfer, least discount factor) when G_R = 3 and ΔS = 12."""
    s = OneWayDeal(restriction_gain=3.0, sending_gain=12.0).summary()
    return (s.best_transfer, s.min_delta)


@answer("ex-05-4", unit="(share of GDP, share of GDP)", rtol=1e-3,
        hint="The surplus is the triangle ½·s·e·m²; native workers lose the rectangle s·e·m·(1 − m).",
        scale_hints={100: "Give shares of GDP as fractions (0.01 for 1 per cent), not in per cent."})
def borjas_today():
    """(immigration surplus, native workers' loss) with s = 0.7, e = 0.3 and m = 0.15."""
    acc = borjas_accounts(0.7, 0.3, 0.15)
    return (acc.surplus, acc.native_labor_loss)
