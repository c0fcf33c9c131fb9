"""Write chapters/03_enforcement.ipynb (run: .venv/bin/python tools/make_ch03.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Enforcement externalities

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part I.A.2 of {cite:t}`sykes2013`, with the Canada--Jamaica example of
    part II.C. After it you should be able to:
    - explain why the cheapest enforcer of a migration rule may be the sending country, and why,
      left alone, it will not enforce the rule for the receiving country (an
      {term}`enforcement externality` rooted in {term}`asymmetric information`);
    - describe a {term}`screening` procedure by its {term}`true-positive rate` and
      {term}`false-positive rate`, and read the mix of migrants it admits off its
      {term}`operating point`;
    - compute the receiving country's programme with and without a visas-for-screening deal, the
      smallest visa reward the sending country accepts, and what cooperation adds;
    - find the cases in which a migration programme exists only if the two countries cooperate,
      and explain why better information at the sender does not always make a deal easier to strike.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import repeated, screening, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import screening as fig_screening
    """),
    md(r"""
    ## The argument

    Chapter 2 asked whether receiving countries restrict migration too much. This chapter asks a
    narrower and, in a sense, easier question. Take a country's immigration rules as given, whether
    or not they are wise: no visas for people with a serious contagious disease, for people with a
    record of violent crime, or for workers who are unlikely to hold down the job they are admitted
    for. Who can apply such rules at the lowest cost? The receiving country's consulate, its border
    officials, the sending country's authorities, or some mix of them?

    Applying a rule of this kind is mostly a matter of information. A consular officer in Kingston or
    Monterrey sees a passport, a form and a ten-minute interview. Much of what the rule cares about is
    known, or cheaply knowable, at home: police and court records, hospital and public-health
    registers, former employers, the village or the parish where an applicant grew up. The country of
    origin can often sort applicants far better, and far more cheaply, than the country of
    destination. Economists call this {term}`asymmetric information`: the receiving country cannot
    observe what matters, while someone else can.

    Knowing is not the same as telling. A sending country gains when its citizens find work abroad:
    they send money home, they stop competing for scarce jobs, and, if the programme is temporary,
    they come back with savings and skills. It gains from every emigrant, whatever his or her record.
    And it may gain *more* from some of the emigrants the receiving country would most like to keep
    out: the habitual offender, the worker nobody at home will hire. A government in that position
    has no reason to pass on what it knows, let alone to spend its own money sifting applicants for
    another country's benefit.

    The result is an {term}`enforcement externality`. Each government acts sensibly on its own
    account, yet the rule ends up enforced by the party that does it worst: the receiving country
    screens with poor information at high cost, admits more of the people it meant to exclude, and,
    because each visa is then worth less to it, grants fewer visas than it would with better
    screening. Sykes's point is that noncooperative enforcement can be much costlier than it needs to
    be {cite:p}`sykes2013`. {cite:t}`fernandezhuertas2008` formalises the point: in his model,
    bilateral migration agreements pay off because the partners enforce the rules together.

    Whether the two countries can strike a bargain that captures those gains is the question this
    chapter takes up. The obvious currency is the one the sending country cares about: access. If
    the receiving country offers more visas in exchange for honest screening, the sending country
    may find that a larger programme of carefully chosen emigrants beats a smaller programme of
    whoever applies. Canada's seasonal agricultural programme with Jamaica, studied by
    {cite:t}`brown2009`, works roughly this way, and we return to it at the end of the chapter.

    Two complications will matter. First, the price of the sending country's cooperation depends on
    how much it gains from the emigrants its screening would keep at home: the gladder it is to see
    them go, the more visas it takes to make it screen. Second, once the visas are granted, the
    sending country could stop screening and keep them, at least for a while. A deal must therefore
    pay enough and be watched closely enough to be worth keeping.
    """),
    md(r"""
    ## The model

    The model below is a simple model in the spirit of {cite:t}`fernandezhuertas2008`, not his
    model: it keeps only what is needed to see who should screen and what a deal must pay.

    **Applicants.** A receiving country R runs a temporary work programme for applicants from a
    sending country S. A share $s$ of applicants are *costly types*, who would impose a net cost of
    $h$ on R (in thousand dollars a year: an overstay, a crime, an illness, a worker who cannot do the
    job); the rest are *good types*, each worth $b$ to R. The costs $h$ are of the
    {term}`nonpecuniary externality` kind met in chapter 2: they do not pass through any wage.

    **Screens.** Whoever screens, R or S, lets a good type through with probability $t$, its
    {term}`true-positive rate`, and a costly type with probability $f$, its
    {term}`false-positive rate`, and spends $k$ per applicant examined. A screen that cannot tell the
    types apart at all has $t = f$; no screening at all is the special case $t = f = 1$, $k = 0$. The
    share of applicants a screen admits is

    $$
    a = (1 - s)\,t + s\,f ,
    $$ (eq-03-pass)

    and the share of good types among those it admits is

    $$
    q = \frac{(1 - s)\,t}{(1 - s)\,t + s\,f} .
    $$ (eq-03-mix)

    The mix depends on the screen only through the ratio $t/f$: a screen that passes half of the good
    types and a twentieth of the costly ones admits the same mix as one that passes all of the good
    ones and a tenth of the costly ones. It just needs twice as many applicants to fill each visa.

    **Value of a visa to R.** Filling one visa takes $1/a$ applicants. If R screens and pays for it,
    one more visa is worth

    $$
    v = q\,b - (1 - q)\,h - \frac{k}{a}
    $$ (eq-03-value)

    to R: the expected worth of the person admitted, less the screening cost of finding him or her.
    When S screens and pays, R's value per visa has no cost term.

    **Programme size.** R chooses how many visas to grant, $n$ (thousand a year). Newcomers cost more
    to absorb the more of them there are (housing, schools, integration services), so R's welfare is

    $$
    W_R(n) = v\,n - \frac{\kappa}{2}\,n^2 , \qquad n^{*} = \frac{v}{\kappa}, \qquad
    W_R(n^{*}) = \frac{v^2}{2\kappa} ,
    $$ (eq-03-programme)

    where $\kappa > 0$ measures how fast absorption costs rise. If no arrangement makes $v$ positive,
    R runs no programme at all.

    **The sending country.** S gains $g$ for every emigrant admitted (remittances, jobs freed at home)
    and an extra $c$ for every costly type among them, because it is glad to see them go. If S also
    screens, it pays the screening cost. Its welfare from a programme of $n$ visas is

    $$
    U_S(n) = u\,n, \qquad u = g + c\,(1 - q) - \frac{k_S}{a_S}\ \text{(last term only if S screens)}.
    $$ (eq-03-sender)

    **No cooperation.** R chooses between admitting applicants unscreened and screening them itself,
    whichever gives the higher $v$; call the result $v_N \ge 0$. It grants $n_N = v_N/\kappa$ visas.
    S, asked to screen with nothing in return, refuses: at a given quota, screening costs it $k_S/a_S$
    per visa and removes some of the costly emigrants worth $c$ to it.

    **A deal.** S screens with its better screen $(t_S, f_S)$ and R grants a quota $n$, the status-quo
    quota plus a *visa reward* $n - n_N$. S accepts if it is no worse off than in the status quo,
    $u_S\,n \ge U_S(n_N)$, that is if

    $$
    n \ \ge\ n_{\min} = \frac{U_S(n_N)}{u_S} .
    $$ (eq-03-minquota)

    R accepts if $v_S\,n - \kappa n^2/2 \ge v_N^2/(2\kappa)$, where $v_S$ is R's value per visa with S
    screening, that is for every quota up to

    $$
    n_{\max} = \frac{v_S + \sqrt{v_S^2 - v_N^2}}{\kappa} .
    $$ (eq-03-maxquota)

    A deal exists when $n_{\min} \le n_{\max}$. Among the acceptable quotas, the two governments
    together are best off at the one closest to $(v_S + u_S)/\kappa$, which maximises their joint
    welfare. The *value of cooperation* is how much that best deal adds to the two countries'
    combined welfare over the status quo.
    """),
    check_claim("""
    m = screening.ScreeningModel()
    s, b, h = m.costly_share, m.good_value, m.costly_harm
    # (eq-03-pass), (eq-03-mix), (eq-03-value) for R's own screen, by hand.
    a_r = (1 - s) * m.receiver_tpr + s * m.receiver_fpr
    q_r = (1 - s) * m.receiver_tpr / a_r
    assert abs(m.screen("receiver").pass_rate - a_r) < 1e-12
    assert abs(m.screen("receiver").receiver_value - (q_r * b - (1 - q_r) * h - m.receiver_cost / a_r)) < 1e-12
    # The mix depends only on t / f: half the good types and a twentieth of the costly ones
    # give the same mix as all the good ones and a tenth of the costly ones.
    assert abs(screening.good_share_admitted(s, 0.5, 0.05) - screening.good_share_admitted(s, 1.0, 0.1)) < 1e-12
    assert abs(screening.pass_rate(s, 1.0, 0.1) / screening.pass_rate(s, 0.5, 0.05) - 2) < 1e-12
    # (eq-03-programme): the status quo is R's best quota and welfare.
    base = m.noncooperative()
    v_n = m.noncooperative_value()
    assert abs(base.quota - v_n / m.absorption) < 1e-12
    assert abs(base.receiver_welfare - v_n**2 / (2 * m.absorption)) < 1e-12
    # (eq-03-minquota), (eq-03-maxquota).
    terms = m.deal_terms()
    sc = m.screen("sender")
    assert abs(terms.sender_min_quota - base.sender_welfare / sc.sender_value) < 1e-12
    v_s = sc.receiver_value
    assert abs(terms.max_quota - (v_s + np.sqrt(v_s**2 - v_n**2)) / m.absorption) < 1e-9
    # Asked to screen for nothing, S refuses.
    assert sc.sender_value < m.screen(m.receiver_choice()).sender_value
    assert not m.deal(0.0).acceptable_to_sender
    """),
    md(r"""
    The baseline numbers used throughout are stylised, chosen to resemble a seasonal programme: 30
    per cent of applicants are costly types; a good type is worth $b = 10$ thousand dollars a year to
    R and a costly one costs it $h = 20$; R's consulate passes 90 per cent of good types and 60 per
    cent of costly ones at a cost of 1 thousand dollars per applicant, while S's authorities pass 95
    per cent of good types and only 10 per cent of costly ones at half the cost; S gains $g = 3$ per
    emigrant and $c = 2$ more per costly one; and $\kappa = 0.5$.

    ## Explore: who can screen?

    The first explorer puts each screener in the square of its two rates. The dashed rays from the
    origin are lines of equal mix: any screen on the same ray admits the same share of costly types,
    and steeper rays mean a better mix. The diagonal is a screen no better than a coin toss. On the
    right is R's value of one more visa under each arrangement, as the share of costly applicants
    changes.
    """),
    code("""explore(fig_screening.draw_accuracy)""", tags=["hide-input"]),
    md(r"""
    What to notice. S's operating point sits far up the left edge, on a much steeper ray than R's: the
    same programme filled through S's screen admits about 4 per cent costly types, against 22 per
    cent through R's own screen and 30 per cent with no screen. On the right, S's screen keeps R's
    value per visa high long after the other two arrangements have turned negative. When costly
    types are rare, R does best not screening at all, since its own screen costs more than it
    catches; it starts screening only once they make up about an eighth of the pool. Move S's
    false-positive rate towards R's: the two curves on the right converge, and so does what S's
    information is worth.
    """),
    check_claim("""
    mix = {w: 1 - m.screen(w).good_share for w in screening.SCREENERS}
    assert round(mix["sender"], 2) == 0.04 and round(mix["receiver"], 2) == 0.22 and round(mix["none"], 2) == 0.30
    for w in ("none", "receiver"):
        assert m.screen("sender").receiver_value > m.screen(w).receiver_value
    # Rare costly types: R does best without screening; it screens from about one in eight.
    choice = {x: screening.ScreeningModel(costly_share=x).receiver_choice() for x in (0.05, 0.1, 0.15, 0.3)}
    assert choice == {0.05: "none", 0.1: "none", 0.15: "receiver", 0.3: "receiver"}
    shares = np.linspace(0.01, 0.4, 391)
    first = shares[[screening.ScreeningModel(costly_share=x).receiver_choice() == "receiver" for x in shares]][0]
    assert 0.11 < first < 0.14
    # S's screen keeps a visa valuable after the others turn negative.
    def v(w, x):
        return screening.ScreeningModel(costly_share=x).screen(w).receiver_value
    assert v("none", 0.5) < 0 and v("receiver", 0.5) < 0 and v("sender", 0.5) > 0
    # As S's screen approaches R's, the information is worth less.
    gap = [screening.ScreeningModel(sender_fpr=f).screen("sender").receiver_value - m.screen("receiver").receiver_value
           for f in (0.1, 0.3, 0.6)]
    assert gap[0] > gap[1] > gap[2]
    """),
    md(r"""
    ## Explore: visas for screening

    The second explorer is the chapter's main figure. S screens; R grants the status-quo quota plus a
    visa reward. On the left are both countries' welfare against the number of visas when S screens
    (curves), beside their welfare without a deal (dotted lines). Where both curves lie above their
    dotted lines, the shaded band, both countries prefer the deal. On the right are the migrants
    admitted, good and costly, without a deal and under the deal the reward buys.
    """),
    code("""explore(fig_screening.draw_deal)""", tags=["hide-input"]),
    md(r"""
    What to notice. Without a deal, R grants about 4,200 visas and about 930 of them go to costly
    types. S's line starts below its status quo: at the status-quo quota, screening only costs it.
    It takes a reward of about 1,900 extra visas before S is willing, and R would grant up to about
    30,000 extra before the programme stopped paying for itself. Inside that range the share of
    costly types among those admitted drops from 22 to about 4 per cent, so the programme can grow
    several times over without letting in many more of them. Raise the share of costly
    applicants and the status-quo programme shrinks to nothing while the band remains: a programme
    that only cooperation makes possible. Raise S's screening cost and the left edge of the band
    moves right: screening becomes dearer to buy.
    """),
    check_claim("""
    terms = m.deal_terms()
    assert abs(base.quota - 4.2) < 0.05 and abs(base.admitted_costly - 0.93) < 0.01
    assert base.sender_welfare > m.outcome("sender", base.quota).sender_welfare    # S's line starts below
    assert abs(terms.min_reward - 1.9) < 0.05 and abs(terms.max_reward - 30.1) < 0.1
    rewards = np.linspace(terms.min_reward, terms.max_reward, 50)
    d = m.deal(rewards)
    assert np.all(d.acceptable)
    assert round(1 - m.screen("receiver").good_share, 2) == 0.22 and round(1 - m.screen("sender").good_share, 2) == 0.04
    assert np.all(d.admitted_costly / d.quota < 0.05)
    assert terms.max_quota / base.quota > 8
    # More costly applicants: the status quo vanishes, the band remains.
    hi = screening.ScreeningModel(costly_share=0.45)
    assert hi.noncooperative().quota == 0 and hi.deal_terms().exists
    # A dearer screen at S moves the band's left edge to the right.
    edges = [screening.ScreeningModel(sender_cost=k).deal_terms().min_quota for k in (0.0, 0.5, 1.5, 3.0)]
    assert all(x < y for x, y in zip(edges, edges[1:]))
    """),
    md(r"""
    ## What the model teaches

    ### The price of cooperation

    The table collects the baseline deal. The status quo is R screening on its own. The smallest
    reward is what it takes to make S no worse off; the largest is where R would rather go back to the
    status quo; in between, the best deal for the pair maximises their combined welfare.
    """),
    code(r"""
    terms = m.deal_terms()
    best = m.deal(terms.best_quota - base.quota)
    rows = [
        ("Quota without a deal", base.quota, "thousand visas"),
        ("Smallest quota S accepts", terms.min_quota, "thousand visas"),
        ("Largest quota R accepts", terms.max_quota, "thousand visas"),
        ("Best quota for the pair", terms.best_quota, "thousand visas"),
        ("Smallest visa reward", terms.min_reward, "thousand visas"),
        ("Costly types admitted, no deal", base.admitted_costly, "thousand"),
        ("Costly types admitted, best deal", best.admitted_costly, "thousand"),
        ("R's gain in the best deal", best.receiver_gain, "$ million a year"),
        ("S's gain in the best deal", best.sender_gain, "$ million a year"),
        ("Value of cooperation", terms.value_of_cooperation, "$ million a year"),
    ]
    for label, value, unit in rows:
        print(f"{label:34s} {value:8.1f}  {unit}")
    """, tags=["hide-input"]),
    check_claim("""
    assert abs(terms.best_quota - 22.1) < 0.05 and abs(terms.value_of_cooperation - 103.7) < 0.05
    assert abs(best.receiver_gain - 66) < 0.5 and abs(best.sender_gain - 38) < 0.5
    assert abs(best.joint_gain - terms.value_of_cooperation) < 1e-9
    assert 4.5 < terms.best_quota / base.quota < 5.5
    assert 3.9 < m.screen("sender").receiver_value / m.screen("receiver").receiver_value < 4.3
    assert abs(best.admitted_costly - 0.95) < 0.01 and abs(base.admitted_costly - 0.93) < 0.01
    assert abs(terms.best_quota - m.screen("sender").joint_value / m.absorption) < 1e-9   # interior
    assert terms.value_of_cooperation > 5 * base.joint_welfare
    """),
    md(r"""
    Three things stand out. The deal is large: the best quota is about five times the status quo,
    because a visa filled through S's screen is worth four times as much to R as one filled through
    its own. Both countries gain, R by about 66 and S by about 38 million dollars a year. And the
    programme grows fivefold while admitting about as many costly types as before, roughly 950 a
    year, because their share among the migrants falls from 22 to 4 per cent. The joint gain of about
    100 million dollars a year is what noncooperative enforcement wastes: more than five times the
    two countries' combined welfare from the status-quo programme.

    ### Better information: more to gain, but dearer to buy

    Does better information at the sender make cooperation more valuable? The left panel of the
    next figure says yes for the baseline sender: as S's false-positive rate falls, the joint gain
    from a deal rises steadily, and the best deal paid in visas captures all of it. The right panel
    changes one thing: S is much gladder to see costly types go ($c = 8$) and screening costs it more
    ($k_S = 2$). Now what cooperation *could* add still rises as S's screen improves, but what a deal
    paid in visas *does* add collapses when the screen is very good.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        info = fig_screening.draw_information_value(fig)
    fig
    """, name="fig-03-information", caption=(
        "What cooperation is worth against the sender's false-positive rate (lower is better "
        "information), in million dollars a year. Dash-dotted: the most a deal could add if the "
        "two governments set the quota together; solid: what the best deal paid in visas alone adds. "
        "Left: the baseline sender. Right: a sender much gladder to see costly types go (c = 8) "
        "whose screening costs more (k_S = 2)."),
        alt=("Two line charts against the sender's false-positive rate from 0 to 0.6. Left, the "
             "baseline: both lines coincide and fall from about 131 to 23 million dollars a year as "
             "the false-positive rate rises. Right, the reluctant sender: the dash-dotted line falls "
             "from about 75 to 11, but the solid line is zero up to a rate of about 0.13, peaks near "
             "40 at about 0.23 and then follows the dash-dotted line down.")),
    check_claim("""
    fprs = np.linspace(0.0, 0.6, 61)
    base_terms, reluctant_terms = info.values()
    pot = [screening.ScreeningModel(sender_fpr=f).cooperation_potential() for f in fprs]
    val = [t.value_of_cooperation for t in base_terms]
    assert all(x > y for x, y in zip(val, val[1:]))                  # better information, more value
    assert np.allclose(val, pot)                                      # visas capture all of it
    assert abs(val[0] - 131.2) < 0.1 and abs(val[-1] - 22.7) < 0.1
    rel = [screening.ScreeningModel(sender_fpr=f, **fig_screening.RELUCTANT_SENDER) for f in fprs]
    rpot = [r.cooperation_potential() for r in rel]
    rval = [t.value_of_cooperation for t in reluctant_terms]
    assert all(x > y for x, y in zip(rpot, rpot[1:]))                 # potential still rises with information
    assert rval[0] == 0 and not rel[0].deal_terms().exists            # ... but no deal at f_S = 0
    assert rel[0].screen("sender").sender_value < 0                  # no quota is enough
    assert np.isinf(rel[0].deal_terms().min_reward)
    k_peak = int(np.argmax(rval))
    assert 0.2 <= fprs[k_peak] <= 0.25 and 38 < rval[k_peak] < 42
    zero = [f for f, v in zip(fprs, rval) if v == 0]
    assert 0.12 <= max(zero) <= 0.14
    """),
    md(r"""
    Why? A sharper screen keeps out more of the costly emigrants S is glad to be rid of, and it must
    examine more applicants to fill each visa. Both lower S's gain per visa, $u_S$ in
    {eq}`eq-03-sender`, so the smallest quota it accepts, {eq}`eq-03-minquota`, rises. For the
    reluctant sender, at a false-positive rate of zero its gain per visa is negative: no number of
    visas makes screening worth its while. Below a rate of about 0.13, the quota S demands exceeds
    anything R would grant. The information is most valuable exactly where it is hardest to buy. A
    sending country's reluctance is not a fixed fact; it depends on how much it gains from the
    emigrants a good screen would stop, which is why Sykes stresses arrangements that let those
    left behind share in the gains from migration.

    ### When does a programme exist only with cooperation?

    The map below classifies every combination of the share of costly applicants and S's
    false-positive rate, holding the rest of the baseline fixed.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        shares = np.linspace(0.01, 0.8, 40)
        fprs = np.linspace(0.0, 0.6, 31)
        regimes = fig_screening.draw_regime_map(fig, shares, fprs)
    fig
    """, name="fig-03-regimes", caption=(
        "What the two countries can achieve, by share of costly applicants (horizontal) and the "
        "sender's false-positive rate (vertical), other parameters at the baseline. Grey: no "
        "programme is worth running; dotted blue: a programme exists only under a deal; green: "
        "a deal enlarges an existing programme; crossed orange: a programme exists but no deal is "
        "acceptable to both."),
        alt=("A map with the share of costly applicants from 0 to 0.8 across and the sender's "
             "false-positive rate from 0 to 0.6 up. A green region, where a deal enlarges an "
             "existing programme, covers shares up to about 0.38. To its right a dotted blue region, "
             "where a programme exists only with a deal, fills a wedge that narrows as the "
             "false-positive rate rises; above and to the right of it the map is grey, with no "
             "programme. A thin orange strip at the far left, for very few costly applicants and a "
             "poor sender screen, has a programme but no acceptable deal.")),
    check_claim("""
    R = screening.REGIMES
    def at(x, f):
        return regimes[int(np.argmin(abs(fprs - f))), int(np.argmin(abs(shares - x)))]
    assert R[at(0.2, 0.1)] == "cooperation enlarges the programme"
    assert R[at(0.5, 0.1)] == "programme only with cooperation"
    assert R[at(0.7, 0.5)] == "no programme"
    assert R[at(0.01, 0.5)] == "no acceptable deal"
    # R alone stops running a programme once about 38 per cent of applicants are costly.
    xs = np.linspace(0.3, 0.5, 2001)
    stop = xs[[screening.ScreeningModel(costly_share=x).noncooperative().quota == 0 for x in xs]][0]
    assert 0.375 < stop < 0.39
    # The cooperation-only region narrows as the sender's screen gets worse.
    width = [(regimes[i] == 1).sum() for i in range(len(fprs))]
    assert width[0] > width[len(fprs) // 2] > width[-1]
    """),
    md(r"""
    Read the map from left to right. With few costly applicants (the green region), R runs a
    programme on its own, and a deal enlarges it. Once costly types are more than about 38 per cent of
    applicants, nothing R can do alone makes a visa worth granting, and the status quo is no
    programme at all; but with S screening, a programme is still worth running (the dotted region).
    Here migration happens only if the two countries cooperate, and S's reward is the whole
    programme. Further right, or with a poorer screen at S, not even S's information rescues the
    programme. Finally, the thin strip on the far left is a reminder that screening is worth nothing
    when there is nothing to screen out: with almost no costly types, S's screen adds nothing for R,
    and S will not pay its cost for free.

    ### Keeping the deal

    A visa reward is paid up front; screening is done quietly by S afterwards. What stops S from
    taking the larger quota and then waving applicants through? In a repeated relationship, the
    threat that R notices (overstay rates are easy to count) and returns to the status quo. As in
    chapter 2, under a {term}`grim trigger` S keeps screening if its {term}`discount factor` is at
    least $\delta^* = (D - C)/(D - P)$, where $C = u_S\,n$ is its yearly welfare from screening,
    $D = (g + c\,s)\,n$ its welfare in a year of shirking (no screening cost, and costly types at their
    share of the pool) and $P = U_S(n_N)$ its status-quo welfare.
    """),
    code(r"""
    for reward in (2.5, 5.0, 10.0, 20.0, 30.0):
        print(f"visa reward {reward:5.1f} thousand: S keeps screening if δ ≥ {m.shirking_threshold(reward):.2f}")
    """, tags=["hide-input"]),
    check_claim("""
    need = [m.shirking_threshold(r) for r in (2.5, 5.0, 10.0, 20.0, 30.0)]
    assert all(x > y for x, y in zip(need, need[1:]))     # a bigger reward is easier to keep
    assert need[0] > 0.6 and need[-1] < 0.4
    assert m.shirking_threshold(0.0) > 1                   # with no reward, nothing sustains it
    """),
    md(r"""
    The larger the reward, the less patience S needs, because it has more to lose by being caught. A
    deal barely above the smallest reward needs a very patient partner; a generous one needs far
    less patience. A deal that pays the minimum in theory may fail in practice: the reward must cover
    not only S's costs but also the temptation to cut corners. This is the logic of a
    {term}`self-enforcing agreement` once more.
    """),
    md(r"""
    ## In practice

    **Canada and Jamaica.** The clearest case in the article is Canada's Seasonal Agricultural
    Workers Program with Jamaica, studied by {cite:t}`brown2009` and discussed in part II.C of
    {cite:t}`sykes2013`. Jamaica's government recruits and screens the workers, and it uses its
    leverage over workers and their home communities to get them to return when their visas expire.
    Brown finds that screening is precise and compliance high; in the model's language, Jamaica's
    operating point sits high on the left edge of the square. Jamaica is paid as the model predicts:
    not in cash but in access, through a larger allocation of Canadian visas, or at least through not
    having it cut. The model also says why the arrangement can last: overstays are observed, the
    relationship is repeated every season, and the visa reward is large relative to what Jamaica would
    save by screening less.

    **Temporary programmes lower the price.** Sykes notes that temporary migration helps with the
    {term}`one-way problem` of chapter 5: seasonal workers come home with savings and send
    {term}`remittances` while away, so {term}`those left behind` share in the gains. In the model this
    raises $g$, S's gain per emigrant, and a higher $g$ makes S's own screening cost a smaller share of
    what each visa brings it. In the baseline, raising $g$ from 3 to 8 thousand dollars cuts the
    smallest reward from about 1,900 to about 600 visas.

    **Where no deal exists.** Consider a large programme for which the receiving country relies on its
    own consulates and border officials, such as temporary work visas for Mexican workers in the
    United States. The model predicts the pattern of the status quo: expensive screening at the
    receiving end, more costly types admitted than either country would choose together, and smaller
    programmes than a cooperative arrangement could support. Whether a Canada--Jamaica style bargain
    could work there depends, in the model, on how much the sending country gains from the emigrants
    a strict screen would exclude ($c$), and on whether the receiving country can observe shirking
    quickly enough to make the threat of cutting visas credible.

    **A caveat: diversion.** Sykes adds a warning that chapter 6 develops. Canada could have struck
    the same bargain with other Caribbean or Latin American countries, some of which may supply farm
    workers more cheaply. A visa reward that goes to one partner only can divert migration from more
    efficient sources, a case of {term}`migration diversion`. Enforcement cooperation is best offered
    to every source country willing to screen, on the same terms.
    """),
    check_claim("""
    low_g, high_g = (screening.ScreeningModel(sender_gain=g).deal_terms().min_reward for g in (3.0, 8.0))
    assert abs(low_g - 1.9) < 0.05 and abs(high_g - 0.6) < 0.05
    gs = np.linspace(1.0, 10.0, 19)
    mins = [screening.ScreeningModel(sender_gain=g).deal_terms().min_reward for g in gs]
    assert all(x > y for x, y in zip(mins, mins[1:]))      # a higher g always lowers the price
    """),
    md(r"""
    ## Exercises

    ```{exercise} Why won't the sender screen?
    :label: ex-03-1

    *Conceptual · about 10 minutes.*

    A sending country's officials already hold criminal and medical records on most applicants.
    Passing them on would cost almost nothing. Using the model's terms, give two reasons why the
    sending country may still refuse to screen for the receiving country, and say what, besides
    extra visas, could change its mind.
    ```

    ```{solution} ex-03-1
    :class: dropdown

    Even with a negligible screening cost $k_S$, screening changes *who* leaves. The sending
    country gains $g$ from every emigrant whatever the type and an extra $c$ from every costly one, so
    a sharper screen lowers its gain per visa from $g + c(1 - q_N)$ to $g + c(1 - q_S)$ with
    $q_S > q_N$: it keeps at home exactly the people it is happiest to see go. Second, the
    screening cost, however small, is S's, while the benefit (a better mix of migrants) is R's. At a
    fixed quota S therefore always loses by screening; only a larger quota, {eq}`eq-03-minquota`, can
    compensate it. Other things could change its mind: a higher $g$ (temporary programmes whose
    workers return with savings, larger remittances), a smaller $c$ (better prospects at home for the
    people who would be screened out, so exporting them is worth less), or the threat of losing the
    programme altogether, which makes its status-quo welfare lower.
    ```

    ```{exercise} The smallest visa reward
    :label: ex-03-2

    *Computational · about 20 minutes.*

    Use the baseline model, `screening.ScreeningModel()`. (a) Compute R's value per visa with its own
    screen and the status-quo quota $n_N$. (b) Compute S's welfare in the status quo and its gain per
    visa $u_S$ if it screens. (c) Find the smallest visa reward, in thousand visas, that makes S
    willing to screen. Check your reward with `check("ex-03-2", reward)`.
    ```

    ```{solution} ex-03-2
    :class: dropdown

    (a) R's screen passes $a_R = 0.7 \times 0.9 + 0.3 \times 0.6 = 0.81$ of applicants, of whom
    $q_R = 0.63/0.81 = 7/9$ are good. So $v_R = \tfrac{7}{9} \times 10 - \tfrac{2}{9} \times 20 -
    1/0.81 \approx 2.099$, better than the $0.7 \times 10 - 0.3 \times 20 = 1$ of no screening, and
    $n_N = v_R/\kappa \approx 4.198$ thousand visas. (b) In the status quo S gets
    $g + c(1 - q_R) = 3 + 2 \times \tfrac{2}{9} \approx 3.444$ per visa, so $U_S(n_N) \approx 14.46$
    million dollars. S's screen passes $a_S = 0.665 + 0.03 = 0.695$ of applicants with
    $q_S = 0.665/0.695 \approx 0.957$, so $u_S = 3 + 2 \times 0.043 - 0.5/0.695 \approx 2.367$.
    (c) $n_{\min} = 14.46/2.367 \approx 6.11$ thousand visas, a reward of about $6.11 - 4.20 = 1.91$
    thousand visas.
    ```
    """),
    solution("""
    m = screening.ScreeningModel()
    v_R = m.screen("receiver").receiver_value
    n_N = m.noncooperative().quota
    U_N = m.noncooperative().sender_welfare
    u_S = m.screen("sender").sender_value
    reward = U_N / u_S - n_N
    print(f"v_R = {v_R:.3f}, n_N = {n_N:.3f}, U_S(n_N) = {U_N:.2f}, u_S = {u_S:.3f}, reward = {reward:.3f}")
    check("ex-03-2", reward)
    """),
    check_solution("""
    assert abs(v_R - 2.099) < 1e-3 and abs(n_N - 4.198) < 1e-3 and abs(U_N - 14.46) < 0.01
    assert abs(u_S - 2.367) < 1e-3 and abs(reward - 1.91) < 0.005
    assert abs(reward - m.deal_terms().min_reward) < 1e-9
    """),
    md(r"""
    ```{exercise} A programme only cooperation can create
    :label: ex-03-3

    *Computational · about 20 minutes.*

    Raise the share of costly applicants to $s = 0.45$, other parameters at the baseline. (a) Show
    that R, alone, runs no programme. (b) With S screening, what is the largest quota R would accept,
    in thousand visas? Check both numbers with `check("ex-03-3", (n_N, n_max))`.
    ```

    ```{solution} ex-03-3
    :class: dropdown

    (a) Without screening a visa is worth $0.55 \times 10 - 0.45 \times 20 = -3.5$ thousand dollars to
    R. R's own screen passes $0.495 + 0.27 = 0.765$ of applicants, $q_R \approx 0.647$ of them good, so
    $v_R \approx 6.47 - 7.06 - 1.31 \approx -1.90$. Both are negative: $v_N = 0$ and $n_N = 0$. (b) S's
    screen passes $0.5225 + 0.045 = 0.5675$ of applicants with $q_S \approx 0.921$, so
    $v_S \approx 9.21 - 1.59 \approx 7.62$. With $v_N = 0$, {eq}`eq-03-maxquota` gives
    $n_{\max} = 2 v_S/\kappa \approx 30.5$ thousand visas. S's status-quo welfare is zero, so any
    positive quota pays it: the whole programme is its reward.
    ```
    """),
    solution("""
    hi = screening.ScreeningModel(costly_share=0.45)
    for w in screening.SCREENERS:
        print(f"{w:9s}: R's value per visa {hi.screen(w).receiver_value:6.2f} thousand dollars")
    n_N = hi.noncooperative().quota
    n_max = 2 * hi.screen("sender").receiver_value / hi.absorption
    print(f"n_N = {n_N}, n_max = {n_max:.2f} thousand visas")
    check("ex-03-3", (n_N, n_max))
    """),
    check_solution("""
    assert n_N == 0 and abs(n_max - 30.48) < 0.01
    assert abs(hi.screen("none").receiver_value + 3.5) < 1e-9 and abs(hi.screen("receiver").receiver_value + 1.895) < 1e-3
    assert hi.regime == "programme only with cooperation"
    """),
    md(r"""
    ```{exercise} Will the sender keep screening?
    :label: ex-03-4

    *Computational · about 15 minutes.*

    In the baseline, R offers a reward of 10 thousand visas. If S stops screening for one year it
    saves its screening costs and sends applicants as they come, until R notices and returns to the
    status quo for ever. What is the smallest discount factor at which S keeps screening? Check it
    with `check("ex-03-4", delta_star)`.
    ```

    ```{solution} ex-03-4
    :class: dropdown

    With the reward the quota is $n = 4.198 + 10 = 14.198$ thousand. Screening pays
    $C = u_S n \approx 2.367 \times 14.198 \approx 33.6$ million dollars a year. Shirking pays
    $D = (g + c\,s)\,n = (3 + 0.6) \times 14.198 \approx 51.1$ for one year, and then the status quo,
    $P \approx 14.46$, for ever. So $\delta^* = (D - C)/(D - P) \approx 17.5/36.7 \approx 0.478$.
    A government that values next year's payoff at less than about half of this year's would cheat.
    ```
    """),
    solution("""
    m = screening.ScreeningModel()
    n = m.noncooperative().quota + 10.0
    C = m.screen("sender").sender_value * n
    D = (m.sender_gain + m.riddance_gain * m.costly_share) * n
    P = m.noncooperative().sender_welfare
    delta_star = repeated.min_discount_factor(C, D, P)
    print(f"C = {C:.1f}, D = {D:.1f}, P = {P:.1f}, delta* = {delta_star:.3f}")
    check("ex-03-4", delta_star)
    """),
    check_solution("""
    assert abs(C - 33.6) < 0.05 and abs(D - 51.1) < 0.05 and abs(delta_star - 0.478) < 1e-3
    assert abs(delta_star - m.shirking_threshold(10.0)) < 1e-12
    """),
    md(r"""
    ```{exercise} Mapping the bargain
    :label: ex-03-5

    *Exploration · about 20 minutes.*

    Open the chapter in Jupyter (or on Binder) and use the visas-for-screening explorer. (a) Starting
    from the baseline, raise the share of costly applicants step by step. At what share does the
    status-quo programme disappear, and what happens to the band of acceptable quotas? (b) At a share
    of 0.3, raise S's screening cost to 3. How do the smallest and the largest acceptable rewards
    move, and why does only one of them move? (c) Set S's false-positive rate to 0.5. What is left of
    the gains from cooperation, and why?
    ```

    ```{solution} ex-03-5
    :class: dropdown

    (a) The status-quo programme shrinks as costly types become more common and disappears at a share
    of about 0.38, where R's value per visa with its own screen reaches zero. The band survives: with
    S screening, a visa is still worth several thousand dollars to R, so the band now starts at zero
    (any positive quota pays S, whose status quo is nothing) and ends where R's welfare returns to
    zero. (b) A dearer screen lowers S's gain per visa, $u_S$, and so raises the smallest quota it
    accepts, {eq}`eq-03-minquota`; R's side of the band, {eq}`eq-03-maxquota`, does not involve S's
    costs, so the largest acceptable reward does not move. (c) With $f_S = 0.5$, S's screen is barely
    better than R's ($f_R = 0.6$), so R's value per visa under the deal is only slightly higher than
    in the status quo; the band is narrow and the gain from cooperation small. Information, not the
    identity of the screener, is what a deal buys.
    ```
    """),
    solution("""
    for s in (0.3, 0.35, 0.38, 0.39, 0.45):
        mm = screening.ScreeningModel(costly_share=s)
        t = mm.deal_terms()
        print(f"s = {s:.2f}: status quo {mm.noncooperative().quota:5.2f}, acceptable rewards "
              f"{t.min_reward:5.2f} to {t.max_reward:5.2f} thousand visas")
    for k in (0.5, 3.0):
        t = screening.ScreeningModel(sender_cost=k).deal_terms()
        print(f"k_S = {k}: rewards {t.min_reward:.2f} to {t.max_reward:.2f}")
    t = screening.ScreeningModel(sender_fpr=0.5).deal_terms()
    print(f"f_S = 0.5: value of cooperation {t.value_of_cooperation:.1f} million dollars a year")
    """),
    check_solution("""
    t_lo, t_hi = (screening.ScreeningModel(sender_cost=k).deal_terms() for k in (0.5, 3.0))
    assert t_hi.min_reward > t_lo.min_reward and abs(t_hi.max_reward - t_lo.max_reward) < 1e-9
    assert screening.ScreeningModel(costly_share=0.39).noncooperative().quota == 0
    assert screening.ScreeningModel(costly_share=0.38).noncooperative().quota > 0
    gain_05 = screening.ScreeningModel(sender_fpr=0.5).deal_terms().value_of_cooperation
    assert gain_05 < 0.4 * m.deal_terms().value_of_cooperation
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part I.A.2 of {cite:t}`sykes2013`, with the Canada--Jamaica programme of
    part II.C. {cite:t}`fernandezhuertas2008` models bilateral migration agreements whose gains come
    from joint enforcement; {cite:t}`brown2009` documents the Canadian--Jamaican programme and argues
    for outsourcing screening to source countries. The language of true- and false-positive rates and
    operating points comes from signal detection and ROC analysis; {cite:t}`fawcett2006` is a clear
    introduction. Self-enforcement under grim-trigger strategies is from {cite:t}`friedman1971`.
    {cite:t}`hanson2009`, on whom Sykes draws, discusses why sending countries know more about their
    emigrants than receiving countries do and why they may not share it.
    """),
]

if __name__ == "__main__":
    print(write("chapters/03_enforcement.ipynb", cells))
