"""Figures for chapter 9 (:mod:`migcoop.refugees`): refugee protection as a public good, and
why cooperation breaks down.

Three explorers, each a ``draw(fig, **params)`` returning an in-place ``update``:

* ``refugee_protection``: Nash protection, the hosts' joint optimum and the Convention's
  protection against altruism, beside each host's welfare against the common level of
  protection;
* ``refugee_survival``: the trigger-strategy condition (temptation against the stake)
  and the survival of the Convention over a century, open-ended, with burden sharing,
  and with a cap;
* ``refugee_standards``: the standards-of-proof game, best responses and the ratchet,
  beside the equilibrium and cooperative standards against the share of economic migrants;
* ``refugee_deterrence``: keeping refugees from arriving, best responses in deterrence
  beside the refugees protected in equilibrium against the share who move on;
* ``refugee_frontline``: a first-entry rule, the frontline and interior hosts' stakes
  against the rule's strength beside the Convention's survival with and without a
  solidarity payment.

Plus plain drawing functions for the chapter's static figures.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .. import calibrations, style
from ..explore import Slider, register
from ..refugees import equilibrium_standards, host_welfare, protection_levels
from . import _layout

ALTRUISM = np.linspace(0.0, 20.0, 81)


# =============================================================================
def _protection_alt(altruism, cost, hosts):
    lv = protection_levels(hosts, altruism, cost)
    conv = calibrations.refugee_regime(hosts=hosts, altruism=altruism, cost=cost).mean_arrivals
    return (
        f"Protection per host with {hosts} hosts, altruism {altruism:g} and hosting-cost slope "
        f"{cost:g}: acting alone each host protects {lv.nash:.1f} thousand refugees a year, the "
        f"hosts' joint optimum is {lv.joint:.1f} thousand, and the Convention has each host protect "
        f"the {conv:.0f} thousand who arrive on average. Welfare per host is {lv.nash_welfare:.0f} "
        f"million dollars at the Nash level and {lv.joint_welfare:.0f} at the joint optimum."
    )


@register(
    "refugee_protection",
    sliders={
        "altruism": Slider(0.0, 20.0, 1.0, "Altruism α ($ m per thousand protected)", value=10.0),
        "cost": Slider(0.5, 3.0, 0.25, "Hosting cost slope k", value=1.0),
        "hosts": Slider(2, 20, 2, "Number of host countries N", value=10),
    },
    static="hosts",
    frames={"hosts": 10},
    caption=(
        "Refugee protection as a public good. Left: refugees each host protects acting alone (Nash), "
        "the hosts' joint optimum and the Convention's level (all who arrive, on average) against how "
        "much hosts value a refugee's safety. Right: each host's welfare when all hosts protect the same "
        "number, with the three levels marked."
    ),
    alt=_protection_alt,
    size=(8.0, 4.6),
)
def draw_protection(fig, altruism, cost, hosts):
    """Protection levels against altruism, and welfare against the common protection level."""
    ax, ax2 = fig.subplots(1, 2)
    (nash,) = ax.plot([], [], color=style.SENDING, ls="--", label="Nash: α/k")
    (eff,) = ax.plot([], [], color=style.WORLD, label="Joint optimum: Nα/k")
    (conv,) = ax.plot([], [], color=style.RECEIVING, ls="-.", label="Convention")
    (here,) = ax.plot([], [], "o", color=style.BLACK, clip_on=False, zorder=4)
    (here_n,) = ax.plot([], [], "o", color=style.SENDING, clip_on=False, zorder=4)
    ax.set(xlim=(0, 20), xlabel="Altruism α ($ million per\nthousand refugees)",
           ylabel="Protected per host (thousand a year)")
    _layout.legend_below(ax, ncol=2, lines=2)

    (welfare,) = ax2.plot([], [], color=style.WORLD, label="Welfare per host")
    marks = {
        "Nash": ax2.plot([], [], "v", color=style.SENDING, ms=9, label="Nash")[0],
        "Convention": ax2.plot([], [], "s", color=style.RECEIVING, ms=8, label="Convention")[0],
        "Joint optimum": ax2.plot([], [], "o", color=style.WORLD, ms=8, label="Joint optimum")[0],
    }
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set(xlabel="Protected by each host\n(thousand a year)",
            ylabel="Welfare per host ($ million a year)")
    _layout.legend_below(ax2, ncol=2, lines=2)
    _layout.margins(fig, top=12, bottom=88, wspace=0.35)

    def update(altruism, cost, hosts):
        lv = protection_levels(hosts, ALTRUISM, cost)
        mean = calibrations.refugee_regime(hosts=hosts, altruism=altruism, cost=cost).mean_arrivals
        one = protection_levels(hosts, altruism, cost)
        nash.set_data(ALTRUISM, lv.nash)
        eff.set_data(ALTRUISM, lv.joint)
        conv.set_data([0, 20], [mean, mean])
        here.set_data([altruism], [one.joint])
        here_n.set_data([altruism], [one.nash])
        ax.set_ylim(0, max(1.05 * hosts * 20 / cost, 1.0))
        top = max(1.3 * one.joint, 1.3 * mean, 1.0)
        q = np.linspace(0, top, 200)
        w = host_welfare(q, hosts, altruism, cost)
        welfare.set_data(q, w)
        for key, x in (("Nash", one.nash), ("Convention", mean), ("Joint optimum", one.joint)):
            marks[key].set_data([x], [host_welfare(x, hosts, altruism, cost)])
        lo = min(w.min(), 0.0)
        hi = max(w.max(), 1.0)
        ax2.set_xlim(0, top)
        ax2.set_ylim(lo - 0.05 * (hi - lo), hi + 0.1 * (hi - lo))

    update(altruism, cost, hosts)
    return update


# =============================================================================
YEARS = np.arange(0, 101)
LOADS = np.linspace(0.0, 400.0, 201)


@lru_cache(maxsize=256)
def _survival_curves(discount, shock_size, shock_prob, hosts, burden_share):
    """Survival over 100 years: open-ended, with burden sharing, and with a cap (cached)."""
    base = calibrations.refugee_regime(hosts=int(hosts), discount=discount,
                                       shock_size=shock_size, shock_prob=shock_prob)
    shared = base.replace(burden_share=burden_share)
    cap = base.self_enforcing_cap()
    capped = base.replace(cap=cap)
    v_open, v_shared, v_cap = (r.cooperation_value() for r in (base, shared, capped))
    return {
        "open": (base.survival(YEARS), v_open),
        "shared": (shared.survival(YEARS), v_shared),
        "capped": (capped.survival(YEARS), v_cap),
        "cap": cap,
        "lifetime": base.expected_lifetime(),
    }


def _survival_alt(discount, shock_size, shock_prob, hosts, burden_share):
    c = _survival_curves(discount, shock_size, shock_prob, hosts, burden_share)
    s_open, v_open = c["open"]
    s_sh, v_sh = c["shared"]
    return (
        f"The Convention under shocks with discount factor {discount:.2f}, surges of mean size "
        f"{shock_size:g} thousand refugees hitting a host with probability {shock_prob:g} a year, and "
        f"{hosts} hosts: a host breaks the Convention when its load exceeds {v_open.breakdown_load:.0f} "
        f"thousand a year; the open-ended Convention survives 50 years with probability "
        f"{s_open[50]:.2f}, with {burden_share:.0%} of arrivals shared with probability {s_sh[50]:.2f}, "
        f"and with a cap of {c['cap']:.0f} thousand per host it never breaks."
    )


@register(
    "refugee_survival",
    sliders={
        "discount": Slider(0.5, 0.98, 0.04, "Discount factor δ", value=0.86),
        "shock_size": Slider(10.0, 100.0, 10.0, "Mean size of a surge (thousand)", value=40.0),
        "shock_prob": Slider(0.02, 0.3, 0.02, "Chance of a surge per host-year", value=0.1),
        "hosts": Slider(2, 20, 1, "Number of host countries N", value=10),
        "burden_share": Slider(0.0, 1.0, 0.1, "Share of arrivals pooled β", value=0.3),
    },
    static="discount",
    frames={"discount": 5},  # every third step: 0.50, 0.62, ..., 0.98 (page weight)
    caption=(
        "Why the Convention can break down. Left: a host's one-year saving from turning refugees away, "
        "against its load that year, and the yearly stake in continued cooperation weighted by "
        "δ/(1-δ); the host breaks the Convention where the curve crosses the stake. Right: the "
        "probability that the Convention still holds after a number of years, open-ended, with a share "
        "of arrivals pooled, and with each host's obligation capped."
    ),
    alt=_survival_alt,
    size=(8.0, 4.6),
)
def draw_survival(fig, discount, shock_size, shock_prob, hosts, burden_share):
    """Temptation against the stake, and survival curves of the Convention."""
    ax, ax2 = fig.subplots(1, 2)
    (tempt,) = ax.plot([], [], color=style.SENDING, label="Saving from refusing")
    stake_open = ax.axhline(0, color=style.WORLD, ls="--", lw=1.5, label="Stake, open-ended")
    stake_sh = ax.axhline(0, color=style.GREEN, ls=":", lw=2, label="Stake, with pooling")
    star = ax.axvline(0, color=style.WORLD, lw=1, ls="-.", label="Breaking point")
    note = _layout.note(ax)
    ax.set(xlim=(0, 400), xlabel="A host's load in one year\n(thousand refugees)",
           ylabel="$ billion in one year")
    _layout.legend_below(ax, ncol=2, lines=2)

    (s_open,) = ax2.plot([], [], color=style.WORLD, label="Open-ended")
    (s_sh,) = ax2.plot([], [], color=style.GREEN, ls=":", lw=2.5, label="With pooling")
    (s_cap,) = ax2.plot([], [], color=style.RECEIVING, ls="--", label="Capped")
    note2 = _layout.note(ax2)
    ax2.set(xlim=(0, 100), ylim=(0, 1.05), xlabel="Years since the agreement",
            ylabel="Probability the Convention still holds")
    _layout.legend_below(ax2, ncol=2)
    _layout.margins(fig, top=40, bottom=88, wspace=0.3)

    def update(discount, shock_size, shock_prob, hosts, burden_share):
        c = _survival_curves(discount, shock_size, shock_prob, hosts, burden_share)
        base = calibrations.refugee_regime(hosts=int(hosts), discount=discount)
        (surv_open, v_open), (surv_sh, v_sh), (surv_cap, _) = c["open"], c["shared"], c["capped"]
        tempt.set_data(LOADS, base.temptation(LOADS) / 1000)
        weight = discount / (1 - discount)
        y_open = weight * max(v_open.stake, 0.0) / 1000
        y_sh = weight * max(v_sh.stake, 0.0) / 1000
        stake_open.set_ydata([y_open, y_open])
        stake_sh.set_ydata([y_sh, y_sh])
        star.set_xdata([v_open.breakdown_load] * 2)
        ax.set_ylim(0, max(1.3 * y_sh, 1.3 * y_open, 1.0))
        life = c["lifetime"]
        life_txt = ("never ends" if not np.isfinite(life) else
                    "over 1,000 years" if life > 1000 else f"{life:.0f} years")
        note.set_text(f"breaks above {v_open.breakdown_load:.0f} thousand;\n"
                      f"expected life {life_txt}")
        s_open.set_data(YEARS, surv_open)
        s_sh.set_data(YEARS, surv_sh)
        s_cap.set_data(YEARS, surv_cap)
        note2.set_text(f"cap {c['cap']:.0f} thousand a host;\n"
                       f"unprotected {c['capped'][1].unprotected:.2f} thousand a host-year")

    update(discount, shock_size, shock_prob, hosts, burden_share)
    return update


# =============================================================================
OMEGA = np.linspace(0.05, 0.9, 35)
OTHERS = np.linspace(-1.5, 3.0, 46)


@lru_cache(maxsize=128)
def _standards(economic_share, sensitivity, hosts):
    g = calibrations.standards_game(economic_share=economic_share, hosts=int(hosts),
                                    sensitivity=sensitivity)
    nash, coop = equilibrium_standards(OMEGA, hosts=int(hosts), sensitivity=sensitivity)
    best = g.best_response(OTHERS)
    eq = g.equilibrium()
    # The ratchet read off the best-response curve (what the picture shows; the model's
    # own StandardsGame.ratchet iterates exact best responses).
    path = [eq.cooperative]
    for _ in range(5):
        path.append(float(np.interp(path[-1], OTHERS, best)))
    return {
        "game": g,
        "br": best,
        "eq": eq,
        "path": np.array(path),
        "nash": nash,
        "coop": coop,
    }


def _standards_alt(economic_share, sensitivity, hosts):
    s = _standards(economic_share, sensitivity, hosts)
    eq = s["eq"]
    return (
        f"Standards of proof with {economic_share:.0%} economic migrants among claimants and {hosts} "
        f"hosts: each host's best standard rises with the others' standard; the equilibrium standard "
        f"is {eq.nash:.2f}, above the cooperative {eq.cooperative:.2f}, so {eq.refugees_protected_nash:.0%}"
        f" of genuine refugees are recognised instead of {eq.refugees_protected_cooperative:.0%}."
    )


@register(
    "refugee_standards",
    sliders={
        "economic_share": Slider(0.1, 0.8, 0.05, "Share of economic migrants ω", value=0.3),
        "sensitivity": Slider(0.0, 4.0, 0.5, "Migrants' pull to lax hosts λ", value=3.0),
        "hosts": Slider(3, 20, 1, "Number of host countries N", value=10),
    },
    static="economic_share",
    frames={"economic_share": 8},  # every other step: 0.10, 0.20, ..., 0.80
    caption=(
        "Shading on the standard of proof. Left: a host's best standard against the standard all other "
        "hosts use; where it crosses the 45-degree line is the equilibrium, and the steps show standards "
        "ratcheting up from the cooperative level. Right: the equilibrium and cooperative standards "
        "against the share of economic migrants among claimants."
    ),
    alt=_standards_alt,
    size=(8.0, 4.6),
)
def draw_standards(fig, economic_share, sensitivity, hosts):
    """Best responses and the ratchet, and standards against the share of economic migrants."""
    ax, ax2 = fig.subplots(1, 2)
    ax.plot([-1.5, 3], [-1.5, 3], color=style.GREY, lw=1, label="45-degree line")
    (br,) = ax.plot([], [], color=style.SENDING, label="Best response")
    (steps,) = ax.plot([], [], color=style.BLACK, lw=1, ls=":", label="Ratchet")
    (eq_dot,) = ax.plot([], [], "o", color=style.SENDING, ms=8, label="Equilibrium")
    (co_dot,) = ax.plot([], [], "s", color=style.RECEIVING, ms=7, label="Cooperative")
    ax.set(xlim=(-1.5, 3), ylim=(-1.5, 3), xlabel="Standard used by the other hosts",
           ylabel="A host's best standard")
    _layout.legend_below(ax, ncol=2)

    (nash,) = ax2.plot([], [], color=style.SENDING, label="Equilibrium")
    (coop,) = ax2.plot([], [], color=style.RECEIVING, ls="--", label="Cooperative")
    (n_dot,) = ax2.plot([], [], "o", color=style.SENDING)
    (c_dot,) = ax2.plot([], [], "s", color=style.RECEIVING)
    note = _layout.note(ax2)
    ax2.set(xlim=(0, 0.9), ylim=(-1.5, 3), xlabel="Economic migrants among\nclaimants ω (share)",
            ylabel="Standard of proof (evidence score)")
    _layout.legend_below(ax2, ncol=2, lines=2)
    _layout.margins(fig, top=40, bottom=88, wspace=0.3)

    def update(economic_share, sensitivity, hosts):
        s = _standards(economic_share, sensitivity, hosts)
        eq = s["eq"]
        br.set_data(OTHERS, s["br"])
        path = s["path"]
        xs = np.repeat(path, 2)[1:-1]
        ys = np.repeat(path[1:], 2)
        steps.set_data(np.concatenate([[path[0]], xs]), np.concatenate([[path[0]], ys]))
        eq_dot.set_data([eq.nash], [eq.nash])
        co_dot.set_data([eq.cooperative], [eq.cooperative])
        nash.set_data(OMEGA, s["nash"])
        coop.set_data(OMEGA, s["coop"])
        n_dot.set_data([economic_share], [eq.nash])
        c_dot.set_data([economic_share], [eq.cooperative])
        note.set_text(f"refugees recognised: {eq.refugees_protected_nash:.0%} in equilibrium,\n"
                      f"{eq.refugees_protected_cooperative:.0%} if hosts cooperate")

    update(economic_share, sensitivity, hosts)
    return update


# =============================================================================
SHARES = np.linspace(0.0, 1.0, 51)
REDIRECT = np.linspace(0.0, 1.0, 41)


@lru_cache(maxsize=128)
def _deterrence(redirect, deterrence_cost, hosts):
    g = calibrations.deterrence_game(redirect=redirect, deterrence_cost=deterrence_cost,
                                     hosts=int(hosts))
    eq = g.equilibrium()
    curve = [g.replace(redirect=float(m)).equilibrium() for m in REDIRECT]
    return {
        "game": g,
        "eq": eq,
        "br": g.best_response(SHARES),
        "protection_nash": np.array([e.protection_nash for e in curve]),
        "protection_convention": eq.protection_convention,
        "welfare_nash": np.array([e.welfare_nash for e in curve]),
    }


def _deterrence_alt(redirect, deterrence_cost, hosts):
    d = _deterrence(redirect, deterrence_cost, hosts)
    eq = d["eq"]
    return (
        f"Keeping refugees away, with {hosts} hosts, {redirect:.0%} of the refugees a host keeps "
        f"away moving on to another host and a deterrence cost parameter of {deterrence_cost:g}: "
        f"a host's best share kept away rises with the share the others keep away; in equilibrium "
        f"each host keeps away {eq.nash:.0%} of its would-be arrivals, the hosts together protect "
        f"{eq.protection_nash:.0f} thousand refugees a year instead of "
        f"{eq.protection_convention:.0f} thousand, and each host's welfare falls from "
        f"{eq.welfare_convention:.0f} to {eq.welfare_nash:.0f} million dollars a year."
    )


@register(
    "refugee_deterrence",
    sliders={
        "redirect": Slider(0.0, 1.0, 0.1, "Share of those kept away who reach another host Π",
                           value=0.5),
        "deterrence_cost": Slider(500.0, 5000.0, 250.0, "Deterrence cost Ξ ($ m)", value=2000.0),
        "hosts": Slider(2, 20, 1, "Number of host countries N", value=10),
    },
    static="redirect",
    frames={"redirect": 11},
    caption=(
        "Shading by keeping refugees away. Left: the share of its would-be arrivals a host keeps "
        "away, against the share every other host keeps away; where the curve crosses the 45-degree "
        "line is the equilibrium, and the hosts' joint optimum is to keep no one away. Right: "
        "refugees protected by all hosts together, with no deterrence and in equilibrium, against "
        "the share of refugees kept away who reach another host."
    ),
    alt=_deterrence_alt,
    size=(8.0, 4.6),
)
def draw_deterrence(fig, redirect, deterrence_cost, hosts):
    """Best responses in deterrence, and protection in equilibrium against the redirect share."""
    ax, ax2 = fig.subplots(1, 2)
    ax.plot([0, 1], [0, 1], color=style.GREY, lw=1, label="45-degree line")
    (br,) = ax.plot([], [], color=style.SENDING, label="Best response")
    (eq_dot,) = ax.plot([], [], "o", color=style.SENDING, ms=8, label="Equilibrium")
    (joint_dot,) = ax.plot([], [], "s", color=style.RECEIVING, ms=7, label="Joint optimum",
                           clip_on=False, zorder=4)
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="Share kept away by\nevery other host ξ",
           ylabel="A host's best share kept away")
    _layout.legend_below(ax, ncol=2, lines=2)

    conv = ax2.axhline(0, color=style.WORLD, ls="--", label="No deterrence (Convention)")
    (prot,) = ax2.plot([], [], color=style.SENDING, label="In equilibrium")
    (here,) = ax2.plot([], [], "o", color=style.SENDING, ms=8, clip_on=False, zorder=4)
    note = _layout.note(ax2)
    ax2.set(xlim=(0, 1), xlabel="Share of those kept away\nwho reach another host Π",
            ylabel="Protected by all hosts (thousand a year)")
    _layout.legend_below(ax2, ncol=1, lines=2)
    _layout.margins(fig, top=40, bottom=88, wspace=0.3)

    def update(redirect, deterrence_cost, hosts):
        d = _deterrence(redirect, deterrence_cost, hosts)
        eq = d["eq"]
        br.set_data(SHARES, d["br"])
        eq_dot.set_data([eq.nash], [eq.nash])
        joint_dot.set_data([eq.joint], [eq.joint])
        top = d["protection_convention"]
        conv.set_ydata([top, top])
        prot.set_data(REDIRECT, d["protection_nash"])
        here.set_data([redirect], [eq.protection_nash])
        ax2.set_ylim(0, 1.25 * top)
        note.set_text(f"kept away in equilibrium: {eq.nash:.0%}\n"
                      f"unprotected: {eq.unprotected_nash:.0f} thousand a year")

    update(redirect, deterrence_cost, hosts)
    return update


# =============================================================================
RULES = np.linspace(0.0, 0.5, 51)


@lru_cache(maxsize=256)
def _frontline(entry_rule, frontline, solidarity, discount):
    regime = calibrations.refugee_regime(discount=discount)
    base = calibrations.first_entry_rule(regime=regime, frontline=int(frontline), entry_rule=0.0)
    rule = base.replace(entry_rule=entry_rule)
    paid = rule.replace(solidarity=solidarity)
    sweep = [base.replace(entry_rule=float(z)).values() for z in RULES]
    sweep_paid = [base.replace(entry_rule=float(z), solidarity=solidarity).values() for z in RULES]
    return {
        "frontline_stake": np.array([v.frontline_stake for v in sweep]),
        "interior_stake": np.array([v.interior_stake for v in sweep]),
        "frontline_stake_paid": np.array([v.frontline_stake for v in sweep_paid]),
        "interior_stake_paid": np.array([v.interior_stake for v in sweep_paid]),
        "survival": {key: r.survival(YEARS) for key, r in
                     (("none", base), ("rule", rule), ("paid", paid))},
        "values": {key: r.values() for key, r in (("none", base), ("rule", rule), ("paid", paid))},
    }


def _frontline_alt(entry_rule, frontline, solidarity, discount):
    f = _frontline(entry_rule, frontline, solidarity, discount)
    v, s = f["values"], f["survival"]
    return (
        f"A first-entry rule of strength {entry_rule:.2f} with {frontline} frontline hosts out of "
        f"ten and discount factor {discount:.2f}: each frontline host's yearly stake in the "
        f"Convention is {v['rule'].frontline_stake:.0f} million dollars against "
        f"{v['rule'].interior_stake:.0f} for an interior host. The "
        f"Convention survives 50 years with probability {s['none'][50]:.2f} without the rule, "
        f"{s['rule'][50]:.2f} with it, and {s['paid'][50]:.2f} with it and a solidarity payment of "
        f"{solidarity:g} million dollars a year to each frontline host."
    )


@register(
    "refugee_frontline",
    sliders={
        "entry_rule": Slider(0.0, 0.5, 0.05, "Strength of the first-entry rule Θ", value=0.1),
        "frontline": Slider(1, 9, 1, "Frontline hosts N_F (of 10)", value=3),
        "solidarity": Slider(0.0, 2000.0, 100.0, "Solidarity payment Γ ($ m a year)", value=500.0),
        "discount": Slider(0.8, 0.96, 0.02, "Discount factor δ", value=0.9),
    },
    static="entry_rule",
    frames={"entry_rule": 6},  # every other step: 0.00, 0.10, ..., 0.50
    caption=(
        "A first-entry rule. Left: each frontline and each interior host's yearly stake in the "
        "Convention against the strength of the rule, with and without a solidarity payment to "
        "the frontline hosts; a host whose stake is negative breaks the Convention at once. Right: "
        "the probability that the Convention still holds after a number of years, without the rule, "
        "with it, and with it and the payment."
    ),
    alt=_frontline_alt,
    size=(8.0, 4.6),
)
def draw_frontline(fig, entry_rule, frontline, solidarity, discount):
    """Stakes against the rule's strength, and survival with and without solidarity."""
    ax, ax2 = fig.subplots(1, 2)
    (fs,) = ax.plot([], [], color=style.SENDING, label="Frontline host")
    (fp,) = ax.plot([], [], color=style.SENDING, ls=":", lw=2, label="Frontline, paid")
    (ins,) = ax.plot([], [], color=style.RECEIVING, ls="--", label="Interior host")
    (ip,) = ax.plot([], [], color=style.RECEIVING, ls=":", lw=2, label="Interior, paying")
    rule_line = ax.axvline(0, color=style.GREY, lw=1, ls="-.", label="Chosen rule")
    ax.axhline(0, color=style.GREY, lw=1)
    ax.set(xlim=(0, 0.5), xlabel="Strength of the first-entry rule Θ",
           ylabel="Yearly stake in the Convention ($ m)")
    _layout.legend_below(ax, ncol=2)

    (s_none,) = ax2.plot([], [], color=style.WORLD, label="No rule")
    (s_rule,) = ax2.plot([], [], color=style.SENDING, ls="--", label="With the rule")
    (s_paid,) = ax2.plot([], [], color=style.GREEN, ls=":", lw=2.5, label="Rule and payment")
    ax2.set(xlim=(0, 100), ylim=(0, 1.05), xlabel="Years since the agreement",
            ylabel="Probability the Convention still holds")
    _layout.legend_below(ax2, ncol=2)
    _layout.margins(fig, top=12, bottom=88, left=0.125, wspace=0.34)

    def update(entry_rule, frontline, solidarity, discount):
        f = _frontline(entry_rule, frontline, solidarity, discount)
        fs.set_data(RULES, f["frontline_stake"])
        fp.set_data(RULES, f["frontline_stake_paid"])
        ins.set_data(RULES, f["interior_stake"])
        ip.set_data(RULES, f["interior_stake_paid"])
        rule_line.set_xdata([entry_rule] * 2)
        values = np.concatenate([f["frontline_stake"], f["frontline_stake_paid"],
                                 f["interior_stake"], f["interior_stake_paid"]])
        lo, hi = min(values.min(), -100.0), max(values.max(), 100.0)
        ax.set_ylim(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo))
        s_none.set_data(YEARS, f["survival"]["none"])
        s_rule.set_data(YEARS, f["survival"]["rule"])
        s_paid.set_data(YEARS, f["survival"]["paid"])

    update(entry_rule, frontline, solidarity, discount)
    return update


# =============================================================================
def draw_simulated_survival(fig, sims: dict, exact: dict):
    """Static figure: simulated survival (steps) against the closed form (lines)."""
    ax = fig.subplots()
    styles = [("-", style.WORLD), ("--", style.RECEIVING), (":", style.GREEN), ("-.", style.SENDING)]
    for (label, sim), (ls, colour) in zip(sims.items(), styles, strict=False):
        t = np.arange(sim.years + 1)
        ax.step(t, sim.survival, where="post", color=colour, ls=ls, lw=1.5,
                label=f"{label}: simulated")
        if label in exact:
            ax.plot(t, exact[label], color=colour, lw=4, alpha=0.25)
    ax.plot([], [], color=style.GREY, lw=4, alpha=0.4, label="Closed form (wide pale lines)")
    ax.set(xlabel="Years since the agreement", ylabel="Share of histories still cooperating",
           ylim=(0, 1.02))
    ax.legend(loc="upper right")
