"""Figures for chapter 3 (:mod:`migcoop.screening`): who screens migrants, and the
visas-for-screening deal.

Two explorers, each a ``draw(fig, **params)`` that returns an in-place
``update(**params)``:

* ``screening_accuracy``: each possible screener as an operating point in the
  square of false- and true-positive rates, beside the receiving country's net
  value per visa under each arrangement as the share of costly applicants varies;
* ``screening_deal``: both countries' welfare against the size of the programme
  when the sending country screens, the quotas both accept, and the migrants
  admitted under the status quo and under the deal.

Plus two static figures drawn by plain functions: :func:`draw_regime_map` (which
parameter regions have a programme, a deal, both or neither) and
:func:`draw_information_value` (what better information at the sender is worth,
and what it costs to buy).
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch, Polygon, Rectangle

from .. import calibrations, style
from ..explore import Slider, register
from ..screening import REGIMES, receiver_value_per_visa, regime_grid
from ..style import rect
from . import _layout

# =====================================================================================
SHARE_GRID = np.linspace(0.0, 0.8, 161)


def _accuracy_alt(sender_fpr, receiver_fpr, receiver_cost, costly_share):
    m = calibrations.screening_model(sender_fpr=sender_fpr, receiver_fpr=receiver_fpr,
                                     receiver_cost=receiver_cost, costly_share=costly_share)
    s, r, n = m.screen("sender"), m.screen("receiver"), m.screen("none")
    choice = {"receiver": "screens applicants itself", "none": "admits applicants unscreened"}
    alone = (choice[m.receiver_choice()] if m.noncooperative().quota > 0 else
             "runs no programme")
    return (
        f"Screening accuracy with {costly_share:.0%} costly applicants. The sending country's "
        f"screen passes {s.tpr:.0%} of good and {s.fpr:.0%} of costly applicants, the receiving "
        f"country's {r.tpr:.0%} and {r.fpr:.0%}. Admitted migrants are {1 - s.good_share:.0%} costly "
        f"under the sender's screen, {1 - r.good_share:.0%} under the receiver's and "
        f"{1 - n.good_share:.0%} with no screen. Per visa the receiving country nets "
        f"{n.receiver_value:.1f}, {r.receiver_value:.1f} and {s.receiver_value:.1f} thousand dollars "
        f"respectively; alone it {alone}."
    )


@register(
    "screening_accuracy",
    sliders={
        "sender_fpr": Slider(0.0, 0.6, 0.05, "Sender's false-positive rate f_S", value=0.1),
        "receiver_fpr": Slider(0.2, 1.0, 0.05, "Receiver's false-positive rate f_R", value=0.6),
        "receiver_cost": Slider(0.0, 3.0, 0.25, "Receiver's cost per applicant k_R ($ thousand)",
                                value=1.0),
        "costly_share": Slider(0.05, 0.6, 0.05, "Share of costly applicants s", value=0.3),
    },
    static="sender_fpr",
    frames={"sender_fpr": 13},
    caption=(
        "Who can screen? Left: each screener as an operating point, the share of costly applicants "
        "it lets through (horizontal) against the share of good applicants it lets through "
        "(vertical); every screen on the same dashed ray from the origin admits the same mix of "
        "types. Right: the receiving country's net value of one more visa, in thousand dollars a "
        "year, against the share of costly applicants, when nobody screens, when it screens and pays "
        "for it, and when the sending country screens; below zero no programme is worth running."
    ),
    alt=_accuracy_alt,
    size=(8.0, 4.6),
)
def draw_accuracy(fig, sender_fpr, receiver_fpr, receiver_cost, costly_share):
    """Operating points of the screeners, and R's value per visa by arrangement."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.35]})
    ax.plot([0, 1], [0, 1], color=style.GREY, lw=1, ls=":", label="A coin toss")
    (ray_r,) = ax.plot([], [], color=style.RECEIVING, lw=1, ls="--")
    (ray_s,) = ax.plot([], [], color=style.SENDING, lw=1, ls="--")
    ax.plot([1], [1], "s", color=style.WORLD, ms=8, label="No screening")
    (pt_r,) = ax.plot([], [], "o", color=style.RECEIVING, ms=9, label="Receiver screens")
    (pt_s,) = ax.plot([], [], "^", color=style.SENDING, ms=10, label="Sender screens")
    shares = _layout.note(ax)
    ax.set(xlim=(0, 1.02), ylim=(0, 1.05), aspect="equal",
           xlabel="Share of costly applicants passed\n(false-positive rate f)",
           ylabel="Share of good applicants passed\n(true-positive rate t)")
    _layout.legend_below(ax, ncol=2, lines=2)

    ax2.axhline(0, color=style.GREY, lw=1)
    (cur_none,) = ax2.plot([], [], color=style.WORLD, ls="-.", label="Nobody screens")
    (cur_r,) = ax2.plot([], [], color=style.RECEIVING, label="Receiver screens")
    (cur_s,) = ax2.plot([], [], color=style.SENDING, ls="--", label="Sender screens")
    marks = [ax2.plot([], [], mk, color=c, ms=7)[0] for mk, c in
             (("s", style.WORLD), ("o", style.RECEIVING), ("^", style.SENDING))]
    now = ax2.axvline(costly_share, color=style.GREY, lw=1, ls="--", label="Chosen share")
    note = _layout.note(ax2)
    ax2.set(xlim=(0, 0.8), ylim=(-16, 14), xlabel="Share of costly applicants s",
            ylabel="Net value per visa ($ thousand a year)")
    _layout.legend_below(ax2, ncol=2)
    _layout.margins(fig, top=40, bottom=88, left=0.1, right=0.97, wspace=0.38)

    def update(sender_fpr, receiver_fpr, receiver_cost, costly_share):
        m = calibrations.screening_model(sender_fpr=sender_fpr, receiver_fpr=receiver_fpr,
                                         receiver_cost=receiver_cost, costly_share=costly_share)
        costly = {}
        for pt, ray, who in ((pt_r, ray_r, "receiver"), (pt_s, ray_s, "sender")):
            sc = m.screen(who)
            pt.set_data([sc.fpr], [sc.tpr])
            slope = sc.tpr / max(sc.fpr, 1e-9)
            x_end = min(1.02, 1.05 / slope)
            ray.set_data([0, x_end], [0, slope * x_end])
            costly[who] = 1 - sc.good_share
        shares.set_text(f"Costly among those admitted:\nreceiver's screen {costly['receiver']:.0%}, "
                        f"sender's {costly['sender']:.0%}")
        b, h = m.good_value, m.costly_harm
        curves = (
            receiver_value_per_visa(SHARE_GRID, 1.0, 1.0, 0.0, b, h),
            receiver_value_per_visa(SHARE_GRID, m.receiver_tpr, m.receiver_fpr, m.receiver_cost,
                                    b, h),
            receiver_value_per_visa(SHARE_GRID, m.sender_tpr, m.sender_fpr, 0.0, b, h),
        )
        for line, y in zip((cur_none, cur_r, cur_s), curves, strict=True):
            line.set_data(SHARE_GRID, y)
        values = [m.screen(w).receiver_value for w in ("none", "receiver", "sender")]
        for mark, v in zip(marks, values, strict=True):
            mark.set_data([costly_share], [v])
        now.set_xdata([costly_share, costly_share])
        base = m.noncooperative()
        alone = {"receiver": "screens itself", "none": "does not screen"}[m.receiver_choice()]
        note.set_text(f"Receiver alone: {alone},\n{base.quota:.1f} thousand visas"
                      if base.quota > 0 else "Receiver alone:\nno programme")

    update(sender_fpr, receiver_fpr, receiver_cost, costly_share)
    return update


