"""Checkable answers for chapter 1 (the case for free movement and the size of the prize)."""

from ..figures.gains import economy, wage_gap_market
from ..gains import RegionalEconomy
from .core import answer


@answer("ex-01-2", unit="million migrants, $ billion a year, $ billion a year", rtol=5e-3,
        hint="Migration is efficient while the wage gap exceeds the external cost; the world's "
             "gain is the area between the two wage lines, less e for every migrant.")
def efficient_migration_and_gains():
    """(efficient migrants, world gain there, world gain under free movement) with e = 6."""
    m = wage_gap_market(6.0, 10.0)
    best, free = m.efficient_migration(), m.free_movement()
    return best, m.outcome(best).world_gain, m.outcome(free).world_gain


@answer("ex-01-3", unit="per cent of world GDP, billion people", rtol=5e-3,
        hint="With full mobility labor goes where A_i K_i^α is high, in proportion to "
             "y_i^(1/α) L_i; world output per worker is the power mean [Σ s_i y_i^(1/α)]^α.",
        scale_hints={0.01: "Give the gain in per cent of world GDP, not as a fraction."})
def two_region_prize():
    """(full-mobility gain in per cent, people who move in billions), North and South."""
    w = RegionalEconomy(("North", "South"), [1.0, 5.0], [40.0, 4.0])
    out = w.outcome(1.0, 1 / 3)
    return 100 * out.gain, out.migrants


@answer("ex-01-4", unit="share of the full gain", rtol=5e-3,
        hint="Compute the gain with a quarter of every log wage gap removed and divide by the "
             "gain with all of it removed, for the 2007 data grouped into nine regions.")
def first_quarter_share():
    """Share of the full-mobility gain obtained by removing a quarter of each gap (2007, α = 0.35)."""
    w = economy(2007, "region")
    return w.gain(0.25, 0.35) / w.full_mobility_gain(0.35)
