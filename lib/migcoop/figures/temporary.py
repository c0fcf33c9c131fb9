"""Figures for chapter 7 (:mod:`migcoop.temporary`): permanent and temporary migration.

One explorer, ``temporary_deal``, a ``draw(fig, **params)`` that returns an in-place
``update(**params)``: where a migration arrangement is acceptable to the receiving
and the sending country, against the return rate and the remittance share, with
each side's gain against the return rate beside it; its controls include the settled
migrants' remittances, the voluntary return rate and the rotation cost. Plus three
static figures the chapter uses: :func:`draw_gains_by_stay`,
:func:`draw_permanent_threshold` (when a permanent arrangement suits the sending
country as well as a temporary one) and :func:`draw_best_stay` (the receiving
country's best length of stay when every replacement costs something). The chapter's
other explorer, the record of agreements, is in :mod:`migcoop.figures.agreements`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import calibrations, style
from ..explore import Choice, Slider, register
from . import _layout

SCREEN_LABELS = {"none": "none", "job offer required": "job_offer"}
"""The screen toggle's words for each of :data:`calibrations.EMPLOYMENT_SCREENS`."""
GAMMA_MAX, R_MAX = 2.0, 0.2
GAMMA_GRID = np.linspace(0.0, GAMMA_MAX, 161)
R_GRID = np.linspace(0.0, R_MAX, 121)
REGION_COLOURS = ("#f2f2f2", "#cfe3f1", "#f6d5c1", "#bfe6d7")  # neither, R only, S only, both
REGION_LABELS = ("Neither gains", "Only R gains", "Only S gains", "Both gain")
# The permanent-against-temporary map (the sending country's view).
NU_MAX, RS_MAX = 0.3, 0.15
NU_GRID = np.linspace(0.0, NU_MAX, 151)
RS_GRID = np.linspace(0.0, RS_MAX, 151)
THRESHOLD_COLOURS = ("#f2f2f2", "#f6d5c1", "#bfe6d7")
THRESHOLD_LABELS = ("S loses from permanent migration",
                    "S gains, but less than from temporary",
                    "S gains at least as much as from temporary")


def _arrangement(screen_label, settle_rate, citizen_weight, migrants, settled_remittance_share=0.0,
                 voluntary_return_rate=0.0, rotation_cost=0.0):
    """The explorer's arrangement, with the screen toggle's label turned into a screen."""
    return calibrations.temporary_arrangement(
        SCREEN_LABELS[screen_label], settle_rate=settle_rate, citizen_weight=citizen_weight,
        migrants=migrants, settled_remittance_share=settled_remittance_share,
        voluntary_return_rate=voluntary_return_rate, rotation_cost=rotation_cost)


def _verdict(ok):
    return "gains" if ok else "loses"


def _deal_alt(return_rate, remittance_share, screen, settle_rate, citizen_weight, migrants,
              settled_remittance_share, voluntary_return_rate, rotation_cost):
    model = _arrangement(screen, settle_rate, citizen_weight, migrants, settled_remittance_share,
                         voluntary_return_rate, rotation_cost)
    o = model.outcome(return_rate, remittance_share)
    window = model.receiver_return_window()
    rho_s = model.sender_min_return_rate(remittance_share)
    kind = "no programme return (permanent migration)" if return_rate == 0 else (
        f"a programme return rate of {return_rate:g} a year")
    stay = ("nobody ever goes home" if o.expected_stay == np.inf
            else f"stays of {o.expected_stay:.1f} years on average")
    if window is None:
        need_r = "at no return rate"
    elif np.isinf(window[1]):
        need_r = f"from a return rate of {window[0]:.2f}"
    else:
        need_r = f"for return rates between {window[0]:.2f} and {window[1]:.2f}"
    need_s = "at no return rate" if rho_s == np.inf else f"from a return rate of {rho_s:.2f}"
    return (
        f"Acceptability map for {migrants:g} million migrants with {kind}, so {stay}; "
        f"remittances of {remittance_share:.0%} of earnings from migrants with ties and "
        f"{settled_remittance_share:.0%} from settled ones, a voluntary return rate of "
        f"{voluntary_return_rate:g} and a rotation cost of {1000 * rotation_cost:g} dollars per "
        f"replacement; employment screen: {screen}. The receiving country "
        f"{_verdict(o.acceptable_to_receiver)} ({o.receiving_gain:+.2f} billion dollars a year; "
        f"it gains {need_r}); the sending country {_verdict(o.acceptable_to_sender)} "
        f"({o.sending_gain:+.1f} billion; it gains {need_s})."
    )


