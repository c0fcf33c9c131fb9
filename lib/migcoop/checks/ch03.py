"""Checkable answers for chapter 3 (enforcement externalities)."""

from ..screening import ScreeningModel
from .core import answer


@answer("ex-03-2", unit="thousand visas", rtol=5e-3,
        hint="Find the quota at which screening pays the sending country as much as the status quo "
             "(its gain per visa when it screens times the quota equals its status-quo welfare), "
             "then subtract the status-quo quota.",
        scale_hints={1000.0: "Visas are counted in thousands: 1.9 means 1,900 visas."})
def smallest_visa_reward():
    """The smallest visa reward the sending country accepts in the baseline model."""
    return ScreeningModel().deal_terms().min_reward


@answer("ex-03-3", unit="thousand visas", rtol=5e-3,
        hint="Alone the receiving country runs a programme only if some arrangement is worth more "
             "than zero per visa. With the sender screening, the receiver accepts any quota n with "
             "v n - κ n²/2 at least its status-quo welfare.")
def programme_only_with_cooperation():
    """(quota without a deal, largest quota the receiver accepts with S screening) at s = 0.45."""
    m = ScreeningModel(costly_share=0.45)
    return (m.noncooperative().quota, m.deal_terms().max_quota)


@answer("ex-03-4", unit="", rtol=5e-3,
        hint="Compare screening for ever with one period of waving applicants through (saving the "
             "screening cost and sending costly types at their share of the pool) followed by the "
             "status quo for ever: δ* = (deviate - cooperate) / (deviate - punish).")
def patience_to_keep_screening():
    """The smallest discount factor at which S keeps screening with a reward of 10 thousand visas."""
    return ScreeningModel().shirking_threshold(10.0)
