"""Write chapters/04_receiving_countries.ipynb (run: .venv/bin/python tools/make_ch04.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Externalities among receiving countries

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part I.A.3 of {cite:t}`sykes2013`. After it you should be able to:
    - explain why one receiving country's restrictions change the number of migrants who reach the
      others, through {term}`leakage` of the migrants it turns away;
    - use the article's sorting model to show that a whole band of common policies are
      {term}`symmetric equilibrium` policies, only one of them efficient;
    - draw {term}`best response` functions in a model with a continuous restriction, find its
      {term}`Nash equilibrium` policies, and explain why restrictions are {term}`strategic complements`;
    - show that with enough leakage there are {term}`multiple equilibria`, ranked so that the most
      restrictive is worst for every country (a {term}`coordination failure`), and what a
      {term}`binding commitment` to a common policy achieves.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import coordination, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import coordination as fig_coord
    """),
    md(r"""
    ## The argument

    The first two externalities of part I run between a receiving country and the countries migrants
    come from. The third runs between receiving countries themselves. People who want to migrate
    rarely have only one destination in mind. A Syrian engineer may prefer Germany but will settle
    for Sweden or the Netherlands; a Polish builder turned away by one labor market can look for work
    in another. So when one receiving country tightens its rules, some of the people it keeps out
    turn up at its neighbours' doors. Restrictions *leak*.

    Leakage makes each country's policy matter to the others. If Germany raises its barriers, France
    receives more applicants than before, and its own best policy changes. A government that cares
    only about its own residents counts the migrants it deflects as a success and ignores what they
    cost the country they go to next. Its neighbours reason the same way. The question is where this
    mutual deflection leads.

    Sykes sketches the simplest answer, following {cite:t}`giordani2010`. Take a group of identical
    receiving countries, each with the same ideal number of immigrants. Let a large and varied pool
    of would-be migrants choose where to go by comparing the net return each destination offers, and
    go nowhere if no destination pays. Let a restriction be anything that raises the cost of getting
    in. Then a country that restricts a little more than the others loses all its migrants to them,
    and a country that restricts a little less attracts all of them. Migrants spread across the group
    only when every country has the same policy, so every noncooperative equilibrium is a common
    policy. But many common policies are equilibria, and only one gives each country its ideal
    number of migrants. Nothing guarantees that countries find that one. They may stay together at a
    policy all of them consider too strict, or too loose, and no single country can do better by
    moving alone: a coordination problem, which an agreement on a common policy can solve.

    The sorting story is stark: the slightest difference in policy sends every migrant the same way.
    The chapter's second model softens it. A country turns away a share of those who arrive; some of
    the people it turns away try another country, others give up and go home. Restriction now has a
    cost, the enforcement it takes, and a benefit that depends on how many people arrive, which
    depends on what the others do. The more the others restrict, the more people knock on a
    country's door, and the more it pays to restrict. That feedback, which {cite:t}`giordani2013`
    place at the centre of their analysis, can produce several equilibria, and the restrictive ones
    are worse for everyone. Empirical work on how migration rules in one country follow those of
    its neighbours, such as {cite:t}`brucker2011`, suggests the feedback is real.

    Both models are simple models in the spirit of Giordani and Ruta, not their model. They share
    one assumption about what receiving countries want. Each country's residents value the first
    migrants highly, because they fill jobs natives do not want and pay taxes, and further migrants
    less and less, because housing, schools and public services get crowded. The value of $m$
    migrants (millions a year) is

    $$
    V(m) = a\,m - \frac{h}{2}\,m^2 ,
    $$ (eq-04-value)

    in billion dollars a year, where $a$ is the value of the first migrant (thousand dollars a year)
    and $h$ how fast the value of one more falls. $V$ is largest at the ideal intake $m^* = a/h$ and
    falls back to zero at $2m^*$: beyond that point a country would rather have no migrants at all.
    This chapter uses $a = 2$ and $h = 1$, so that $m^* = 2$ million a year.
    """),
    md(r"""
    ## The model: migrants who sort

    $N$ identical countries each set a restriction $r_i \ge 0$, a cost in thousand dollars that every
    migrant entering country $i$ must bear (fees, waiting, paperwork, the risk of refusal). A pool of
    $\Lambda$ million would-be migrants each gains $w$ from migrating, less a moving cost that
    differs from person to person and is spread evenly between $0$ and $w$. Migrants go where the
    restriction is lowest, if they go at all, and split equally among countries tied at the lowest
    restriction. With every country at a common $r$, the number who migrate is

    $$
    M(r) = \Lambda \left( 1 - \frac{r}{w} \right) ,
    $$ (eq-04-migration)

    and each country receives $M(r)/N$. Now let one country deviate while the others keep $r$.
    *Overshooting* (restricting more) leaves it with no migrants, worth $V(0) = 0$. *Undercutting*
    (restricting a little less) brings it all $M(r)$ migrants, or, by undercutting further, any number
    above that. A common policy is an equilibrium when matching beats both deviations. With the
    quadratic {eq}`eq-04-value` this holds exactly when total migration lies in the band

    $$
    \frac{2 a N}{h\,(N + 1)} \ \le\ M(r) \ \le\ \frac{2 a N}{h} .
    $$ (eq-04-band)

    The right-hand bound says a country's share must not exceed $2m^*$, or it would rather shut its
    door. The left-hand bound says a country's share must be large enough that grabbing everyone,
    $M(r)$ migrants, is worse than its share $M(r)/N$. Inside the band, one common policy is
    efficient: the one that gives each country exactly its ideal intake,

    $$
    \frac{M(r^{e})}{N} = m^{*} \qquad\Longrightarrow\qquad r^{e} = w \left(1 - \frac{N m^{*}}{\Lambda}\right) .
    $$ (eq-04-efficient)

    Every country, at every point of the band, would like all of them to move to $r^e$. None can
    get there by moving alone.
    """),
    check_claim("""
    g = fig_coord.sorting_game(4, 20.0)
    a, h, n = g.benefit, g.crowding, g.countries
    lo_m, hi_m = g.band_migrants()
    assert abs(lo_m - 2 * a * n / (h * (n + 1))) < 1e-12 and abs(hi_m - 2 * a * n / h) < 1e-12   # (eq-04-band)
    r_e = g.efficient_restriction()
    assert abs(r_e - g.migrant_return * (1 - n * g.best_intake / g.pressure)) < 1e-12           # (eq-04-efficient)
    lo, hi = g.band()
    assert lo < r_e < hi
    rs = np.linspace(0, g.migrant_return, 1001)
    p = g.payoffs(rs)
    eq = rs[p.is_equilibrium]
    assert abs(eq.min() - lo) < 0.011 and abs(eq.max() - hi) < 0.011
    assert abs(coordination.native_welfare(2 * g.best_intake, a, h)) < 1e-12                    # V(2m*) = 0
    assert np.all(p.match <= p.match[np.argmin(abs(rs - r_e))] + 1e-12)    # r_e best for all
    """),
    md(r"""
    ## Explore: a band of equilibria

    The explorer shows one country's payoff against the common restriction of the others, for each of
    its three options. The example has four countries, 20 million would-be migrants and $w = 10$.
    """),
    code("""explore(fig_coord.draw_band)""", tags=["hide-input"]),
    md(r"""
    What to notice. Matching beats both deviations everywhere in the shaded band, from a restriction
    of 2 to 8.4 thousand dollars per migrant, which gives each country between 0.8 and 4 million
    migrants. At the lax end, each country receives 4 million, twice its ideal, and its residents are
    no better off than with no migrants; at the strict end each receives 0.8 million, far too few.
    The star, at 6, gives every country its ideal 2 million and the most it can get. Yet every point of
    the band is self-sustaining. Move the slider to add countries, holding the pool at 20 million:
    the lax end of the band falls, reaching open borders from five countries on, because more
    countries can share a large pool without any of them getting more than twice its ideal, while
    the strict end hardly moves. Per country, the band of intakes runs from $2m^*/(N+1)$ to $2m^*$:
    the more receiving countries, the wider the range of outcomes they can get stuck in.
    """),
    check_claim("""
    assert np.allclose(g.band(), (2.0, 8.4)) and np.allclose(np.array(g.band_migrants()) / 4, (0.8, 4.0))
    assert abs(g.payoffs(lo).match) < 1e-9                  # lax end: no better than no migrants
    assert r_e == 6.0 and abs(g.migration(6.0) / 4 - 2.0) < 1e-12
    per_country_low = [fig_coord.sorting_game(k, 20.0).band_migrants()[0] / k for k in range(2, 11)]
    assert all(x > y for x, y in zip(per_country_low, per_country_low[1:]))
    bands = [fig_coord.sorting_game(k, 20.0).band() for k in range(2, 11)]
    assert all(b1[0] >= b2[0] for b1, b2 in zip(bands, bands[1:]))                  # lax end moves down
    assert bands[2][0] > 0 and bands[3][0] == 0.0                                    # open borders from N = 5
    assert bands[0][1] - bands[-1][1] < 0.5                                          # strict end hardly moves
    """),
    md(r"""
    ## The model, continued: leakage

    The sorting model makes every small difference in policy decisive. In the second model a
    restriction works at the border, and the people it stops keep trying.

    **Migrants.** $\Lambda$ million would-be migrants each head first for one of $N$ identical
    receiving countries chosen at random, so $c = \Lambda/N$ arrive first at each. Country $i$ turns
    away a share $r_i$ between 0 and 1 of those who arrive. A migrant who is turned away tries
    another country he or she has not yet tried with probability $\lambda$, the *leakage*, and
    otherwise goes home; one turned away by all $N$ goes home too.

    **Arrivals.** When all the other countries turn away the share $q$, the number arriving at a
    country is

    $$
    X(q) = c \left[\, 1 + \lambda q + (\lambda q)^2 + \dots + (\lambda q)^{N-1} \right] ,
    $$ (eq-04-arrivals)

    its own first arrivals plus those refused once, twice, and so on elsewhere who try it next.
    Because nobody retries a country that refused them, a country's own policy does not change how
    many arrive at it, only how many it keeps. $X$ rises with $q$: the more the others restrict, the
    more people arrive. With many countries and $\lambda q < 1$ the bracket approaches
    $1/(1 - \lambda q)$, a leakage multiplier.

    **Payoffs.** Enforcement costs $e$ billion dollars a year per unit of $r$: border guards,
    detention, processing. Like a fence, it costs as much however many people it stops. A country
    that turns away $r$ while the others turn away $q$ admits $(1 - r)X(q)$ and gets

    $$
    W(r; q) = V\big((1 - r)\,X(q)\big) - e\,r .
    $$ (eq-04-payoff)

    **Best response.** $W$ is concave in $r$; setting its derivative to zero gives

    $$
    r^{*}(q) = 1 - \frac{a}{h\,X(q)} - \frac{e}{h\,X(q)^2} ,
    $$ (eq-04-br)

    cut off at 0. Since $X(q)$ rises with $q$, so does $r^*(q)$: the others' restrictions raise a
    country's best restriction, which is what makes restrictions strategic complements. The
    second term says a country admits at most its ideal intake; the third that enforcement must pay
    for itself, which is easier the more people arrive.

    **Equilibria and efficiency.** A common policy $q$ is a symmetric Nash equilibrium when
    $r^*(q) = q$, where the best-response curve meets the diagonal. Each country's welfare when all
    turn away $q$ is

    $$
    \bar W(q) = V\big((1 - q)\,X(q)\big) - e\,q ,
    $$ (eq-04-common)

    and the efficient common policy maximises $\bar W$. A country deviating alone ignores that the
    people it turns away raise $X$ for the others; a binding common policy takes that into account.

    **Where the migrants go.** Every migrant is admitted at the first country tried, admitted after at
    least one refusal, or back home. The last group can be counted directly: those who give up after
    $k$ refusals, plus those refused everywhere,

    $$
    H(q) = \Lambda \Big[\, q\,(1 - \lambda) \sum_{k=0}^{N-2} (\lambda q)^k + q^{N} \lambda^{N-1} \Big] ,
    $$ (eq-04-home)

    and the three groups always add up to $\Lambda$: restrictions move migrants around and send some
    home, but nobody is lost.
    """),
    check_claim("""
    lg = fig_coord.leakage_game(0.9, 6.0, 6, 25.0)
    c, lam, n = lg.first_arrivals, lg.leakage, lg.countries
    qs = np.linspace(0, 1, 11)
    assert np.allclose(lg.arrivals(qs), c * sum((lam * qs) ** k for k in range(n)))           # (eq-04-arrivals)
    assert np.all(np.diff(lg.arrivals(qs)) > 0)
    X = lg.arrivals(qs)
    raw = 1 - lg.benefit / (lg.crowding * X) - lg.enforcement_cost / (lg.crowding * X**2)
    assert np.allclose(lg.best_response(qs), np.clip(raw, 0, 1))                              # (eq-04-br)
    f = lg.flows(qs)
    home = lg.pressure * (qs * (1 - lam) * sum((lam * qs) ** k for k in range(n - 1)) + qs**n * lam ** (n - 1))
    assert np.allclose(f.stayed_home, home)                                                    # (eq-04-home)
    assert np.allclose(f.admitted_first + f.admitted_diverted + f.stayed_home, lg.pressure)   # conserved
    # The closed forms agree with following 200,000 simulated migrants one by one.
    sim = coordination.simulate_flows([0.5] * 6, 0.9, pressure=36.0, migrants=200_000, seed=4)
    assert abs(float(sim["stayed_home"]) - lg.flows(0.5).stayed_home) < 0.1
    assert abs(sim["arrivals"].mean() - lg.arrivals(0.5)) < 0.1
    big = coordination.LeakageGame(200, 1200.0, 0.9, 2.0, 1.0, 25.0)
    assert abs(big.arrivals(0.5) - 6.0 / (1 - 0.45)) < 1e-9                                    # multiplier
    """),
    md(r"""
    ## Explore: best responses

    The chapter's main explorer starts from six countries, 6 million would-be migrants per country
    (three times the ideal intake), leakage $\lambda = 0.9$ and an enforcement cost of $e = 25$ billion
    dollars. On the left, each country's best restriction against the others'; on the right, each
    country's welfare if all keep a common policy, and what one country gets by leaving it alone.
    """),
    code("""explore(fig_coord.draw_best_response)""", tags=["hide-input"]),
    md(r"""
    What to notice. The best-response curve rises throughout: strategic complements. It meets the
    diagonal three times. At $q = 0$ nobody restricts; with only its own 6 million arrivals, a country
    finds enforcement not quite worth its cost. At $q \approx 0.84$ every country turns away most
    arrivals, and because the refused keep trying, each faces about 20 million arrivals and is
    right to restrict hard. Both are {term}`stable <stable equilibrium>`: after a small slip, best
    replies lead back to them. Between them, near $q \approx 0.05$, is an unstable equilibrium, a
    tipping point. Below it, countries drift back to open borders; above it, they ratchet up to the
    restrictive one. On the right, the two curves touch exactly at the equilibria, where no country
    gains by deviating, and the restrictive equilibrium leaves every country about 14 billion dollars
    a year worse off than the open one. In the live notebook, lower the leakage: below about 0.7
    the curve stays under the diagonal and the only equilibrium is open borders.
    """),
    check_claim("""
    eqs = lg.equilibria()
    assert len(eqs) == 3 and [e.stable for e in eqs] == [True, False, True]
    assert np.all(np.diff(lg.best_response(np.linspace(0, 1, 201))) >= 0)
    assert eqs[0].restriction == 0.0 and abs(eqs[1].restriction - 0.05) < 0.01 and abs(eqs[2].restriction - 0.84) < 0.01
    assert abs(eqs[2].arrivals - 20) < 0.5
    assert all(lg.deviation_gain(e.restriction) < 1e-6 for e in eqs)
    assert np.all(lg.deviation_gain(np.array([0.02, 0.3, 0.6, 0.95])) > 0)
    assert abs((eqs[0].welfare - eqs[2].welfare) - 14) < 0.5
    counts = {lam: len(fig_coord.leakage_game(lam, 6.0, 6, 25.0).equilibria()) for lam in (0.0, 0.3, 0.6, 0.7, 0.8, 1.0)}
    assert counts == {0.0: 1, 0.3: 1, 0.6: 1, 0.7: 3, 0.8: 3, 1.0: 3}
    assert all(fig_coord.leakage_game(lam, 6.0, 6, 25.0).equilibria()[0].restriction == 0.0 for lam in (0.0, 0.3, 0.6))
    """),
    md(r"""
    ## What the model teaches

    ### Where the migrants go

    The figure follows the 36 million would-be migrants of the example as every country turns away
    a larger share.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        flows = fig_coord.draw_flows(fig, lg)
    fig
    """, name="fig-04-flows", caption=(
        "Where 36 million would-be migrants end up when six countries each turn away the same share "
        "of arrivals, with leakage 0.9: admitted at the first country tried, admitted after being "
        "refused elsewhere, or back home (million a year)."),
        alt=("Stacked areas against the common share turned away, from 0 to 1, always summing to 36 "
             "million. Migrants admitted at the first try fall in a straight line from 36 to 0; those "
             "admitted after a refusal grow to a band of about 14 million at half refused and shrink "
             "again near full refusal; those who stay home are few until about 0.6 and then rise "
             "steeply to all 36 million.")),
    check_claim("""
    half = lg.flows(0.5)
    assert abs(half.admitted_first - 18) < 1e-9 and abs(half.admitted_diverted - 14.5) < 0.1
    assert abs(half.stayed_home - 3.5) < 0.1
    assert np.allclose(np.asarray(flows.total), 36.0)
    assert lg.flows(0.6).stayed_home < 0.2 * 36 and lg.flows(0.9).stayed_home > 0.6 * 36
    assert abs(lg.flows(1.0).stayed_home - 36) < 1e-9
    """),
    md(r"""
    Turning away half of all arrivals keeps only about 3.5 million of the 36 million at home: most of
    the people refused at one border are admitted at another. Restriction by all is largely futile
    until it is severe. Each country's restriction does work for *that* country, at the others'
    expense, and that is exactly the externality.

    ### When are there several equilibria?

    The map classifies combinations of leakage and enforcement cost, with 6 million would-be
    migrants per country and six countries.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        leaks = np.linspace(0.0, 1.0, 41)
        costs = np.linspace(0.0, 50.0, 51)
        kinds = fig_coord.draw_equilibrium_map(fig, leakages=leaks, costs=costs, mark=(0.9, 25.0))
    fig
    """, name="fig-04-map", caption=(
        "The kinds of symmetric equilibrium, by leakage (horizontal) and enforcement cost in billion "
        "dollars a year (vertical), for six countries with 6 million would-be migrants each. Blue: "
        "open borders is the only equilibrium. Orange: the only equilibrium restricts. Hatched green: "
        "open borders and a restrictive equilibrium both exist. The star is the explorer's start."),
        alt=("A map with leakage from 0 to 1 across and enforcement cost from 0 to 50 up. Below a cost of "
             "about 24 the whole width is orange, a single restrictive equilibrium. Above it the map is "
             "blue, open borders only, except for a hatched green wedge at the right that starts at a "
             "leakage of about 0.6 just above cost 24 and widens upward as leakage approaches 1, where "
             "several equilibria exist; the star at leakage 0.9 and cost 25 lies inside it.")),
    check_claim("""
    def kind(lam, e):
        return kinds[int(np.argmin(abs(costs - e))), int(np.argmin(abs(leaks - lam)))]
    assert kind(0.5, 10) == 1 and kind(0.2, 40) == 0 and kind(0.9, 25) == 2 and kind(1.0, 40) == 2
    assert kind(0.5, 25) == 0
    # Whether open borders is an equilibrium depends only on the cost, not on leakage:
    # 1 - a/(h c) - e/(h c^2) <= 0 exactly when e >= (1 - m*/c) h c^2 = 24.
    for lam in (0.0, 0.5, 1.0):
        assert fig_coord.leakage_game(lam, 6.0, 6, 24.0).equilibria()[0].restriction < 1e-9
        assert fig_coord.leakage_game(lam, 6.0, 6, 23.0).equilibria()[0].restriction > 0
    several = [leaks[j] for j in range(len(leaks)) if (kinds[:, j] == 2).any()]
    assert 0.55 <= min(several) <= 0.65
    tall = [(kinds[:, j] == 2).sum() for j in range(len(leaks))]
    assert tall[-1] > tall[-5] > 0                                     # the wedge widens with leakage
    """),
    md(r"""
    Three regions. With enforcement cheap (below about 24 billion dollars here), every country
    restricts even if no other does, and the only equilibrium restricts. With enforcement dear and
    little leakage, nobody restricts. Several equilibria need both: enforcement dear enough that a
    country facing only its own arrivals stays open, and leakage high enough that, once the others
    restrict, the flood of deflected migrants makes restricting worth its cost. The wedge widens as
    leakage rises: in this model, the more readily refused migrants try elsewhere, the more room
    there is for a coordination failure.

    ### What a commitment buys

    The efficient common policy is what a binding agreement among the receiving countries would
    choose. The table compares it with the equilibria in two cases: the explorer's start ($e = 25$)
    and a world with cheaper enforcement ($e = 20$).
    """),
    code(r"""
    for e in (25.0, 20.0):
        game = fig_coord.leakage_game(0.9, 6.0, 6, e)
        r_eff = game.efficient_restriction()
        print(f"enforcement cost {e:.0f}: efficient common policy turns away {r_eff:.2f}, "
              f"welfare {float(game.common_welfare(r_eff)):.1f}; a lone deviator gains "
              f"{float(game.deviation_gain(r_eff)):.2f} there")
        for eq in game.equilibria():
            print(f"    equilibrium: turns away {eq.restriction:.2f}, welfare {eq.welfare:6.1f} "
                  f"({'stable' if eq.stable else 'unstable'})")
    """, tags=["hide-input"]),
    check_claim("""
    g25, g20 = (fig_coord.leakage_game(0.9, 6.0, 6, e) for e in (25.0, 20.0))
    assert g25.efficient_restriction() == 0.0 and g20.efficient_restriction() == 0.0
    assert g25.deviation_gain(0.0) == 0.0                   # at e = 25 the efficient policy is an equilibrium
    e20 = g20.equilibria()
    assert len(e20) == 1 and abs(e20[0].restriction - 0.86) < 0.01
    assert abs(g20.deviation_gain(0.0) - 0.22) < 0.01 and abs(float(g20.best_response(0.0)) - 0.11) < 0.01
    assert abs(float(g20.common_welfare(0.0)) - e20[0].welfare - 9.6) < 0.1
    for game in (g25, g20):                                   # the commitment beats every equilibrium
        w_eff = float(game.common_welfare(game.efficient_restriction()))
        assert all(w_eff >= eq.welfare for eq in game.equilibria())
    """),
    md(r"""
    In both cases the best common policy here is to stay open: with leakage of 0.9, restriction by
    all mostly shuffles migrants among the group while every country pays for enforcement. What the
    commitment does differs. At $e = 25$ open borders is already an equilibrium; the agreement only
    has to make sure the countries coordinate on it and do not drift past the tipping point into the
    restrictive trap. At $e = 20$ open borders is *not* an equilibrium: starting there, a country
    gains about 0.2 billion dollars a year by turning away 11 per cent of its arrivals. Every country
    reasons alike, arrivals swell, and restrictions ratchet up to the only equilibrium, where each
    turns away 86 per cent and is 9.6 billion dollars a year worse off than under open borders. Here
    the commitment must bind: it has to hold against a small, real temptation to cheat, like the
    tariff bindings of chapter 2.

    ### Leakage raises the restriction needed

    When enforcement is cheap, some common restriction is efficient. How much depends on leakage.
    """),
    code(r"""
    print(f"{'leakage':>8} {'efficient restriction':>22} {'equilibrium restriction':>24}")
    for lam in (0.0, 0.25, 0.5, 0.75, 1.0):
        game = fig_coord.leakage_game(lam, 6.0, 6, 5.0)
        print(f"{lam:>8.2f} {game.efficient_restriction():>22.3f} {game.equilibria()[-1].restriction:>24.3f}")
    """, tags=["hide-input"]),
    check_claim("""
    rows = []
    for lam in (0.0, 0.25, 0.5, 0.75, 1.0):
        game = fig_coord.leakage_game(lam, 6.0, 6, 5.0)
        eqs5 = game.equilibria()
        assert len(eqs5) == 1
        rows.append((game.efficient_restriction(), eqs5[0].restriction))
    eff_r = [r[0] for r in rows]
    assert all(x < y for x, y in zip(eff_r, eff_r[1:]))                 # more leakage, more restriction needed
    assert abs(rows[0][0] - rows[0][1]) < 1e-6                            # no leakage: equilibrium is efficient
    assert all(r[1] > r[0] + 1e-4 for r in rows[1:])                     # leakage: equilibrium restricts too much
    """),
    md(r"""
    With no leakage the equilibrium is efficient: what one country turns away concerns nobody else.
    With leakage two things happen. The efficient common restriction rises, because each refusal at
    one border is partly undone at another, so a given intake takes more turning away. And the
    equilibrium restricts more than the efficient level, because each country ignores the people it
    pushes onto the others. Leakage makes restriction both less effective and more tempting.
    """),
    md(r"""
    ## In practice

    **The European Union's 2004 enlargement.** When ten countries joined the EU in 2004, the existing
    members could keep restricting access to their labor markets for workers from eight of them for
    up to seven years. The United Kingdom, Ireland and Sweden opened their labor markets at once; most
    others kept restrictions. Migration from the new members went disproportionately to the United
    Kingdom and Ireland. In the leakage model, each restricting member deflected would-be migrants onto
    the open ones, raising their arrivals, which is the mechanism that makes restrictions strategic
    complements. It is the kind of interdependence {cite:t}`brucker2011` call migration regulation
    contagion: countries' rules respond to one another's.

    **Asylum.** Asylum policy may be the clearest case of leakage. A country that tightens its
    procedures deflects claimants to its neighbours, who then have a reason to tighten theirs.
    Chapter 9 takes up the refugee Convention as a cooperative answer to this problem, following
    {cite:t}`bubb2011`; the ratchet described there is the same strategic complementarity.

    **Common rules as a commitment.** Sykes concludes that cooperation among receiving countries may
    be needed to reach the efficient policy. The models say what kind. When the efficient policy is
    itself an equilibrium, as in the sorting band or at $e = 25$ above, a focal agreement that names
    it may suffice: nobody wants to leave it once everyone is there. When it is not, as at $e = 20$,
    countries must bind themselves: a treaty with monitoring, or a common external border with shared
    standards, so that a country cannot quietly tighten its own rules and push its share of migrants
    onto the others. The models also warn of the limits of such arrangements. They treat receiving
    countries as identical; real ones differ in their ideal intake, and a single common policy then
    suits nobody exactly, which makes agreement harder.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Stuck in the band
    :label: ex-04-1

    *Conceptual · about 10 minutes.*

    In the sorting model, all four countries keep a common restriction of 3 thousand dollars per
    migrant, inside the band but below the efficient 6. (a) Every country would like a stricter common
    policy. Why does none of them raise its own restriction? (b) Why does none lower it? (c) What must
    an agreement among them do, and why is it easy to keep once reached?
    ```

    ```{solution} ex-04-1
    :class: dropdown

    (a) A country that restricts more than the others receives no migrants at all, because every
    migrant goes where the restriction is lowest. At $r = 3$ each country receives
    $M/4 = 20 \times 0.7 / 4 = 3.5$ million, more than its ideal 2 million but with $V(3.5) =
    7 - 6.125 = 0.875 > 0 = V(0)$: too many migrants are still better than none. (b) Undercutting would
    bring it all 14 million migrants, worth $V(14) = 28 - 98 = -70$, far worse. So matching is best,
    although the common policy is wrong for everyone. (c) An agreement has to move all countries to
    $r = 6$ *together*. Once there, no single country wants to leave, since $r = 6$ is itself in the
    band: the agreement only coordinates expectations and needs no enforcement. That is a coordination
    problem, not a prisoner's dilemma.
    ```
    """),
    check_claim("""
    g = fig_coord.sorting_game(4, 20.0)
    p3 = g.payoffs(3.0)
    assert p3.is_equilibrium and abs(p3.match - 0.875) < 1e-12 and abs(g.migration(3.0) - 14) < 1e-12
    assert abs(float(g.value(14.0)) + 70) < 1e-12
    assert g.payoffs(6.0).is_equilibrium and g.payoffs(6.0).match > p3.match
    """),
    md(r"""
    ```{exercise} The band by hand
    :label: ex-04-2

    *Computational · about 15 minutes.*

    Four identical countries, $\Lambda = 20$ million would-be migrants, $w = 10$, $a = 2$, $h = 1$.
    Using {eq}`eq-04-band` and {eq}`eq-04-migration`, find the least and the most restrictive common
    policies that are equilibria. Check both with `check("ex-04-2", (r_low, r_high))`.
    ```

    ```{solution} ex-04-2
    :class: dropdown

    The band in migrants runs from $2aN/(h(N+1)) = 16/5 = 3.2$ to $2aN/h = 16$ million. Since
    $M(r) = 20(1 - r/10)$, $M = 16$ gives $r = 10(1 - 16/20) = 2$ and $M = 3.2$ gives
    $r = 10(1 - 3.2/20) = 8.4$ thousand dollars per migrant. The efficient policy, $M = N m^* = 8$,
    is $r = 6$, inside the band.
    ```
    """),
    solution("""
    a, h, N, Lam, w = 2.0, 1.0, 4, 20.0, 10.0
    M_low, M_high = 2 * a * N / (h * (N + 1)), 2 * a * N / h
    r_low, r_high = w * (1 - M_high / Lam), w * (1 - M_low / Lam)
    print(f"band: {r_low:.2f} to {r_high:.2f} thousand dollars per migrant")
    check("ex-04-2", (r_low, r_high))
    """),
    check_solution("""
    assert np.allclose((r_low, r_high), fig_coord.sorting_game(4, 20.0).band())
    """),
    md(r"""
    ```{exercise} The restrictive equilibrium
    :label: ex-04-3

    *Computational · about 20 minutes.*

    Take the explorer's starting point: six countries, $c = 6$, $\lambda = 0.9$, $e = 25$, $a = 2$,
    $h = 1$ (`fig_coord.leakage_game(0.9, 6.0, 6, 25.0)`). Starting from a common restriction of
    0.9, let every country play its best response to the others' previous restriction, again and
    again. Where does the process settle, and what is each country's welfare there? Check with
    `check("ex-04-3", (restriction, welfare))`.
    ```

    ```{solution} ex-04-3
    :class: dropdown

    Iterating {eq}`eq-04-br`: at $q = 0.9$, arrivals are $X = 6\,[1 + 0.81 + 0.81^2 + \dots + 0.81^5]
    \approx 22.7$ million, so $r^* = 1 - 2/22.7 - 25/22.7^2 \approx 0.863$. Repeating from there
    gives about 0.848, then 0.841, and the sequence converges to $q \approx 0.835$, the stable
    restrictive equilibrium. There each country faces about 19.8 million arrivals and admits about
    3.3 million, so $\bar W = V(3.26) - 25 \times 0.835 \approx 1.20 - 20.88 \approx -19.7$ billion
    dollars a year, against $-6$ at open borders.
    ```
    """),
    solution("""
    game = fig_coord.leakage_game(0.9, 6.0, 6, 25.0)
    q = 0.9
    for _ in range(200):
        q = float(game.best_response(q))
    restriction, welfare = q, float(game.common_welfare(q))
    print(f"settles at {restriction:.4f}; arrivals {float(game.arrivals(q)):.2f}; welfare {welfare:.2f}")
    check("ex-04-3", (restriction, welfare))
    """),
    check_solution("""
    assert abs(float(game.arrivals(0.9)) - 22.7) < 0.05 and abs(float(game.best_response(0.9)) - 0.863) < 1e-3
    q1 = float(game.best_response(float(game.best_response(0.9))))
    assert abs(q1 - 0.848) < 1e-3 and abs(float(game.best_response(q1)) - 0.841) < 1e-3
    assert abs(restriction - game.equilibria()[-1].restriction) < 1e-6 and abs(welfare + 19.68) < 0.01
    assert abs((1 - restriction) * float(game.arrivals(restriction)) - 3.26) < 0.01
    """),
    md(r"""
    ```{exercise} Nobody is lost
    :label: ex-04-4

    *Computational · about 15 minutes.*

    In the same game, every country turns away half of its arrivals. How many of the 36 million
    would-be migrants stay home? Count them directly with {eq}`eq-04-home`, then check that the
    admitted plus those at home add up to 36 million. Check the number at home with
    `check("ex-04-4", home)`.
    ```

    ```{solution} ex-04-4
    :class: dropdown

    With $q = 0.5$, $\lambda q = 0.45$ and $N = 6$: giving up after a refusal accounts for
    $\Lambda\, q (1 - \lambda)(1 + 0.45 + 0.45^2 + 0.45^3 + 0.45^4) = 36 \times 0.05 \times 1.7846
    \approx 3.21$ million, and refusal by all six for $\Lambda\, q^6 \lambda^5 = 36 \times 0.015625
    \times 0.59049 \approx 0.33$ million: $H \approx 3.54$ million stay home. Each country's
    arrivals are $X = 6 \times (1 - 0.45^6)/(1 - 0.45) \approx 10.82$ million, of whom it admits half,
    so the six admit $6 \times 5.41 \approx 32.46$ million, and $32.46 + 3.54 = 36$.
    ```
    """),
    solution("""
    game = fig_coord.leakage_game(0.9, 6.0, 6, 25.0)
    q, lam, N, Lam = 0.5, 0.9, 6, 36.0
    home = Lam * (q * (1 - lam) * sum((lam * q) ** k for k in range(N - 1)) + q**N * lam ** (N - 1))
    admitted = N * (1 - q) * float(game.arrivals(q))
    print(f"home {home:.3f} million; admitted {admitted:.3f}; total {home + admitted:.3f}")
    check("ex-04-4", home)
    """),
    check_solution("""
    assert abs(home - 3.544) < 1e-3 and abs(admitted + home - 36.0) < 1e-9
    assert abs(home - game.flows(0.5).stayed_home) < 1e-12
    """),
    md(r"""
    ```{exercise} Tipping points
    :label: ex-04-5

    *Exploration · about 20 minutes.*

    Open the chapter in Jupyter (or on Binder) and use the best-response explorer. (a) Start at the
    default and lower the enforcement cost one step at a time. What happens to the open-borders
    equilibrium and to the unstable one, and at what cost do they meet and vanish? (b) Return to
    $e = 25$ and raise the number of countries from 2 to 12. How does the restrictive equilibrium
    move, and why? (c) Describe in words a policy shock, say one country tightening its rules after
    an election, that could tip the group from the open equilibrium into the restrictive one.
    ```

    ```{solution} ex-04-5
    :class: dropdown

    (a) As $e$ falls, the unstable equilibrium slides down towards zero and the open equilibrium loses
    its safety margin. At $e = 24$ (with $c = 6$: the cost at which $1 - a/(hc) - e/(hc^2) = 0$), the
    two meet at zero; below it open borders is no longer an equilibrium, and only the restrictive one
    remains. (b) With more countries a refused migrant has more places left to try, so arrivals at a
    given common restriction rise, $X(q)$ gains terms, and the restrictive equilibrium moves up (from
    about 0.33 with two countries to about 0.9 with twelve). (c) Suppose the group sits at open borders
    and one large country tightens to, say, 0.2 for domestic reasons. Its neighbours' arrivals rise;
    if the rise pushes their best responses above the tipping point, each tightens in turn, arrivals
    swell further, and the group slides to the restrictive equilibrium, where each country is worse off
    and none can do better by reopening alone.
    ```
    """),
    solution("""
    for e in (25.0, 24.5, 24.0, 23.0):
        game = fig_coord.leakage_game(0.9, 6.0, 6, e)
        print(f"e = {e:4.1f}: equilibria {[round(x.restriction, 3) for x in game.equilibria()]}")
    for n in (2, 4, 6, 12):
        game = fig_coord.leakage_game(0.9, 6.0, n, 25.0)
        print(f"N = {n:2d}: most restrictive equilibrium {game.equilibria()[-1].restriction:.3f}")
    """),
    check_solution("""
    unst = [fig_coord.leakage_game(0.9, 6.0, 6, e).equilibria()[1].restriction for e in (30.0, 27.0, 25.0)]
    assert all(x > y for x, y in zip(unst, unst[1:]))
    assert len(fig_coord.leakage_game(0.9, 6.0, 6, 23.0).equilibria()) == 1
    tops = [fig_coord.leakage_game(0.9, 6.0, n, 25.0).equilibria()[-1].restriction for n in (2, 4, 6, 12)]
    assert all(x < y for x, y in zip(tops, tops[1:])) and abs(tops[0] - 0.33) < 0.01 and abs(tops[-1] - 0.9) < 0.01
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part I.A.3 of {cite:t}`sykes2013`. The coordination-failure view of
    immigration policy is due to {cite:t}`giordani2010`, published as {cite:t}`giordani2013`, who
    model the leakage of immigration policy and argue for institutions that help receiving countries
    commit. {cite:t}`brucker2011` study how countries' migration rules respond to each other. On
    strategic complements and Pareto-ranked equilibria in general, see {cite:t}`bulow1985` and
    {cite:t}`cooper1988`. Chapter 9 applies the same logic to refugees, following {cite:t}`bubb2011`.
    """),
]

if __name__ == "__main__":
    print(write("chapters/04_receiving_countries.ipynb", cells))
