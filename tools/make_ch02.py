"""Write chapters/02_terms_of_trade.ipynb (run: .venv/bin/python tools/make_ch02.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Terms-of-trade externalities

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part I.A.1 of {cite:t}`sykes2013`. After it you should be able to:
    - explain why a {term}`large country` gains from a small tariff, and why the tariff it picks on
      its own is higher than the world would choose;
    - derive Johnson's rule: the {term}`optimal tariff` as an ad valorem rate is one over the
      {term}`elasticity of supply` of foreign sellers;
    - show that a tariff war is a {term}`prisoner's dilemma` and compute the patience that makes free
      trade a {term}`self-enforcing agreement`;
    - apply the same logic to a cap on migrant workers, and say when some restriction is efficient,
      why the receiving country restricts more than that, and who must keep the cap's rent;
    - explain why trade law bans {term}`local-content requirement`s for goods but not for labor.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import markets, repeated, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import trade
    """),
    md(r"""
    ## The argument

    Start with trade in goods, where the economics is settled. A country is *large* when its
    purchases move the world price of what it buys: foreign sellers face an upward-sloping supply
    curve, so when the country buys less, the price they accept falls. Put a tariff on such imports
    and two things happen. Domestic buyers pay more and import less, which destroys some gains from
    trade. But foreign sellers, pushed down their supply curve, now receive less for every unit they
    still sell. Part of the tariff is paid by foreigners. The country's {term}`terms of trade`, the
    price of its imports relative to its exports, improve.

    A government that weighs only its own citizens counts the second effect as a gain and ignores
    what it costs the foreign sellers. So it sets a tariff above the level that would maximise the
    world's welfare: the cost it shifts abroad is a {term}`terms-of-trade externality`. The classic
    statement is {cite:t}`johnson1953`; {cite:t}`bagwell2002` make it the organising idea of the
    economics of the world trading system. The conclusion does not depend on what governments
    maximise. If they maximise national income, free trade is efficient and every positive
    noncooperative tariff is too high. If they weigh some producers more heavily, as in the
    political-economy model of {cite:t}`grossman1995`, the efficient tariff may be positive, yet the
    tariff each country picks alone is still higher than that. Either way there is room for an
    agreement in which each country lowers its tariff in exchange for the same from its partners.

    The same logic applies to measures that raise no revenue. A regulation that is costly to meet
    lowers what foreign exporters can charge, so a large importer may regulate imports more than is
    efficient; {cite:t}`staiger2011` show how terms-of-trade motives distort regulatory choices in
    this way.

    Now replace goods with workers. Suppose a rich receiving country, call it R, faces an
    upward-sloping supply of migrant labor from a sending country S: to attract more migrants,
    employers in R must offer higher wages, because each extra migrant must give up a better option
    at home or bear higher costs of moving. When R caps immigration, migrants are pushed back down
    their supply curve. R buys migrant labor more cheaply, and the migrants absorb part of the cost
    of the restriction. This is the terms-of-trade externality again, and it pushes R towards more
    restriction than is efficient for the world.

    There is a second route to the same place. The workers who cannot emigrate stay in S and work
    there, so wages in S fall, and so do the costs of goods S makes with that labor. If R imports
    those goods, its import prices fall too. Restricting immigration therefore improves R's terms of
    trade in goods markets as well, again at the expense of workers in S.

    Sykes adds a legal observation. A cap on migrant labor is a {term}`local-content requirement`
    for labor: it forces employers to use domestic workers for a larger share of their jobs than
    they would choose. Trade law treats local-content rules for goods harshly; GATT's national
    treatment rule, the TRIMs agreement and the subsidies agreement all forbid them. Why not for
    labor? The WTO does not aim at free trade; it channels protection into tariffs, a transparent
    instrument that can be negotiated and bound ({term}`tariffication`), and then bans the
    substitutes so that the tariff bargain sticks. Governments do not protect labor markets with
    tariffs. Banning every restriction on migrant labor would leave them no instrument at all with
    which to calibrate how much protection they want. And migration, unlike trade in most goods,
    carries {term}`nonpecuniary externality` costs (strain on public services, welfare use, crime),
    so some restriction is very likely efficient {cite:p}`sykes1995`.

    The question for cooperation, then, is not whether receiving countries should restrict
    migration but whether the restrictions they choose alone are too tight. The model below says
    they are, for the same reason tariffs are too high, and it measures by how much.
    """),
    md(r"""
    ## The model

    One market for an imported thing: goods, or the labor of migrant workers. Buyers in the
    importing country R (consumers, or employers of migrants) demand

    $$
    q = a - b\,p_b ,
    $$ (eq-02-demand)

    where $q$ is the quantity (million units, or million migrant workers), $p_b$ the price buyers pay
    (\$ per unit, or \$ thousand per worker-year), $a > 0$ the quantity demanded at a zero price and
    $b > 0$ how fast demand falls as the price rises. Foreign sellers (exporters, or the migrants
    themselves) supply

    $$
    q = c + d\,p_s ,
    $$ (eq-02-supply)

    where $p_s$ is the price sellers receive, $d > 0$ the slope of foreign supply and $c \le 0$, so
    that sellers need a positive price, $-c/d$, before any of them sell (for migrants: the wage at
    home plus the cost of moving). A policy wedge $t \ge 0$ separates the two prices,

    $$
    p_b = p_s + t .
    $$ (eq-02-wedge)

    The wedge can be a specific tariff, a fee per migrant, or the gap a quota opens between what
    employers pay and what migrants get. Solving the three equations gives the seller price and the
    quantity,

    $$
    p_s(t) = \frac{a - c - b\,t}{b + d}, \qquad q(t) = c + d\,p_s(t),
    $$ (eq-02-equilibrium)

    so a higher wedge lowers the price foreigners receive by $b/(b+d)$ per dollar of wedge: the
    flatter domestic demand and the steeper foreign supply, the more of the wedge foreigners pay.

    **Welfare.** R's welfare is its buyers' surplus, plus the share $\theta$ of the wedge's revenue
    $t\,q$ that R keeps, minus an external cost $e \ge 0$ per unit (for migrants, the net fiscal
    burden or congestion each one brings; zero for goods):

    $$
    W_R(t) = \frac{q^2}{2b} + \theta\, t\, q - e\, q .
    $$ (eq-02-importer)

    A tariff or a fee gives $\theta = 1$. A cap whose visas are handed out free gives the rent to
    whoever holds them: to the migrants, $\theta = 0$. Foreign sellers get their surplus and any rent
    R does not keep, $S(t) = q^2/(2d) + (1-\theta)\,t\,q$, and the world's welfare is the sum,
    $W(t) = W_R(t) + S(t)$.

    **The world's best wedge.** Adding up, the rent cancels and world welfare is the area between
    demand and supply up to $q$, less the external cost. It is largest where the last unit's value to
    buyers equals its cost to sellers plus the external cost:

    $$
    t^{g} = e .
    $$ (eq-02-global)

    This is a {term}`Pigouvian wedge`. With no external cost, free trade is efficient, as the
    {term}`first welfare theorem` leads one to expect {cite:p}`mascolell1995`. With an
    external cost, *some* restriction is efficient, exactly as much as makes each migrant's
    external cost show up in the wage gap.

    **R's best wedge.** R alone maximises $W_R$. With $\theta = 1$, the first-order condition gives

    $$
    t^{n} = e + \frac{q^{n}}{d} ,
    $$ (eq-02-national)

    where $q^n$ is the quantity at R's optimum. The extra term is the terms-of-trade markup: raising
    the wedge a little lowers the price on all $q^n$ units R still buys by $1/d$ per unit of quantity
    given up. Dividing the markup by the seller price gives an ad valorem rate, and since the
    elasticity of foreign supply at that point is $\varepsilon = d\,p_s/q$,

    $$
    \frac{t^{n} - e}{p_s^{n}} = \frac{1}{\varepsilon^{n}} .
    $$ (eq-02-johnson)

    This is Johnson's rule: the optimal tariff equals one over the elasticity of foreign supply. A
    small country facing perfectly elastic supply ($\varepsilon \to \infty$) has no markup; every
    country with some market power restricts more than the world would want.
    """),
    check_claim("""
    # Claims of the model section, checked on a grid of markets.
    for d in (0.25, 0.5, 1.0, 2.0, 4.0):
        for e in (0.0, 3.0, 8.0):
            m = markets.LinearMarket(30.0, 0.5, -10 * d, d, external_cost=e)
            tg, tn = m.global_optimum(), m.national_optimum()
            assert abs(tg - e) < 1e-12                               # (eq-02-global)
            qn = m.equilibrium(tn).quantity
            assert abs(tn - (e + qn / d)) < 1e-9                     # (eq-02-national)
            ps = m.equilibrium(tn).seller_price
            assert abs((tn - e) / ps - 1 / m.supply_elasticity(qn)) < 1e-9   # (eq-02-johnson)
            assert tn > tg                                           # R restricts too much
    assert markets.optimal_tariff(float("inf")) == 0.0
    """),
    md(r"""
    ## Explore: a large country's tariff

    How much does a tariff take from foreigners, and how much does it waste? The explorer below
    uses demand $q = 100 - p_b$ and a foreign supply curve through the free-trade point
    (price 50, imports 50 million units) whose elasticity there is $\varepsilon_0$. Move the tariff
    and watch the two kinds of area on the left: the blue rectangle, the drop in the seller price
    times the units still imported, is what foreigners pay; the two orange triangles are the trades
    that no longer happen, a pure loss, the {term}`deadweight loss`. On the right are the importer's and the world's welfare
    relative to free trade.
    """),
    code("""explore(trade.draw_tariff)""", tags=["hide-input"]),
    md(r"""
    What to notice. For small tariffs the blue rectangle grows much faster than the triangles,
    because the rectangle is proportional to the tariff and the triangles to its square: the
    importer gains. Its welfare peaks at the optimal tariff and then falls; a tariff high enough to
    stop trade leaves it worse off than free trade. World welfare falls from the first dollar of
    tariff, because the rectangle is only a transfer. In the live notebook, raise $\varepsilon_0$:
    the more elastic foreign supply, the less foreigners can be squeezed, and the lower the optimal
    tariff.
    """),
    check_claim("""
    m2 = trade.goods_market(2.0)
    t_small = 2.0
    assert m2.equilibrium(t_small).importer_welfare > m2.equilibrium(0.0).importer_welfare
    assert m2.equilibrium(t_small).world_welfare < m2.equilibrium(0.0).world_welfare
    assert m2.equilibrium(m2.prohibitive_wedge).importer_welfare < m2.equilibrium(0.0).importer_welfare
    ts = np.linspace(0, 40, 81)
    best = [trade.goods_market(e).national_optimum() for e in (1.0, 2.0, 4.0, 8.0)]
    assert all(x > y for x, y in zip(best, best[1:]))   # more elastic supply, lower optimal tariff
    """),
    md(r"""
    ## What the model teaches

    ### Johnson's rule in numbers

    Does the markup really equal one over the elasticity? The table computes R's optimal tariff
    directly, by maximising its welfare, for several supply curves, and sets it beside $1/\varepsilon$
    evaluated at the optimum.
    """),
    code(r"""
    rows = []
    for eps0 in (1.0, 1.5, 2.0, 4.0, 8.0):
        m = trade.goods_market(eps0)
        t = m.national_optimum()
        out = m.equilibrium(t)
        eps = m.supply_elasticity(out.quantity)
        rows.append((eps0, t, out.seller_price, t / out.seller_price, 1 / eps))
    print(f"{'ε at free trade':>16} {'tariff t*':>10} {'seller price':>13} {'t*/p_s':>8} {'1/ε at t*':>10}")
    for r in rows:
        print(f"{r[0]:>16.1f} {r[1]:>10.2f} {r[2]:>13.2f} {r[3]:>8.3f} {r[4]:>10.3f}")
    """, tags=["hide-input"]),
    check_claim("""
    assert all(abs(r[3] - r[4]) < 1e-9 for r in rows)
    assert all(r[3] > 0 for r in rows)
    """),
    md(r"""
    The last two columns agree to the last digit, as {eq}`eq-02-johnson` says. Note that the
    elasticity in the rule is measured at the optimum, not at free trade: with a linear supply curve
    the elasticity changes along the curve.

    ### The tariff war

    If every large country sets its optimal tariff, where do they end up? Take two mirror-image
    countries. Each imports one good from the other in a market like the one above, and each earns
    its sellers' surplus in the other's market. Each chooses between free trade and its optimal
    tariff. Whatever the other does, the optimal tariff is better for a country, because the gain
    from squeezing foreign sellers is its own and the harm falls on the other. Yet when both impose
    it, both are worse off than under free trade: each loses more as an exporter than it gains as an
    importer. The one-shot game is a {term}`prisoner's dilemma`.

    Trade agreements escape the dilemma because the game is repeated. Suppose each country values a
    payoff next year at $\delta$ times the same payoff today, where $\delta$ is the
    {term}`discount factor`, and plays a {term}`grim trigger`: keep free trade as long as the other
    has, and revert to the tariff war for ever after any cheating. Let $C$ be a country's per-period
    payoff under free trade, $D$ its payoff in the period it cheats while the other still trades
    freely, and $P$ its payoff in the tariff war. Cheating pays $D - C$ once and costs $C - P$ in
    every later period, so keeping the agreement is better if
    $D - C \le \frac{\delta}{1-\delta}(C - P)$, that is, if

    $$
    \delta \ \ge\ \delta^{*} = \frac{D - C}{D - P} .
    $$ (eq-02-delta)

    Patient governments can sustain free trade on their own; impatient ones cannot
    {cite:p}`friedman1971,bagwell2002`.
    """),
    code("""explore(trade.draw_tariff_war)""", tags=["hide-input"]),
    md(r"""
    What to notice. Read the matrix: the bold cell, both countries with their optimal tariff, is
    the only Nash equilibrium, and both countries would rather be in the top-left cell. On the
    right, the flat line is the value of keeping free trade and the dashed line the per-period
    value of cheating once and living with a tariff war afterwards; they cross at $\delta^*$. To the
    right of the crossing the agreement holds by itself. In the live notebook, raise the elasticity
    and see the whole matrix move: with less market power there is less to gain by cheating, and a
    smaller $\delta^*$ is needed.
    """),
    check_claim("""
    g = markets.tariff_game(trade.goods_market(2.0))
    assert g.is_prisoners_dilemma
    assert g.payoffs[1, 0, 0] > g.payoffs[0, 0, 0] and g.payoffs[1, 1, 0] > g.payoffs[0, 1, 0]  # dominant
    assert g.payoffs[1, 1, 0] < g.payoffs[0, 0, 0] and g.payoffs[1, 1, 1] < g.payoffs[0, 0, 1]   # both worse
    need = repeated.min_discount_factor(g.cooperate, g.deviate, g.punish)
    assert 0 < need < 1
    assert repeated.is_self_enforcing(min(need + 0.01, 0.99), g.cooperate, g.deviate, g.punish)
    assert not repeated.is_self_enforcing(need - 0.01, g.cooperate, g.deviate, g.punish)
    needs = [repeated.min_discount_factor(h.cooperate, h.deviate, h.punish)
             for h in (markets.tariff_game(trade.goods_market(e)) for e in (1.0, 2.0, 4.0, 8.0))]
    assert all(x > y for x, y in zip(needs, needs[1:]))   # less market power, less patience needed
    """),
    md(r"""
    ### A cap on migrant workers

    Now the migration version. Employers in R demand migrant workers, $q = 30 - 0.5\,w_R$ (millions,
    with $w_R$ the wage employers pay in \$ thousand a year). Migrants supply labor
    $q = d\,(w_M - 10)$, where $w_M$ is the wage migrants receive and 10 is what they earn at home plus
    the yearly cost of moving. Each migrant imposes a net external cost $e$ on R. R sets a cap on
    the number of migrants; the cap opens a gap $w_R - w_M$ between the two wages, the
    {term}`quota rent`. Three questions: how many migrants does the world want, how many does R
    want, and does it matter who collects the rent?
    """),
    code("""explore(trade.draw_migration_cap)""", tags=["hide-input"]),
    md(r"""
    What to notice. With an external cost, world welfare (black) peaks below free movement: the
    world's best cap lets in migrants until the wage gap equals $e$, as {eq}`eq-02-global` says.
    R's welfare (blue) peaks at a tighter cap, because below the world's best cap each further cut
    still lowers the wage R pays all the migrants it keeps. The migrants (orange) lose from every
    tightening. Now switch the rent to the migrants, as happens when visas are given out free and
    employers must pay the market wage: R's welfare becomes a curve that rises with the cap (or,
    with a large external cost, falls all the way), and an intermediate cap no longer helps R at all.
    A cap improves R's terms of trade only if R captures the rent, through a visa fee, an auction, or
    a tax on the employers who hire migrants.
    """),
    check_claim("""
    kept = "receiving country (fee or auctioned visas)"
    free = "migrants (free visas)"
    m = trade.labor_market(0.5, 5.0, kept)
    q_glob = m.equilibrium(m.global_optimum()).quantity
    q_nat = m.equilibrium(m.national_optimum()).quantity
    assert 0 < q_nat < q_glob < m.free_trade_quantity
    caps = np.linspace(0, m.free_trade_quantity, 401)
    world = m.with_cap(caps).world_welfare
    assert abs(caps[np.argmax(world)] - q_glob) < 0.05
    # Migrants lose from every tightening.
    assert np.all(np.diff(m.with_cap(caps).seller_surplus) > 0)
    # Rent to migrants: R's best policy is a corner (no interior cap helps it).
    for e in (0.0, 5.0, 20.0):
        mf = trade.labor_market(0.5, e, free)
        w = mf.with_cap(caps).importer_welfare
        assert np.argmax(w) in (0, len(caps) - 1)
    # A cap and its equivalent wedge give the same allocation.
    for cap in (2.0, 6.0, 10.0):
        a, b = m.with_cap(cap), m.equilibrium(m.wedge_for_quantity(cap))
        assert abs(a.quantity - cap) < 1e-9 and abs(a.seller_price - b.seller_price) < 1e-12
    """),
    md(r"""
    How large is the excess restriction, and what drives it? The gap between R's cap and the world's
    is the terms-of-trade markup of {eq}`eq-02-national`, and the markup is larger the steeper the
    migrant supply curve (the smaller $d$): when migrants' alternatives at home are poor and similar,
    their wage can be pushed down a long way before they stop coming.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        ax = fig.subplots()
        slopes = np.linspace(0.2, 3.0, 57)
        kept = "receiving country (fee or auctioned visas)"
        q_g, q_n, q_f = [], [], []
        for d in slopes:
            m = trade.labor_market(d, 5.0, kept)
            q_g.append(m.equilibrium(m.global_optimum()).quantity)
            q_n.append(m.equilibrium(m.national_optimum()).quantity)
            q_f.append(m.free_trade_quantity)
        ax.plot(slopes, q_f, color=style.GREY, ls=":", label="Free movement")
        ax.plot(slopes, q_g, color=style.WORLD, ls="-.", label="World's best cap")
        ax.plot(slopes, q_n, color=style.RECEIVING, label="Receiving country's best cap")
        ax.fill_between(slopes, q_n, q_g, color=style.SHADE_LOSS, alpha=0.3,
                        label="Excess restriction")
        ax.set(xlabel="Slope of migrant supply d (million migrants per $ thousand)",
               ylabel="Migrants (million)", xlim=(0.2, 3.0), ylim=(0, None))
        ax.legend(loc="upper left")
    fig
    """, name="fig-02-excess", caption=(
        "Migrants admitted under free movement, under the world's best cap and under the receiving "
        "country's best cap, against the slope of migrant supply (external cost 5 thousand dollars "
        "per migrant). The shaded gap is the restriction that only the terms-of-trade motive explains."),
        alt=("Line chart against the slope of migrant supply from 0.2 to 3. Free movement rises from "
             "about 6 to 25 million migrants, the world's best cap lies below it, and the receiving "
             "country's best cap lies further below; the shaded excess restriction between the last two "
             "is a large share of the efficient level when supply is steep.")),
    check_claim("""
    ratio = [n / g for n, g in zip(q_n, q_g)]
    assert all(n < g < f for n, g, f in zip(q_n, q_g, q_f))
    assert all(x < y for x, y in zip(ratio, ratio[1:]))   # relative excess shrinks as supply flattens
    """),
    md(r"""
    What to notice. Both the efficient number of migrants and R's preferred number rise as supply
    gets flatter, but R's stays below the efficient one everywhere, and the proportional gap is
    largest when supply is steep. Only with perfectly elastic supply, where R has no power over
    migrants' wages, would the gap close.

    ### The goods-market channel

    Suppose that each million migrants kept out of R lowers the price of R's imports from S enough to
    save R $g$ billion dollars a year, paid by S's producers. This adds $g$ per migrant excluded to
    R's welfare and subtracts the same from S's, so the world's best cap does not move. R's best cap
    does: the channel works like an extra external cost in R's own calculation,
    $t^n = e + g + q^n/d$, and R restricts further still.
    """),
    check_claim("""
    base = markets.LinearMarket(30.0, 0.5, -5.0, 0.5, external_cost=5.0)
    chan = markets.LinearMarket(30.0, 0.5, -5.0, 0.5, external_cost=5.0, goods_channel=3.0)
    assert chan.global_optimum() == base.global_optimum()
    assert chan.national_optimum() > base.national_optimum()
    qn = chan.equilibrium(chan.national_optimum()).quantity
    assert abs(chan.national_optimum() - (5.0 + 3.0 + qn / 0.5)) < 1e-9
    """),
    md(r"""
    ### A cap is a local-content rule

    A rule that a share $\lambda$ of employment in some sector must be native is a cap in disguise.
    If employers keep $N$ native workers, they may hire at most $N(1-\lambda)/\lambda$ migrants. A
    90 per cent native-content rule in a sector employing 18 million natives caps migrants at
    2 million; relaxing it to 80 per cent allows 4.5 million. Everything above about caps therefore
    applies to local-content rules for labor, and vice versa.
    """),
    check_claim("""
    assert abs(markets.cap_from_local_content(18.0, 0.9) - 2.0) < 1e-9
    assert abs(markets.cap_from_local_content(18.0, 0.8) - 4.5) < 1e-9
    """),
    md(r"""
    ## In practice

    **Tariffs.** The GATT and the WTO are the clearest case of cooperation against a
    terms-of-trade externality. Rounds of reciprocal tariff cuts brought average tariffs on
    dutiable industrial imports of developed countries from several tens of per cent after the war
    to a few per cent today {cite:p}`sykes2013`. Reciprocity matters in the model: each country
    gives up its own terms-of-trade gain in exchange for its partner doing the same, and the threat
    of withdrawing concessions is what keeps the bargain, as in {eq}`eq-02-delta`.

    **Migration.** The United States and Mexico fit the migration version well. The United States is
    a large buyer of low-skilled Mexican labor, and Mexican migrants' alternatives at home shape an
    upward-sloping supply. The model predicts that a US cap chosen unilaterally is tighter than the
    efficient one, whatever the right external cost per migrant is. It also says how the cap works:
    the H-2 temporary programmes and the green-card quotas hand their rents mostly to the employers
    and migrants who obtain the visas rather than to the US Treasury, so part of the terms-of-trade
    motive is blunted, while restrictions that keep migrants' wages low inside the United States,
    such as tying visas to one employer, capture more of it for Americans.

    **Local content.** GATT Article III and the TRIMs agreement forbid requiring domestic
    automobile makers to use domestic steel; nothing in WTO law forbids requiring them to employ
    domestic workers. The model explains the difference: for goods, a tariff exists that can be
    negotiated and bound, so banning its substitutes costs governments nothing they need; for
    labor, the cap *is* the instrument, and an efficient level of it is positive.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Why not ban migration caps?
    :label: ex-02-1

    *Conceptual · about 10 minutes.*

    A colleague argues: "The WTO forbids local-content requirements for goods. Immigration caps are
    local-content requirements for labor. So consistency demands that the WTO forbid them too."
    Using this chapter's model, give two reasons why the argument fails, and say what part of it
    survives.
    ```

    ```{solution} ex-02-1
    :class: dropdown

    First, trade law bans local-content rules for goods because a better instrument, the tariff,
    remains to calibrate protection; the ban protects the negotiated tariff bindings from being
    undone by substitutes. Labor markets have no tariff: a cap (or its wage-gap equivalent) is the
    instrument, so banning it would leave no way to choose any level of restriction. Second, migrants
    can impose nonpecuniary external costs $e > 0$ (fiscal burden, congestion), and then the world's
    best wedge is $t^g = e > 0$: some restriction is efficient, so free movement is not the target.
    What survives is the terms-of-trade point: a receiving country facing an upward-sloping supply of
    migrants chooses $t^n = e + q^n/d > t^g$, so caps chosen alone are too tight, and cooperation could
    loosen them, just as tariff agreements lower tariffs without abolishing them.
    ```

    ```{exercise} The optimal tariff
    :label: ex-02-2

    *Computational · about 15 minutes.*

    Home demand for an import is $q = 100 - p_b$ and foreign supply is $q = 2p_s - 50$ (this is the
    tariff explorer with $\varepsilon_0 = 2$). Find the specific tariff $t$ that maximises the
    importer's welfare, buyer surplus plus tariff revenue. Then verify Johnson's rule at your
    answer. Check your tariff with `check("ex-02-2", t)`.
    ```

    ```{solution} ex-02-2
    :class: dropdown

    From {eq}`eq-02-equilibrium` with $a = 100$, $b = 1$, $c = -50$, $d = 2$: $p_s = (150 - t)/3$ and
    $q = 2p_s - 50 = (150 - 2t)/3$. Importer welfare is $q^2/2 + t\,q$. Its derivative in $t$ is
    $q\,q'(t) + q + t\,q'(t)$ with $q' = -2/3$; setting it to zero gives $q = 2t$, so
    $(150 - 2t)/3 = 2t$ and $t^n = 150/8 = 18.75$. Then $q = 37.5$, $p_s = 43.75$, the elasticity at
    the optimum is $\varepsilon = 2 \times 43.75 / 37.5 = 7/3$, and $t/p_s = 18.75/43.75 = 3/7 =
    1/\varepsilon$, as Johnson's rule says.
    ```
    """),
    solution("""
    m = markets.LinearMarket(100.0, 1.0, -50.0, 2.0)
    t = m.national_optimum()
    out = m.equilibrium(t)
    print(f"optimal tariff {t:.2f}; t/p_s = {t / out.seller_price:.4f}; "
          f"1/elasticity = {1 / m.supply_elasticity(out.quantity):.4f}")
    check("ex-02-2", t)
    """),
    check_solution("""
    assert abs(t - 18.75) < 1e-9 and abs(out.quantity - 37.5) < 1e-9 and abs(out.seller_price - 43.75) < 1e-9
    assert abs(m.supply_elasticity(out.quantity) - 7 / 3) < 1e-9
    """),
    md(r"""
    ```{exercise} Two caps
    :label: ex-02-3

    *Computational · about 20 minutes.*

    In the migration example (employers' demand $q = 30 - 0.5\,w_R$, migrant supply
    $q = 0.5\,(w_M - 10)$, external cost $e = 5$ thousand dollars per migrant, rent kept by R), find
    (a) the number of migrants that maximises world welfare and (b) the number that maximises R's
    welfare, in millions. Check both at once with `check("ex-02-3", (q_world, q_R))`.
    ```

    ```{solution} ex-02-3
    :class: dropdown

    (a) World welfare is largest where the wage gap equals $e$: $w_R - w_M = 5$. With
    $w_R = 60 - 2q$ and $w_M = 10 + 2q$, the gap is $50 - 4q = 5$, so $q^g = 11.25$ million.
    (b) R sets $t^n = e + q/d = 5 + 2q$, so $50 - 4q = 5 + 2q$ and $q^n = 7.5$ million. R admits a
    third fewer migrants than the world would want, and the difference is entirely the terms-of-trade
    markup.
    ```
    """),
    solution("""
    m = trade.labor_market(0.5, 5.0, "receiving country (fee or auctioned visas)")
    q_world = m.equilibrium(m.global_optimum()).quantity
    q_R = m.equilibrium(m.national_optimum()).quantity
    print(f"world's best: {q_world:.2f} million; receiving country's best: {q_R:.2f} million")
    check("ex-02-3", (q_world, q_R))
    """),
    check_solution("""
    assert abs(q_world - 11.25) < 1e-9 and abs(q_R - 7.5) < 1e-9 and abs(q_R / q_world - 2 / 3) < 1e-9
    """),
    md(r"""
    ```{exercise} How patient must they be?
    :label: ex-02-4

    *Computational · about 15 minutes.*

    Use `markets.tariff_game(trade.goods_market(2.0))` to get the payoffs of the tariff war when
    $\varepsilon_0 = 2$. What is the smallest discount factor at which free trade is self-enforcing
    under grim-trigger strategies? Check it with `check("ex-02-4", delta_star)`. Then say in words
    why the answer falls when foreign supply is more elastic.
    ```

    ```{solution} ex-02-4
    :class: dropdown

    From {eq}`eq-02-delta`, $\delta^* = (D - C)/(D - P)$ with $C$ = free-trade payoff, $D$ = payoff from
    cheating once, $P$ = tariff-war payoff. With the payoffs of the matrix ($C = 1875$, $D \approx 2031$,
    $P \approx 1758$ million dollars), $\delta^* = 156.25/273.4 = 4/7 \approx 0.571$. With more elastic foreign
    supply each country can shift less of its tariff onto foreigners, so the one-period gain from
    cheating, $D - C$, shrinks faster than the loss from the war, and less patience is needed.
    ```
    """),
    solution("""
    g = markets.tariff_game(trade.goods_market(2.0))
    delta_star = repeated.min_discount_factor(g.cooperate, g.deviate, g.punish)
    print(f"C = {g.cooperate:.1f}, D = {g.deviate:.1f}, P = {g.punish:.1f}, delta* = {delta_star:.4f}")
    check("ex-02-4", delta_star)
    """),
    check_solution("""
    assert abs(g.cooperate - 1875) < 0.5 and abs(g.deviate - 2031) < 0.5 and abs(g.punish - 1758) < 0.5
    assert abs(delta_star - 4 / 7) < 1e-9
    """),
    md(r"""
    ```{exercise} Who keeps the rent?
    :label: ex-02-5

    *Exploration · about 20 minutes.*

    Open this chapter in Jupyter (or on Binder) and use the migration-cap explorer. Set the external
    cost to 5 and switch who keeps the rent between the receiving country and the migrants. (a) Where
    is the receiving country's best cap in each case? (b) Raise the external cost to 20 with the rent
    going to migrants: what does the receiving country now want, and why? (c) What policy would let
    the receiving country capture the rent of a cap, and what would that do to the migrants?
    ```

    ```{solution} ex-02-5
    :class: dropdown

    (a) With the rent kept (a visa fee or auction), R's welfare peaks at an interior cap of 7.5
    million, below the world's best 11.25 million. With the rent going to migrants, R's welfare is
    buyer surplus minus external cost, $q^2/(2b) - e\,q$, which is convex in $q$: no interior cap is a
    maximum, and with $e = 5$ free movement is R's best choice. (b) With $e = 20$ the external cost is
    large enough that R's welfare at free movement is below its welfare with no migrants at all, so
    R prefers to admit nobody: convexity pushes it to a corner. (c) Selling visas at a price equal to
    the wage gap (or taxing employers per migrant) hands the rent to R; then the interior cap of (a)
    becomes R's best policy. The migrants are worse off than with free visas at the same cap by the
    whole rent, which is the terms-of-trade transfer the chapter describes.
    ```
    """),
    solution("""
    caps = np.linspace(0, 20, 801)
    for rent in trade.RENT_KEPT:
        for e in (5.0, 20.0):
            m = trade.labor_market(0.5, e, rent)
            w = m.with_cap(caps).importer_welfare
            print(f"rent to {rent:45s} e = {e:4.1f}: best cap {caps[np.argmax(w)]:5.2f} million")
    """),
    check_solution("""
    best = {}
    for rent in trade.RENT_KEPT:
        for e in (5.0, 20.0):
            m = trade.labor_market(0.5, e, rent)
            best[rent, e] = caps[np.argmax(m.with_cap(caps).importer_welfare)]
    kept, free = list(trade.RENT_KEPT)
    assert abs(best[kept, 5.0] - 7.5) < 0.03
    assert best[free, 5.0] >= trade.labor_market(0.5, 5.0, free).free_trade_quantity - 1e-9
    assert best[free, 20.0] == 0.0
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part I.A.1 of {cite:t}`sykes2013`. The optimal tariff and retaliation are
    from {cite:t}`johnson1953`; the terms-of-trade theory of trade agreements, including the role of
    reciprocity and self-enforcement, is developed in {cite:t}`bagwell2002`, and the
    political-economy version in {cite:t}`grossman1995`. {cite:t}`staiger2011` extend the argument
    to regulation, {cite:t}`grossman1981` analyses content protection, and {cite:t}`sykes1995` surveys
    the welfare economics of immigration restrictions, including their external costs. The first
    welfare theorem behind the efficiency benchmark is in {cite:t}`mascolell1995`.
    """),
]

if __name__ == "__main__":
    print(write("chapters/02_terms_of_trade.ipynb", cells))
