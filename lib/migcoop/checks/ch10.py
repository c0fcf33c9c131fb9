"""Checkable answers for chapter 10 (designing an agreement everyone accepts)."""

from ..capstone import Design
from ..figures.capstone import world
from .core import answer


@answer("ex-10-2", unit="($ billion a year, discount factor)", rtol=5e-3,
        hint="Without a screen by the sender, R loses G_R from a temporary preferential deal and the "
             "partner gains ΔS; chapter 5's best transfer is √(G_R·ΔS), and it needs δ ≥ √(G_R/ΔS).")
def linkage_rescue():
    """(transfer, least discount factor) for a temporary, preferential deal that R screens alone."""
    v = world().evaluate(Design("temporary", "preferential", "receiver", "transfer"))
    return (v.transfer, v.min_delta)


@answer("ex-10-3", unit="($ billion a year, $ billion a year)", rtol=5e-3,
        hint="The diversion loss is the partner's cost premium times the migrants it supplies; "
             "R's employers pay that premium, so R's gain falls by the same amount.")
def diversion_at_premium():
    """(diversion loss, R's gain under preferential access) at a premium of $200 per worker."""
    v = world(cost_premium=0.2).evaluate(Design("temporary", "preferential", "sender", "none"))
    return (v.diversion_loss, v.receiving_gain)


@answer("ex-10-4", unit="discount factor", rtol=5e-3,
        hint="The sending side is tempted to stop screening for a year: it saves the screening cost "
             "K and keeps its gain; the punishment ends the deal. δ* = K / (its gain before K).")
def screening_patience():
    """The patience the sending side needs to keep screening in the temporary, MFN design."""
    v = world().evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    return v.sender_threshold