# =====================================================================================
QUOTA_MAX = 45.0
QUOTA_GRID = np.linspace(0.0, QUOTA_MAX, 181)


def _deal_alt(visa_reward, costly_share, sender_fpr, sender_cost):
    m = calibrations.screening_model(costly_share=costly_share, sender_fpr=sender_fpr,
                                     sender_cost=sender_cost)
    d, t = m.deal(visa_reward), m.deal_terms()
    base = m.noncooperative()
    verdict = ("acceptable to both" if d.acceptable else
               "rejected by " + " and ".join(
                   name for name, ok in (("the receiving country", d.acceptable_to_receiver),
                                         ("the sending country", d.acceptable_to_sender)) if not ok))
    window = (f"quotas from {t.min_quota:.1f} to {t.max_quota:.1f} thousand are acceptable to both"
              if t.exists else "no quota is acceptable to both")
    status = (f"grants {base.quota:.1f} thousand visas, {base.admitted_costly:.1f} thousand going to "
              f"costly types" if base.quota > 0 else "runs no programme")
    if d.quota <= 0:
        return (f"Visas for screening with {costly_share:.0%} costly applicants: without a deal the "
                f"receiving country {status}, and a reward of {visa_reward:g} grants no visas, so there "
                f"is no programme; {window}.")
    return (
        f"Visas for screening with {costly_share:.0%} costly applicants: without a deal the receiving "
        f"country {status}. With the sending country screening and a reward of {visa_reward:g} thousand "
        f"extra visas, it grants {d.quota:.1f} thousand, {d.admitted_costly:.1f} thousand to costly "
        f"types; the receiver's welfare changes by {d.receiver_gain:+.1f} and the sender's by "
        f"{d.sender_gain:+.1f} million dollars a year, so the deal is {verdict}; {window}."
    )


