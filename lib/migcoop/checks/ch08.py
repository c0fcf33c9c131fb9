"""Checkable answers for chapter 8 (enforcement cooperation)."""

from ..figures.enforcement_coop import example
from .core import answer


@answer("ex-08-2", unit="thousand visas a year", rtol=5e-3,
        hint="The partner screens only if its welfare with the larger quota, u_S·n, is at least "
             "its status-quo welfare U_S(n_N); its value per visa u_S falls as its screening "
             "effort rises, because it pays for the screening and loses costly emigrants.")
def min_reward_at_three_quarters():
    """The least visa reward the partner accepts when it screens 75 per cent of applicants."""
    return example(effort=0.75).min_reward()


@answer("ex-08-3", unit="(thousand visas, $ million a year)", rtol=5e-3,
        hint="With the programme's quota binding, the diversion loss is chapter 6's rectangle: "
             "the partner's cost premium times every visa it fills.")
def diversion_with_premium_three():
    """(quota, diversion loss) of the bilateral deal with a reward of 10 and a premium of 3."""
    o = example(effort=1.0, cost_premium=3.0).outcome(10.0, "bilateral")
    return (o.quota, o.diversion_loss)


@answer("ex-08-4", unit="discount factor", rtol=5e-3,
        hint="Compare a year of shirking (no screening cost, costly types at their share of the "
             "pool) with screening for ever; the punishment is the old programme: "
             "δ* = (D − C)/(D − P).")
def patience_at_reward_five():
    """The discount factor the partner needs to keep screening with a reward of 5 thousand visas."""
    return example().outcome(5.0, "bilateral").partner_patience
