"""The checkable exercises: what each asks for, in which units, to what precision, and a hint.

No answer is stored here or anywhere in the installed package: :func:`migcoop.checks.check`
compares a student's rounded answer with salted digests (``_digests.py``), generated from
the instructor's answer key (``tools/answer_key.py``, outside the package).
"""

from __future__ import annotations

from dataclasses import dataclass

from .._validate import check_int

DEFAULT_SIGFIGS = 3


@dataclass(frozen=True)
class Exercise:
    """One computational exercise that :func:`~migcoop.checks.check` can check.

    Attributes
    ----------
    label : the exercise's label, ``"ex-NN-k"``.
    parts : one ``(name, unit)`` pair per number asked for, in the order the exercise asks
        for them (``name`` is the variable the exercise's ``check`` call uses).
    hint : a pointer to the concept or method, never the number.
    sigfigs : the significant figures the exercise asks for (stated in its text).
    slips : ``(factor, message)`` pairs for slips specific to this exercise, where
        ``factor`` is (the student's number) / (the right number), e.g. ``100`` for a
        fraction given in per cent.
    """

    label: str
    parts: tuple
    hint: str
    sigfigs: int = DEFAULT_SIGFIGS
    slips: tuple = ()

    def __post_init__(self):
        check_int("sigfigs", self.sigfigs, 1, 6)
        check_int("number of parts", len(self.parts), 1)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.parts)

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(unit for _, unit in self.parts)


EXERCISES: dict[str, Exercise] = {}

PERCENT_AS_FRACTION = "Give it in per cent (12.5 for 12.5 per cent), not as a fraction."
FRACTION_AS_PERCENT = "Give it as a fraction (0.125 for 12.5 per cent), not in per cent."


def _add(label, parts, hint, sigfigs=DEFAULT_SIGFIGS, slips=None):
    EXERCISES[label] = Exercise(label, tuple(parts), hint, sigfigs, tuple((slips or {}).items()))


# --- chapter 1 -------------------------------------------------------------------------------
_add("ex-01-2",
     [("m_star", "million migrants"), ("gain_star", "$ billion a year"),
      ("gain_free", "$ billion a year")],
     "Migration is efficient while the wage gap exceeds the external cost; the world's gain is "
     "the area between the two wage lines, less e for every migrant.")
_add("ex-01-3",
     [("gain_percent", "per cent of world GDP"), ("movers_billion", "billion people")],
     "With full mobility labor goes where A_i K_i^α is high, in proportion to y_i^(1/α) L_i; "
     "world output per worker is the power mean [Σ s_i y_i^(1/α)]^α.",
     slips={0.01: PERCENT_AS_FRACTION})
_add("ex-01-4", [("share", "fraction of the full gain")],
     "Compute the gain with a quarter of every log wage gap removed and divide by the gain with "
     "all of it removed, for the 2007 data grouped into nine regions.",
     slips={100.0: FRACTION_AS_PERCENT})

# --- chapter 2 -------------------------------------------------------------------------------
_add("ex-02-2", [("t", "$ per unit")],
     "Maximise the importer's welfare (buyer surplus + tariff revenue) over the tariff; at the "
     "optimum the tariff as a share of the seller price is 1/ε.")
_add("ex-02-3", [("q_world", "million migrants"), ("q_R", "million migrants")],
     "The world's best cap sets the wedge equal to the external cost; the receiving country "
     "adds a terms-of-trade markup q / (slope of migrant supply).",
     slips={1000.0: "Quantities are in millions of migrants, not thousands."})
_add("ex-02-4", [("delta_star", "discount factor")],
     "Compare one period of cheating plus a tariff war for ever with free trade for ever: "
     "δ* = (deviate - cooperate) / (deviate - punish).")

# --- chapter 3 -------------------------------------------------------------------------------
_add("ex-03-2", [("reward", "thousand visas")],
     "Find the quota at which screening pays the sending country as much as the status quo (its "
     "gain per visa when it screens times the quota equals its status-quo welfare), then "
     "subtract the status-quo quota.",
     slips={1000.0: "Visas are counted in thousands: 1.5 means 1,500 visas."})
_add("ex-03-3", [("n_N", "thousand visas"), ("n_max", "thousand visas")],
     "Alone the receiving country runs a programme only if some arrangement is worth more than "
     "zero per visa. With the sender screening, the receiver accepts any quota n with "
     "v n - κ n²/2 at least its status-quo welfare.")