@register(
    "screening_deal",
    sliders={
        "visa_reward": Slider(0.0, 30.0, 2.5, "Visa reward (thousand extra visas)", value=10.0),
        "costly_share": Slider(0.05, 0.6, 0.05, "Share of costly applicants s", value=0.3),
        "sender_fpr": Slider(0.0, 0.6, 0.05, "Sender's false-positive rate f_S", value=0.1),
        "sender_cost": Slider(0.0, 3.0, 0.25, "Sender's cost per applicant k_S ($ thousand)",
                              value=0.5),
    },
    static="visa_reward",
    caption=(
        "Visas for screening. Left: each country's welfare, in million dollars a year, against the "
        "number of visas when the sending country screens (solid and dashed curves) and without a "
        "deal (dotted lines); the shaded band holds the quotas both prefer to the status quo, and the "
        "vertical line is the quota the reward buys. Right: migrants admitted, good and costly, "
        "without a deal and under the deal, in thousands a year."
    ),
    alt=_deal_alt,
    size=(8.0, 4.4),
)
def draw_deal(fig, visa_reward, costly_share, sender_fpr, sender_cost):
    """Welfare of both countries against the quota, and who is admitted."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.45, 1]})
    band = Polygon(rect(0, 1, -1e3, 1e3), color=style.SHADE_GAIN, alpha=0.3,
                   label="Acceptable to both")
    ax.add_patch(band)
    (w_r,) = ax.plot([], [], color=style.RECEIVING, label="R, S screens")
    (w_s,) = ax.plot([], [], color=style.SENDING, ls="--", label="S, S screens")
    base_r = ax.axhline(0, color=style.RECEIVING, ls=":", lw=1.5, label="R, no deal")
    base_s = ax.axhline(0, color=style.SENDING, ls=":", lw=1.5, label="S, no deal")
    quota_line = ax.axvline(0, color=style.BLACK, lw=1.2)
    (dot_r,) = ax.plot([], [], "o", color=style.RECEIVING)
    (dot_s,) = ax.plot([], [], "^", color=style.SENDING)
    ax.axhline(0, color=style.GREY, lw=0.8)
    ax.set(xlim=(0, QUOTA_MAX), xlabel="Visas granted (thousand a year)",
           ylabel="Welfare ($ million a year)")
    _layout.legend_below(ax, ncol=2)

    x = np.array([0.0, 1.0])
    good = [Rectangle((xi - 0.3, 0), 0.6, 0, color=style.GREEN, label="Good types" if i == 0 else None)
            for i, xi in enumerate(x)]
    costly = [Rectangle((xi - 0.3, 0), 0.6, 0, facecolor=style.SHADE_LOSS, hatch="//",
                        edgecolor=style.BLACK, lw=0.5, label="Costly types" if i == 0 else None)
              for i, xi in enumerate(x)]
    for p in good + costly:
        ax2.add_patch(p)
    verdict = [ax2.text(xi, 0, "", ha="center", va="bottom") for xi in x]
    ax2.set(xlim=(-0.6, 1.6), xticks=x, xlabel="Arrangement",
            ylabel="Migrants admitted (thousand a year)")
    ax2.set_xticklabels(["No deal", "Deal"])
    ax2.grid(axis="x", visible=False)
    _layout.legend_below(ax2, ncol=1)
    _layout.margins(fig, top=12, bottom=88, wspace=0.3)

    def update(visa_reward, costly_share, sender_fpr, sender_cost):
        m = calibrations.screening_model(costly_share=costly_share, sender_fpr=sender_fpr,
                                         sender_cost=sender_cost)
        base, t = m.noncooperative(), m.deal_terms()
        curve = m.outcome("sender", QUOTA_GRID)
        w_r.set_data(QUOTA_GRID, curve.receiver_welfare)
        w_s.set_data(QUOTA_GRID, curve.sender_welfare)
        base_r.set_ydata([base.receiver_welfare] * 2)
        base_s.set_ydata([base.sender_welfare] * 2)
        if t.exists:
            band.set_xy(rect(t.min_quota, min(t.max_quota, QUOTA_MAX), -1e4, 1e4))
            band.set_visible(True)
        else:
            band.set_visible(False)
        d = m.deal(visa_reward)
        quota_line.set_xdata([d.quota, d.quota])
        dot_r.set_data([d.quota], [d.receiver_welfare])
        dot_s.set_data([d.quota], [d.sender_welfare])
        top = max(float(np.max(curve.receiver_welfare)), base.sender_welfare,
                  base.receiver_welfare, 10.0)
        ax.set_ylim(-0.5 * top, 1.5 * top)
        for i, (g_, c_) in enumerate(((base.admitted_good, base.admitted_costly),
                                      (d.admitted_good, d.admitted_costly))):
            good[i].set_height(g_)
            costly[i].set_y(g_)
            costly[i].set_height(c_)
        high = max(QUOTA_MAX, base.quota, d.quota)
        ax2.set_ylim(0, 1.3 * high)
        verdict[0].set_position((0.0, base.quota + 0.02 * high))
        verdict[0].set_text(f"{base.quota:.1f}\n{1 - base.admitted_good / max(base.quota, 1e-12):.0%}"
                            " costly" if base.quota > 0 else "no\nprogramme")
        yes = {True: "yes", False: "no"}
        verdict[1].set_position((1.0, d.quota + 0.02 * high))
        verdict[1].set_text(f"{d.quota:.1f}\nR: {yes[d.acceptable_to_receiver]}, "
                            f"S: {yes[d.acceptable_to_sender]}")

    update(visa_reward, costly_share, sender_fpr, sender_cost)
    return update


# =====================================================================================
REGIME_COLOURS = (style.GREY, style.SKY, style.GREEN, style.ORANGE)


def draw_regime_map(fig, shares=None, fprs=None, **params):
    """Which regime each (costly share, sender's false-positive rate) pair falls in."""
    shares = np.linspace(0.01, 0.8, 40) if shares is None else np.asarray(shares)
    fprs = np.linspace(0.0, 0.6, 31) if fprs is None else np.asarray(fprs)
    grid = regime_grid(shares, fprs, **params)
    ax = fig.subplots()
    ds, df = shares[1] - shares[0], fprs[1] - fprs[0]
    ax.imshow(grid, origin="lower", aspect="auto", interpolation="nearest",
              cmap=ListedColormap(REGIME_COLOURS), vmin=-0.5, vmax=len(REGIMES) - 0.5,
              extent=(shares[0] - ds / 2, shares[-1] + ds / 2, fprs[0] - df / 2, fprs[-1] + df / 2))
    hatches = {1: "..", 3: "xx"}
    for k, hatch in hatches.items():
        ax.contourf(shares, fprs, (grid == k).astype(float), levels=[0.5, 1.5], colors="none",
                    hatches=[hatch])
    ax.set(xlabel="Share of costly applicants s", ylabel="Sender's false-positive rate f_S")
    handles = [Patch(facecolor=c, hatch=hatches.get(k), edgecolor=style.BLACK, lw=0.3, label=lab)
               for k, (c, lab) in enumerate(zip(REGIME_COLOURS, REGIMES, strict=True))]
    ax.grid(False)
    fig.subplots_adjust(right=0.55)
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.03, 0.5), frameon=False)
    return grid


