"""Write chapters/09_refugees.ipynb (run: .venv/bin/python tools/make_ch09.py)."""

from nbtools import check_claim, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Refugees

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part II.D of {cite:t}`sykes2013`. After it you should be able to:
    - explain why protecting refugees is a {term}`public good` among host countries that care about
      refugees' safety, and why hosts acting alone protect too few;
    - read the 1951 Refugee Convention and its 1967 Protocol as a mutual commitment to
      {term}`non-refoulement`, and compute the Nash and efficient levels of protection;
    - find the surge in arrivals that makes a host break a self-enforcing Convention, and simulate
      how long the Convention lasts, open-ended, with {term}`burden sharing` or with a cap;
    - explain why hidden shading on the {term}`standard of proof`, and economic migrants claiming
      refugee status, push standards up, and why deeper cooperation on standards is hard to enforce.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import refugees, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import refugees as rfig
    """),
    md(r"""
    ## The argument

    Refugees are the one group of migrants whom nearly every country has promised to admit. The
    Refugee Convention of 1951 {cite:p}`un1951`, extended beyond its original European and
    post-war scope by the 1967 Protocol {cite:p}`un1967`, binds its parties
    not to send a refugee back to a country where she faces persecution. This duty of
    {term}`non-refoulement` is, in practice, a promise to host the refugees who reach a party's
    territory.

    Why would countries make such a promise? {cite:t}`bubb2011` offer an economic reading that
    {cite:t}`sykes2013` endorses: the Convention is an agreement among altruistic countries to
    supply a {term}`public good`. Hosting refugees is costly: housing, schooling, health care and
    the strain on public services fall on the host. But people in many countries also care that
    refugees are safe, wherever they are safe. A refugee protected in Germany is a benefit to
    voters in Sweden too. That makes protection a public good among hosts, and public goods are
    underprovided when each provider weighs only its own benefit. Each host would like the others
    to take refugees in and to pay the cost itself only for the few refugees whose safety it values
    above its own cost of hosting them. Every host reasons the same way, so refugees are turned away
    whom every host, counting the benefit to all, would rather have protected. The Convention
    overcomes this {term}`free rider` problem by a simple rule: each party admits the refugees who
    arrive at its border.

    The chapter's argument is that this arrangement is fragile, for reasons the article lists.
    Cooperation is only partial. Refugees choose where to seek protection, so the burden falls on
    the countries they happen to reach, not in proportion to anyone's capacity or willingness.
    And the Convention leaves each party to decide by its own procedures who counts as a refugee.

    Three things can then go wrong. First, flows of refugees are lumpy. A war or a collapse next
    door can send a flood of people to one or two hosts in a single year. When the cost of hosting
    all of them exceeds what the host expects to gain from keeping the Convention alive, it turns
    people away, and once one host does, others may follow. Second, since each party sets its own
    test for refugee status, a host can quietly raise the bar, rejecting more claims than the
    Convention intends. If other parties cannot easily see such shading, it can spread until the
    promise means little. Third, and making the second worse, many people who are not refugees, but
    economic migrants, also apply for refugee status. Hosts care less about economic migrants than
    about people fleeing persecution. Tightening the test then has a private payoff: it sends
    economic migrants (and, unavoidably, some genuine refugees) to other hosts. Each host's
    tightening makes tightening more attractive to the rest. The standards ratchet up, and either
    cooperation unravels or the rules for recognising refugees become stricter than anyone would
    choose together.

    A deeper agreement could constrain how parties decide claims, with common standards of proof
    and common procedures. The difficulty is enforcement: whether a particular claim was rejected
    fairly is hard for outsiders to judge, so shading in individual cases is hard to detect and
    therefore hard to punish.

    The model below is a simple model in the spirit of {cite:t}`bubb2011`, not their model. It has
    one piece for each of these problems: a public good, a trigger strategy under random surges,
    and a game in which hosts choose standards of proof.
    """),
    md(r"""
    ## The model

    ### Protection as a public good

    There are $N$ host countries. Host $i$ protects $q_i$ thousand refugees a year. Every host values
    each refugee protected anywhere at $\alpha$ (million dollars per thousand refugees), and hosting
    costs host $i$ an amount rising with the square of its own number, so its yearly welfare is

    $$
    W_i = \alpha \sum_{j=1}^{N} q_j - \frac{k}{2}\, q_i^2 ,
    $$ (eq-09-payoff)

    where $k > 0$ measures how fast the marginal cost of hosting rises. Acting alone, host $i$
    protects refugees until its own marginal benefit $\alpha$ equals its marginal cost $k q_i$:

    $$
    q^{N} = \frac{\alpha}{k} .
    $$ (eq-09-nash)

    A planner who counts the benefit to every host, $N\alpha$ for each refugee protected, sets
    $N\alpha = k q_i$:

    $$
    q^{E} = \frac{N \alpha}{k} = N\, q^{N} .
    $$ (eq-09-efficient)

    With ten hosts, the efficient level is ten times what each host would do alone. The gap is the
    free-rider problem in one line: each host counts only a tenth of the value it creates.

    ### Surges, and the trigger strategy that holds the Convention together

    The Convention sets protection not by a number but by arrivals. Let host $i$'s arrivals in year
    $t$ be

    $$
    a_{it} = b + B_{it}\, X_{it} ,
    $$ (eq-09-arrivals)

    a normal inflow $b$ plus, with probability $p$ ($B_{it} = 1$), a surge $X_{it}$ drawn from an
    exponential distribution with mean $s$, independently across hosts and years. A surge twice the
    mean is uncommon but far from impossible, which is what makes refugee flows lumpy. Under
    {term}`burden sharing`, a share $\beta$ of each host's arrivals is pooled and resettled equally,
    so host $i$'s load is

    $$
    L_{it} = (1 - \beta)\, a_{it} + \beta\, \bar a_t , \qquad \bar a_t = \frac1N \sum_j a_{jt} ,
    $$ (eq-09-pooling)

    and a capped Convention obliges host $i$ to protect at most $c$ of its load.

    Nothing outside the parties enforces the Convention, so it must be a
    {term}`self-enforcing agreement`. Suppose every host plays a {term}`grim trigger`: protect the
    whole load as long as every host has done so, and revert for ever to protecting only the Nash
    level $\alpha/k$ of one's own arrivals once any host has turned refugees away. In a year when
    its load is $L$, a host that turns away everyone beyond $\alpha/k$ saves

    $$
    T(L) = \frac{k}{2}\,\Big(L - \frac{\alpha}{k}\Big)^2 \quad \text{for } L > \frac{\alpha}{k} ,
    $$ (eq-09-temptation)

    the hosting cost of those refugees less the value it places on their safety. The price of that
    saving is the end of the Convention. Let $V$ be the yearly *stake*, a host's expected welfare
    under the Convention less its expected welfare after it has collapsed,

    $$
    V = \Big(\alpha N\, \mathbb{E}[L] - \tfrac{k}{2}\, \mathbb{E}[L^2]\Big)
      - \Big(\alpha N\, \mathbb{E}[\min(a, \alpha/k)] - \tfrac{k}{2}\, \mathbb{E}[\min(a, \alpha/k)^2]\Big) .
    $$ (eq-09-stake)

    A host keeps the Convention in a year when $T(L) \le \frac{\delta}{1-\delta} V$, where $\delta$
    is the {term}`discount factor`. The Convention therefore survives a year unless some host's load
    exceeds the *breakdown load*

    $$
    L^{*} = \frac{\alpha}{k} + \sqrt{\frac{2\,\delta\, V}{(1-\delta)\, k}} .
    $$ (eq-09-threshold)

    Without pooling, a host's load exceeds $L^*$ only in a surge larger than $L^* - b$, so the
    chance that the Convention breaks in a given year is

    $$
    h = 1 - \Big(1 - p\, e^{-(L^{*} - b)/s}\Big)^{N} ,
    $$ (eq-09-hazard)

    and since years are independent, the probability that it is still alive after $t$ years is
    $(1-h)^t$. With pooling, the same holds with $h$ computed from the distribution of the largest
    load among the $N$ hosts, which `refugees.RefugeeRegime` estimates by simulation.

    ### Standards of proof when some claimants are economic migrants

    Now turn to the third problem. Each claimant presents evidence, summarised in a score: genuine
    refugees' scores are drawn from a normal distribution with mean $d > 0$ and economic migrants'
    from one with mean 0, both with variance 1. A host's {term}`standard of proof` is a threshold
    $z$: it grants status to claimants who score above it. A stricter standard protects fewer
    refugees, a share $1 - \Phi(z - d)$, but also admits fewer economic migrants, a share
    $F(z) = 1 - \Phi(z)$, where $\Phi$ is the standard normal distribution function. The pairs it
    can reach trace out the host's receiver operating characteristic, the trade-off of any test
    between true and false positives.

    Refugees arrive evenly, one (thousand) per host. Economic migrants make up a share $\omega$ of
    all claimants and choose where to apply: host $i$ draws the share

    $$
    \sigma_i = \frac{e^{\lambda F(z_i)}}{\sum_j e^{\lambda F(z_j)}}
    $$ (eq-09-diversion)

    of them, so they crowd towards lax hosts, the more so the larger $\lambda$. A host values a
    protected refugee at $V_R > 0$ (its altruism towards refugees net of the hosting cost) and
    counts an admitted economic migrant as a net cost $C_M > 0$, since its altruism towards economic
    migrants is smaller. Its payoff is
    $V_R\,[1 - \Phi(z_i - d)] - C_M\, E\,\sigma_i\, F(z_i)$, with $E = N\omega/(1-\omega)$ economic
    migrants in all.

    Choosing a common standard to maximise the hosts' joint payoff, the diversion term cancels,
    since economic migrants sent away by one host land at another, and the cooperative standard is
    the classic likelihood-ratio threshold

    $$
    z^{C} = \frac{d}{2} + \frac{1}{d}\,\ln\!\Big(\frac{\omega}{1-\omega}\,\frac{C_M}{V_R}\Big) .
    $$ (eq-09-coop)

    Acting alone, each host also counts the economic migrants its strictness pushes onto others as
    a gain. In a symmetric equilibrium the first-order condition becomes

    $$
    e^{\,d z^{N} - d^2/2} = \frac{\omega}{1-\omega}\,\frac{C_M}{V_R}\,
    \Big[1 + \lambda\Big(1 - \frac1N\Big) F(z^{N})\Big] ,
    $$ (eq-09-nash-standard)

    whose right-hand side exceeds that of the cooperative condition by the bracket. So the
    equilibrium standard is stricter than the cooperative one whenever economic migrants respond to
    standards ($\lambda > 0$) and there is more than one host.
    """),
    check_claim("""
    # Closed forms of the model section.
    for n, a, k in [(10, 10.0, 1.0), (3, 2.0, 0.5), (25, 7.0, 3.0)]:
        lv = refugees.protection_levels(n, a, k)
        assert abs(lv.nash - a / k) < 1e-12 and abs(lv.efficient - n * a / k) < 1e-12   # (eq-09-nash/efficient)
        assert lv.nash < lv.efficient
    r = refugees.RefugeeRegime()
    v = r.cooperation_value()
    d = r.discount
    assert abs(v.breakdown_load - (r.altruism / r.cost + np.sqrt(2 * d * v.stake / ((1 - d) * r.cost)))) < 1e-9
    assert abs(r.temptation(v.breakdown_load) - d / (1 - d) * v.stake) < 1e-6               # (eq-09-threshold)
    one = r.shock_prob * np.exp(-(v.breakdown_load - r.base_arrivals) / r.shock_size)
    assert abs(r.breach_probability() - (1 - (1 - one) ** r.hosts)) < 1e-12                 # (eq-09-hazard)
    g = refugees.StandardsGame()
    ratio = g.economic_share / (1 - g.economic_share) * g.migrant_cost / g.refugee_value
    zc = g.discriminability / 2 + np.log(ratio) / g.discriminability
    assert abs(g.cooperative_standard() - zc) < 1e-12                                      # (eq-09-coop)
    zn = g.nash_standard()
    lhs = np.exp(g.discriminability * zn - g.discriminability**2 / 2)
    rhs = ratio * (1 + g.sensitivity * (1 - 1 / g.hosts) * refugees.upper_tail(zn))
    assert abs(lhs - rhs) < 1e-9 and zn > zc                                                # (eq-09-nash-standard)
    """),
    md(r"""
    ## Explore: the public good

    In the first explorer, move the hosts' altruism, the cost of hosting and the number of hosts.
    On the left, the dashed line is what each host protects on its own, the solid line the efficient
    level, and the dash-dotted line what the Convention asks of each host: the 34 thousand who arrive
    in an average year in this chapter's example. On the right is each host's welfare when every host
    protects the same number.
    """),
    code("""explore(rfig.draw_protection)""", tags=["hide-input"]),
    md(r"""
    What to notice. Nash protection does not depend on the number of hosts, but the efficient level
    rises in proportion to it, so the more countries share the concern, the worse the free-rider
    problem. With the default values, acting alone yields 10 thousand refugees per host, the
    efficient level is 100 thousand, and the Convention's 34 thousand on average lies in between: a
    large improvement on going it alone, even if arrivals, not a planner, fix the number.
    """),
    check_claim("""
    lv = refugees.protection_levels(10, 10.0, 1.0)
    r = refugees.RefugeeRegime()
    assert lv.nash == 10.0 and lv.efficient == 100.0 and abs(r.mean_arrivals - 34.0) < 1e-12
    assert lv.nash < r.mean_arrivals < lv.efficient
    w = [refugees.host_welfare(q, 10, 10.0, 1.0) for q in (lv.nash, r.mean_arrivals, lv.efficient)]
    assert w[0] < w[1] < w[2]
    for n in (2, 5, 20):
        assert refugees.protection_levels(n, 10.0, 1.0).nash == 10.0
        assert refugees.protection_levels(n, 10.0, 1.0).efficient == 10.0 * n
    """),
    md(r"""
    ## Explore: when does the Convention break?

    This is the chapter's main explorer. The left panel is the trigger-strategy condition: the
    orange curve is a host's one-year saving from turning refugees away, $T(L)$, and the horizontal
    lines are the stake weighted by patience, $\frac{\delta}{1-\delta}V$, for the open-ended
    Convention and with pooling. A load beyond the crossing, the breakdown load $L^*$, ends the
    Convention. The right panel shows the probability that the Convention still holds after a
    number of years: open-ended, with the chosen share of arrivals pooled, and with each host's
    obligation capped at the largest level no surge can break.
    """),
    code("""explore(rfig.draw_survival)""", tags=["hide-input"]),
    md(r"""
    What to notice. Patience moves the stake line up and the breakdown load to the right; with
    $\delta = 0.9$ the open-ended Convention survives half a century with probability of about
    one in three, and with $\delta = 0.8$ it rarely lasts twenty years. Larger or more frequent
    surges shorten its life quickly, because the tail of the surge distribution is what breaks it.
    Pooling even a third of arrivals raises survival a great deal, and the capped Convention never
    breaks at all. In the live notebook, vary the number of hosts: with only two hosts the
    Convention is worth less than going it alone and collapses in the first year, while with many
    hosts the stake grows faster than the number of places where a surge can strike.
    """),
    check_claim("""
    r = refugees.RefugeeRegime()
    s50 = float(r.survival(50))
    assert 0.3 < s50 < 0.4
    assert r.replace(discount=0.8).survival(20) < 0.2
    # More patience and smaller or rarer surges: the Convention survives more often.
    for delta in (0.7, 0.8, 0.9, 0.95):
        h = [r.replace(discount=delta, shock_size=s).breach_probability() for s in np.arange(10, 101, 10)]
        assert np.all(np.diff(h) >= 0)
    hd = [r.replace(discount=d).breach_probability() for d in np.arange(0.5, 0.99, 0.04)]
    assert np.all(np.diff(hd) <= 0)
    hp = [r.replace(shock_prob=p).breach_probability() for p in np.arange(0.02, 0.31, 0.02)]
    assert np.all(np.diff(hp) >= 0)
    # Pooling and the cap raise survival.
    assert r.replace(burden_share=0.3).survival(50) > 0.75 > s50
    cap = r.self_enforcing_cap()
    assert r.replace(cap=cap).breach_probability() == 0.0
    # Two hosts: the Convention is worth less than the Nash outcome and breaks at once.
    two = r.replace(hosts=2)
    assert two.cooperation_value().stake < 0 and two.breach_probability() == 1.0
    lives = [r.replace(hosts=n).expected_lifetime() for n in (3, 5, 10, 20)]
    assert all(x < y for x, y in zip(lives, lives[1:]))
    """),
    md(r"""
    ## What the model teaches

    ### Simulating the Convention's life

    The survival curves above come from {eq}`eq-09-hazard`. A direct check is to simulate many
    histories: draw every host's arrivals in every year, apply the pooling rule and the cap, and
    record the first year in which some host's obligation exceeds the breakdown load.
    `RefugeeRegime.simulate` does this for all histories at once (its only loop runs over blocks of
    years, never over histories), is reproducible from its seed, and reports its progress when a run
    takes more than a second or two. Here are 50,000 histories of 150 years for three versions of
    the Convention.
    """),
    code(r"""
    base = refugees.RefugeeRegime()
    versions = {
        "Open-ended": base,
        "30% pooled": base.replace(burden_share=0.3),
        "Capped": base.replace(cap=base.self_enforcing_cap()),
    }
    sims = {label: r.simulate(years=150, paths=50_000, seed=2013, progress=refugees.text_progress())
            for label, r in versions.items()}
    # Closed forms exist without pooling; with pooling the yearly breach probability is estimated.
    exact = {label: versions[label].survival(np.arange(151)) for label in ("Open-ended", "Capped")}
    print(f"{'version':<12} {'breakdown load':>15} {'P(breach)/yr':>13} {'simulated':>10} "
          f"{'alive at 50':>12} {'simulated':>10}")
    for label, r in versions.items():
        sim = sims[label]
        print(f"{label:<12} {sim.breakdown_load:>15.1f} {r.breach_probability():>13.4f} {sim.hazard:>10.4f} "
              f"{float(r.survival(50)):>12.3f} {sim.survival[50]:>10.3f}")
    """, tags=["hide-input"]),
    check_claim("""
    for label, r in versions.items():
        sim, h = sims[label], r.breach_probability()
        exposure = np.minimum(sim.breakdown_year, sim.years).sum()
        quad = 0 if label in exact else h / refugees.QUADRATURE_DRAWS
        assert abs(sim.hazard - h) <= 4 * np.sqrt(max(h, 1e-9) / exposure + quad) + 1e-4, label
        if label in exact:
            assert np.all(np.abs(sim.survival - exact[label]) < 0.012), label
    again = base.simulate(years=150, paths=50_000, seed=2013)
    assert np.array_equal(again.breakdown_year, sims["Open-ended"].breakdown_year)   # reproducible
    assert sims["Capped"].share_surviving == 1.0
    assert sims["30% pooled"].survival[50] > sims["Open-ended"].survival[50] + 0.3
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        rfig.draw_simulated_survival(fig, sims, exact)
    fig
    """, name="fig-09-survival", caption=(
        "Share of 50,000 simulated histories in which the Convention still holds, against years since "
        "the agreement, for the open-ended Convention, with 30 per cent of arrivals pooled, and with "
        "each host's obligation capped at the largest level no surge can break (discount factor 0.9, "
        "ten hosts). The wide pale lines are the closed-form survival curves of the open-ended and "
        "capped versions."),
        alt=("Step curves of simulated survival over 150 years. The open-ended Convention falls "
             "steadily, to about 36 per cent after 50 years and about 5 per cent after 150. With 30 per "
             "cent pooled it falls much more slowly, to about 80 per cent after 50 years. The capped "
             "Convention stays at 100 per cent throughout. The open-ended and capped curves lie on their "
             "pale closed-form lines.")),
    md(r"""
    Where a formula exists, simulation and formula agree to within sampling error, as they must if
    both are right; with pooling, the simulated breach rate agrees with the estimate the explorer
    uses.
    The open-ended Convention in this example has a life expectancy of about fifty years: long, but
    finite, because sooner or later one host faces a surge it will not absorb.

    ### Patience and the size of surges

    How sensitive is the Convention's life to patience and to the size of surges? The table gives
    the probability that the open-ended Convention is still alive after 50 years.
    """),
    code(r"""
    deltas = (0.8, 0.85, 0.9, 0.95)
    sizes = (20, 40, 60, 80)
    table = np.array([[float(base.replace(discount=d, shock_size=s).survival(50)) for s in sizes]
                      for d in deltas])
    print(f"{'δ':>6} " + " ".join(f"{'surge ' + str(s):>10}" for s in sizes))
    for d, row in zip(deltas, table):
        print(f"{d:>6.2f} " + " ".join(f"{x:>10.3f}" for x in row))
    """, tags=["hide-input"]),
    check_claim("""
    assert np.all(np.diff(table, axis=0) >= 0)     # more patience, longer life
    assert np.all(np.diff(table, axis=1) <= 0)     # bigger surges, shorter life
    assert table[0, 0] > 0.6 and table[0, 1] < 0.02
    assert table[3, 1] > 0.85 and table[2, 2] < 0.03
    """),
    md(r"""
    Both margins matter, but surges matter more. At $\delta = 0.8$, the Convention survives fifty
    years with probability above 0.6 when the average surge is 20 thousand refugees, and almost never
    when it is 40 thousand. Patience buys a lot: at $\delta = 0.95$ the same 40-thousand surges leave
    a survival probability near 0.9. The breakdown load itself hardly moves with the surge size (a
    larger mean surge raises the expected load and so changes the stake a little in both
    directions); what changes is how often a surge beyond it occurs.

    ### Burden sharing and caps

    Why does pooling work so well? The cost of hosting is convex, so spreading a surge across hosts
    lowers its total cost, and a host's load is far less variable when a share of every surge is
    spread over all hosts. With a share $\beta$ pooled, the variance of a host's load is
    $(1-\beta+\beta/N)^2 + (N-1)(\beta/N)^2$ times that of its own arrivals: 0.54 with 30 per cent
    pooled among ten hosts. Pooling raises the stake a little, because a Convention with smoother
    loads is worth more, but its main effect is that a single host's load rarely reaches the
    breakdown level.
    """),
    check_claim("""
    shared = base.replace(burden_share=0.3)
    assert abs(shared.pooling_factor - 0.541) < 1e-12
    assert shared.cooperation_value().stake > base.cooperation_value().stake
    assert shared.breakdown_load() - base.breakdown_load() < 5
    assert shared.breach_probability() < 0.25 * base.breach_probability()
    """),
    md(r"""
    A cap works differently. Each host promises to protect at most $c$ refugees a year; beyond that,
    refugees are not its obligation. If the cap is no larger than the breakdown load that the capped
    Convention itself implies, no surge can ever make breaking it worthwhile. In the example the
    largest such cap is about 186 thousand refugees per host and year, and it leaves unprotected
    only about 80 refugees per host in an average year, all of them in the rare catastrophic surges.
    The catch is who those refugees are: the cap withdraws protection exactly in the worst crises,
    when it is most needed, and nothing in the Convention then guarantees that anyone else protects
    them. An open-ended Convention that eventually collapses leaves far more refugees unprotected, but
    a cap writes the limit into the law.
    """),
    check_claim("""
    cap = base.self_enforcing_cap()
    capped = base.replace(cap=cap)
    assert 185 < cap < 188
    assert abs(capped.breakdown_load() - cap) < 1e-6
    lost = capped.cooperation_value().unprotected
    assert 0.05 < lost < 0.1                       # thousand per host-year: about 80 refugees
    assert sims["Capped"].share_surviving == 1.0
    """),
    md(r"""
    ### Standards that ratchet up

    Finally, the third explorer shows the standards game. On the left, a host's best standard is
    plotted against the standard every other host uses. It slopes upward: standards are
    {term}`strategic complements`, because when others tighten, more economic migrants turn to a
    lax host and tightening pays it more. Where the curve crosses the 45-degree line is the
    equilibrium; the dotted steps start from the cooperative standard and follow best responses up
    to it. On the right are both standards against the share of economic migrants among claimants.
    """),
    code("""explore(rfig.draw_standards)""", tags=["hide-input"]),
    check_claim("""
    g = refugees.StandardsGame()
    eq = g.equilibrium()
    others = np.linspace(-1.5, 3.0, 46)
    br = g.best_response(others)
    assert np.all(np.diff(br) >= -1e-6)                     # strategic complements
    assert eq.nash > eq.cooperative
    path = g.ratchet(rounds=6)
    assert abs(path[0] - eq.cooperative) < 1e-12 and np.all(np.diff(path) > -1e-6)
    assert abs(path[-1] - eq.nash) < 1e-3                   # ratchets up to the equilibrium
    nash, coop = refugees.equilibrium_standards(np.linspace(0.05, 0.9, 35))
    assert np.all(np.diff(nash) > 0) and np.all(nash > coop)
    assert 0.8 < eq.refugees_protected_nash < 0.85 and 0.88 < eq.refugees_protected_cooperative < 0.93
    """),
    md(r"""
    What to notice. With 30 per cent economic migrants, the equilibrium standard recognises about
    82 per cent of genuine refugees, against about 91 per cent at the cooperative standard; the
    difference is refugees rejected for no reason but to divert economic migrants to other hosts,
    which do the same. A larger share of economic migrants raises both standards, so hosts become
    stricter with genuine refugees too. Setting the migrants' responsiveness $\lambda$ to zero in the
    live notebook closes the gap: without diversion, each host's private choice coincides with the
    cooperative one.

    Could hosts agree to hold standards at the cooperative level? Such a deal faces the enforcement
    problem the article stresses. A host that shades gains a little every year, and it is punished
    only if others notice. If shading is detected with probability $\rho$ a year, after which
    standards revert to the equilibrium, the deal holds only if the one-year gain from shading is at
    most $\rho\,\frac{\delta}{1-\delta}$ times the yearly loss from the collapse of standards. In the
    example that requires a detection rate of about 13 per cent a year when $\delta = 0.9$, and no
    detection rate can do it when $\delta = 0.5$.
    """),
    check_claim("""
    g = refugees.StandardsGame()
    assert g.shading_gain() > 0 and g.cooperation_stake() > 0
    assert 0.12 < g.min_detection_probability(0.9) < 0.14
    assert g.min_detection_probability(0.5) > 1
    assert refugees.StandardsGame(sensitivity=0.0).nash_standard() - refugees.StandardsGame(sensitivity=0.0).cooperative_standard() < 1e-9
    """),
    md(r"""
    ## In practice

    **The Convention and the Protocol.** The Convention's definition of a refugee, a person outside
    her country with a well-founded fear of persecution on grounds such as race, religion,
    nationality, political opinion or membership of a social group, and its ban on returning
    refugees to persecution are the core of the treaty {cite:p}`un1951`. The 1967 Protocol removed
    the original limit to people displaced by events before 1951 {cite:p}`un1967`. What the treaty
    does not do is say how a party must decide who meets the definition; procedures, standards of
    proof and the treatment of applicants while claims are decided are left to each state. In the
    model, that is why standards are a strategic choice.

    **Surges and the limits of the promise.** The model's surges are the mass displacements that
    wars and state collapse produce, in which neighbouring countries receive far more people than
    any planned share. The model predicts that such episodes, not the steady flow of claims, are
    when hosts are tempted to close borders, and that the Convention's survival depends on how
    large and how frequent they are relative to the value hosts place on keeping it.

    **Burden sharing.** Resettlement of refugees from first countries of asylum to third countries,
    and agreements to spread arrivals, are forms of the pooling in {eq}`eq-09-pooling`. Within the
    European Union the Dublin rules do close to the opposite: they generally make the country of
    first entry responsible for a claim, which concentrates the load on states at the external
    border. The model says this choice makes the whole system more fragile.

    **Standards and economic migrants.** Lists of "safe" countries of origin, accelerated procedures
    and stricter evidence requirements are instruments by which a host can raise its effective
    standard of proof. The model predicts that they spread: once one host adopts them, others gain
    from following, and refugees with genuine claims are rejected more often everywhere. It also
    explains why a treaty fixing common standards is hard to police: whether one rejected claim was
    a fair decision or a shaded one is nearly impossible for another government to verify
    {cite:p}`sykes2013`.

    **A receiving-country externality.** The Convention is, finally, the clearest case of
    cooperation on the externalities among receiving countries that chapter 4 studies: each host's
    admission policy changes who arrives at the others' borders, and the treaty is an attempt to
    stop the resulting race to the bottom in protection.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Why promise to admit whoever arrives?
    :label: ex-09-1

    *Conceptual · about 10 minutes.*

    The Convention fixes no number of refugees for each party; it obliges each to protect those who
    reach it. (a) Using the public-good model, explain why a commitment of this form improves on
    each host acting alone. (b) Give two reasons, from this chapter, why the same form makes the
    commitment fragile. (c) Which design change would you propose first, and why?
    ```

    ```{solution} ex-09-1
    :class: dropdown

    (a) Acting alone a host protects $\alpha/k$, counting only its own benefit, while the efficient
    level $N\alpha/k$ counts every host's benefit. Admitting all arrivals commits each host to
    protect far more than $\alpha/k$ whenever arrivals exceed it, which moves protection towards the
    efficient level without anyone having to agree on numbers. (b) First, arrivals are random and
    lumpy, and the host hit by a surge bears the whole convex cost, so its temptation
    $T(L) = \frac{k}{2}(L - \alpha/k)^2$ can exceed the discounted stake and it breaks the promise.
    Second, because each party judges who is a refugee, it can shade its standard of proof, and
    when economic migrants also apply, shading pays by diverting them to others; standards ratchet
    up. (c) Burden sharing addresses the first problem directly: it spreads surges, lowers the
    variance of each host's load (by the factor $(1-\beta+\beta/N)^2 + (N-1)(\beta/N)^2$) and, in the
    model, raises the 50-year survival probability from about 0.36 to about 0.8 with 30 per cent
    pooled, without withdrawing protection from anyone, unlike a cap.
    ```

    ```{exercise} Free riding in numbers
    :label: ex-09-2

    *Computational · about 10 minutes.*

    Eight hosts each value a refugee protected anywhere at $\alpha = 6$ million dollars per thousand
    and face hosting costs with $k = 2$. Find the number of refugees (thousands per year) each host
    protects acting alone and the efficient number per host. Check both with
    `check("ex-09-2", (q_nash, q_efficient))`. By what factor does each host's welfare rise when all
    move from the first to the second?
    ```

    ```{solution} ex-09-2
    :class: dropdown

    Acting alone, $\alpha = k q$ gives $q^N = 6/2 = 3$ thousand. The efficient level counts all eight
    hosts' benefit: $N\alpha = k q$, so $q^E = 48/2 = 24$ thousand per host. Each host's welfare with
    everyone at $q$ is $W(q) = N\alpha q - k q^2/2$: $W(3) = 144 - 9 = 135$ and
    $W(24) = 1152 - 576 = 576$ million dollars, a factor of about 4.3.
    ```
    """),
    solution("""
    lv = refugees.protection_levels(8, 6.0, 2.0)
    q_nash, q_efficient = lv.nash, lv.efficient
    print(f"Nash {q_nash:.1f}, efficient {q_efficient:.1f} thousand per host; "
          f"welfare {lv.nash_welfare:.0f} -> {lv.efficient_welfare:.0f} ($ m), "
          f"factor {lv.efficient_welfare / lv.nash_welfare:.2f}")
    check("ex-09-2", (q_nash, q_efficient))
    """),
    check_claim("""
    assert q_nash == 3.0 and q_efficient == 24.0
    assert lv.nash_welfare == 135.0 and lv.efficient_welfare == 576.0
    """),
    md(r"""
    ```{exercise} The breaking point
    :label: ex-09-3

    *Computational · about 20 minutes.*

    Take the chapter's regime (ten hosts, $\alpha = 10$, $k = 1$, normal arrivals $b = 30$, surges with
    probability $p = 0.1$ and mean size $s = 40$, no pooling) but a discount factor $\delta = 0.8$.
    The stake is $V = 1720$ million dollars a year (it does not depend on $\delta$). (a) Compute the
    breakdown load $L^*$ from {eq}`eq-09-threshold`. (b) Compute the probability that the Convention
    breaks in a given year from {eq}`eq-09-hazard`. Check both with
    `check("ex-09-3", (load, prob))`. (c) What is the Convention's expected life?
    ```

    ```{solution} ex-09-3
    :class: dropdown

    (a) $L^* = 10 + \sqrt{2 \times 0.8 \times 1720 / (0.2 \times 1)} = 10 + \sqrt{13\,760} \approx
    127.3$ thousand refugees. (b) A host breaks the Convention when a surge exceeds
    $127.3 - 30 = 97.3$, which happens with probability $0.1\, e^{-97.3/40} \approx 0.0088$ a year;
    with ten hosts, $h = 1 - (1 - 0.0088)^{10} \approx 0.084$. (c) The expected life is
    $1/h \approx 12$ years, against about 50 years at $\delta = 0.9$.
    ```
    """),
    solution("""
    r = refugees.RefugeeRegime(discount=0.8)
    load, prob = r.breakdown_load(), r.breach_probability()
    print(f"stake {r.cooperation_value().stake:.0f}; breakdown load {load:.1f}; "
          f"P(breach) per year {prob:.4f}; expected life {r.expected_lifetime():.1f} years")
    check("ex-09-3", (load, prob))
    """),
    check_claim("""
    assert abs(load - (10 + np.sqrt(13760))) < 1e-9
    assert abs(prob - (1 - (1 - 0.1 * np.exp(-(load - 30) / 40)) ** 10)) < 1e-12
    assert 11 < r.expected_lifetime() < 13
    """),
    md(r"""
    ```{exercise} How strict, and why
    :label: ex-09-4

    *Computational · about 20 minutes.*

    In the standards game with ten hosts, discriminability $d = 1.5$, $V_R = C_M = 1$ and
    $\lambda = 3$, let half of all claimants be economic migrants ($\omega = 0.5$). (a) Compute the
    cooperative standard from {eq}`eq-09-coop` by hand. (b) Find the equilibrium standard by solving
    {eq}`eq-09-nash-standard` numerically (for instance with `refugees.equilibrium_standards`).
    Check both with `check("ex-09-4", (z_coop, z_nash))`. (c) What share of genuine refugees does
    each standard recognise?
    ```

    ```{solution} ex-09-4
    :class: dropdown

    (a) With $\omega/(1-\omega) = 1$ and $C_M/V_R = 1$, the logarithm vanishes and $z^C = d/2 = 0.75$:
    the threshold halfway between the two means, where a score is equally likely from either group.
    (b) The equilibrium condition is $e^{1.5 z - 1.125} = 1 + 3 \times 0.9 \times [1 - \Phi(z)]$;
    its root is $z^N \approx 0.99$. (c) Refugees' scores have mean 1.5, so the cooperative standard
    recognises $1 - \Phi(0.75 - 1.5) = \Phi(0.75) \approx 77$ per cent of them and the equilibrium
    standard $\Phi(1.5 - 0.99) \approx 69$ per cent.
    ```
    """),
    solution("""
    z_nash, z_coop = refugees.equilibrium_standards(0.5, hosts=10, discriminability=1.5,
                                                    refugee_value=1.0, migrant_cost=1.0, sensitivity=3.0)
    protected = [float(1 - refugees.upper_tail(1.5 - z)) for z in (z_coop, z_nash)]
    print(f"cooperative {z_coop:.3f} (recognises {protected[0]:.0%}); "
          f"equilibrium {z_nash:.3f} (recognises {protected[1]:.0%})")
    check("ex-09-4", (z_coop, z_nash))
    """),
    check_claim("""
    assert abs(z_coop - 0.75) < 1e-12 and 0.98 < z_nash < 1.0
    assert 0.76 < protected[0] < 0.78 and 0.68 < protected[1] < 0.70
    """),
    md(r"""
    ```{exercise} Designing a sturdier Convention
    :label: ex-09-5

    *Exploration · about 25 minutes.*

    Open this chapter in Jupyter (or on Binder) and use the survival explorer. (a) With the default
    surges, find the smallest discount factor at which the open-ended Convention survives 50 years
    with probability above one half. (b) Keep $\delta = 0.86$ and raise the share pooled: how much
    pooling gives the same 50-year survival as raising $\delta$ to 0.94 without pooling? (c) Vary
    the number of hosts from 2 to 20. Why can a Convention among more hosts be sturdier even though
    there are more places where a surge can strike? (d) Which would you rather negotiate, pooling or
    a cap, and what does your answer assume about where refugees go when a capped host turns them
    away?
    ```

    ```{solution} ex-09-5
    :class: dropdown

    (a) Survival after 50 years rises with $\delta$; it first exceeds one half at about
    $\delta = 0.92$ with the default surges. (b) At $\delta = 0.86$, pooling about 40 per cent of
    arrivals gives roughly the 50-year survival that $\delta = 0.94$ gives without pooling: pooling
    substitutes for patience. (c) The stake in {eq}`eq-09-stake` grows with $N$ because each host
    values the protection every other host provides ($\alpha N$ per refugee), while the chance that
    some host faces a large surge grows only about in proportion to $N$; the breakdown load rises
    with the square root of the stake and the tail of the surge distribution falls exponentially
    beyond it, so more hosts make the Convention sturdier. With two hosts the Convention is worth
    less than going it alone and collapses at once. (d) Pooling keeps every refugee protected and
    lowers everyone's risk; a cap makes the Convention unbreakable but withdraws protection in the
    worst surges, which is acceptable only if refugees turned away by a capped host find protection
    elsewhere, which nothing in the treaty ensures.
    ```
    """),
    solution("""
    base = refugees.RefugeeRegime()
    for d in np.arange(0.86, 0.97, 0.02):
        print(f"delta {d:.2f}: survives 50 years with probability {float(base.replace(discount=d).survival(50)):.2f}")
    target = float(base.replace(discount=0.94).survival(50))
    for b in np.arange(0.0, 0.61, 0.1):
        s = float(base.replace(discount=0.86, burden_share=b).survival(50))
        print(f"delta 0.86, pooled {b:.1f}: {s:.2f} (delta 0.94 without pooling: {target:.2f})")
    for n in (2, 3, 5, 10, 20):
        r = base.replace(hosts=n, discount=0.86)
        print(f"{n:>2} hosts: stake {r.cooperation_value().stake:7.0f}, breakdown load {r.breakdown_load():6.1f}, "
              f"expected life {r.expected_lifetime():7.1f} years")
    """),
    check_claim("""
    s = {round(d, 2): float(base.replace(discount=d).survival(50)) for d in np.arange(0.86, 0.97, 0.02)}
    assert s[0.9] < 0.5 < s[0.92]
    pooled = [float(base.replace(discount=0.86, burden_share=b).survival(50)) for b in (0.3, 0.4, 0.5)]
    assert pooled[0] < target < pooled[2] and abs(pooled[1] - target) < 0.1
    lives = [base.replace(hosts=n, discount=0.86).expected_lifetime() for n in (3, 5, 10, 20)]
    assert all(x < y for x, y in zip(lives, lives[1:]))
    assert base.replace(hosts=2, discount=0.86).expected_lifetime() == 1.0
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part II.D of {cite:t}`sykes2013`. The reading of the Refugee Convention
    {cite:p}`un1951` and its Protocol {cite:p}`un1967` as a commitment among altruistic states to
    supply a public good, and the analysis of shocks, shading and economic migrants, are from
    {cite:t}`bubb2011`; the model here is a simplified stand-in for theirs. Self-enforcing agreements
    and trigger strategies are introduced in chapter 2, following {cite:t}`friedman1971`, and chapter 4
    studies the externalities among receiving countries of which refugee protection is one case.
    """),
]

# A hidden check that follows solution code checks the solution's numbers: tag it
# "solution" too, so that the student edition drops it with the code it checks.
for before, cell in zip(cells, cells[1:], strict=False):
    if "solution" in before.metadata.get("tags", []) and "remove-cell" in cell.metadata.get("tags", []):
        cell.metadata["tags"] = [*cell.metadata["tags"], "solution"]

if __name__ == "__main__":
    print(write("chapters/09_refugees.ipynb", cells))
