"""Write chapters/01_the_case_for_free_movement.ipynb (run: .venv/bin/python tools/make_ch01.py)."""

from nbtools import check_claim, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # The case for free movement and the size of the prize

    ```{admonition} Learning goals
    :class: tip
    This chapter follows the introduction and the opening of part I of {cite:t}`sykes2013`. After
    it you should be able to:
    - say how far international economic cooperation has gone in trade, services, intellectual
      property, banking and investment, and how little of it covers migration;
    - apply the {term}`first welfare theorem` to labor markets, and explain why
      {term}`nonpecuniary externality` costs such as {term}`welfare migration` make some restriction
      on migration efficient;
    - show in a two-country diagram the world's gain from letting workers move, and how an external
      cost per migrant moves the efficient amount of migration below free movement;
    - compute an estimate of the world gain from labor mobility on real data, in the style of
      {cite:t}`hamilton1984`, and explain why published estimates range from about half of world GDP
      to one and a half times it.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import gains, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import gains as gfig
    """),
    md(r"""
    ## The argument

    Since the 1930s governments have built a dense web of economic agreements. Tariffs are the
    best-known case. Reciprocal bargaining, first under the General Agreement on Tariffs and Trade
    and now in the World Trade Organization, has brought the average tariff that rich countries levy
    on dutiable imports from somewhere between 30 and 40 per cent after the Second World War to
    about 4 per cent {cite:p}`sykes2013`. The same organisation has begun to open markets for
    services, and its agreement on intellectual property has pulled national patent, copyright and
    trademark laws towards common standards. Bank supervisors of the major economies coordinate
    their capital rules through the Basel accords. For about twenty-five years after the war the
    International Monetary Fund managed a system of fixed exchange rates. And hundreds of bilateral
    and regional treaties protect foreign investors.

    Migration is the glaring gap in this list. Some cooperation exists, more than is usually
    noticed, and later chapters describe it. But outside the European Union it is confined to
    programmes for temporary workers and to rules that ease short stays by business people and
    professionals. Who may settle permanently in a country, who may become a citizen and vote, and
    who may take a job there for the long run are questions each state still answers alone, except
    within a few tight regional groupings.

    That gap strikes many economists as the largest missed opportunity in the world economy.
    {cite:t}`rodrik2002` argued that freeing the movement of workers would yield far more than any
    further liberalisation of trade or finance, so that policy makers serious about world efficiency
    should turn their attention from trade rounds to immigration rules. Quantitative studies back
    the claim with striking numbers. Removing every barrier to the movement of labor would, on these
    estimates, raise world output by somewhere between half and one and a half times its current
    level {cite:p}`hamilton1984,moses2004,iregui2005,clemens2011`, while the estimated gains from
    removing all remaining barriers to trade and capital flows amount to a few per cent of world GDP
    {cite:p}`clemens2011`. Yet international negotiations still concentrate on trade.

    Why should economists expect free movement to be efficient in the first place? The answer is
    the {term}`first welfare theorem` {cite:p}`mascolell1995`: if every good that matters is traded
    in competitive markets at prices everyone can see, and every household and firm takes those
    prices as given, the market allocation is {term}`Pareto efficient <Pareto efficiency>`. No one
    can be made better off without making someone else worse off. Nothing in the theorem singles out
    goods. Labor is a traded service like any other, and a worker who moves from a place where her
    work is worth little to a place where it is worth much creates value that did not exist before.
    A government rule that stops the move destroys that value. Open labor markets have a further
    advantage the theorem does not need: they discipline market power, since local employers who
    hold wages down face the threat that workers leave, and local groups of workers who restrict
    supply face competition from newcomers.

    The theorem's assumptions matter, though, and migration can break the most important one.
    The theorem requires that every effect one person's choice has on others pass through prices.
    Migration can have effects that do not. The clearest is {term}`welfare migration`: people may
    move not because their work is more productive in the new country but to draw on its income
    support, subsidised health care or free schooling, whose cost falls on taxpayers who have no say
    in the decision. New residents also crowd roads, schools and hospitals; some may move because
    crime pays better, not work; and once they vote, they may shift public spending towards
    themselves {cite:p}`sykes1995`. Each of these is a {term}`nonpecuniary externality`, and with
    them an unregulated market no longer gets the allocation right.

    So the mere fact that governments restrict migration does not show that migration policy is
    inefficient. Some restriction is very likely part of an efficient policy. The interesting
    question is a different one: do governments acting alone choose the *right* restrictions? The
    rest of this book argues that they generally do not, because a government weighs the effects of
    its policy on its own citizens and largely ignores the effects on foreigners. Part I of the
    book works through three channels by which this happens (the terms of trade in chapter 2,
    enforcement in chapter 3, and spillovers among receiving countries in chapter 4) and the
    obstacles to fixing them by agreement (the {term}`one-way problem` in chapter 5 and migration
    diversion in chapter 6). Part II turns to the cooperation that does exist, and this chapter
    ends by measuring how much is at stake.
    """),
    md(r"""
    ## The model

    ### Two countries, one labor market

    Take a high-wage receiving country R and a low-wage sending country S, and let $m$ million
    workers move from S to R. Capital, land and technology stay where they are, so each extra
    worker adds less in R than the one before, and each departure from S raises the output of those
    who stay. With linear schedules, the wage in R, equal to the {term}`marginal product of labor <Marginal product>`
    there, and the wage in S are

    $$
    w_R(m) = \bar w_R - b_R\, m, \qquad w_S(m) = \bar w_S + b_S\, m ,
    $$ (eq-01-wages)

    where $\bar w_R > \bar w_S \ge 0$ are the two wages before anyone moves (\$ thousand per
    worker-year) and $b_R, b_S > 0$ say how fast each wage responds to a million movers. The gap
    $\Delta = \bar w_R - \bar w_S$ is the productivity gap that migration can exploit.

    A worker who moves produces $w_R(m)$ in R instead of $w_S(m)$ in S, so the world gains the gap
    between the two schedules on every move. Adding up over the $m$ movers and subtracting an
    external cost $e \ge 0$ per migrant borne in R (the net fiscal burden or congestion of the
    previous section), the world's gain is

    $$
    G(m) = \int_0^m \big[w_R(x) - w_S(x)\big]\,dx - e\,m
         = (\Delta - e)\,m - \tfrac{1}{2}(b_R + b_S)\,m^2 .
    $$ (eq-01-gain)

    With free movement workers keep moving until wages are equal, at

    $$
    m^{f} = \frac{\Delta}{b_R + b_S} .
    $$ (eq-01-free)

    The world, though, is best served by stopping where the wage gap has fallen to the external
    cost, because beyond that point the next migrant adds less output than the cost she imposes:

    $$
    m^{*} = \frac{\max(\Delta - e,\ 0)}{b_R + b_S} .
    $$ (eq-01-efficient)

    Three things follow. With no external cost, free movement is efficient, as the first welfare
    theorem says. With an external cost, the efficient amount of migration is smaller than free
    movement, and it falls as $e$ rises. But it stays positive as long as the productivity gap
    exceeds the external cost: external costs justify restricting migration, not stopping it.
    Free movement then overshoots, and the world loses the triangle
    $G(m^*) - G(m^f) = e^2 / [2(b_R + b_S)]$.

    This is the market of chapter 2 seen from another angle. R's wage schedule is its employers'
    demand for migrant labor, S's wage schedule is the price at which migrants are supplied, and the
    efficient policy is a {term}`Pigouvian wedge` equal to $e$ between the wage employers pay and
    the wage at home. `gains.WageGapMarket` builds exactly this market as a
    `markets.LinearMarket`. Who gets what also follows from {eq}`eq-01-wages`: R's natives as a
    group gain the triangle $b_R m^2/2$ between their falling wage schedule and the wage, while
    natives who only work lose, a split chapter 5 takes up.

    ### The world: regions, capital and barriers

    To measure the gain for the world we need more than two countries and a production function
    that says how much output changes when workers arrive. Following {cite:t}`hamilton1984`, split
    the world into regions $i = 1, \dots, n$ with $L_i$ workers and output per worker $y_i$, and
    let each produce with a {term}`Cobb-Douglas production function`

    $$
    Y_i = Z_i\, L_i^{\,1-\alpha}, \qquad Z_i = A_i K_i^{\alpha} ,
    $$ (eq-01-cd)

    where $Z_i$ bundles the region's technology $A_i$ and its capital and land $K_i$, none of which
    move, and $\alpha$ is the {term}`capital share`, the part of income that goes to these immobile
    factors. A worker is paid her marginal product, $w_i = (1-\alpha)\,Y_i/L_i = (1-\alpha)\,y_i$, so
    wages differ across regions in proportion to output per worker.

    Hamilton and Whalley's central assumption is that these wage gaps exist because of barriers to
    moving: without them, workers would move until wages were equal. Suppose an agreement removes a
    share $\varphi$ of every barrier, in the sense that every (log) wage gap shrinks to $(1-\varphi)$
    times its size,

    $$
    \ln w_i' - \ln w_j' = (1 - \varphi)\,(\ln w_i - \ln w_j) \quad\text{for all } i, j ,
    $$ (eq-01-partial)

    with the world's labor $L = \sum_i L_i$ unchanged. Because a region's wage falls as workers
    arrive, $w_i' = (1-\alpha) Z_i L_i'^{-\alpha}$, this pins down where everyone works:

    $$
    L_i' = L\,\frac{L_i\, y_i^{\varphi/\alpha}}{\sum_j L_j\, y_j^{\varphi/\alpha}} .
    $$ (eq-01-alloc)

    Regions with high output per worker grow, and they grow faster the smaller $\alpha$, because
    a small immobile share means wages fall slowly as workers arrive. World output is
    $Y' = \sum_i Z_i L_i'^{1-\alpha}$, and the gain, as a share of today's world GDP, is
    $Y'/Y - 1$. Removing every barrier ($\varphi = 1$) has a closed form: with population shares
    $s_i = L_i/L$, world output per worker becomes

    $$
    \frac{Y^{*}}{L} = \Big[\sum_i s_i\, y_i^{1/\alpha}\Big]^{\alpha} ,
    $$ (eq-01-full)

    a power mean of the regions' output per worker with exponent $1/\alpha$, always at least the
    ordinary mean $\sum_i s_i y_i$ that the world produces today.

    Two assumptions in this calculation deserve a flag now. The gaps in $y_i$ are treated as
    belonging entirely to the place, so that a worker who moves from South Asia to North America
    becomes as productive as the workers already there. If part of the gap instead travels with
    the person (her schooling, health, habits of work), moving gains less. `gains` captures this
    with a share $\pi$ of each log gap that is *portable*: a worker from region $i$ brings
    $y_i^{\pi}$ units of effective labor wherever she goes, and only $y_i^{1-\pi}$ is the
    {term}`place premium` of region $i$. With $\pi = 1$ nothing is gained by moving. Second, the data
    below give output per person, not per worker, so $L_i$ is the population.
    """),
    check_claim("""
    # Closed forms of the model section, on a grid of markets and of economies.
    for gap, e, bR, bS in [(30.0, 0.0, 1.0, 0.5), (30.0, 6.0, 1.0, 0.5), (20.0, 25.0, 0.5, 2.0),
                           (12.0, 4.0, 2.0, 2.0)]:
        m = gains.WageGapMarket(10.0 + gap, 10.0, bR, bS, external_cost=e)
        assert abs(m.free_movement() - gap / (bR + bS)) < 1e-12                       # (eq-01-free)
        assert abs(m.efficient_migration() - max(gap - e, 0) / (bR + bS)) < 1e-12     # (eq-01-efficient)
        lm = m.market()
        assert abs(lm.global_optimum() - min(e, gap)) < 1e-12                         # Pigouvian wedge
        if e < gap:
            waste = m.outcome(m.efficient_migration()).world_gain - m.outcome(m.free_movement()).world_gain
            assert abs(waste - e**2 / (2 * (bR + bS))) < 1e-9
        out = m.outcome(0.5 * m.free_movement())
        assert abs(out.receiving_surplus - bR * out.migrants**2 / 2) < 1e-9
    w = gains.RegionalEconomy(("a", "b", "c"), [2.0, 1.0, 3.0], [1.0, 5.0, 2.5])
    for a in (0.3, 0.5):
        for phi in (0.2, 0.7):
            out = w.outcome(phi, a)
            want = 6.0 * w.labor * w.output_per_worker ** (phi / a)
            want = want / (w.labor * w.output_per_worker ** (phi / a)).sum()
            assert np.allclose(out.labor, want)                                       # (eq-01-alloc)
        s = w.labor / w.labor.sum()
        full = (s @ w.output_per_worker ** (1 / a)) ** a / (s @ w.output_per_worker) - 1
        assert abs(w.full_mobility_gain(a) - full) < 1e-12                            # (eq-01-full)
        assert w.full_mobility_gain(a) > 0
        assert abs(w.full_mobility_gain(a, portability=1.0)) < 1e-12
    """),
    md(r"""
    ## Explore: the gain from moving, and an external cost

    The first explorer draws the two-country market with $\bar w_R = 40$, $b_R = 1$ and
    $b_S = 0.5$, so that with S's wage at 10 the productivity gap is 30 thousand dollars a year.
    Raise the external cost and watch the efficient number of migrants (the dash-dotted line) slide
    left from free movement, while the blue area, the world's gain at the efficient level, shrinks.
    The orange triangle is what free movement would waste by letting in migrants whose external cost
    exceeds what they add. On the right, the black curve is the world's gain net of the external
    cost; its peak is the efficient level.
    """),
    code("""explore(gfig.draw_wage_gap_market)""", tags=["hide-input"]),
    md(r"""
    What to notice. With $e = 0$ the black curve peaks exactly at free movement. As $e$ rises the
    peak moves left, and the gap between the square (free movement) and the peak widens with the
    square of $e$. Only when $e$ reaches the whole productivity gap of 30 does the efficient level
    hit zero; for any smaller external cost, some migration is better than none. In the live
    notebook, lower S's wage: a wider productivity gap raises both the gain and the efficient number
    of migrants, so the same external cost justifies proportionally less restriction.
    """),
    check_claim("""
    m6 = gfig.wage_gap_market(6.0)
    assert abs(m6.free_movement() - 20.0) < 1e-12 and abs(m6.efficient_migration() - 16.0) < 1e-12
    costs = np.linspace(0.0, 36.0, 73)
    eff = np.array([gfig.wage_gap_market(e).efficient_migration() for e in costs])
    free = gfig.wage_gap_market(0.0).free_movement()
    assert abs(eff[0] - free) < 1e-12                       # no external cost: free movement is efficient
    assert np.all(np.diff(eff) <= 0)                        # falls as the external cost rises
    assert np.all(eff[costs < 30.0] > 0)                    # positive while the gap exceeds the cost
    assert np.all(eff[costs >= 30.0] == 0)
    waste = [gfig.wage_gap_market(e).outcome(gfig.wage_gap_market(e).efficient_migration()).world_gain
             - gfig.wage_gap_market(e).outcome(free).world_gain for e in (3.0, 6.0, 12.0)]
    assert abs(waste[1] / waste[0] - 4.0) < 1e-9 and abs(waste[2] / waste[1] - 4.0) < 1e-9
    wide = gfig.wage_gap_market(6.0, 0.0)
    assert wide.efficient_migration() > m6.efficient_migration()
    assert wide.efficient_migration() / wide.free_movement() > m6.efficient_migration() / m6.free_movement()
    """),
    md(r"""
    The second explorer runs the world calculation of {eq}`eq-01-alloc` on real data: population
    and GDP per person for 142 countries from 1952 to 2007, compiled by Gapminder and distributed
    with the `plotly` package {cite:p}`bryan2017`, grouped into nine world regions. The book ships a
    small extract of it with the `migcoop` library (see `migcoop/data/README.md` for its source,
    licence and derivation). Move the capital share and the year. The curve on the left is the
    world's gain as more of each wage gap is removed; the bars on the right compare the full gain
    with published estimates, and with the same calculation on five continents or on 142 separate
    countries.
    """),
    code("""explore(gfig.draw_world_gain)""", tags=["hide-input"]),
    md(r"""
    What to notice. The curve climbs steeply and then flattens: removing the first half of each
    wage gap already captures most of the gain. The full gain is of the order of world GDP itself,
    inside the range of published estimates for most capital shares. A smaller capital share gives a
    larger gain. And the answer depends on how finely the world is divided: five continents hide
    the gaps within Asia or the Americas and give a smaller number, 142 countries a larger one.
    """),
    check_claim("""
    w07 = gfig.economy(2007)
    g = w07.gain(gfig.PHI, 0.35)
    assert np.all(np.diff(g) > 0) and g[50] / g[-1] > 0.75
    lo, hi = gains.PUBLISHED_RANGE
    assert lo <= 100 * w07.full_mobility_gain(0.35) <= hi
    alphas = np.arange(0.25, 0.61, 0.05)
    inside = [lo <= 100 * w07.full_mobility_gain(a) <= hi for a in alphas]
    assert sum(inside) >= len(alphas) - 2
    assert all(x > y for x, y in zip([w07.full_mobility_gain(a) for a in alphas],
                                     [w07.full_mobility_gain(a) for a in alphas[1:]]))
    for year in gains.YEARS:
        full = [gfig.economy(year, grp).full_mobility_gain(0.35) for grp in ("continent", "region", "country")]
        assert full[0] < full[1] < full[2]
    """),
    md(r"""
    ## What the model teaches

    ### Full mobility is the largest gain, and the first steps yield the most

    Does removing more of every barrier always help, and where does most of the gain come from?
    The table computes the gain for several shares $\varphi$ of the wage gaps removed, in three
    years and at a capital share of 0.35, and the share of the full gain each step already delivers.
    """),
    code(r"""
    phis = (0.1, 0.25, 0.5, 0.75, 1.0)
    print(f"{'year':>5} " + " ".join(f"{'φ = ' + format(p, 'g'):>10}" for p in phis) + f" {'half/full':>10}")
    rows = {}
    for year in (1952, 1982, 2007):
        g = 100 * gfig.economy(year).gain(np.array(phis), 0.35)
        rows[year] = g
        print(f"{year:>5} " + " ".join(f"{x:>9.1f}%" for x in g) + f" {g[2] / g[-1]:>10.2f}")
    """, tags=["hide-input"]),
    check_claim("""
    for g in rows.values():
        assert np.all(np.diff(g) > 0)                         # more removed, more gained
        assert g[-1] == max(g)                                # full mobility is the largest gain
        assert g[2] / g[-1] > 0.75 and g[1] / g[-1] > 0.4     # the first half gives over three quarters
    # For every year and capital share: the curve never falls, peaks at phi = 1, lies above the
    # straight line to the full gain, and is concave once the first 15 per cent of each gap is gone.
    grid = np.linspace(0, 1, 101)
    for year in gains.YEARS:
        for a in np.arange(0.25, 0.61, 0.05):
            c = gfig.economy(year).gain(grid, a)
            assert np.all(np.diff(c) >= 0) and np.argmax(c) == len(c) - 1
            assert np.all(c >= grid * c[-1] - 1e-12)
            assert np.all(np.diff(c[grid >= 0.15], 2) <= 1e-12)
    """),
    md(r"""
    Two lessons. First, full mobility gives the largest gain. This is not an accident of the data:
    the derivative of world output with respect to $\varphi$ is positive for every $\varphi < 1$ and
    zero at $\varphi = 1$, because the last step equalises marginal products, which is exactly the
    efficiency condition. Second, the curve is steep at first and flat at the end. In every year
    from 1952 to 2007, and for every capital share from 0.25 to 0.6, removing half of each wage gap
    yields more than three quarters of the whole gain, and after the first 15 per cent or so each
    further step is worth less than the one before. Hamilton and Whalley found the same shape, and
    it is the familiar logic of deadweight losses: a distortion's cost grows faster than its size,
    so the first cuts in the largest distortions are worth the most. The curve is not concave from
    the very start, though: with wage gaps this wide, the first few steps are close to a straight
    line.

    ### By year and by capital share

    The next figure puts the full-mobility gain for every Gapminder year beside the band of
    published estimates, for three capital shares.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        by_year = gfig.draw_gain_by_year(fig, (0.3, 0.4, 0.5))
    fig
    """, name="fig-01-years", caption=(
        "The gain from removing every barrier to labor mobility between nine world regions, in per "
        "cent of world GDP, for each Gapminder year from 1952 to 2007 and three capital shares. The "
        "grey band is the 50-150 per cent range of published estimates."),
        alt=("Line chart of the full-mobility gain against the year from 1952 to 2007 for capital "
             "shares 0.3, 0.4 and 0.5. The three lines are nearly flat: about 115 to 135 per cent of "
             "world GDP at 0.3, about 80 to 95 per cent at 0.4 and about 55 to 67 per cent at 0.5, "
             "all inside the grey band from 50 to 150 per cent.")),
    check_claim("""
    for a, g in by_year.items():
        assert np.all((g >= 50) & (g <= 150)), a              # inside the published range every year
        assert g.max() - g.min() < 25                        # roughly stable over half a century
    assert np.all(by_year[0.3] > by_year[0.4]) and np.all(by_year[0.4] > by_year[0.5])
    """),
    md(r"""
    The prize has been about as large, relative to world output, throughout the half century the
    data cover: the world grew richer, but the gaps between its regions did not close. The capital
    share matters far more than the year. With a third of income going to immobile factors the
    gain is of the order of world GDP; with half, about 60 per cent; with 0.3, well over 100 per
    cent.

    ### How many people would have to move?

    The estimate's size has a price in realism. {eq}`eq-01-alloc` moves workers until wage gaps have
    shrunk, and with gaps as wide as today's that means moving a large share of humanity.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        moved, gain_path = gfig.draw_migrants_needed(fig, 2007, 0.35)
    fig
    """, name="fig-01-movers", caption=(
        "The world output gain against the share of the world's people who move, as the share of each "
        "wage gap removed rises from 0 to 1 (2007 data, nine regions, capital share 0.35)."),
        alt=("Curve rising from the origin: removing a quarter of each gap moves about 29 per cent of "
             "the world's people and yields a gain of about 50 per cent of world GDP; removing every "
             "gap moves about 82 per cent and yields about 100 per cent.")),
    check_claim("""
    full = gfig.economy(2007).outcome(1.0, 0.35)
    quarter = gfig.economy(2007).outcome(0.25, 0.35)
    assert 0.80 < full.migrant_share < 0.84 and 0.27 < quarter.migrant_share < 0.31
    assert 0.48 < quarter.gain < 0.52 and 0.98 < full.gain < 1.02
    assert np.all(np.diff(moved) > 0) and np.all(np.diff(gain_path) > 0)
    """),
    md(r"""
    Removing every barrier in 2007 would, in this calculation, move about 82 per cent of the world's
    people, and even a quarter of each gap moves close to 30 per cent. Real migration would be far
    smaller: people value home, language and family, moving is costly, and the model's migrants are
    as productive in their new region as the natives. Numbers this large are best read as a measure
    of how much the current allocation of workers across places departs from an efficient one, not
    as a forecast.

    ### Why the published estimates differ

    The published figures range from about 67 to about 147 per cent of world GDP. The model points
    to the main reasons.
    """),
    code(r"""
    w07 = gfig.economy(2007)
    cases = {
        "nine regions, α = 0.35 (this chapter)": w07.full_mobility_gain(0.35),
        "capital share 0.25": w07.full_mobility_gain(0.25),
        "capital share 0.50": w07.full_mobility_gain(0.50),
        "five continents": gfig.economy(2007, "continent").full_mobility_gain(0.35),
        "142 countries": gfig.economy(2007, "country").full_mobility_gain(0.35),
        "a quarter of each gap portable": w07.full_mobility_gain(0.35, portability=0.25),
        "half of each gap portable": w07.full_mobility_gain(0.35, portability=0.5),
    }
    for label, value in cases.items():
        print(f"{label:<42} {100 * value:>6.1f}% of world GDP")
    print()
    for e in gains.PUBLISHED_ESTIMATES:
        print(f"{e.study:<42} {e.gain_percent:>6.1f}%  ({e.method})")
    """, tags=["hide-input"]),
    check_claim("""
    base = cases["nine regions, α = 0.35 (this chapter)"]
    assert cases["capital share 0.25"] > base > cases["capital share 0.50"]
    assert cases["five continents"] < base < cases["142 countries"]
    assert cases["half of each gap portable"] < cases["a quarter of each gap portable"] < base
    assert cases["half of each gap portable"] < 0.25 * base
    lo, hi = gains.PUBLISHED_RANGE
    assert all(lo <= e.gain_percent <= hi for e in gains.PUBLISHED_ESTIMATES)
    """),
    md(r"""
    **Capital.** The capital share $\alpha$ governs how fast wages fall as workers arrive. A smaller
    immobile share means a flatter marginal product schedule, more movement and a larger gain. If
    capital follows workers in the long run, as it tends to, the effective immobile share is
    smaller than the national-accounts capital share and the gain larger; if land and
    infrastructure are scarce, the reverse.

    **Skills and the place premium.** If part of a gap in output per worker travels with the worker,
    the gain falls fast: with half of each log gap portable, the gain falls to less than a quarter
    of the baseline. Estimates that count workers in efficiency units, or that separate skilled from
    unskilled labor as the computable general equilibrium model of {cite:t}`iregui2005` does, come
    out lower than the simple calculation. {cite:t}`clemens2011` reviews the evidence that most of
    the wage gap for observably identical workers is a place premium, which supports numbers at the
    high end.

    **Per capita or per worker.** The Gapminder extract has population and output per person, so
    this chapter treats everyone as a worker. Where a smaller share of the population works (more
    children, fewer women in paid work), output per *worker* is higher than output per person and
    the measured gaps change. {cite:t}`hamilton1984` worked from GNP per capita too;
    {cite:t}`moses2004` repeated their calculation on later data.

    **Aggregation.** Splitting the world more finely reveals more gaps to close, which is why 142
    countries give a larger number than nine regions and five continents a smaller one. This is a
    general result: merging two regions replaces their outputs per worker by an average, and the
    power mean in {eq}`eq-01-full` is convex in them, so merging never raises the gain.
    """),
    md(r"""
    ## In practice

    **The United States and Mexico.** In the Gapminder data, output per person in 2007 was about
    43,000 dollars in the United States and about 12,000 in Mexico, a ratio of about 3.6. In the
    two-country picture, that gap is the distance between the two wage schedules before anyone
    moves, and the large, mostly unauthorised flow of Mexican workers northward is the market trying
    to close it. The chapter's model says that some restriction of that flow can be efficient, if
    migrants impose external costs on the United States, but that the efficient flow is far from
    zero unless those costs are nearly as large as the productivity gap itself.

    **China and India.** In the world calculation, South Asia (India's region) and East and Southeast
    Asia (China's) hold most of the world's people and, in 2007, output per person of about 2,300
    and 5,600 dollars, against more than 30,000 in North America, Western Europe, Japan and Oceania.
    Most of the gain in {eq}`eq-01-full` comes from those two regions' workers moving to the rich
    ones, which is why the estimate is so large and also why it is so far from anything a political
    process would accept.

    **The European Union.** Free movement of workers among EU members is the one large-scale
    experiment in removing barriers among countries with real wage gaps. It shows both halves of
    this chapter: labor did move towards higher wages when the union enlarged, and member states
    kept rules, such as limits on access to welfare benefits for newcomers who do not work, aimed at
    exactly the nonpecuniary externalities of welfare migration. Later chapters return to it.

    **Trade against migration.** The comparison that motivates the book is stark. Estimated gains
    from removing all remaining trade barriers are a few per cent of world GDP, yet trade is where
    almost all international cooperation has gone; the gains from labor mobility are measured in
    tens of per cent even for partial steps, yet migration is nearly untouched by agreements
    {cite:p}`clemens2011,sykes2013`. The next chapters ask why.
    """),
    check_claim("""
    by = {(r.country, r.year): r for r in gains.load_gapminder()}
    us, mx = by["United States", 2007].gdp_per_capita, by["Mexico", 2007].gdp_per_capita
    assert 42_000 < us < 44_000 and 11_000 < mx < 13_000 and 3.5 < us / mx < 3.7
    w = gfig.economy(2007)
    y = dict(zip(w.names, w.output_per_worker))
    assert 2_200 < y["South Asia"] < 2_400 and 5_500 < y["East and Southeast Asia"] < 5_700
    assert all(y[r] > 30_000 for r in ("North America", "Western Europe", "Japan and Oceania"))
    share = dict(zip(w.names, w.labor / w.world_labor))
    assert share["South Asia"] + share["East and Southeast Asia"] > 0.5
    out = w.outcome(1.0, 0.35)
    movers = dict(zip(w.names, out.emigrants))
    assert movers["South Asia"] + movers["East and Southeast Asia"] > 0.5 * out.migrants
    """),
    md(r"""
    ## Exercises

    ```{exercise} Is free movement efficient?
    :label: ex-01-1

    *Conceptual · about 10 minutes.*

    A classmate says: "The first welfare theorem proves that open borders are efficient, so every
    immigration restriction is a deadweight loss." Say which assumption of the theorem migration can
    violate, give two examples from this chapter, and explain what survives of the classmate's
    claim. What question does this leave for international cooperation?
    ```

    ```{solution} ex-01-1
    :class: dropdown

    The theorem assumes that every effect of one agent's choices on others passes through market
    prices (complete markets, no nonpecuniary externalities). Migration can violate this: welfare
    migration shifts the cost of income support, health care and schooling onto taxpayers;
    newcomers congest public facilities; some may be drawn by returns to crime; and as voters they
    may redistribute towards themselves. With an external cost $e$ per migrant, the efficient level
    of migration is $m^* = (\Delta - e)/(b_R + b_S)$, below free movement: some restriction is
    efficient. What survives is that restrictions beyond the external cost destroy value, and that
    as long as the productivity gap $\Delta$ exceeds $e$, the efficient level is positive. The
    question for cooperation is therefore not whether to restrict but whether the restrictions that
    governments choose alone, weighing only their own citizens' interests, are the efficient ones.
    ```

    ```{exercise} The efficient number of migrants
    :label: ex-01-2

    *Computational · about 15 minutes.*

    In the chapter's market, the wage in R is $40 - m$ and the wage in S is $10 + 0.5\,m$ (\$ thousand a
    year, $m$ in millions), and each migrant imposes an external cost of $e = 6$ thousand dollars a
    year on R. Find (a) the efficient number of migrants, (b) the world's gain at that number and
    (c) the world's gain under free movement, both in billions of dollars a year. Check all three at
    once with `check("ex-01-2", (m_star, gain_star, gain_free))`.
    ```

    ```{solution} ex-01-2
    :class: dropdown

    (a) The wage gap is $30 - 1.5\,m$; migration is efficient while it exceeds $e = 6$, so
    $m^* = 24/1.5 = 16$ million. (b) From {eq}`eq-01-gain`, $G(16) = 24 \times 16 - 0.75 \times 16^2
    = 384 - 192 = 192$ billion dollars. (c) Free movement stops where the gap is zero, at
    $m^f = 20$ million, and $G(20) = 24 \times 20 - 0.75 \times 400 = 180$ billion. The difference,
    12 billion, equals $e^2/[2(b_R + b_S)] = 36/3$: the triangle of migrants whose external cost
    exceeds what they add.
    ```
    """),
    solution("""
    m = gains.WageGapMarket(40.0, 10.0, 1.0, 0.5, external_cost=6.0)
    m_star = m.efficient_migration()
    gain_star = m.outcome(m_star).world_gain
    gain_free = m.outcome(m.free_movement()).world_gain
    print(f"efficient {m_star:.1f} million; gain there {gain_star:.0f}, under free movement {gain_free:.0f} $ bn")
    check("ex-01-2", (m_star, gain_star, gain_free))
    """),
    check_claim("""
    assert abs(m_star - 16) < 1e-9 and abs(gain_star - 192) < 1e-9 and abs(gain_free - 180) < 1e-9
    """),
    md(r"""
    ```{exercise} A two-region world
    :label: ex-01-3

    *Computational · about 20 minutes.*

    A stylised world has a North with 1 billion workers producing 40 thousand dollars each and a
    South with 5 billion producing 4 thousand dollars each. Take a capital share $\alpha = 1/3$.
    Use {eq}`eq-01-full` to compute the gain from removing every barrier, in per cent of world GDP,
    and {eq}`eq-01-alloc` to find how many people (in billions) would move. Check both with
    `check("ex-01-3", (gain_percent, movers_billion))`. Then comment on the second number.
    ```

    ```{solution} ex-01-3
    :class: dropdown

    Population shares are $1/6$ and $5/6$, and $1/\alpha = 3$. Today world output per worker is
    $(40 + 5 \times 4)/6 = 10$ thousand dollars. With full mobility it is
    $[\tfrac16 40^3 + \tfrac56 4^3]^{1/3} = [10\,666.7 + 53.3]^{1/3} = 10\,720^{1/3} \approx 22.05$,
    so the gain is about 120 per cent of world GDP. The North's share of labor becomes
    $\tfrac16 40^3 / 10\,720 \approx 0.995$, so it employs about 5.97 of the 6 billion workers: about
    4.97 billion people, nearly everyone in the South, would move. The calculation's large gains
    come with a reallocation no one expects to happen, which is why estimates like this measure the
    size of the distortion rather than forecast what liberalisation would bring.
    ```
    """),
    solution("""
    world = gains.RegionalEconomy(("North", "South"), [1.0, 5.0], [40.0, 4.0])
    out = world.outcome(1.0, 1 / 3)
    gain_percent, movers_billion = 100 * out.gain, out.migrants
    print(f"gain {gain_percent:.1f}% of world GDP; {movers_billion:.2f} billion people move")
    check("ex-01-3", (gain_percent, movers_billion))
    """),
    check_claim("""
    assert abs(gain_percent - 100 * (10720 ** (1 / 3) / 10 - 1)) < 1e-9
    assert abs(movers_billion - (5 - 6 * (64 * 5 / 6) / 10720)) < 1e-9
    """),
    md(r"""
    ```{exercise} The first quarter
    :label: ex-01-4

    *Computational · about 15 minutes.*

    Using the 2007 Gapminder data grouped into nine regions (`gfig.economy(2007)`) and a capital share
    of 0.35, what share of the gain from removing every barrier is obtained by removing only a
    quarter of each wage gap ($\varphi = 0.25$)? Give it as a fraction and check it with
    `check("ex-01-4", share)`. Why is it more than a quarter?
    ```

    ```{solution} ex-01-4
    :class: dropdown

    `w.gain(0.25, 0.35) / w.full_mobility_gain(0.35)` gives almost exactly 0.5: a quarter of each
    gap removed yields about half of the whole prize. The reason is the shape of deadweight losses: the
    cost of a barrier rises more than in proportion to its height, because each extra bit of
    restriction blocks moves whose gains are larger than those of the moves it blocked before. So
    the first cut in a high barrier removes the costliest part of the distortion, and the gain curve
    lies above the straight line to the full gain.
    ```
    """),
    solution("""
    w = gfig.economy(2007)
    share = w.gain(0.25, 0.35) / w.full_mobility_gain(0.35)
    print(f"a quarter of each gap removed gives {share:.1%} of the full gain")
    check("ex-01-4", share)
    """),
    check_claim("""
    assert 0.48 < share < 0.52
    """),
    md(r"""
    ```{exercise} What moves the prize?
    :label: ex-01-5

    *Exploration · about 20 minutes.*

    Open this chapter in Jupyter (or on Binder) and use the world-gain explorer. (a) Find the
    capital shares at which the nine-region estimate leaves the published range of 50 to 150 per
    cent in 2007 and in 1952. (b) Compare the regional estimate with the five-continent and
    142-country bars: which regional gaps does the continental grouping hide? (c) Using
    `gfig.economy(2007).full_mobility_gain(0.35, portability=p)` for a few values of `p`, find the
    portable share of each gap at which the gain falls to the size of the trade gains Clemens
    reports, a few per cent of world GDP. What does this suggest about which empirical question
    matters most?
    ```

    ```{solution} ex-01-5
    :class: dropdown

    (a) In 2007 the estimate exceeds 150 per cent only for capital shares below 0.25 (at 0.25 it is
    about 143 per cent), and it drops below 50 per cent between capital shares of 0.5 and 0.55. In
    1952 the gains are a little larger at every capital share, so the band shifts slightly: about
    151 per cent at 0.25 and just above 50 per cent at 0.55. (b) Continents pool North America with Latin
    America and Western with Eastern Europe, and the Middle East and North Africa with Sub-Saharan
    Africa and with Asia; averaging hides those gaps, so the continental gain is smaller. The
    country-level gain is larger because it also counts gaps within regions (for instance between
    the Gulf states and their neighbours). (c) The gain falls steeply with portability: with
    three quarters of each gap portable it is only a few per cent of world GDP. Whether wage gaps
    belong to places or to people is therefore the empirical question on which the size of the
    prize turns, and the evidence Clemens reviews points to places.
    ```
    """),
    solution("""
    w = gfig.economy(2007)
    for p in (0.0, 0.25, 0.5, 0.75, 0.9):
        print(f"portable share {p:4.2f}: full gain {100 * w.full_mobility_gain(0.35, portability=p):6.1f}%")
    for a in np.arange(0.2, 0.65, 0.05):
        print(f"alpha {a:.2f}: 2007 {100 * w.full_mobility_gain(a):6.1f}%, "
              f"1952 {100 * gfig.economy(1952).full_mobility_gain(a):6.1f}%")
    """),
    check_claim("""
    w52 = gfig.economy(1952)
    assert w.full_mobility_gain(0.2) > 1.5 > w.full_mobility_gain(0.25) > 1.4
    assert w.full_mobility_gain(0.5) > 0.5 > w.full_mobility_gain(0.55)
    assert 1.5 < w52.full_mobility_gain(0.25) < 1.52 and 0.5 < w52.full_mobility_gain(0.55) < 0.52
    assert all(w52.full_mobility_gain(a) > w.full_mobility_gain(a) for a in np.arange(0.2, 0.65, 0.05))
    assert 0.01 < w.full_mobility_gain(0.35, portability=0.75) < 0.08
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows the introduction and the opening of part I of {cite:t}`sykes2013`. The
    claim that labor mobility dwarfs other liberalisation is from {cite:t}`rodrik2002`; the
    calculations are {cite:t}`hamilton1984`, {cite:t}`moses2004` and {cite:t}`iregui2005`, and
    {cite:t}`clemens2011` surveys them beside estimates for trade and capital. The first welfare
    theorem is stated in {cite:t}`mascolell1995`, and {cite:t}`sykes1995` discusses the external
    costs of migration, including welfare migration. The data are Gapminder's, as packaged by
    {cite:t}`bryan2017`.
    """),
]

# A hidden check that follows solution code checks the solution's numbers: tag it
# "solution" too, so that the student edition drops it with the code it checks.
for before, cell in zip(cells, cells[1:], strict=False):
    if "solution" in before.metadata.get("tags", []) and "remove-cell" in cell.metadata.get("tags", []):
        cell.metadata["tags"] = [*cell.metadata["tags"], "solution"]

if __name__ == "__main__":
    print(write("chapters/01_the_case_for_free_movement.ipynb", cells))