_add("ex-03-4", [("delta_star", "discount factor")],
     "Compare screening for ever with one period of waving applicants through (saving the "
     "screening cost and sending costly types at their share of the pool) followed by the status "
     "quo for ever: δ* = (deviate - cooperate) / (deviate - punish).")

# --- chapter 4 -------------------------------------------------------------------------------
_add("ex-04-2", [("r_low", "$ thousand per migrant"), ("r_high", "$ thousand per migrant")],
     "Matching must beat overshooting, V(M/N) >= 0, and beat undercutting, V(M/N) >= V(M) when M "
     "exceeds the ideal intake; turn the two bounds on M into restrictions with M(r) = Λ(1 - r/w).")
_add("ex-04-3", [("restriction", "share of arrivals turned away"),
                 ("welfare", "$ billion a year per country")],
     "Iterate the best response starting from a high common restriction, or look for the largest "
     "q with best_response(q) = q; then evaluate common_welfare there.",
     slips={100.0: "Give the restriction as a share between 0 and 1, not in per cent."})
_add("ex-04-4", [("home", "million migrants")],
     "A migrant stays home after k refusals if he or she gives up then (probability 1 - λ) or has "
     "been refused by all N countries; add up over k.")

# --- chapter 5 -------------------------------------------------------------------------------
_add("ex-05-2", [("m_star", "million workers"), ("tax", "share of migrants' pay")],
     "Efficient migration equalises the two wages; the tax must cover what those left behind "
     "lose, as a share of the migrants' pay, less what remittances already send home.",
     slips={100.0: "Give the tax as a share of pay (0.1 for 10 per cent), not in per cent."})
_add("ex-05-3", [("T_star", "$ billion a year"), ("delta_star", "discount factor")],
     "R needs δ ≥ G_R/T and S needs δ ≥ T/ΔS; the transfer that needs least patience makes the "
     "two requirements equal.")
_add("ex-05-4", [("surplus", "fraction of GDP"), ("loss", "fraction of GDP")],
     "The surplus is the triangle ½·s·e·m²; native workers lose the rectangle s·e·m·(1 − m).",
     slips={100.0: "Give shares of GDP as fractions (0.01 for 1 per cent), not in per cent."})

# --- chapter 6 -------------------------------------------------------------------------------
_add("ex-06-2", [("creation", "$ million a year"), ("diversion", "$ million a year"),
                 ("change", "$ million a year")],
     "Creation is the triangle between demand and the partner's price over the new migrants; "
     "diversion is the cost gap times the migrants who came before.")
_add("ex-06-3", [("gap", "$ thousand per migrant a year")],
     "Write the welfare change of a full preference as a function of the cost gap g: "
     "½·β·(τ − g)² − g·M₀; the break-even gap is the root between 0 and τ.")
_add("ex-06-4", [("world_change", "$ million a year"), ("a_migrants_change", "$ million a year")],
     "With the cap binding, the number of migrants does not change: only who fills the slots. "
     "Each of A's migrants loses the rent of his slot: employers' wage less his cost and fee.")
_add("ex-06-7", [("own_quota", "$ million a year"), ("mfn_rise", "$ million a year")],
     "Places beside the cap add migrants without replacing anyone: value each extra migrant at "
     "the demand price less his real cost (B's supply price for B's quota, A's for a wider cap).")

# --- chapter 7 -------------------------------------------------------------------------------
_add("ex-07-2", [("gamma", "returns per migrant per year")],
     "With β = 0 the sending country gains once remittances from the migrants who still have "
     "ties cover the loss of those left behind: find the share θ with ties that does it, then "
     "turn θ = γ/(γ + φ) into a return rate.")
_add("ex-07-3", [("gamma_a", "returns per migrant per year"),
                 ("gamma_b", "returns per migrant per year")],
     "R gains when the immigration surplus per migrant covers the welfare cost of those without "
     "a job plus the family cost of the settled share 1 − θ; solve for θ, then γ.")
_add("ex-07-4", [("c_r", "thousand $ per replacement"), ("V_R", "$ billion a year")],
     "R's best total return rate solves φ·c_f/(γ + ν + φ)² = c_r: solve it for c_r at γ = 0.5. "
     "Then V_R is the immigration surplus less m times the welfare cost, the family cost of the "
     "settled share 1 − θ and the rotation cost c_r·γ.")
