"""Write chapters/05_one_way_problem.ipynb (run: .venv/bin/python tools/make_ch05.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # The one-way problem

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part I.B.1 of {cite:t}`sykes2013`. After it you should be able to:
    - state the two conditions, besides joint gains, that any agreement must meet, and explain why a
      {term}`reciprocity <Reciprocity>` bargain meets them for trade but not for migration that runs
      one way (the {term}`one-way problem`);
    - work out who gains and who loses when workers move from a labor-abundant to a capital-abundant
      country, and why {term}`those left behind` lose even though the world gains;
    - compute the {term}`emigration tax` (or the {term}`remittances <Remittances>`) that would make
      those left behind whole, and the {term}`immigration surplus` of the receiving country;
    - find the transfers and discount factors that make a one-way deal built on {term}`issue linkage`
      a {term}`self-enforcing agreement`, and show that without a transfer no deal holds.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import repeated, style, two_country
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import one_way
    """),
    md(r"""
    ## The argument

    The earlier chapters found reasons why countries that set migration policy alone end up with
    too little migration, or with migration that is badly enforced or badly shared out. Those
    reasons show that an agreement *could* make everyone better off. They do not show that one
    will be signed, or kept. Sykes, drawing on {cite:t}`bagwell2002`, sets two further tests that
    any international bargain has to pass. First, the joint gain must be divisible so that every
    government that signs comes out ahead of the status quo; a deal that leaves one party a net
    loser will not get its signature. Second, the deal must be a {term}`self-enforcing agreement`:
    there is no world police, so each party must find keeping its promises more valuable than
    breaking them, given how the others would respond.

    Trade agreements pass both tests through {term}`reciprocity <Reciprocity>`. Each country cuts
    its tariffs on the other's goods and in return gains better access for its own exporters. Each
    comes out ahead, and if one of them backslides the other can withdraw its own cuts, so cheating
    buys a short-lived gain at the price of losing the partner's concessions for good. Chapter 2
    showed that this threat keeps free trade going when governments are patient enough.

    Could migration be liberalised the same way? Sometimes. If farm workers from the first country
    would like to work in the second, while engineers from the second would like to work in the
    first, each government can open its labor market in exchange for access for its own people,
    and each can close it again if the other reneges. The bargain looks just like a tariff deal.

    The trouble comes when people want to move in one direction only. Sykes calls this the
    {term}`one-way problem`. Many Mexican workers, mostly with little formal schooling, want to
    work in the United States; very few Americans want to work in Mexico. Estimates of the number of
    Americans who live in Mexico are of the order of half a million {cite:p}`topmiller2011`, against millions of
    Mexicans in the United States. A promise by Mexico to admit more Americans is therefore worth
    almost nothing to the United States, and a straight swap of migration for migration offers it
    nothing for opening up. {cite:t}`hatton2007` makes the same point from the other side: trade
    follows comparative advantage, so both partners have something to sell, while migration
    follows absolute differences in wages, and so runs from poor to rich countries only.
    {cite:t}`hanson2009` reaches a similar conclusion.

    A way out is {term}`issue linkage`: Mexico could pay for US liberalisation in another currency,
    such as lower barriers to US goods and investment, or help with border enforcement
    {cite:p}`haas1980`. Linked bargains are harder to strike, though. They bring more ministries
    and more interest groups to the table, the agreement becomes more complex, and the gains on one
    issue have to be traded against losses on another that are felt by different people.

    There is a deeper difficulty. Linkage works only if the sending country values the
    liberalisation enough to pay for it, and a sending government may not. The migrants themselves
    gain handsomely; they would not move otherwise. But a government may weigh mainly the people who
    stay, and in a simple neoclassical economy {term}`those left behind` lose when workers leave.

    Picture two countries that make the same good from capital and labor under
    {term}`constant returns to scale`, each factor earning its {term}`marginal product`. One is
    rich in capital, the other in labor, so wages are higher in the first and workers want to move
    there. Because each additional worker adds less than the one before, the migrants as a group
    produce more in the receiving country than the wage they are paid, and the difference goes to
    that country's owners of capital: the {term}`immigration surplus` of {cite:t}`borjas1995`. In the
    sending country the same arithmetic runs in reverse. The emigrants were paid their marginal
    product, but they had added more than that in total; the surplus that the sending country's
    capital earned on their work disappears with them {cite:p}`sykes1995`.

    The {term}`brain drain` is a sharper version of the same story. When doctors, engineers and
    teachers leave, the unskilled workers and the capital they worked with become less productive,
    because skilled labor is a complement to both {cite:p}`bhagwati1974,docquier2012`. Developing
    countries have long complained about it. And the same wedge between migrants and stayers blocks
    cooperation on screening, which chapter 3 studied: a sending government that sees emigration as a
    loss has little reason to share what it knows about its emigrants with the receiving country.

    None of this makes cooperation impossible. It says that a sending country will pay for access,
    or help with screening, only if those left behind share in the gains. Some sharing happens on its
    own, when migrants send {term}`remittances <Remittances>` to their families or come home with
    savings and skills. Some could be engineered: {cite:t}`bhagwati1976` proposed that countries of
    emigration levy an {term}`emigration tax` on their nationals' earnings abroad. The model below
    says how large such transfers must be, and what they do to the one-way bargain.
    """),
    md(r"""
    ## The model

    ### Two economies and one flow of workers

    The receiving country R and the sending country S each produce the same good with capital and
    labor. A number $m$ of S's workers (millions) have moved to R:

    $$
    Y_R = A_R K_R^{\alpha} (L_R + m)^{1-\alpha}, \qquad Y_S = A_S K_S^{\alpha} (L_S - m)^{1-\alpha}.
    $$ (eq-05-output)

    Here $Y_i$ is output (billions of dollars a year), $K_i$ the capital stock, which stays put and
    belongs to natives, $L_i$ the native labor force before migration (millions), $A_i$ total factor
    productivity, and $\alpha$ between 0 and 1 capital's share of output; labor's share is $1-\alpha$.
    This Cobb-Douglas technology has constant returns to scale. Every factor is paid its marginal
    product, so the wages (thousands of dollars per worker-year) are

    $$
    w_R(m) = (1-\alpha)\,\frac{Y_R}{L_R + m}, \qquad w_S(m) = (1-\alpha)\,\frac{Y_S}{L_S - m}.
    $$ (eq-05-wages)

    As migrants arrive, R's wage falls; as workers leave, S's wage rises. Each owner of capital
    earns what is left, $\alpha Y_i$ in total.

    **Efficient migration.** World output $Y_R + Y_S$ rises with $m$ at the rate $w_R(m) - w_S(m)$,
    the wage gap, because a worker who moves adds $w_R$ in R and subtracts $w_S$ in S. It is largest
    where the wage gap closes. Writing $k_i = A_i^{1/\alpha} K_i$ for a country's capital in
    productivity-adjusted units, the two wages are equal when

    $$
    m^{*} = \frac{L_S\,k_R - L_R\,k_S}{k_R + k_S}.
    $$ (eq-05-efficient)

    When R has more adjusted capital per worker than S, $m^*$ is positive: some migration is
    efficient, and in this model, with no costs of moving and no external costs, as much as it
    takes to equalise wages.

    **Who gains.** Compare each group of people with where they stood before anyone moved. R's
    natives together gain the output the migrants add beyond what they are paid:

    $$
    \Delta_R(m) = Y_R(m) - Y_R(0) - w_R(m)\,m = \int_0^{m} \big[w_R(x) - w_R(m)\big]\,dx \;>\; 0 .
    $$ (eq-05-surplus)

    Every earlier migrant added more than the wage the last one commands, so the integrand is
    positive. Within R this total hides a redistribution: native workers lose $[w_R(0) - w_R(m)]L_R$
    through the lower wage, while owners of capital gain more than that. The migrants gain
    $w_R(m) - w_S(0)$ each, the new wage against the old one at home.

    In S, consider the people who stay. Their total income before was S's output less what the
    emigrants earned, $Y_S(0) - w_S(0)\,m$; after, it is $Y_S(m)$. So they gain

    $$
    \Delta_{S}(m) = Y_S(m) - Y_S(0) + w_S(0)\,m = -\int_0^{m} \big[w_S(x) - w_S(0)\big]\,dx \;<\; 0 ,
    $$ (eq-05-left-behind)

    where $w_S(x)$ is S's wage once $x$ workers have gone. The stayers who work gain from the higher
    wage, but S's owners of capital lose more. As a group, those left behind lose: the mirror image
    of R's immigration surplus. For a small outflow the loss is tiny, of second order in $m$, which is
    why {cite:t}`grubel1966` could argue that emigration harms no one at the margin; for a large
    outflow it is not.

    **Sharing the gains.** Suppose migrants send home a share $\rho$ of their earnings as
    remittances, and S levies an emigration tax at rate $\tau$ on those earnings, paid to those left
    behind. The stayers are made whole when the transfers cover their loss:

    $$
    (\rho + \tau)\, w_R(m)\, m = -\Delta_S(m)
    \quad\Longrightarrow\quad
    \tau^{*} = \frac{-\Delta_S(m)}{w_R(m)\,m} - \rho .
    $$ (eq-05-breakeven)

    **Borjas's shortcut.** {cite:t}`borjas1995` measures the immigration surplus with three numbers:
    labor's share of income $s$, the {term}`wage elasticity` $e$ (the per cent fall in the wage when
    employment rises one per cent, as a magnitude), and the immigrants' share $m$ of the labor force
    (here a share, not millions). Approximating the demand for labor by a straight line, as a share
    of GDP,

    $$
    \text{surplus} \approx \tfrac12\, s\, e\, m^2, \qquad
    \text{native workers' loss} \approx s\, e\, m\,(1-m), \qquad
    \text{capital's gain} \approx s\, e\, m\,(1 - \tfrac{m}{2}).
    $$ (eq-05-borjas)

    The net gain is the difference between two much larger numbers; the ratio of the workers' loss to
    the surplus is $2(1-m)/m$ whatever $s$ and $e$ are. In the Cobb-Douglas economy $s = 1-\alpha$ and
    $e = \alpha$.
    """),
    check_claim("""
    e0 = one_way.example_economy()
    m_star = e0.efficient_migration()
    ms = np.linspace(0, 0.99 * e0.sending_labor, 991)
    out = e0.outcome(ms)
    # (eq-05-efficient): wages equal at m*, world output largest there
    assert abs(e0.receiving_wage(m_star) - e0.sending_wage(m_star)) < 1e-9
    assert np.all(out.world_output <= e0.outcome(m_star).world_output + 1e-9)
    # (eq-05-surplus), (eq-05-left-behind): signs for every m up to m*
    g = e0.gains(ms[(ms > 0) & (ms <= m_star)])
    assert np.all(g.receiving_natives > 0) and np.all(g.receiving_workers < 0)
    assert np.all(g.receiving_capital > -g.receiving_workers)
    assert np.all(g.left_behind < 0) and np.all(g.left_behind_workers > 0) and np.all(g.sending_capital < 0)
    # the loss is second order: loss / m -> 0 as m -> 0
    small = e0.gains(np.array([1e-3, 1e-2]))
    assert abs(small.left_behind[0]) / 1e-3 < abs(small.left_behind[1]) / 1e-2 / 5
    # Borjas's ratio depends on m alone
    acc = two_country.borjas_accounts(np.array([0.5, 0.7, 0.9]), np.array([0.1, 0.3, 0.9]), 0.1)
    assert np.allclose(acc.redistribution_ratio, 18.0)
    """),
    md(r"""
    ### A one-way deal

    Now the bargain. Measure everything per year, relative to the status quo in which R restricts
    migration and S pays nothing. If R liberalises (admits more of S's workers), R's government
    loses $G_R \ge 0$ a year: the external costs of chapter 2, or the political cost of native
    workers' lower wages, net of the immigration surplus. S's government gains $\Delta S$, however it
    counts gains. Because nobody in R wants to move to S, access to S's labor market is worth nothing
    to R; S must pay in another currency, a transfer $T$ a year standing for trade concessions or
    help with enforcement.

    Each year both decide at once whether to keep the deal, and both play a {term}`grim trigger`: a
    breach sends them back to the status quo for ever. With {term}`discount factor` $\delta$, chapter
    2's condition $\delta \ge (D - C)/(D - P)$ applies to each side. For R, keeping the deal is worth
    $C = T - G_R$; restricting again while this year's payment still arrives is worth $D = T$; the
    status quo is $P = 0$. For S, keeping the deal is worth $\Delta S - T$, and stopping the payment
    while R is still open is worth $\Delta S$. So R keeps the deal if

    $$
    \delta \;\ge\; \frac{G_R}{T},
    $$ (eq-05-r-keeps)

    and S keeps paying if

    $$
    \delta \;\ge\; \frac{T}{\Delta S}.
    $$ (eq-05-s-keeps)

    A larger transfer makes R more willing and S less. At a given $\delta$, the deal holds for
    transfers in the band

    $$
    \frac{G_R}{\delta} \;\le\; T \;\le\; \delta\,\Delta S ,
    $$ (eq-05-band)

    which is empty unless $\delta^2 \ge G_R/\Delta S$. The transfer that needs the least patience sets
    the two thresholds equal:

    $$
    T^{*} = \sqrt{G_R\,\Delta S}, \qquad \delta^{*} = \sqrt{G_R / \Delta S}.
    $$ (eq-05-best)

    Three lessons follow. A deal can hold only if $\Delta S > G_R$, that is, only if the sending
    country values the liberalisation more than it costs the receiving country. With $T = 0$, pure
    migration-for-migration reciprocity when flows run one way, R's threshold is infinite: no
    discount factor sustains the deal. And if S's government counts only those left behind, with no
    remittances or tax, $\Delta S$ is negative and no transfer can work at all.

    For comparison, in a *reciprocal* deal each country $i$ gives up $G_i$ by opening and gains $V_i$
    when the other opens to its people. Keeping the deal is worth $V_i - G_i$ a year and cheating
    once $V_i$, so country $i$ needs

    $$
    \delta \;\ge\; \frac{G_i}{V_i}.
    $$ (eq-05-reciprocal)

    When people move both ways, both ratios can be well below one. When they move one way, R's $V_R$
    is zero and its ratio is infinite.
    """),
    check_claim("""
    deal = repeated.OneWayDeal(restriction_gain=2.0, sending_gain=8.0)
    # (eq-05-r-keeps), (eq-05-s-keeps)
    for t in (1.0, 4.0, 7.0):
        assert abs(deal.receiving_threshold(t) - 2.0 / t) < 1e-12
        assert abs(deal.sending_threshold(t) - t / 8.0) < 1e-12
    # (eq-05-band) and (eq-05-best)
    s = deal.summary()
    assert abs(s.best_transfer - 4.0) < 1e-12 and abs(s.min_delta - 0.5) < 1e-12
    for d in (0.3, 0.45, 0.55, 0.8):
        b = deal.transfer_bounds(d)
        assert b.feasible == (d >= 0.5)
    ts = np.linspace(0.01, 20, 2000)
    assert np.min(deal.threshold(ts)) >= s.min_delta - 1e-9
    # no transfer, no deal; no deal unless Delta S > G_R; Delta S < 0 rules out any T
    assert np.isinf(deal.threshold(0.0))
    assert not repeated.OneWayDeal(8.0, 2.0).summary().exists
    assert not repeated.OneWayDeal(2.0, -1.0).summary().exists
    # (eq-05-reciprocal): two-way flows vs one-way flows
    assert repeated.ReciprocalDeal.symmetric(2.0, 8.0).min_delta() == 0.25
    assert np.isinf(repeated.ReciprocalDeal(2.0, 0.0, 2.0, 8.0).min_delta())
    """),
    md(r"""
    ## Explore: who gains from migration

    The explorer uses an example economy: R has 150 million workers and S 50 million, technology is
    the same in both, and R has several times as much capital per worker as S. S's output per worker
    is 20 thousand dollars a year before anyone moves, so S's wage is $(1-\alpha)\times 20$. The left
    panel follows each group's gain as migration rises from zero to a quarter beyond the efficient
    level; the right panel shows the gains at the efficient level. The static page lets you move the
    emigration tax; in a live notebook you can also change the capital share, the capital gap and
    the remittances.
    """),
    code("""explore(one_way.draw_groups)""", tags=["hide-input"]),
    md(r"""
    What to notice. With the default values (capital share 0.35, R with four times S's capital per
    worker), wages equalise when about 34.6 million of S's 50 million workers have moved, and world
    output (black) peaks exactly there: beyond it, each extra migrant produces less in R than she
    would at home. R's owners of capital gain about 246 billion dollars a year and R's native workers
    lose about 222 billion, leaving R's natives about 24 billion better off. On the sending side, the
    workers who stay gain about 102 billion from the higher wage, but S's owners of capital lose
    about 187 billion, so those left behind lose about 85 billion a year. For any migration short of
    the efficient level, each migrant gains more than each worker who stays; at the efficient level
    they earn the same wage, and so gain the same.

    Now raise the emigration tax. The thick line, everything those left behind receive, swings up;
    it reaches zero at the efficient level when the tax takes about 12.5 per cent of the migrants'
    pay, and the migrants still gain. A larger capital gap means more migration; a larger capital
    share makes wages respond more strongly to it. Either way S's owners of capital lose more per
    dollar the migrants earn, so the tax that makes those left behind whole rises.
    """),
    check_claim("""
    assert abs(m_star - 34.6) < 0.05
    gs = e0.gains(m_star)
    assert abs(gs.receiving_capital - 246) < 1 and abs(gs.receiving_workers + 222) < 1
    assert abs(gs.receiving_natives - 24) < 1
    assert abs(gs.left_behind_workers - 102) < 1 and abs(gs.sending_capital + 187) < 1
    assert abs(gs.left_behind + 85) < 1
    # per head: migrants gain more than stayers below m*, the same at m*
    for frac in (0.2, 0.5, 0.9):
        m = frac * m_star
        o, o0 = e0.outcome(m), e0.outcome(0.0)
        assert o.receiving_wage - o0.sending_wage > o.sending_wage - o0.sending_wage
    o_star, o0 = e0.outcome(m_star), e0.outcome(0.0)
    assert abs((o_star.receiving_wage - o0.sending_wage) - (o_star.sending_wage - o0.sending_wage)) < 1e-9
    # the tax that makes those left behind whole, and migrants still gain with it
    tax = e0.breakeven_emigration_tax(m_star)
    assert abs(tax - 0.125) < 0.001
    taxed = one_way.example_economy(emigration_tax=tax)
    assert abs(taxed.gains(m_star).left_behind) < 1e-6 and taxed.gains(m_star).migrant_workers > 0
    # more capital gap or capital share: a higher tax is needed
    need = [one_way.example_economy(a, k).breakeven_emigration_tax(one_way.example_economy(a, k).efficient_migration())
            for a, k in ((0.35, 2.0), (0.35, 4.0), (0.35, 8.0))]
    assert need[0] < need[1] < need[2]
    need_a = [one_way.example_economy(a, 4.0).breakeven_emigration_tax(m_star) for a in (0.25, 0.35, 0.45)]
    assert need_a[0] < need_a[1] < need_a[2]
    """),
    md(r"""
    ## Explore: when does a one-way deal hold?

    The second explorer draws the band {eq}`eq-05-band` in the plane of the discount factor and the
    transfer. R keeps the deal above the blue curve $T = G_R/\delta$; S keeps paying below the orange
    line $T = \Delta S\,\delta$; the shaded region is where both do. The marker is a proposed deal:
    move it with the two sliders. On the right, bars compare each side's value per year of keeping
    the deal with the yearly equivalent of cheating once and living with the status quo afterwards,
    $(1-\delta)D + \delta P$.
    """),
    code("""explore(one_way.draw_deal)""", tags=["hide-input"]),
    md(r"""
    What to notice. With $G_R = 2$ and $\Delta S = 8$ billion dollars a year, the region starts at the
    star, $\delta^* = 0.5$ and $T^* = 4$, and widens as the governments become more patient. Along the
    bottom edge, $T = 0$, nothing is ever shaded: with nothing to receive, R always does better by
    restricting. Put the marker below the blue curve and R's "cheat" bar beats its "keep" bar; put it
    above the orange line and S's does. In a live notebook, raise $G_R$ towards $\Delta S$: the star
    slides towards $\delta = 1$ and the region shrinks to nothing when the two are equal.
    """),
    check_claim("""
    deal = repeated.OneWayDeal(2.0, 8.0)
    assert deal.holds(0.6, 4.0) and not deal.holds(0.4, 4.0)
    r, s_ = deal.receiving_payoffs(4.0), deal.sending_payoffs(4.0)
    assert r.cooperate >= (1 - 0.6) * r.deviate and s_.cooperate >= (1 - 0.6) * s_.deviate
    r1 = deal.receiving_payoffs(1.0)          # below the blue curve at delta = 0.6
    assert (1 - 0.6) * r1.deviate > r1.cooperate
    s9 = deal.sending_payoffs(9.0)            # above the orange line at delta = 0.6
    assert (1 - 0.6) * s9.deviate > s9.cooperate
    stars = [repeated.OneWayDeal(g, 8.0).summary().min_delta for g in (2.0, 4.0, 6.0, 7.9)]
    assert all(x < y for x, y in zip(stars, stars[1:])) and stars[-1] < 1
    assert not repeated.OneWayDeal(8.0, 8.0).summary().exists
    """),
    md(r"""
    ## What the model teaches

    ### From the economy to the bargain

    Where do $G_R$ and $\Delta S$ come from? The two-country economy supplies them. Suppose the deal
    is that R admits 10 million more workers from S. R's natives gain the immigration surplus, but
    suppose each migrant also imposes an external cost of 1 thousand dollars a year on R (the
    {term}`nonpecuniary externality` of chapter 2), so that R is better off restricting:
    $G_R = e\,m - \Delta_R$. S's government values the change for those left behind, plus a weight
    between 0 and 1 on its emigrants' own gain. The table works out whether a deal exists and, if so,
    the best transfer and the patience it needs.
    """),
    code(r"""
    rows = []
    for label, remit, weight in [
        ("counts only those left behind, no remittances", 0.0, 0.0),
        ("counts only those left behind, 5% remitted", 0.05, 0.0),
        ("counts only those left behind, 10% remitted", 0.10, 0.0),
        ("also counts a quarter of migrants' gain", 0.0, 0.25),
    ]:
        econ = one_way.example_economy(remittance_share=remit)
        stakes = econ.deal_stakes(10.0, external_cost=1.0, migrant_weight=weight)
        summary = repeated.OneWayDeal(stakes.restriction_gain, stakes.sending_gain).summary()
        rows.append((label, stakes.restriction_gain, stakes.sending_gain, stakes.world_gain, summary))
    print(f"{'S government':48} {'G_R':>6} {'ΔS':>7} {'world':>7}  {'deal?':>5} {'T*':>6} {'δ*':>5}")
    for label, g_r, d_s, world, s in rows:
        best = f"{s.best_transfer:6.2f} {s.min_delta:5.2f}" if s.exists else f"{'-':>6} {'-':>5}"
        print(f"{label:48} {g_r:6.2f} {d_s:7.2f} {world:7.2f}  {'yes' if s.exists else 'no':>5} {best}")
    """, tags=["hide-input"]),
    check_claim("""
    g_r = rows[0][1]
    assert all(abs(r[1] - g_r) < 1e-9 for r in rows)             # R's stake does not depend on S's view
    assert abs(g_r - 7.68) < 0.01 and all(r[3] > 60 for r in rows)  # the world gains about 64
    assert rows[0][2] < 0 and not rows[0][4].exists               # no remittances: S loses, no deal
    assert 0 < rows[1][2] < g_r and not rows[1][4].exists         # 5%: S gains, but less than G_R
    assert rows[2][4].exists and abs(rows[2][4].min_delta - 0.70) < 0.005
    assert abs(rows[2][4].best_transfer - 10.95) < 0.01
    assert rows[3][4].exists and abs(rows[3][4].min_delta - 0.74) < 0.005
    """),
    md(r"""
    The world gains about 64 billion dollars a year from this liberalisation, even after the external
    cost, yet with a sending government that counts only those left behind and no remittances there
    is no deal at all: S loses about 5 billion, so it would not pay anything. Remittances of 5 per
    cent of the migrants' pay turn S's stake positive, but it is still smaller than R's cost of
    7.7 billion, and no transfer can satisfy both sides. At 10 per cent the deal exists: the best
    transfer is about 11 billion a year and it holds for discount factors of 0.70 or more. A
    government that gives even a quarter of the weight to its emigrants' own gain gets there without
    remittances, at $\delta \ge 0.74$. Sharing the migrants' gains with those left behind is what
    makes the bargain possible.

    ### How large must the transfers be?

    The tax in {eq}`eq-05-breakeven` grows with the scale of migration, because the loss of those left
    behind is of second order in $m$ while the migrants' earnings are of first order. The figure
    plots it against migration for three capital shares.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        ax = fig.subplots()
        fig.subplots_adjust(left=0.09, right=0.98, bottom=0.15, top=0.96)
        shares = np.linspace(0.01, 1.0, 100)
        rates = {}
        for a, colour, ls in ((0.25, style.SKY, ":"), (0.35, style.BLUE, "-"), (0.45, style.PURPLE, "--")):
            econ = one_way.example_economy(capital_share=a)
            rates[a] = econ.breakeven_transfer_rate(shares * econ.efficient_migration())
            ax.plot(100 * shares, 100 * rates[a], color=colour, ls=ls, label=f"capital share α = {a:.2f}")
        ax.set(xlabel="Migration (% of the wage-equalising level)",
               ylabel="Transfer that makes stayers whole (% of pay)", xlim=(0, 100), ylim=(0, None))
        ax.legend(loc="upper left")
    fig
    """, name="fig-05-breakeven", caption=(
        "The share of migrants' pay that must go home, as remittances or emigration tax, to leave "
        "those left behind in the sending country no worse off, against migration as a share of the "
        "wage-equalising level, for three capital shares (R with four times S's capital per worker)."),
        alt=("Three rising curves starting at zero. With a capital share of 0.35 the required "
             "transfer climbs to about 12.5 per cent of migrants' pay at the efficient level; a "
             "capital share of 0.45 needs more and one of 0.25 less.")),
    check_claim("""
    for a in rates:
        assert np.all(np.diff(rates[a]) > 0) and rates[a][0] < 0.01
    assert np.all(rates[0.25] < rates[0.35]) and np.all(rates[0.35] < rates[0.45])
    assert abs(rates[0.35][-1] - 0.125) < 0.001
    """),
    md(r"""
    The required transfers are modest for small flows (about 2.4 per cent of the migrants' pay when
    10 million move) and grow to about 12.5 per cent at the efficient level in the central case. The
    larger capital's share of output, the more S's capital owners lose per emigrant, and the larger
    the transfer.

    ### The immigration surplus is small; the redistribution is large

    Borjas's calculation for the United States in the mid-1990s took $s = 0.7$, $e = 0.3$ and
    immigrants making up about a tenth of the labor force. Move the immigrant share in the explorer
    below and compare the bars.
    """),
    code("""explore(one_way.draw_borjas)""", tags=["hide-input"]),
    md(r"""
    What to notice. At Borjas's values the natives' net gain is about 0.1 per cent of GDP, while
    native workers lose about 1.9 per cent of GDP and owners of capital gain about 2.0 per cent: some
    18 dollars change hands for every dollar of net gain. The triangle grows with the square of the
    immigrant share, the rectangle roughly in proportion, so the ratio falls as immigration grows,
    but even at a 30 per cent share it is above four. This is why immigration is fought over even
    where it helps the country as a whole, and why a government that listens to workers may see a
    cost $G_R$ where an economist sees a surplus. In the two-country economy the same formula, with
    $s = 1-\alpha$ and $e = \alpha$, approximates the exact surplus well for small inflows.
    """),
    check_claim("""
    acc = two_country.borjas_accounts(0.7, 0.3, 0.1)
    assert abs(acc.surplus - 0.001) < 0.0001 and abs(acc.native_labor_loss - 0.019) < 0.0002
    assert abs(acc.capital_gain - 0.020) < 0.0002 and abs(acc.redistribution_ratio - 18) < 1e-9
    assert two_country.borjas_accounts(0.7, 0.3, 0.3).redistribution_ratio > 4
    # Borjas's triangle approximates the exact Cobb-Douglas surplus for a small inflow
    a = e0.capital_share
    m_small = 3.0
    share = m_small / (e0.receiving_labor + m_small)
    exact = e0.gains(m_small).receiving_natives / e0.outcome(m_small).receiving_output
    approx = two_country.immigration_surplus(1 - a, a, share)
    assert abs(exact / approx - 1) < 0.05
    """),
    md(r"""
    ### The brain drain

    Now let S's output use capital $K$, skilled labor $H$ and unskilled labor $U$,
    $Y = A K^{a} H^{b} U^{1-a-b}$, with each factor paid its marginal product. The unskilled wage
    $w_U = (1-a-b)\,Y/U$ falls when skilled workers leave, because each unskilled worker then has
    fewer skilled colleagues to work with: $\partial w_U/\partial H = b(1-a-b)\,Y/(HU) > 0$. The
    example has 5 million skilled and 45 million unskilled workers, capital's share 0.3 and skilled
    labor's share 0.2; a skilled emigrant earns three times the home skilled wage abroad.
    """),
    figure(r"""
    base = two_country.BrainDrainEconomy(capital_share=0.3, skilled_share=0.2, capital=1000.0,
                                         skilled=5.0, unskilled=45.0, tfp=6.8)
    home = base.outcome(0.0)
    brain = two_country.BrainDrainEconomy(0.3, 0.2, 1000.0, 5.0, 45.0, tfp=6.8,
                                          skilled_wage_abroad=3 * home.skilled_wage)
    leave = np.linspace(0.0, 0.5, 101)
    bd = brain.outcome(leave * 5.0)
    taxed = two_country.BrainDrainEconomy(0.3, 0.2, 1000.0, 5.0, 45.0, tfp=6.8,
                                          skilled_wage_abroad=3 * home.skilled_wage, emigration_tax=0.05)
    bt = taxed.outcome(leave * 5.0)
    fig = style.new_figure(8, 3.6)
    with style.context():
        ax, ax2 = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.96, wspace=0.3)
        ax.plot(100 * leave, 100 * (bd.unskilled_wage / home.unskilled_wage - 1), color=style.SENDING,
                label="Unskilled wage")
        ax.plot(100 * leave, 100 * (bd.skilled_wage / home.skilled_wage - 1), color=style.BLUE, ls="--",
                label="Skilled stayers' wage")
        ax.axhline(0, color=style.GREY, lw=1)
        ax.set(xlabel="Skilled workers who emigrate (%)", ylabel="Wage change at home (%)", xlim=(0, 50))
        ax.legend(loc="upper left")
        ax2.plot(100 * leave, bd.left_behind_gain, color=style.SENDING, label="No transfers")
        ax2.plot(100 * leave, bt.left_behind_gain, color=style.GREEN, ls="-.", label="5% tax on pay abroad")
        ax2.plot(100 * leave, bd.unskilled_gain, color=style.SENDING, ls=":", label="Unskilled workers only")
        ax2.axhline(0, color=style.GREY, lw=1)
        ax2.set(xlabel="Skilled workers who emigrate (%)", ylabel="Gain of those left behind ($ bn a year)",
                xlim=(0, 50))
        ax2.legend(loc="lower left")
    fig
    """, name="fig-05-brain-drain", caption=(
        "The brain drain in a sending economy with capital, skilled and unskilled labor. Left: "
        "percentage change in the home wages of the unskilled and of the skilled who stay, against the "
        "share of skilled workers who emigrate. Right: the gain of everyone left behind without "
        "transfers and with a 5 per cent tax on emigrants' pay abroad, and the unskilled workers' part."),
        alt=("Left: the unskilled wage falls steadily, by about 4 per cent when a fifth of the skilled "
             "leave and 13 per cent when half leave, while the skilled stayers' wage rises. Right: those "
             "left behind lose more the more skilled workers leave; a 5 per cent tax on emigrants' pay "
             "abroad more than offsets the loss until about 30 per cent have left.")),
    check_claim("""
    assert abs(home.skilled_wage - 20.0) < 0.05 and abs(home.output / 50 - 10.0) < 0.05
    i20, i50 = 40, 100
    assert abs(bd.unskilled_wage[i20] / home.unskilled_wage - 1 + 0.044) < 0.001
    assert abs(bd.unskilled_wage[i50] / home.unskilled_wage - 1 + 0.129) < 0.001
    assert np.all(np.diff(bd.unskilled_wage) < 0) and np.all(np.diff(bd.skilled_wage) > 0)
    assert np.all(bd.left_behind_gain[1:] < 0) and np.all(np.diff(bd.left_behind_gain) < 0)
    rate20 = brain.breakeven_transfer_rate(0.2 * 5.0)
    assert abs(rate20 - 0.030) < 0.001
    cross = leave[1:][np.argmax(bt.left_behind_gain[1:] < 0)]
    assert 0.295 <= cross <= 0.31
    """),
    md(r"""
    When a fifth of the skilled emigrate, the unskilled wage falls by about 4.4 per cent, and by
    about 13 per cent when half leave; the skilled who stay gain. Those left behind lose as a group,
    and the unskilled bear a large part of the loss. The same cure works as before: a tax of about
    3 per cent of the emigrants' pay abroad would compensate those left behind when a fifth leave,
    and a 5 per cent tax more than compensates them until about 30 per cent of the skilled have
    gone. Bhagwati's proposal was aimed at exactly this case, highly paid professionals whose
    departure hurts the poorer people who stay.
    """),
    md(r"""
    ## In practice

    **The United States and Mexico.** The pair is the article's leading example of the one-way
    problem, and the model explains the pattern of what has and has not been agreed. A swap of
    migration for migration offers the United States nothing, so liberalisation would have to be
    bought with linked concessions. Yet the obvious currency, Mexican trade and investment barriers,
    was largely spent in NAFTA, whose chapter 16 opened the border only to business visitors,
    intracompany transferees and listed professionals. For Mexico, the stakes depend on how its
    government counts the gains: large remittances from Mexican workers in the United States raise
    $\Delta S$, while the loss of workers and skills to those who stay lowers it.

    **Where flows run both ways.** Free movement works in the European Union and between Australia
    and New Zealand under the Trans-Tasman Travel Arrangement. Their members are at broadly similar
    levels of income, so people move in several directions and each government values access for its
    own citizens: in the language of {eq}`eq-05-reciprocal`, every $V_i$ is positive
    {cite:p}`hatton2007`. The EU's worries about welfare migration from its poorer members are a
    reminder that the flows are not perfectly balanced even there.

    **Temporary programmes.** Most of the cooperation that does exist concerns temporary workers:
    German contract-labor agreements with central and eastern European countries, Canada's seasonal
    farm-worker schemes with Caribbean countries, and the Philippines' agreements placing health-care
    and other workers abroad. Temporary migrants keep their citizenship, their families and their
    votes at home, send money back and eventually return with their savings. In the model that raises
    the effective transfer rate $\rho + \tau$ and the weight a sending government gives its migrants,
    and with them $\Delta S$: exactly the ingredients that turned "no deal" into "deal" in the table
    above.

    **Emigration taxes.** Bhagwati's tax has rarely been tried. The United States taxes its citizens
    on their income wherever they live, and Eritrea levies a 2 per cent tax on the income of its
    diaspora, which shows that such a tax can be collected but also how contentious it is. The
    practical obstacle is enforcement: the sending country needs the cooperation of the receiving
    country's tax authorities, which brings the one-way problem back in a new form.

    **The brain drain.** Philippine nurses in the United Kingdom and Norway, and doctors from
    sub-Saharan Africa in Europe, are the textbook cases. The model's message, that those left behind
    can lose even while emigrants and the world gain, is the starting point of a large literature
    that also weighs the offsetting effects the model leaves out, such as remittances, return
    migration and the extra schooling that the prospect of emigration encourages
    {cite:p}`docquier2012`.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Reciprocity with and without two-way flows
    :label: ex-05-1

    *Conceptual · about 10 minutes.*

    Using the thresholds {eq}`eq-05-reciprocal` and {eq}`eq-05-r-keeps`, explain why free movement
    can be self-enforcing between Australia and New Zealand but a migration-for-migration deal
    between the United States and Mexico cannot. Then give two reasons why issue linkage, which
    solves the problem on paper, is hard to use in practice.
    ```

    ```{solution} ex-05-1
    :class: dropdown

    In a reciprocal deal each country $i$ keeps its promise if $\delta \ge G_i/V_i$, where $V_i$ is the
    yearly value to $i$ of the other opening its labor market to $i$'s people. Australians and New
    Zealanders both move to the other country, so both $V_i$ are positive and, if they are large
    relative to the costs $G_i$, moderate patience suffices. Few Americans want to work in Mexico, so
    $V_{US} \approx 0$ and the US threshold is infinite: closing the border again always pays, because
    nothing the United States values is lost. Linkage replaces $V_{US}$ by a transfer $T$ in another
    currency, so the US threshold becomes $G_R/T$. It is hard to use because (i) the concessions must
    come from other policy areas, bringing in more ministries and interest groups whose losses must be
    compensated, and the agreement becomes complex; (ii) the sending country must value the
    liberalisation more than it costs the receiving country, $\Delta S > G_R$, which fails when its
    government weighs mainly those left behind; and (iii) the currency may already have been spent,
    as trade concessions were in NAFTA.
    ```

    ```{exercise} Making those left behind whole
    :label: ex-05-2

    *Computational · about 20 minutes.*

    In the chapter's example economy (`one_way.example_economy()`: capital share 0.35, R with four
    times S's capital per worker), suppose migrants remit 5 per cent of their pay. (a) How many
    workers move at the efficient level, in millions? (b) What emigration tax, as a share of the
    migrants' pay, leaves those left behind exactly as well off as before? Use
    {eq}`eq-05-efficient`, {eq}`eq-05-left-behind` and {eq}`eq-05-breakeven`, and check both with
    `check("ex-05-2", (m_star, tax))`.
    ```

    ```{solution} ex-05-2
    :class: dropdown

    (a) With equal technology, $k_i \propto K_i$, and R has $4 \times 150/50 = 12$ times S's capital, so
    {eq}`eq-05-efficient` gives $m^* = (50 \times 12 - 150)/(12 + 1) = 450/13 \approx 34.6$ million.
    (b) Those left behind lose $Y_S(0) - w_S(0)\,m^* - Y_S(m^*)$: S's output falls from 1,000 to
    $1000 \times (15.4/50)^{0.65} \approx 464.9$ billion dollars, the emigrants had earned
    $13 \times 34.6 \approx 450.0$ billion, so the stayers lose about $1000 - 450.0 - 464.9 \approx 85.2$
    billion. The migrants earn $w_R(m^*) \approx 19.64$ thousand dollars each, $\approx 679.8$ billion in
    all, so transfers must be $85.2/679.8 \approx 12.5$ per cent of their pay. Remittances provide 5 per
    cent, so the tax is about 7.5 per cent.
    ```
    """),
    solution("""
    econ = one_way.example_economy(capital_share=0.35, capital_gap=4.0, remittance_share=0.05)
    m_star = econ.efficient_migration()
    tax = econ.breakeven_emigration_tax(m_star)
    print(f"efficient migration {m_star:.2f} million; emigration tax {tax:.2%}")
    check("ex-05-2", (m_star, tax))
    """),
    check_solution("""
    assert abs(m_star - 450 / 13) < 1e-9 and abs(tax - 0.0753) < 0.0005
    o = econ.outcome(m_star)
    assert abs(o.sending_output - 464.9) < 0.1 and abs(o.migrant_earnings - 679.8) < 0.1
    """),
    md(r"""
    ```{exercise} Pricing a one-way deal
    :label: ex-05-3

    *Computational · about 15 minutes.*

    R would gain $G_R = 3$ billion dollars a year by restricting, and S values R's liberalisation at
    $\Delta S = 12$ billion a year. (a) Which transfer $T^*$ needs the least patience, and what is the
    least discount factor $\delta^*$ that sustains the deal? Check with
    `check("ex-05-3", (T_star, delta_star))`. (b) If both governments have $\delta = 0.75$, which
    transfers work? (c) Why is the deal impossible with $T = 0$ whatever $\delta$ is?
    ```

    ```{solution} ex-05-3
    :class: dropdown

    (a) From {eq}`eq-05-best`, $T^* = \sqrt{3 \times 12} = 6$ billion a year and
    $\delta^* = \sqrt{3/12} = 0.5$. (b) From {eq}`eq-05-band`, $3/0.75 = 4 \le T \le 0.75 \times 12 = 9$:
    any transfer between 4 and 9 billion a year. (c) With $T = 0$ keeping the deal is worth $-G_R < 0$ a
    year to R, while restricting is worth 0 for ever: R gains nothing it could lose by cheating, so
    {eq}`eq-05-r-keeps` cannot hold for any $\delta < 1$.
    ```
    """),
    solution("""
    deal = repeated.OneWayDeal(restriction_gain=3.0, sending_gain=12.0)
    best = deal.summary()
    T_star, delta_star = best.best_transfer, best.min_delta
    band = deal.transfer_bounds(0.75)
    print(f"T* = {T_star:.2f}, delta* = {delta_star:.2f}; at delta = 0.75: {band.lowest:.2f} <= T <= {band.highest:.2f}")
    check("ex-05-3", (T_star, delta_star))
    """),
    check_solution("""
    assert abs(T_star - 6) < 1e-12 and abs(delta_star - 0.5) < 1e-12
    assert abs(band.lowest - 4) < 1e-12 and abs(band.highest - 9) < 1e-12
    assert np.isinf(deal.threshold(0.0))
    """),
    md(r"""
    ```{exercise} Borjas today
    :label: ex-05-4

    *Computational · about 10 minutes.*

    Immigrants now make up a larger share of the US labor force than when Borjas wrote. With
    $s = 0.7$, $e = 0.3$ and $m = 0.15$, compute the immigration surplus and native workers' loss,
    both as fractions of GDP, and check them with `check("ex-05-4", (surplus, loss))`. How many
    dollars move from workers to capital per dollar of net gain?
    ```

    ```{solution} ex-05-4
    :class: dropdown

    From {eq}`eq-05-borjas`, the surplus is $\tfrac12 \times 0.7 \times 0.3 \times 0.15^2 \approx 0.00236$
    (about a quarter of a per cent of GDP) and the workers' loss is
    $0.7 \times 0.3 \times 0.15 \times 0.85 \approx 0.0268$ (2.7 per cent). The ratio is
    $2(1 - 0.15)/0.15 \approx 11.3$ dollars per dollar of net gain: smaller than at $m = 0.1$, but the
    redistribution still dwarfs the gain.
    ```
    """),
    solution("""
    acc = two_country.borjas_accounts(labor_share=0.7, wage_elasticity=0.3, immigrant_share=0.15)
    surplus, loss = acc.surplus, acc.native_labor_loss
    print(f"surplus {surplus:.4%} of GDP, workers' loss {loss:.2%}, ratio {acc.redistribution_ratio:.1f}")
    check("ex-05-4", (surplus, loss))
    """),
    check_solution("""
    assert abs(surplus - 0.0023625) < 1e-12 and abs(loss - 0.026775) < 1e-12
    assert abs(acc.redistribution_ratio - 2 * 0.85 / 0.15) < 1e-12
    """),
    md(r"""
    ```{exercise} Capital and the one-way problem
    :label: ex-05-5

    *Exploration · about 20 minutes.*

    Open this chapter in Jupyter (or on Binder) and use the first explorer. (a) Set the tax and the
    remittances to zero and move the capital share from 0.25 to 0.45. How do the gains of R's natives
    and the losses of those left behind change, and why? (b) For each capital share, find the
    smallest tax at which the thick line stays above zero all the way to the efficient level. (c) Now
    set remittances to 10 per cent: how much tax is still needed? (d) Use the deal explorer to say
    what your answers imply for a one-way deal.
    ```

    ```{solution} ex-05-5
    :class: dropdown

    (a) A larger capital share means a wage that falls faster as workers arrive (the wage elasticity is
    $\alpha$), so the immigration surplus of R's natives grows, and symmetrically the loss of S's
    capital owners grows faster than the stayers' wage gain: those left behind lose more. (b) Because
    the required transfer rises with migration (see the figure on required transfers), the binding point
    is the efficient level itself; the needed tax is about 9.7, 12.5 and 14.9 per cent for capital
    shares of 0.25, 0.35 and 0.45 (the note on the right panel reports it). (c) Remittances count
    towards the transfer one for one, so the tax falls by 10 points, to about 0, 2.5 and 4.9 per cent.
    (d) Every point of transfer to those left behind raises $\Delta S$; once $\Delta S$ exceeds $G_R$ a
    deal exists, and the larger the gap, the lower the patience it needs, $\delta^* = \sqrt{G_R/\Delta S}$.
    ```
    """),
    solution("""
    for a in (0.25, 0.35, 0.45):
        econ = one_way.example_economy(capital_share=a)
        m = econ.efficient_migration()
        with_remit = one_way.example_economy(capital_share=a, remittance_share=0.10)
        print(f"alpha = {a:.2f}: tax needed {econ.breakeven_emigration_tax(m):.1%}, "
              f"with 10% remittances {with_remit.breakeven_emigration_tax(m):.1%}")
    """),
    check_solution("""
    needs = {}
    for a in (0.25, 0.35, 0.45):
        econ = one_way.example_economy(capital_share=a)
        m = econ.efficient_migration()
        needs[a] = (econ.breakeven_emigration_tax(m),
                    one_way.example_economy(capital_share=a, remittance_share=0.10).breakeven_emigration_tax(m))
        rates_m = econ.breakeven_transfer_rate(np.linspace(0, m, 50))
        assert np.all(np.diff(rates_m) >= 0)                    # the binding point is m*
    assert abs(needs[0.25][0] - 0.097) < 0.001 and abs(needs[0.35][0] - 0.125) < 0.001
    assert abs(needs[0.45][0] - 0.149) < 0.001
    assert abs(needs[0.25][1] - 0.0) < 0.001 and abs(needs[0.35][1] - 0.025) < 0.001
    assert abs(needs[0.45][1] - 0.049) < 0.001
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part I.B.1 of {cite:t}`sykes2013`. The conditions for a self-enforcing
    agreement and the role of reciprocity come from {cite:t}`bagwell2002`; issue linkage from
    {cite:t}`haas1980`. {cite:t}`hatton2007` and {cite:t}`hanson2009` discuss why migration lacks the
    reciprocity that trade negotiations rely on, and {cite:t}`topmiller2011` count Americans living in
    Mexico. The immigration surplus is from {cite:t}`borjas1995`, and the neoclassical accounting of
    winners and losers from {cite:t}`sykes1995`. On the brain drain, see {cite:t}`grubel1966` for the
    view that marginal emigration harms no one, {cite:t}`bhagwati1974` for its costs when markets are
    distorted, {cite:t}`bhagwati1976` for the emigration tax, and {cite:t}`docquier2012` for a modern
    survey.
    """),
]

if __name__ == "__main__":
    print(write("chapters/05_one_way_problem.ipynb", cells))
