"""Figures for chapter 7 (:mod:`migcoop.temporary`): permanent and temporary migration.

One explorer, ``temporary_deal``, a ``draw(fig, **params)`` that returns an in-place
``update(**params)``: where a migration arrangement is acceptable to the receiving
and the sending country, against the return rate and the remittance share, with
each side's gain against the return rate beside it. Plus :func:`draw_gains_by_stay`,
a static figure the chapter uses. The chapter's other explorer, the record of
agreements, is in :mod:`migcoop.figures.agreements`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import calibrations, style
from ..explore import Choice, Slider, register

SCREEN_LABELS = {"none": "none", "job offer required": "job_offer"}
"""The screen toggle's words for each of :data:`calibrations.EMPLOYMENT_SCREENS`."""
RHO_MAX, R_MAX = 2.0, 0.2
RHO_GRID = np.linspace(0.0, RHO_MAX, 161)
R_GRID = np.linspace(0.0, R_MAX, 121)
REGION_COLOURS = ("#f2f2f2", "#cfe3f1", "#f6d5c1", "#bfe6d7")  # neither, R only, S only, both
REGION_LABELS = ("Neither gains", "Only R gains", "Only S gains", "Both gain")


def _arrangement(screen_label, settle_rate, citizen_weight, migrants):
    """The explorer's arrangement, with the screen toggle's label turned into a screen."""
    return calibrations.temporary_arrangement(SCREEN_LABELS[screen_label],
                                              settle_rate=settle_rate,
                                              citizen_weight=citizen_weight, migrants=migrants)


def _verdict(ok):
    return "gains" if ok else "loses"


def _deal_alt(return_rate, remittance_share, screen, settle_rate, citizen_weight, migrants):
    model = _arrangement(screen, settle_rate, citizen_weight, migrants)
    o = model.outcome(return_rate, remittance_share)
    rho_r = model.receiver_min_return_rate()
    rho_s = model.sender_min_return_rate(remittance_share)
    kind = "permanent migration" if return_rate == 0 else (
        f"stays of {1 / return_rate:.1f} years on average")
    need_r = "never" if rho_r == np.inf else f"from a return rate of {rho_r:.2f}"
    need_s = "never" if rho_s == np.inf else f"from a return rate of {rho_s:.2f}"
    return (
        f"Acceptability map for {migrants:g} million migrants with {kind} (return rate "
        f"{return_rate:g} a year), remittances of {remittance_share:.0%} of earnings and "
        f"employment screen: {screen}. The receiving country {_verdict(o.acceptable_to_receiver)} "
        f"({o.receiving_gain:+.2f} billion dollars a year; it gains {need_r}); the sending country "
        f"{_verdict(o.acceptable_to_sender)} ({o.sending_gain:+.1f} billion; it gains {need_s})."
    )