_add("ex-07-7", [("rho_bar", "share of earnings"), ("rho_s", "share of earnings")],
     "A migrant with ties is worth (1 − β)·ρ + β·G_M/E to S per dollar he earns, a settled one "
     "ρ_s: permanent matches temporary when they are equal. For (b), S breaks even when "
     "ρ_s·(1 − θ_P) + θ_P·ρ̄ equals the loss per dollar earned, with θ_P = ν/(ν + φ).",
     slips={100.0: FRACTION_AS_PERCENT})

# --- chapter 8 -------------------------------------------------------------------------------
_add("ex-08-8", [("eta_min", "thousand visas per unit of overstay rate"),
                 ("eta_full", "thousand visas per unit of overstay rate"),
                 ("cash", "$ million a year")],
     "Effort this year pays next year: S weighs δ·g·η·o₀ per unit of effort against its marginal "
     "cost ψ + χ·e. A bonus μ per unit fall in the overstay rate works the same way with μ in "
     "place of g·η, and pays μ·o₀·e a year.",
     slips={0.01: "The slope is per unit of overstay rate (a share of one), not per "
            "percentage point."})
_add("ex-08-9", [("delta_bilateral", "discount factor"), ("delta_pooled", "discount factor")],
     "Carrying out the cut costs R W_R(n) − W_R(n − η·o₀·e) for a year, less the share other "
     "senders take up; R keeps the rule iff δ_R ≥ K / (K + W_rule − W_flat).")

# --- chapter 9 -------------------------------------------------------------------------------
_add("ex-09-2", [("q_nash", "thousand refugees per host per year"),
                 ("q_joint", "thousand refugees per host per year")],
     "Acting alone a host equates its own marginal benefit α to its marginal cost kq; the "
     "receiving countries' joint optimum counts the benefit to all N hosts.")
_add("ex-09-3", [("load", "thousand refugees"), ("prob", "probability per year")],
     "The Convention breaks where k/2 (load - α/k)^2 equals δ/(1-δ) times the yearly stake; a "
     "year breaks it if any host's surge pushes its load past that point.",
     slips={100.0: "Give the probability as a number between 0 and 1, not in per cent."})
_add("ex-09-4", [("z_coop", "evidence score"), ("z_nash", "evidence score")],
     "The cooperative standard is the likelihood-ratio threshold; the equilibrium standard adds "
     "the diversion term λ(1 - 1/N) P(Z > z) to the right-hand side.")
_add("ex-09-7", [("xi", "share of would-be arrivals kept away"),
                 ("protection", "thousand refugees a year, all hosts")],
     "In a symmetric equilibrium every host's best response to the others' share is that same "
     "share: ξ = (k a0²(1 + Πξ) − α(1 − Π)a0)/(Ξ + k a0²). All hosts then protect "
     "N a0 − (1 − Π) a0 N ξ.",
     slips={100.0: "Give the share as a number between 0 and 1, not in per cent."})
_add("ex-09-8", [("gamma", "$ million a year per frontline host"), ("prob", "probability per year")],
     "A payment Γ raises each frontline host's stake by Γ and lowers each interior host's by "
     "Γ N_F/(N − N_F); set the two stakes equal. Then recompute the breakdown loads and the "
     "breach probability with the payment (FirstEntryRule.values does both).",
     slips={100.0: "Give the probability as a number between 0 and 1, not in per cent.",
            1000.0: "Give the payment in millions of dollars a year."})

# --- chapter 10 ------------------------------------------------------------------------------
_add("ex-10-3", [("loss", "$ billion a year"), ("gain", "$ billion a year")],
     "The diversion loss is the partner's cost premium times the migrants it supplies; R's "
     "employers pay that premium, so R's gain falls by the same amount.",
     slips={1000.0: "Give the amounts in billions of dollars a year, not millions."})
_add("ex-10-4", [("delta", "discount factor")],
     "The sending side is tempted to stop screening for a year: it saves the screening cost K "
     "and keeps its gain; the punishment ends the deal. δ* = K / (its gain before K), with the "
     "gain at the exercise's return rate.")
_add("ex-10-6", [("T", "$ billion a year, paid to R"), ("delta", "discount factor")],
     "R loses, so the partner pays R. Set R's threshold G_R/T equal to the partner's (K + T)/B, "
     "where B = S + K is the partner's gain before screening costs, and solve the quadratic "
     "T² + K·T − G_R·B = 0 for its positive root.")