@register(
    "temporary_deal",
    sliders={
        "return_rate": Slider(0.0, 2.0, 0.25, "Return rate γ (share sent home each year)",
                              value=0.5),
        "remittance_share": Slider(0.0, 0.2, 0.02, "Remittance share ρ (migrants with ties)",
                                   value=0.1),
        "screen": Choice(tuple(SCREEN_LABELS), "Employment screen"),
        "settle_rate": Slider(0.1, 0.5, 0.05, "Settling rate φ (ties cut each year)", value=0.2),
        "citizen_weight": Slider(0.0, 1.0, 0.1, "S's weight on its citizens abroad β", value=0.0),
        "migrants": Slider(4.0, 20.0, 2.0, "Migrants in R (million)", value=10.0),
        "settled_remittance_share": Slider(0.0, 0.1, 0.01,
                                           "Settled migrants' remittance share ρ_s", value=0.0),
        "voluntary_return_rate": Slider(0.0, 0.2, 0.02, "Voluntary return rate ν (per year)",
                                        value=0.0),
        "rotation_cost": Slider(0.0, 0.5, 0.05, "Rotation cost c_r ($ thousand per replacement)",
                                value=0.0),
    },
    static=("return_rate", "screen"),
    frames={"return_rate": 9, "screen": 2},
    caption=(
        "Why temporariness helps, and when it need not. Left: for each return rate (0 is "
        "permanent migration) and remittance share of migrants with ties, who gains from an "
        "arrangement that keeps the migrants in the receiving country R; the dashed curve is the "
        "least remittance share at which the sending country S gains, the dash-dotted lines the "
        "return rates between which R gains, and the black dot the chosen terms. Right: each "
        "country's gain (billion $ a year) against the return rate at the chosen remittance share."
    ),
    alt=_deal_alt,
    size=(8.0, 4.8),
)
def draw_temporary_deal(fig, return_rate, remittance_share, screen, settle_rate, citizen_weight,
                        migrants, settled_remittance_share=0.0, voluntary_return_rate=0.0,
                        rotation_cost=0.0):
    """The acceptability map and each side's gain against the return rate."""
    gs = fig.add_gridspec(2, 2, width_ratios=[1.25, 1], hspace=0.3, wspace=0.32)
    ax = fig.add_subplot(gs[:, 0])
    ax_r = fig.add_subplot(gs[0, 1])
    ax_s = fig.add_subplot(gs[1, 1], sharex=ax_r)
    _layout.margins(fig, top=20, bottom=90, left=0.1, right=0.98)

    cmap = ListedColormap(REGION_COLOURS)
    img = ax.imshow(np.zeros((len(R_GRID), len(GAMMA_GRID))), origin="lower", aspect="auto",
                    extent=(0, GAMMA_MAX, 0, R_MAX), cmap=cmap, vmin=-0.5, vmax=3.5,
                    interpolation="nearest")
    (s_line,) = ax.plot([], [], color=style.SENDING, ls="--", lw=1.8)
    r_low = ax.axvline(0, color=style.RECEIVING, ls="-.", lw=1.8)
    r_high = ax.axvline(0, color=style.RECEIVING, ls="-.", lw=1.8)
    (dot,) = ax.plot([], [], "o", color=style.BLACK, ms=8, mec="white")
    ax.set(xlim=(0, GAMMA_MAX), ylim=(0, R_MAX), xlabel="Return rate γ (per year; 0 = permanent)",
           ylabel="Remittance share ρ (migrants with ties)")
    ax.grid(False)
    handles = [Patch(fc=c, ec=style.GREY, lw=0.5, label=lab)
               for c, lab in zip(REGION_COLOURS, REGION_LABELS, strict=True)]
    handles += [Line2D([], [], color=style.SENDING, ls="--", label="S just gains"),
                Line2D([], [], color=style.RECEIVING, ls="-.", label="R just gains")]
    _layout.legend_below(ax, handles=handles, ncol=2)

    curves = {}
    for a, colour, ls, label in ((ax_r, style.RECEIVING, "-", "R's gain"),
                                 (ax_s, style.SENDING, "--", "S's gain")):
        a.axhline(0, color=style.GREY, lw=1)
        (line,) = a.plot([], [], color=colour, ls=ls, label=label)
        (mark,) = a.plot([], [], "o", color=colour, clip_on=False, zorder=4)
        a.set_title(label, loc="left", color=_layout.text_colour(colour))
        curves[a] = (line, mark)
    ax_r.tick_params(labelbottom=False)
    ax_r.set_xlabel("Return rate γ (per year)")
    ax_r.xaxis.label.set_visible(False)  # shared with the panel below
    ax_r.set_ylabel("$ bn a year")
    ax_s.set_ylabel("$ bn a year")
    ax_s.set_xlabel("Return rate γ (per year)")
    ax_r.set_xlim(0, GAMMA_MAX)

    def update(return_rate, remittance_share, screen, settle_rate, citizen_weight, migrants,
               settled_remittance_share=0.0, voluntary_return_rate=0.0, rotation_cost=0.0):
        model = _arrangement(screen, settle_rate, citizen_weight, migrants,
                             settled_remittance_share, voluntary_return_rate, rotation_cost)
        grid = model.outcome(GAMMA_GRID[None, :], R_GRID[:, None])
        code = (np.asarray(grid.acceptable_to_receiver, int)
                + 2 * np.asarray(grid.acceptable_to_sender, int))
        img.set_data(code)
        need = np.asarray(model.sender_min_remittance_share(GAMMA_GRID))
        shown = np.where(need <= R_MAX * 1.5, need, np.nan)
        s_line.set_data(GAMMA_GRID, shown)
        window = model.receiver_return_window()
        lo, hi = (np.inf, np.inf) if window is None else window
        for line, x in ((r_low, lo), (r_high, hi)):
            visible = bool(0 < x <= GAMMA_MAX)
            line.set_xdata([x if visible else 0.0] * 2)
            line.set_visible(visible)
        dot.set_data([return_rate], [remittance_share])
        row = model.outcome(GAMMA_GRID, remittance_share)
        here = model.outcome(return_rate, remittance_share)
        for a, values, point in ((ax_r, row.receiving_gain, here.receiving_gain),
                                 (ax_s, row.sending_gain, here.sending_gain)):
            line, mark = curves[a]
            line.set_data(GAMMA_GRID, values)
            mark.set_data([return_rate], [point])
            lo_v, hi_v = min(float(np.min(values)), 0.0), max(float(np.max(values)), 0.0)
            pad = 0.12 * (hi_v - lo_v) + 1e-6
            a.set_ylim(lo_v - pad, hi_v + pad)

    update(return_rate, remittance_share, screen, settle_rate, citizen_weight, migrants,
           settled_remittance_share, voluntary_return_rate, rotation_cost)
    return update