@register(
    "temporary_deal",
    sliders={
        "return_rate": Slider(0.0, 2.0, 0.25, "Return rate γ (share going home each year)",
                              value=0.5),
        "remittance_share": Slider(0.0, 0.2, 0.02, "Remittance share ρ (of earnings)", value=0.1),
        "screen": Choice(tuple(SCREEN_LABELS), "Employment screen"),
        "settle_rate": Slider(0.1, 0.5, 0.05, "Settling rate φ (ties cut each year)", value=0.2),
        "citizen_weight": Slider(0.0, 1.0, 0.1, "S's weight on its citizens abroad β", value=0.0),
        "migrants": Slider(4.0, 20.0, 2.0, "Migrants in R (million)", value=10.0),
    },
    static=("return_rate", "screen"),
    frames={"return_rate": 9, "screen": 2},
    caption=(
        "Why temporariness helps. Left: for each return rate (0 is permanent migration) and "
        "remittance share, who gains from an arrangement that keeps the migrants in the receiving "
        "country R; the dashed curve is the least remittance share at which the sending country S "
        "gains, the dash-dotted line the least return rate at which R gains, and the black dot the "
        "chosen terms. Right: each country's gain (billion $ a year) against the return rate at "
        "the chosen remittance share."
    ),
    alt=_deal_alt,
    size=(8.0, 4.2),
)
def draw_temporary_deal(fig, return_rate, remittance_share, screen, settle_rate, citizen_weight,
                        migrants):
    """The acceptability map and each side's gain against the return rate."""
    gs = fig.add_gridspec(2, 2, width_ratios=[1.25, 1], hspace=0.15, wspace=0.32)
    ax = fig.add_subplot(gs[:, 0])
    ax_r = fig.add_subplot(gs[0, 1])
    ax_s = fig.add_subplot(gs[1, 1], sharex=ax_r)
    fig.subplots_adjust(left=0.095, right=0.98, bottom=0.13, top=0.97)

    cmap = ListedColormap(REGION_COLOURS)
    img = ax.imshow(np.zeros((len(R_GRID), len(RHO_GRID))), origin="lower", aspect="auto",
                    extent=(0, RHO_MAX, 0, R_MAX), cmap=cmap, vmin=-0.5, vmax=3.5,
                    interpolation="nearest")
    (s_line,) = ax.plot([], [], color=style.SENDING, ls="--", lw=1.8)
    r_line = ax.axvline(0, color=style.RECEIVING, ls="-.", lw=1.8)
    (dot,) = ax.plot([], [], "o", color=style.BLACK, ms=8, mec="white")
    ax.set(xlim=(0, RHO_MAX), ylim=(0, R_MAX), xlabel="Return rate γ (per year; 0 = permanent)",
           ylabel="Remittance share ρ (of earnings)")
    ax.grid(False)
    handles = [Patch(fc=c, ec=style.GREY, lw=0.5, label=lab)
               for c, lab in zip(REGION_COLOURS, REGION_LABELS, strict=True)]
    handles += [Line2D([], [], color=style.SENDING, ls="--", label="S just gains"),
                Line2D([], [], color=style.RECEIVING, ls="-.", label="R just gains")]
    ax.legend(handles=handles, loc="upper right", fontsize=7, ncol=2, framealpha=0.9)

    curves = {}
    for a, colour, ls, label in ((ax_r, style.RECEIVING, "-", "R's gain"),
                                 (ax_s, style.SENDING, "--", "S's gain")):
        a.axhline(0, color=style.GREY, lw=1)
        (line,) = a.plot([], [], color=colour, ls=ls, label=label)
        (mark,) = a.plot([], [], "o", color=colour)
        a.legend(loc="lower right", fontsize=8)
        curves[a] = (line, mark)
    ax_r.tick_params(labelbottom=False)
    ax_r.set_xlabel("Return rate γ (per year)")
    ax_r.xaxis.label.set_visible(False)  # shared with the panel below
    ax_r.set_ylabel("$ bn a year")
    ax_s.set_ylabel("$ bn a year")
    ax_s.set_xlabel("Return rate γ (per year)")
    ax_r.set_xlim(0, RHO_MAX)

    def update(return_rate, remittance_share, screen, settle_rate, citizen_weight, migrants):
        model = _arrangement(screen, settle_rate, citizen_weight, migrants)
        grid = model.outcome(RHO_GRID[None, :], R_GRID[:, None])
        code = (np.asarray(grid.acceptable_to_receiver, int)
                + 2 * np.asarray(grid.acceptable_to_sender, int))
        img.set_data(code)
        need = np.asarray(model.sender_min_remittance_share(RHO_GRID))
        shown = np.where(need <= R_MAX * 1.5, need, np.nan)
        s_line.set_data(RHO_GRID, shown)
        rho_r = model.receiver_min_return_rate()
        r_line.set_xdata([rho_r, rho_r])
        r_line.set_visible(bool(rho_r <= RHO_MAX))
        dot.set_data([return_rate], [remittance_share])
        row = model.outcome(RHO_GRID, remittance_share)
        here = model.outcome(return_rate, remittance_share)
        for a, values, point in ((ax_r, row.receiving_gain, here.receiving_gain),
                                 (ax_s, row.sending_gain, here.sending_gain)):
            line, mark = curves[a]
            line.set_data(RHO_GRID, values)
            mark.set_data([return_rate], [point])
            lo, hi = min(float(np.min(values)), 0.0), max(float(np.max(values)), 0.0)
            pad = 0.12 * (hi - lo) + 1e-6
            a.set_ylim(lo - pad, hi + pad)

    update(return_rate, remittance_share, screen, settle_rate, citizen_weight, migrants)
    return update


def draw_gains_by_stay(fig, remittance_share=0.1):
    """Static: each side's gain against the expected stay, with and without the screen."""
    ax_r, ax_s = fig.subplots(1, 2)
    rho = np.linspace(0.0, RHO_MAX, 201)
    for screen, ls in (("none", "-"), ("job offer required", "--")):
        model = calibrations.temporary_arrangement(SCREEN_LABELS[screen])
        o = model.outcome(rho, remittance_share)
        ax_r.plot(rho, o.receiving_gain, color=style.RECEIVING, ls=ls,
                  label=f"R, employment screen: {screen}")
        if screen == "none":
            ax_s.plot(rho, o.sending_gain, color=style.SENDING, ls=ls, label="S")
            ax_s.plot(rho, -o.left_behind_loss + 0 * rho, color=style.PURPLE, ls=":",
                      label="S's left-behind loss alone")
    for a in (ax_r, ax_s):
        a.axhline(0, color=style.GREY, lw=1)
        a.set_xlabel("Return rate γ (per year; 0 = permanent)")
        a.set_xlim(0, RHO_MAX)
        a.legend(loc="lower right", fontsize=8)
    ax_r.set_ylabel("R's gain ($ bn a year)")
    ax_s.set_ylabel("S's gain ($ bn a year)")
    return fig
