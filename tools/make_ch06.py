"""Write chapters/06_migration_diversion.ipynb (run: .venv/bin/python tools/make_ch06.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Migration diversion

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part I.B.2 of {cite:t}`sykes2013`. After it you should be able to:
    - explain {term}`trade diversion` and {term}`trade creation`, and their migration analogues, with
      a demand curve and two sources of supply;
    - show with numbers that a {term}`preferential agreement` can bring in more migrants and still
      lower the world's welfare, and say who bears the loss;
    - explain why liberalisation that follows the {term}`most-favoured-nation principle` never
      lowers world welfare in this model, and why a preference gains when the barrier is a
      {term}`resource-cost barrier`;
    - explain why, under a binding overall cap, a preference is pure {term}`migration diversion`, and
      why {term}`per-country quotas <Per-country quota>` make an origin-neutral migration system
      hard to design.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import diversion, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import diversion as div_fig
    """),
    md(r"""
    ## The argument

    Chapter 5 asked whether a migration bargain can be struck at all. This chapter asks what happens
    when it is struck between a few countries rather than all of them. Agreements among many
    countries are slow and expensive to negotiate; bilateral and regional deals are quicker. But a
    deal between two countries changes the options of third countries that are not at the table, and
    the two negotiators have no reason to count those effects. Trade economists have studied this
    problem for seventy years, and Sykes borrows their analysis.

    Start with goods. Suppose an importing country charges the same tariff on a product whatever its
    origin. Then its buyers purchase from whichever foreign supplier offers the best deal before the
    tariff, and since the tariff is the same for all, that is the supplier with the lowest cost (or
    the best quality for the price). Now the importer signs a free trade agreement with one partner
    and removes the tariff on the partner's goods only. The partner's exporters now enjoy an
    advantage that has nothing to do with their efficiency, and they may take the market from
    suppliers elsewhere who produce more cheaply. {cite:t}`viner1950` called the switch from a
    cheaper outside source to a dearer partner *trade diversion*, and the extra trade the lower price
    brings *trade creation*. The first is a loss to the world, the second a gain; whether a
    preferential agreement helps depends on which is larger {cite:p}`lipsey1957,panagariya2000`. A
    nondiscriminatory tariff, which gives every supplier the treatment of the most favoured one,
    avoids diversion altogether; this most-favoured-nation rule is the first article of the GATT.

    Migration agreements can divert in the same way. Sykes's example: imagine a group of American jobs
    for which hiring Chinese workers yields the largest gains, perhaps because
    their skills match the jobs best or because their options at home are especially poor. Suppose
    the United States then signs a bilateral deal easing entry for Indian workers only. Indian
    migrants may displace Chinese ones, and the world loses, because the same jobs are now filled by
    workers for whom moving is worth less. If the deal favours a less efficient source, the losses
    from diversion can exceed the gains from the extra migration it allows.

    Why would anyone sign such a deal? Because much of the loss falls on outsiders. The Chinese
    workers who no longer get the jobs are not party to the negotiation, and the United States and
    India can ignore their loss. Diversion is an externality of a preferential agreement on third
    countries, much as {cite:t}`bagwell2002` show for preferential trade deals.

    None of this condemns every preferential deal. It may be much cheaper to negotiate than a
    multilateral one, and if the partner happens to be the most efficient source, the deal diverts
    nothing and only creates. The lesson is narrower: preferences are costly when they pull
    migration away from better sources.

    The cure in trade is the most-favoured-nation principle, and it would work for migration too: a
    country that opened its labor market to one partner would have to open it equally to all. The
    difficulty is that migration is not governed by tariffs. It is governed by visas, quotas,
    sponsorship rules and paperwork, and quotas are often set country by country. With
    {term}`per-country quotas <Per-country quota>`, a receiving country discriminates among sources
    even without any agreement; there is no single "tariff" to hold equal across origins. Designing
    rules that let the most productive migration happen for any given total, whatever the origin of
    the migrants, is a far harder task than binding a nondiscriminatory tariff.
    """),
    md(r"""
    ## The model

    **Demand and supply.** Employers in the receiving country R hire migrant workers. When they must
    pay $P$ (thousand dollars a year) per migrant, they hire

    $$
    M = a - b\,P
    $$ (eq-06-demand)

    thousand migrants a year, with $a, b > 0$. Two source countries can supply migrants. Source A can
    supply as many as R wants at a wage $w_A$, source B at $w_B$: each is the wage just sufficient to
    draw a worker from that source, covering what he gives up at home and the cost of moving. Supply
    is perfectly elastic, so migrants earn no surplus beyond their alternative, and with
    $w_A < w_B$ source A is the more efficient one: the world gives up less to get one of its workers
    into a job in R.

    **Barriers.** R imposes a barrier of $\tau$ per migrant. Under an MFN policy every source faces
    $\tau$. A preferential deal with B cuts B's barrier by a margin $p$ (at most $\tau$); A still faces
    $\tau$. Employers hire from whichever source is cheaper once the barrier is added, so they pay

    $$
    P = \min\{\,w_A + \tau,\; w_B + \tau - p\,\},
    $$ (eq-06-price)

    and B's workers displace A's only if $p > w_B - w_A$.

    The barrier comes in two kinds. A *fee* (a visa charge, an auctioned permit) raises revenue for R;
    it is a transfer, not a cost to the world. Red tape (paperwork, delays, compulsory intermediaries)
    uses up real resources: a {term}`resource-cost barrier`. Let $c$ be the world's real cost of a
    migrant who is hired: the supply price of his source for a fee, the supply price plus the barrier
    for red tape.

    **Welfare.** World welfare is what the migrants' work is worth to employers, the area under the
    demand curve, less what it really costs:

    $$
    W = \int_0^{M} P(x)\,dx \;-\; c\,M ,
    $$ (eq-06-welfare)

    where $P(x) = (a - x)/b$ is the demand price of the $x$-th migrant. Because the sources earn no
    surplus, R's welfare (employers' surplus plus fee revenue) equals the world's.

    **Creation and diversion.** Let a policy move the market from $(M_0, c_0)$ to $(M_1, c_1)$. The
    change in world welfare splits into two parts:

    $$
    \Delta W \;=\; \underbrace{\int_{M_0}^{M_1} \big[P(x) - c_1\big]\,dx}_{\text{creation}}
    \;-\; \underbrace{(c_1 - c_0)\,M_0}_{\text{diversion}} .
    $$ (eq-06-decomposition)

    Creation is the value of the extra migrants above their real cost. Diversion is the extra real
    cost of the migrants who were coming anyway. For a full preference with a fee ($p = \tau$, and
    $w_B < w_A + \tau$), $M_0 = a - b(w_A + \tau)$ and $M_1 = a - b\,w_B$, and the two parts are the
    triangle and rectangle of {cite:t}`viner1950`:

    $$
    \text{creation} = \tfrac12\,(w_A + \tau - w_B)\,(M_1 - M_0), \qquad
    \text{diversion} = (w_B - w_A)\,M_0 .
    $$ (eq-06-viner)

    Setting creation equal to diversion gives the largest cost disadvantage $g = w_B - w_A$ at which a
    full preference does not lower world welfare, the root in $[0, \tau]$ of

    $$
    \tfrac12\, b\,(\tau - g)^2 \;=\; g\,M_0 .
    $$ (eq-06-breakeven)

    **MFN liberalisation.** Cutting $\tau$ for every source keeps A as the supplier and lowers the
    price, so $M$ rises and, with a fee, $c = w_A$ stays put: diversion is zero and creation is the
    area between demand and $w_A$ over the new migrants, which is positive. With red tape the cut also
    lowers $c$, a further gain. So in this model an MFN cut never lowers world welfare.

    **A preference with red tape.** If the barrier is a resource cost, B's migrants after the
    preference cost the world $w_B + \tau - p$, less than A's $w_A + \tau$ before (otherwise employers
    would not switch). Then $c_1 < c_0$, the "diversion" term is a saving, and the preference gains.

    **An overall cap.** Suppose R also caps the total number of migrants at $\bar M$, and the cap
    binds before and after the deal. Then $M_1 = M_0 = \bar M$: the deal creates nothing and only
    changes where the migrants come from. With a fee,

    $$
    \Delta W = -\,(w_B - w_A)\,\bar M ,
    $$ (eq-06-cap)

    pure diversion. The cap's {term}`quota rent`, the gap between what employers would pay for the
    last migrant and the delivered cost, goes either to R (if it sells the visas) or to the migrants
    who get them (if visas are free).
    """),
    check_claim("""
    model = div_fig.example_model()            # a = 120, b = 4, w_A = 10, w_B = 13
    full = model.preferential_deal(barrier=8.0, preference=8.0)
    m0, m1 = 120 - 4 * 18, 120 - 4 * 13
    assert full.before.migrants == m0 and full.after.migrants == m1
    assert abs(full.creation - 0.5 * (10 + 8 - 13) * (m1 - m0)) < 1e-9        # (eq-06-viner)
    assert abs(full.diversion - (13 - 10) * m0) < 1e-9
    assert abs(full.world_change - (full.after.world_welfare - full.before.world_welfare)) < 1e-9
    g = model.breakeven_cost_gap(8.0)                                          # (eq-06-breakeven)
    assert abs(0.5 * 4 * (8 - g) ** 2 - g * m0) < 1e-9 and 0 < g < 8
    # MFN never lowers world welfare; red-tape preferences always gain; a binding cap is pure diversion
    for kind in ("revenue", "resource"):
        for w_a, w_b in ((8.0, 9.0), (10.0, 13.0), (6.0, 16.0), (12.0, 10.0)):
            for cap in (np.inf, 40.0, 60.0):
                mm = div_fig.example_model(w_a, w_b, kind, cap)
                for tau in (2.0, 8.0, 14.0):
                    cuts = np.linspace(0, tau, 15)
                    assert np.all(mm.mfn_liberalisation(tau, cuts).world_change >= -1e-9)
                    if kind == "resource":
                        assert np.all(mm.preferential_deal(tau, cuts).world_change >= -1e-9)
    capped = div_fig.example_model(cap=40.0).preferential_deal(8.0, 8.0)
    assert capped.volume_change == 0 and capped.creation == 0
    assert abs(capped.world_change + (13 - 10) * 40) < 1e-9                   # (eq-06-cap)
    """),
    md(r"""
    ## Explore: a preferential deal

    The explorer uses demand $M = 120 - 4P$ (thousand migrants a year, $P$ in thousand dollars), source
    A at $w_A = 10$, partner B at $w_B = 13$, and a barrier of $\tau = 8$ on every migrant. B's
    preference is given as the share of the barrier removed for B. On the left, the solid horizontal
    lines are the two supply prices and the dashed ones the prices employers face once the barriers
    are added; the open dot is the market before the deal and the filled dot after it. On the right,
    world welfare changes against the size of the barrier cut, when it goes to B alone and when it
    goes to every source. The static page lets you move the preference and switch the type of
    barrier; in a live notebook you can also change the costs, the barrier and add an overall cap.
    """),
    code("""explore(div_fig.draw_diversion)""", tags=["hide-input"]),
    md(r"""
    What to notice. With a fee, nothing happens until the preference exceeds B's cost disadvantage of
    3 (37.5 per cent of the barrier): A's migrants are still cheaper. Just beyond that point B takes
    all 48 thousand jobs, and the world loses 3 thousand dollars on each, 144 million a year, while
    hardly any new migration is created; a small preference is the worst case. Going all the way to a
    full preference brings in 20 thousand more migrants (68 against 48) and creates 50 million of
    gains, but the diversion loss of 144 million still dominates: world welfare falls by 94 million a
    year *while migration rises*. The same cut granted to everyone (the black curve) always gains:
    cutting the barrier by 5 for all sources brings in exactly as many migrants as the full preference
    for B, 68 thousand, and gains 110 million, because all of them come from the cheaper source.

    Now switch the barrier to red tape. The diversion rectangle turns into a saving: the migrants who
    come from B now waste less in paperwork than A's did, and every effective preference gains, 290
    million a year for the full one. Still, the MFN cut does better, 512 million.
    """),
    check_claim("""
    assert model.preferential_deal(8.0, 3.0).world_change == 0.0             # 37.5% does nothing
    just = model.preferential_deal(8.0, 3.2)
    assert just.before.from_a == 48.0 and just.after.from_a == 0 and just.volume_change < 1
    assert abs(just.diversion - 144) < 1e-9
    assert just.world_change < full.world_change
    assert full.volume_change == 20 and abs(full.creation - 50) < 1e-9 and abs(full.world_change + 94) < 1e-9
    mfn5 = model.mfn_liberalisation(8.0, 5.0)
    assert mfn5.after.migrants == full.after.migrants == 68 and abs(mfn5.world_change - 110) < 1e-9
    assert abs((mfn5.world_change - full.world_change) - 3 * 68) < 1e-9
    red = div_fig.example_model(barrier_type="resource")
    assert abs(red.preferential_deal(8.0, 8.0).world_change - 290) < 1e-9
    assert abs(red.mfn_liberalisation(8.0, 8.0).world_change - 512) < 1e-9
    assert np.all(red.preferential_deal(8.0, np.linspace(3.01, 8, 50)).world_change > 0)
    """),
    md(r"""
    ## What the model teaches

    ### Five policies compared

    The table sets the policies side by side for the example market with a barrier of 8.
    """),
    code(r"""
    def row(label, change):
        return (label, change.before.migrants, change.after.migrants, change.creation,
                0.0 - change.diversion + 0.0, change.world_change)

    fee, tape = div_fig.example_model(), div_fig.example_model(barrier_type="resource")
    capped_fee = div_fig.example_model(cap=40.0)
    table = [
        row("Fee: preference of 3 for B", fee.preferential_deal(8.0, 3.0)),
        row("Fee: preference of 5 for B", fee.preferential_deal(8.0, 5.0)),
        row("Fee: full preference for B", fee.preferential_deal(8.0, 8.0)),
        row("Fee: MFN cut of 8", fee.mfn_liberalisation(8.0, 8.0)),
        row("Red tape: full preference for B", tape.preferential_deal(8.0, 8.0)),
        row("Red tape: MFN cut of 8", tape.mfn_liberalisation(8.0, 8.0)),
        row("Fee, cap of 40: full preference", capped_fee.preferential_deal(8.0, 8.0)),
    ]
    print(f"{'policy':34} {'M before':>8} {'M after':>8} {'creation':>9} {'-diversion':>11} {'ΔW':>7}")
    for label, m_0, m_1, cr, dv, dw in table:
        print(f"{label:34} {m_0:8.0f} {m_1:8.0f} {cr:9.0f} {dv:11.0f} {dw:7.0f}")
    """, tags=["hide-input"]),
    check_claim("""
    expected_rows = {
        "Fee: preference of 3 for B": (48, 48, 0, 0, 0),
        "Fee: preference of 5 for B": (48, 56, 32, -144, -112),
        "Fee: full preference for B": (48, 68, 50, -144, -94),
        "Fee: MFN cut of 8": (48, 80, 128, 0, 128),
        "Red tape: full preference for B": (48, 68, 50, 240, 290),
        "Red tape: MFN cut of 8": (48, 80, 128, 384, 512),
        "Fee, cap of 40: full preference": (40, 40, 0, -120, -120),
    }
    for label, *vals in table:
        assert np.allclose(vals, expected_rows[label]), label
    """),
    md(r"""
    Three things stand out. A preference can lower world welfare while raising the number of
    migrants. An MFN cut always does at least as well as a preference of the same size, in this
    example much better. And whether a preference helps depends on what the barrier is: removing a
    fee for one partner gives away revenue and diverts migration, while removing red tape for one
    partner saves real resources.

    ### How much less efficient can the partner be?

    A full preference gains only if B is not much less efficient than A. The figure plots the change
    in world welfare against B's cost disadvantage $w_B - w_A$ for both kinds of barrier.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        g_star = div_fig.draw_breakeven(fig, cost_a=10.0, barrier=8.0)
    fig
    """, name="fig-06-breakeven", caption=(
        "World welfare change from a full preference for partner B against B's cost disadvantage over "
        "source A, with a barrier of 8 thousand dollars per migrant that is either a fee or red tape. "
        "The dotted line marks the break-even gap for the fee; beyond a gap of 8 the preference no "
        "longer changes who supplies."),
        alt=("Two falling curves. With a fee the welfare change starts at plus 128 million dollars, "
             "crosses zero at a cost gap of about 1.67 thousand dollars and reaches about minus 380 "
             "million just below a gap of 8; with red tape it starts at plus 512 and stays positive, "
             "approaching zero at a gap of 8.")),
    check_claim("""
    assert abs(g_star - 1.67) < 0.005
    gaps = np.linspace(0, 7.99, 200)
    fee_curve = [div_fig.example_model(10.0, 10.0 + x).preferential_deal(8.0, 8.0).world_change for x in gaps]
    tape_curve = [div_fig.example_model(10.0, 10.0 + x, "resource").preferential_deal(8.0, 8.0).world_change
                  for x in gaps]
    assert abs(fee_curve[0] - 128) < 1e-9 and abs(tape_curve[0] - 512) < 1e-9
    assert -390 < fee_curve[-1] < -370
    assert np.all(np.diff(fee_curve) < 0) and np.all(np.array(tape_curve) > 0)
    assert all((f > 0) == (x < g_star) for f, x in zip(fee_curve, gaps))
    """),
    md(r"""
    With a fee of 8, a preference for a partner whose migrants cost more than about 1.67 thousand
    dollars a year above A's lowers world welfare; with red tape, any partner the preference makes
    competitive is an improvement. When B is *more* efficient than A (a negative gap, not drawn),
    even an MFN policy would bring B's workers, and a preference for B diverts nothing.

    ### Who bears the loss?

    The article's explanation for harmful deals is that the cost falls on outsiders. The model shows
    when that is true. Take an overall cap of 40 thousand migrants, binding before and after the
    deal, a fee of 4, and a full preference for B. If R sells the visas, it keeps the quota rent and
    bears the whole loss itself. If the visas are free, the migrants who get them keep the rent.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        kept, free = div_fig.draw_cap_accounts(fig, cost_a=10.0, cost_b=13.0, barrier=4.0, cap=40.0)
    fig
    """, name="fig-06-who-loses", caption=(
        "Who gains and who loses from a full preference for partner B under a binding overall cap of "
        "40 thousand migrants and a fee of 4 thousand dollars: the receiving country R, B's migrants, "
        "A's migrants and the world, when R keeps the quota rent (left) and when the migrants keep it "
        "(right)."),
        alt=("Bar charts. Left, rent kept by R: R and the world each lose 120 million dollars a year "
             "and neither group of migrants is affected. Right, rent kept by migrants: R loses 160 "
             "million in fees, B's migrants gain 280, A's migrants lose 240, and the world loses 120.")),
    check_claim("""
    assert abs(kept.receiving_change + 120) < 1e-9 and abs(kept.world_change + 120) < 1e-9
    assert kept.partner_change == 0 and kept.excluded_change == 0
    assert abs(free.receiving_change + 160) < 1e-9 and abs(free.partner_change - 280) < 1e-9
    assert abs(free.excluded_change + 240) < 1e-9 and abs(free.world_change + 120) < 1e-9
    assert free.receiving_change + free.partner_change > 0 > free.world_change
    assert free.volume_change == 0 and free.creation == 0
    """),
    md(r"""
    With free visas, R gives up 160 million a year in fees, B's migrants gain 280 million of rent and
    A's migrants lose 240 million. R and B together gain 120 million, enough for B to compensate R
    through some linked concession, while the world loses 120 million: the loss of A's workers, who
    are not at the table, exceeds the two parties' joint gain. This is the externality behind
    harmful preferential deals. And because the cap binds, there is no creation at all; the deal only
    decides who fills the slots.
    """),
    md(r"""
    ## In practice

    **Regional free movement.** The European Union, the Trans-Tasman Travel Arrangement between
    Australia and New Zealand, and the free-movement protocols of ECOWAS in West Africa all open the
    members' labor markets to each other's citizens while keeping barriers against everyone else.
    Each is a preferential agreement, and each can divert: an employer in Germany may hire a Polish
    worker where, without the preference, a Ukrainian or Turkish worker would have been the better
    match. Geography softens the worry. Neighbours are cheap to move between, and their languages and
    cultures are often closer, so members may well be the most efficient sources for one another; in
    the model, a partner whose $w_B$ is low creates much and diverts little. But there is no
    guarantee.

    **Seasonal workers in Canada.** Canada admits farm workers from Jamaica and other Caribbean
    countries under bilateral arrangements in which the sending government recruits and screens the
    workers; chapter 8 studies the enforcement side. Whether Jamaica is the lowest-cost source of
    such workers is far from clear; other Caribbean and Latin American countries might supply them as
    well or better. The model's advice is to open such programmes to many sources and let employers'
    choices, not fixed national allotments, decide where the workers come from.

    **Preferences written into trade agreements.** NAFTA's chapter 16 lets Canadian and Mexican
    professionals enter the United States without competing for the capped H-1B visas that
    professionals from India or China need, and visa categories created alongside later US trade
    agreements set aside places for professionals from Chile, Singapore and Australia. These are preferences in the exact sense of the
    model, and the H-1B cap is the binding overall cap under which they divert rather than create.

    **GATS Mode 4.** The temporary movement of service suppliers under the WTO's services agreement
    is one place where migration commitments must follow the MFN principle (GATS Article II). The
    commitments are modest, but they treat all WTO members alike and so avoid diversion among them.

    **Country quotas without any agreement.** US law caps the employment- and family-based green
    cards going to nationals of any one country at 7 per cent of the total. Applicants from large
    source countries such as India, China and Mexico therefore wait far longer than equally qualified
    applicants from elsewhere. No treaty is involved: the discrimination is built into the national
    rules, which is why Sykes doubts that an MFN rule for migration could be written as simply as the
    one for tariffs.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Why sign a harmful deal?
    :label: ex-06-1

    *Conceptual · about 10 minutes.*

    The United States and India sign a deal that eases entry for Indian workers only, and the model
    says it lowers world welfare. (a) Why might both governments still want it? (b) Who bears the
    loss? (c) What would an MFN obligation require here, and why is it hard to apply when visas are
    allotted by country?
    ```

    ```{solution} ex-06-1
    :class: dropdown

    (a) Each government counts only its own people. India gains the rents its workers earn under the
    preference; the United States may lose fee revenue or pay a little more for the same workers, but
    India can compensate it through a linked concession, as in chapter 5, and under free visas the two
    together gain (the figure on who bears the loss: $-160 + 280 > 0$). (b) The workers of the more
    efficient source (here Chinese workers) lose the jobs or the rents they had, and the world loses
    because the same jobs are filled at a higher real cost; neither loss enters the two governments'
    calculations. (c) MFN would require the United States to grant the same easier entry to workers
    from every source, so employers would keep hiring from the cheapest one. With tariffs that means
    one rate for all; with migration governed by numerical quotas, sponsorship and paperwork set
    country by country, there is no single instrument to equalise, and per-country caps discriminate
    among sources even without any agreement.
    ```

    ```{exercise} Creation and diversion by hand
    :label: ex-06-2

    *Computational · about 15 minutes.*

    Demand is $M = 120 - 4P$, source A supplies at $w_A = 10$ and partner B at $w_B = 12$, and every
    migrant pays a fee of $\tau = 6$. R removes the fee for B only. Compute the creation gain, the
    diversion loss and the change in world welfare (million dollars a year), and check with
    `check("ex-06-2", (creation, diversion, change))`.
    ```

    ```{solution} ex-06-2
    :class: dropdown

    Before the deal employers pay $w_A + \tau = 16$ and hire $M_0 = 120 - 64 = 56$ thousand migrants
    from A. After it, B's workers cost employers 12 < 16, so they hire $M_1 = 120 - 48 = 72$ thousand
    from B. By {eq}`eq-06-viner`, creation is $\tfrac12 (16 - 12)(72 - 56) = 32$ and diversion is
    $(12 - 10) \times 56 = 112$, so world welfare falls by 80 million dollars a year, although 16
    thousand more migrants come.
    ```
    """),
    solution("""
    model = div_fig.example_model(cost_a=10.0, cost_b=12.0)
    deal = model.preferential_deal(barrier=6.0, preference=6.0)
    creation, diversion_loss, change = deal.creation, deal.diversion, deal.world_change
    print(f"migrants {deal.before.migrants:.0f} -> {deal.after.migrants:.0f} thousand; creation {creation:.0f}, "
          f"diversion {diversion_loss:.0f}, change {change:+.0f} million dollars a year")
    check("ex-06-2", (creation, diversion_loss, change))
    """),
    check_solution("""
    assert (creation, diversion_loss, change) == (32.0, 112.0, -80.0)
    assert deal.volume_change == 16.0
    """),
    md(r"""
    ```{exercise} The break-even partner
    :label: ex-06-3

    *Computational · about 15 minutes.*

    In the explorer's market ($M = 120 - 4P$, $w_A = 10$, fee $\tau = 8$), how much more costly than A
    can the partner's migrants be before a full preference lowers world welfare? Solve
    {eq}`eq-06-breakeven` and check the gap with `check("ex-06-3", gap)`.
    ```

    ```{solution} ex-06-3
    :class: dropdown

    Before the deal $M_0 = 120 - 4 \times 18 = 48$. With a gap $g$, a full preference lowers the price to
    $10 + g$, so $M_1 - M_0 = 4(8 - g)$ and creation is $\tfrac12 \times 4 (8 - g)^2 = 2(8-g)^2$, while
    diversion is $48g$. Setting them equal gives $(8 - g)^2 = 24g$, or $g^2 - 40g + 64 = 0$, whose root
    below 8 is $g = 20 - \sqrt{336} \approx 1.67$ thousand dollars a year.
    ```
    """),
    solution("""
    gap = div_fig.example_model(cost_a=10.0, cost_b=11.0).breakeven_cost_gap(barrier=8.0)
    print(f"break-even cost gap: {gap:.3f} thousand dollars a year")
    check("ex-06-3", gap)
    """),
    check_solution("""
    assert abs(gap - (20 - np.sqrt(336))) < 1e-9
    """),
    md(r"""
    ```{exercise} Diversion under a cap
    :label: ex-06-4

    *Computational · about 15 minutes.*

    R caps migrants at 40 thousand, charges a fee of 4, and visas are free, so the migrants keep the
    quota rent. With $w_A = 10$, $w_B = 13$ and demand $M = 120 - 4P$, R removes the fee for B. By how
    much does world welfare change, and how much do A's migrants lose? Check with
    `check("ex-06-4", (world_change, a_migrants_change))`.
    ```

    ```{solution} ex-06-4
    :class: dropdown

    The cap binds before and after: employers would hire $120 - 4 \times 14 = 64$ thousand at A's delivered
    cost and more at B's, so 40 thousand come either way and employers pay $P(40) = 20$. No migration is
    created. By {eq}`eq-06-cap`, world welfare falls by $(13 - 10) \times 40 = 120$ million dollars a year.
    Before the deal each of A's migrants kept a rent of $20 - 10 - 4 = 6$, so A's migrants lose
    $6 \times 40 = 240$ million. (B's migrants gain $20 - 13 = 7$ each, 280 million; R loses its fee
    revenue of 160 million.)
    ```
    """),
    solution("""
    capped = div_fig.example_model(10.0, 13.0, "revenue", cap=40.0, rent_share=0.0)
    d = capped.preferential_deal(barrier=4.0, preference=4.0)
    world_change, a_migrants_change = d.world_change, d.excluded_change
    print(f"world {world_change:+.0f}, A's migrants {a_migrants_change:+.0f}, B's migrants {d.partner_change:+.0f}, "
          f"R {d.receiving_change:+.0f} million dollars a year")
    check("ex-06-4", (world_change, a_migrants_change))
    """),
    check_solution("""
    assert (world_change, a_migrants_change) == (-120.0, -240.0)
    assert d.partner_change == 280.0 and d.receiving_change == -160.0
    assert capped.demand(14.0) == 64.0
    """),
    md(r"""
    ```{exercise} Barriers, caps and the best policy
    :label: ex-06-5

    *Exploration · about 20 minutes.*

    Open this chapter in Jupyter (or on Binder) and use the explorer. (a) With a fee, set B's cost to
    11: for which preferences does the deal raise world welfare, and how does it compare with the MFN
    cut of the same size? (b) Set B's cost below A's (say A at 12, B at 10). What happens now, and why
    is there no diversion? (c) Switch on the overall cap. Why do both curves on the right flatten, and
    what does this say about liberalising under a binding quota? (d) Switch the barrier to red tape and
    explain why every effective preference gains.
    ```

    ```{solution} ex-06-5
    :class: dropdown

    (a) With $w_B = 11$ the gap is 1, below the break-even gap of about 1.67 for a full preference, so
    the full preference gains (50 million a year). But preferences between 1 and 3 divert all 48
    thousand migrants for little creation and lose, up to 34.5 million just past 1; only
    preferences above 3 gain. The MFN cut of the same size gains more at every size.
    (b) B is now the cheaper source, so B supplies everyone even under MFN and the preference merely
    cuts B's barrier further: it is an MFN-like cut for the only active supplier, with pure creation.
    (c) With a cap of 40 thousand binding, neither a preference nor an MFN cut changes the number of
    migrants; the MFN curve is flat at zero and the preference can only divert. Cutting barriers does
    nothing while the quota binds; the cap itself must be raised. (d) Red tape wastes resources, so
    when B's workers become cheaper to employers it is because less is wasted on them: the real cost
    per migrant falls and the "diversion" rectangle becomes a saving.
    ```
    """),
    solution("""
    fee = div_fig.example_model(cost_a=10.0, cost_b=11.0)
    cuts = np.linspace(0.0, 8.0, 17)
    pref = fee.preferential_deal(8.0, cuts).world_change
    mfn = fee.mfn_liberalisation(8.0, cuts).world_change
    for c, p_, m_ in zip(cuts, pref, mfn):
        print(f"cut {c:4.1f}: preference {p_:+7.1f}, MFN {m_:+7.1f}")
    cheap_b = div_fig.example_model(cost_a=12.0, cost_b=10.0).preferential_deal(8.0, 8.0)
    print(f"B cheaper than A: diversion {cheap_b.diversion:.1f}, change {cheap_b.world_change:+.1f}")
    """),
    check_solution("""
    assert fee.breakeven_cost_gap(8.0) > 1.0
    assert abs(pref[-1] - 50) < 1e-9 and abs(pref[3] + 34.5) < 1e-9
    assert np.all(pref[(cuts > 1) & (cuts < 3)] < 0) and np.all(pref[cuts > 3] > 0)
    assert np.all(mfn >= pref - 1e-9)
    assert cheap_b.diversion == 0 and cheap_b.world_change > 0 and cheap_b.before.from_b > 0
    capped = div_fig.example_model(cap=40.0)
    assert np.all(capped.mfn_liberalisation(8.0, cuts).world_change == 0)
    assert np.all(capped.preferential_deal(8.0, cuts).world_change <= 0)
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part I.B.2 of {cite:t}`sykes2013`, with the practice of part II. Trade
    creation and diversion are from {cite:t}`viner1950`; the welfare analysis of preferences from
    {cite:t}`lipsey1957`, surveyed with later developments, including the role of tariff revenue, by
    {cite:t}`panagariya2000`. {cite:t}`bagwell2002` discuss preferential agreements and the
    most-favoured-nation principle in the terms-of-trade theory of trade agreements, and
    {cite:t}`hatton2007` asks what an MFN rule could mean for migration.
    """),
]

if __name__ == "__main__":
    print(write("chapters/06_migration_diversion.ipynb", cells))
