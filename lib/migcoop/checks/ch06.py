"""Checkable answers for chapter 6 (migration diversion)."""

from ..figures.diversion import example_model
from .core import answer


@answer("ex-06-2", unit="$ million a year (creation, diversion, world change)", rtol=1e-3,
        hint="Creation is the triangle between demand and the partner's price over the new migrants; "
             "diversion is the cost gap times the migrants who came before.")
def creation_and_diversion():
    """Full preference for B with a fee of 6, w_A = 10 and w_B = 12."""
    d = example_model(cost_a=10.0, cost_b=12.0).preferential_deal(barrier=6.0, preference=6.0)
    return (d.creation, d.diversion, d.world_change)


@answer("ex-06-3", unit="$ thousand per migrant", rtol=1e-3,
        hint="Write the welfare change of a full preference as a function of the cost gap g: "
             "½·β·(τ − g)² − g·M₀; the break-even gap is the root between 0 and τ.")
def breakeven_gap():
    """The largest cost disadvantage of B at which a full preference against a fee of 8 still gains."""
    return example_model(cost_a=10.0, cost_b=11.0).breakeven_cost_gap(barrier=8.0)


@answer("ex-06-4", unit="$ million a year (world, A's migrants)", rtol=1e-3,
        hint="With the cap binding, the number of migrants does not change: only who fills the slots. "
             "Each of A's migrants loses the rent of his slot: employers' wage less his cost and fee.")
def cap_diversion():
    """(world change, A's migrants' change) for a full preference under a cap of 40 thousand,
    a fee of 4, w_A = 10, w_B = 13, and the quota rent going to the migrants."""
    d = example_model(10.0, 13.0, "revenue", cap=40.0, rent_share=0.0).preferential_deal(4.0, 4.0)
    return (d.world_change, d.excluded_change)