def draw_gains_by_stay(fig, remittance_share=0.1):
    """Static: each side's gain against the return rate, with and without the screen."""
    ax_r, ax_s = fig.subplots(1, 2)
    _layout.margins(fig, top=12, bottom=88, wspace=0.3)
    gamma = np.linspace(0.0, GAMMA_MAX, 201)
    for screen, ls in (("none", "-"), ("job offer required", "--")):
        model = calibrations.temporary_arrangement(SCREEN_LABELS[screen])
        o = model.outcome(gamma, remittance_share)
        ax_r.plot(gamma, o.receiving_gain, color=style.RECEIVING, ls=ls,
                  label=f"R, screen: {screen}")
        if screen == "none":
            ax_s.plot(gamma, o.sending_gain, color=style.SENDING, ls=ls, label="S")
            ax_s.plot(gamma, -o.left_behind_loss + 0 * gamma, color=style.PURPLE, ls=":",
                      label="Left-behind loss alone")
    for a in (ax_r, ax_s):
        a.axhline(0, color=style.GREY, lw=1)
        a.set_xlabel("Return rate γ (per year; 0 = permanent)")
        a.set_xlim(0, GAMMA_MAX)
        _layout.legend_below(a, ncol=1)
    ax_r.set_ylabel("R's gain ($ bn a year)")
    ax_s.set_ylabel("S's gain ($ bn a year)")
    return fig