def draw_information_value(fig, fprs=None, scenarios=None):
    """Joint gain from cooperation against the sender's false-positive rate, one panel per scenario.

    Each panel shows the most a deal could add (quota set for the pair) and what the
    best deal paid in visas alone does add. ``scenarios`` maps a panel label to a
    calibration (a function of ``sender_fpr`` returning a
    :class:`~migcoop.screening.ScreeningModel`); returns ``{label: [DealTerms, ...]}``.
    """
    fprs = np.linspace(0.0, 0.6, 61) if fprs is None else np.asarray(fprs)
    if scenarios is None:
        scenarios = {"Baseline sender": calibrations.screening_model,
                     "Sender glad to see costly types go\n(c = 8, k_S = 2)":
                         calibrations.reluctant_sender_screening_model}
    axes = fig.subplots(1, len(scenarios), sharey=True, squeeze=False)[0]
    _layout.margins(fig, top=40, bottom=72)
    out = {}
    for ax, (label, scenario) in zip(axes, scenarios.items(), strict=True):
        ms = [scenario(sender_fpr=f) for f in fprs]
        terms = [m.deal_terms() for m in ms]
        out[label] = terms
        ax.plot(fprs, [max(m.cooperation_potential(), 0.0) for m in ms], color=style.WORLD,
                ls="-.", lw=2.5, label="Most a deal could add")
        ax.plot(fprs, [t.value_of_cooperation for t in terms], color=style.GREEN,
                label="Best deal paid in visas")
        ax.set(xlabel="Sender's false-positive rate f_S", xlim=(fprs[0], fprs[-1]), ylim=(0, None))
        ax.set_title(label, loc="left")
    _layout.legend_below(axes[0], ncol=2)
    axes[0].set_ylabel("Joint gain ($ million a year)")
    return out
