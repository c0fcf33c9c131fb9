"""Checkable answers for chapter 7 (permanent and temporary migration)."""

from ..agreements import load_agreements
from ..figures.agreements import example
from .core import answer


@answer("ex-07-2", unit="returns per migrant per year", rtol=5e-3,
        hint="With β = 0 the sending country gains once remittances from the migrants who still "
             "have ties cover the loss of those left behind: find the share θ with ties that does "
             "it, then turn θ = γ/(γ + φ) into a return rate.")
def sender_least_return_rate():
    """The least return rate at which S gains, with remittances of 10 per cent and no screen."""
    return example("none").sender_min_return_rate(0.1)


@answer("ex-07-3", unit="(returns per year without the screen, with it)", rtol=5e-3,
        hint="R gains when the immigration surplus per migrant covers the welfare cost of those "
             "without a job plus the family cost of the settled share 1 − θ; solve for θ, then γ.")
def receiver_least_return_rates():
    """R's least return rate without an employment screen and with a job offer required."""
    return (example("none").receiver_min_return_rate(),
            example("job offer required").receiver_min_return_rate())


@answer("ex-07-4", unit="($ billion a year, discount factor)", rtol=5e-3,
        hint="Chapter 5's one-way deal: G_R is what R loses, ΔS what S gains; the transfer that "
             "needs least patience is √(G_R·ΔS) and the patience it needs √(G_R/ΔS).")
def linkage_for_two_year_stays():
    """(best transfer, least discount factor) for two-year stays, remittances of 10 per cent."""
    s = example("none").linkage(0.5, 0.1).summary()
    return (s.best_transfer, s.min_delta)


@answer("ex-07-5", unit="share of temporary arrangements", rtol=1e-9, atol=1e-9,
        scale_hints={100.0: "Give the share as a fraction between 0 and 1, not a percentage."},
        hint="Filter the record for temporary arrangements and count those whose welfare "
             "safeguard is a job on arrival.")
def share_temporary_with_jobs():
    """Share of the temporary arrangements in the record whose safeguard is a job on arrival."""
    temp = [a for a in load_agreements() if not a.permanent]
    return sum(a.welfare_safeguard == "job on arrival" for a in temp) / len(temp)