def draw_permanent_threshold(fig, remittance_share=0.1, return_rate=calibrations.TWO_YEAR_STAYS,
                             settled_examples=(0.0, 0.05)):
    """Static: when does a permanent arrangement suit S as well as a temporary one?

    Left: over the voluntary return rate nu and the settled migrants' remittance share
    rho_s, whether S loses from a permanent arrangement, gains less than from the
    temporary one at ``return_rate``, or gains at least as much; the dashed curve is
    where S breaks even from permanent migration, the dotted line where it is
    indifferent between the two (rho_s = rho_bar). Right: S's gain against nu from the
    permanent (solid) and the temporary (dashed) arrangement for ``settled_examples``.
    """
    ax, ax_g = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1]})
    _layout.margins(fig, top=12, bottom=120, left=0.1, right=0.975, wspace=0.3)
    base = calibrations.temporary_arrangement()
    # The model's two boundaries: where S breaks even from permanent migration, and the
    # settled remittance share at which permanent and temporary are worth the same to it.
    need = np.asarray(base.permanent_min_settled_share(remittance_share, NU_GRID))
    parity = base.tied_value_share(remittance_share)
    rs = RS_GRID[:, None]
    code = np.where(rs < need[None, :], 0, np.where(rs < parity, 1, 2))
    ax.imshow(code, origin="lower", aspect="auto", extent=(0, NU_MAX, 0, RS_MAX),
              cmap=ListedColormap(THRESHOLD_COLOURS), vmin=-0.5, vmax=2.5, interpolation="nearest")
    ax.plot(NU_GRID, need, color=style.SENDING, ls="--", lw=1.8)
    ax.axhline(parity, color=style.BLACK, ls=":", lw=1.8)
    ax.set(xlim=(0, NU_MAX), ylim=(0, RS_MAX), xlabel="Voluntary return rate ν (per year)",
           ylabel="Settled remittance share $\\rho_s$")
    ax.grid(False)
    handles = [Patch(fc=c, ec=style.GREY, lw=0.5, label=lab)
               for c, lab in zip(THRESHOLD_COLOURS, THRESHOLD_LABELS, strict=True)]
    handles += [Line2D([], [], color=style.SENDING, ls="--", label="S breaks even (permanent)"),
                Line2D([], [], color=style.BLACK, ls=":", label="permanent = temporary")]
    _layout.legend_below(ax, handles=handles, ncol=1)

    nus = NU_GRID[::5]
    for rs, colour in zip(settled_examples, (style.SENDING, style.PURPLE), strict=False):
        models = [base.replace(settled_remittance_share=rs, voluntary_return_rate=float(nu))
                  for nu in nus]
        perm = [model.permanent(remittance_share).sending_gain for model in models]
        temp = [model.outcome(return_rate, remittance_share).sending_gain for model in models]
        ax_g.plot(nus, perm, color=colour, ls="-", label=f"permanent, $\\rho_s$ = {rs:.0%}")
        ax_g.plot(nus, temp, color=colour, ls="--",
                  label=f"{1 / return_rate:g}-year stays, $\\rho_s$ = {rs:.0%}")
    ax_g.axhline(0, color=style.GREY, lw=1)
    ax_g.set(xlim=(0, NU_MAX), xlabel="Voluntary return rate ν (per year)",
             ylabel="S's gain ($ bn a year)")
    _layout.legend_below(ax_g, ncol=1)
    return fig


def draw_best_stay(fig, rotation_costs=(0.0, calibrations.ROTATION_COST, 0.2),
                   remittance_share=0.1, screen="job_offer"):
    """Static: the receiving country's best length of stay when replacements cost something.

    Left: R's gain against the average stay for each rotation cost (thousand $ per
    replacement), its maximum marked. Right: the best average stay against the rotation
    cost, for R alone and for R and S together.
    """
    ax, ax_b = fig.subplots(1, 2)
    _layout.margins(fig, top=12, bottom=104, left=0.085, right=0.975, wspace=0.3)
    base = calibrations.temporary_arrangement(screen)
    stays = np.linspace(0.25, 12.0, 300)
    styles = ("-", "--", "-.", ":")
    for cr, ls in zip(rotation_costs, styles, strict=False):
        model = base.replace(rotation_cost=cr)
        gains = model.outcome(1 / stays, remittance_share).receiving_gain
        ax.plot(stays, gains, color=style.RECEIVING, ls=ls,
                label=f"$c_r$ = {1000 * cr:g} dollars")
        best = model.receiver_best_return_rate()
        if 0 < best < np.inf and 1 / best <= stays[-1]:
            ax.plot([1 / best], [model.outcome(best, remittance_share).receiving_gain], "o",
                    color=style.RECEIVING)
    ax.axhline(0, color=style.GREY, lw=1)
    ax.set(xlim=(0, stays[-1]), ylim=(-1.5, None), xlabel="Average stay (years)",
           ylabel="R's gain ($ bn a year)")
    _layout.legend_below(ax, ncol=1, title="Rotation cost per replacement")

    costs = np.linspace(0.01, 1.0, 100)
    r_best = [base.replace(rotation_cost=c).receiver_best_return_rate() for c in costs]
    j_best = [base.replace(rotation_cost=c).joint_best_return_rate(remittance_share) for c in costs]
    with np.errstate(divide="ignore"):
        ax_b.plot(costs, 1 / np.asarray(r_best), color=style.RECEIVING, label="best for R")
        ax_b.plot(costs, 1 / np.asarray(j_best), color=style.BLACK, ls="--",
                  label="best for R and S together")
    ax_b.set(xlim=(0, costs[-1]), ylim=(0, 20),
             xlabel="Rotation cost $c_r$ (thousand dollars\nper replacement)",
             ylabel="Best average stay (years)")
    _layout.legend_below(ax_b, ncol=1, lines=2)
    return fig
