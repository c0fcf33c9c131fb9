"""Write chapters/10_conclusion.ipynb (run: .venv/bin/python tools/make_ch10.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Conclusion: design an agreement everyone accepts

    ```{admonition} Learning goals
    :class: tip
    This chapter follows the conclusion of {cite:t}`sykes2013` and draws the book together. After it
    you should be able to:
    - state the three externalities that make a case for cooperation on migration and the two
      obstacles that stand in its way, and name the model that makes each precise;
    - explain the observed pattern of cooperation, temporary and employment-based, as what those
      externalities and obstacles predict;
    - design an agreement with four choices (permanence, access, screening, linkage) and judge it
      with the book's models: who gains, who is shut out, and whether it holds by itself;
    - say which design choice answers which obstacle, and what each costs.
    ```
    """),
    code("""
    import numpy as np
    from IPython.display import Markdown, display
    from migcoop import agreements, capstone, diversion, repeated, style, temporary
    from migcoop.capstone import Design
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import capstone as capstone_figures
    """),
    md(r"""
    ## The argument

    Governments cooperate on trade, on capital and on banking rules, yet hardly at all on who may
    cross their borders to work. This book has followed {cite:t}`sykes2013` in asking why, with one
    small model per step of the argument. It is time to put the steps side by side.

    **The case for cooperation.** A world with no barriers to migration would not be efficient:
    migrants can impose costs that no price records, on public budgets, on crowded services, and some
    restriction is justified. But restrictions chosen by each country alone are not the ones the
    world would choose, for three reasons. First, a large receiving country that restricts
    immigration pushes down the wages foreign workers accept, a {term}`terms-of-trade externality`
    like the one that makes tariffs too high; its restrictions are tighter than efficiency requires.
    Second, the sending country knows much more about its emigrants than the receiving country does,
    yet has no reason to share it, so enforcement costs more than it needs to: an
    {term}`enforcement externality`. Third, receiving countries divert migrants onto one another when
    they restrict, so their policies interact and can settle on a level that suits none of them; the
    refugee convention is the clearest case of receiving countries cooperating to supply what each
    alone would underprovide.

    **The obstacles.** Gains from cooperation are not enough; every party must gain, and the deal
    must hold without a court to enforce it. The {term}`one-way problem` is the first obstacle. When
    people want to move only from poor to rich countries, the rich country has nothing to gain from
    access to the poor one's labor market, and a sending government that weighs
    {term}`those left behind` may see emigration as a loss. Reciprocity, the engine of trade agreements, has nothing to
    run on. The second obstacle is {term}`migration diversion`: agreements between two or a few
    countries, which are easier to negotiate, can steer migration away from the sources that would
    supply it most cheaply.

    **The pattern.** The theory predicts what the record shows. Permanent free movement exists only
    among countries at similar levels of development, where people move in several directions and
    politics favours integration. Between unequal countries, cooperation is temporary and tied to
    employment or skills: the migrant's ties home make the sending country a winner, and the job on
    arrival removes the receiving country's fear of {term}`welfare migration`. Where the sending
    country helps enforce the rules, it is paid in visas. And the arrangements are almost all
    preferential, with the diversion risk that implies. Sykes's conclusion is that the potential gains
    are large but the obstacles are real: asymmetric information about migrants, welfare migration
    and the one-way problem together explain why cooperation has concentrated on temporary movement,
    of the highly skilled and of less skilled workers with jobs waiting for them.

    **What each model added.** The models turned these words into claims that can be checked. In
    chapter 2, a receiving country's best restriction exceeds the world's by a terms-of-trade
    markup, and a tariff war is a prisoner's dilemma that patient governments can escape. In chapter
    3, the sending country's better screen is worth more to the receiving country than it costs the
    sender, so a deal paid in visas exists. Chapter 4 found a whole band of self-sustaining common
    policies among receiving countries, only one of them efficient. Chapter 5 showed that those left
    behind lose as a group, that a one-way deal can be sustained only by a transfer, and only when the
    sending country gains more than the receiving country loses. Chapter 6 split a preferential deal
    into trade creation and diversion and showed that most-favoured-nation liberalisation never
    lowers world welfare. Chapter 7 showed that rotation and remittances turn the sending country
    into a winner, and screening for employment the receiving one. Chapter 8 showed that opening an
    enforcement arrangement to every source removes the diversion loss and hurts only the
    incumbent partner. Chapter 9 showed that each host, acting alone, protects fewer refugees than
    the hosts together would want, and how shocks and shading can unravel the convention that
    corrects this.

    The table links each piece of the argument to the chapter and the model that make it precise.
    """),
    check_claim("""
    from migcoop import markets
    lab = markets.LinearMarket(30.0, 0.5, -5.0, 0.5, external_cost=5.0)
    assert lab.national_optimum() > lab.global_optimum()                                  # chapter 2
    assert markets.tariff_game(markets.LinearMarket(100.0, 1.0, -50.0, 2.0)).is_prisoners_dilemma
    sm = agreements.EnforcementDeal().screening
    assert sm.deal_terms().exists and sm.screen("sender").joint_value > sm.screen("receiver").joint_value  # chapter 3
    ex5 = temporary.example_economy()
    assert ex5.gains(10.0).left_behind < 0                                                 # chapter 5
    assert not repeated.OneWayDeal(2.0, 1.0).summary().exists and repeated.OneWayDeal(1.0, 2.0).summary().exists
    dm = diversion.DiversionModel(100.0, 1.0, 10.0, 14.0)
    assert dm.preferential_deal(10.0, 10.0).world_change < 0 < dm.mfn_liberalisation(10.0, 10.0).world_change  # chapter 6
    ch7m = temporary.TemporaryMigration.example()
    assert not ch7m.permanent(0.1).acceptable_to_sender and ch7m.outcome(1.0, 0.1).acceptable_to_sender
    assert ch7m.with_screen(0.95, 0.2).outcome(1.0, 0.1).acceptable_to_receiver        # chapter 7
    e8 = agreements.EnforcementDeal()
    assert e8.outcome(10.0, "open").diversion_loss == 0 < e8.outcome(10.0, "bilateral").diversion_loss
    assert e8.outcome(10.0, "open").partner_gain < 0 < e8.outcome(10.0, "open").excluded_gain   # chapter 8
    from migcoop import coordination, refugees
    game = coordination.SortingGame(countries=4, pressure=20.0, migrant_return=10.0, benefit=4.0, crowding=2.0)
    lo_r, hi_r = game.band()
    assert lo_r < game.efficient_restriction() < hi_r                                      # chapter 4
    levels = refugees.protection_levels(10, 10.0, 1.0)
    assert levels.nash < levels.efficient                                                 # chapter 9
    """),
    code(r"""
    synthesis = [
        ("Externality", "Terms of trade: restriction lowers foreign workers' wages",
         "{doc}`02_terms_of_trade`", "`markets`", "restrictions tighter than efficient"),
        ("Externality", "Enforcement: the sender knows, the receiver pays",
         "{doc}`03_enforcement`", "`screening`", "costly enforcement; no sender help unless paid"),
        ("Externality", "Among receivers: restrictions push migrants elsewhere",
         "{doc}`04_receiving_countries`", "`coordination`", "a band of equilibria, most inefficient"),
        ("Externality", "Refugee protection as a public good",
         "{doc}`09_refugees`", "`refugees`", "protection underprovided; conventions fragile"),
        ("Obstacle", "One-way problem: no reciprocal access, losses for those left behind",
         "{doc}`05_one_way_problem`", "`two_country`, `repeated`", "no deal without transfers"),
        ("Obstacle", "Migration diversion: preferences favour costlier sources",
         "{doc}`06_migration_diversion`", "`diversion`", "bilateral deals can lower world welfare"),
        ("Pattern", "Permanent only among equals; temporary, employment-based otherwise",
         "{doc}`07_permanent_and_temporary`", "`temporary`, `agreements`", "return and remittances win the sender"),
        ("Pattern", "Enforcement paid in visas; diversion unless open to all",
         "{doc}`08_enforcement_cooperation`", "`agreements`", "open arrangements avoid diversion"),
        ("Size of the prize", "Gains from freer movement are large",
         "{doc}`01_the_case_for_free_movement`", "`gains`", "tens of per cent of world output"),
    ]
    lines = ["| Piece | In a sentence | Chapter | Model | What the model shows |", "|---|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in synthesis]
    display(Markdown("\n".join(lines)))
    """, tags=["hide-input"]),
    md(r"""
    ## The model

    The capstone model does not add new economics. It lets a reader choose an agreement and then asks
    each chapter's model the question that chapter answers. The setting is chapter 7's: a receiving
    country R and a partner S, economies like those of chapter 5, and an agreement that keeps
    $m = 10$ million migrants at work in R. Other sources, A, are economies like S whose workers cost
    R's employers $w_S - w_A$ less each (the partner's cost premium, \$100 a year by default).

    **Four choices.** An agreement is *permanent* (return rate $\gamma = 0$) or *temporary* ($\gamma$
    of one a year by default: seasonal work). Its access is *preferential* (the partner's workers fill
    every visa) or *nondiscriminatory* (any source on equal terms; employers hire the cheapest, as in
    chapter 6's model with the programme as a binding cap). Applicants are screened by the *receiving
    country*, which in this setting cannot tell who will work, or by the *sending side*, with chapter
    3's better screen at \$100 per applicant. And there may be *linkage*: the sending side pays R a
    transfer $T$ each year.

    **Each party's gain.** With $V_R$ and $V_S$ the valuations of {eq}`eq-07-receiver` and
    {eq}`eq-07-sender` for the chosen return rate and screen, $m_S$ and $m_A$ the migrants from the
    partner and from other sources, and $K$ the sending side's screening cost,

    $$
    \Delta_R = V_R(m) - (w_S - w_A)\,m_S + T, \qquad
    \Delta_S = V_S(m_S) - \frac{m_S}{m}\,T, \qquad
    \Delta_A = V_S(m_A) - \frac{m_A}{m}\,T .
    $$ (eq-10-gains)

    The transfer, if any, is paid by whoever sends the migrants, in proportion. The world gains the
    change in output less the external, screening and extra hiring costs; transfers cancel. The
    diversion loss is chapter 6's rectangle {eq}`eq-06-cap`, $(w_S - w_A)\,m_S$ when the partner
    fills visas that a cheaper source would have filled.

    **The transfer.** If R loses without linkage ($G_R = -\Delta_R > 0$) and the sending side gains
    more than that, linkage sets the transfer of {eq}`eq-05-best`, $T^* = \sqrt{G_R\,V}$, with $V$
    the sending side's gain; if the sending side gains less than R loses, or loses itself, no transfer
    works.

    **Does it hold?** Both governments play the {term}`grim trigger` of chapter 2. R keeps the
    agreement if it gains every year, or, when it is paid to, if $\delta \ge G_R/T$ as in
    {eq}`eq-05-r-keeps`. The sending side is tempted to stop paying and stop screening for a year,
    which saves $T + K$; it keeps the agreement if

    $$
    \delta \;\ge\; \frac{T + K}{V + K} ,
    $$ (eq-10-sender-keeps)

    where $V + K$ is its yearly gain before screening costs and transfers, the chapter 2 condition
    {eq}`eq-02-delta` with $C = V - T$, $D = V + K$ and $P = 0$. An agreement is *accepted* if R
    gains, the partner does not lose and no source that sends migrants loses; it is
    *self-enforcing* if, in addition, the governments' discount factor exceeds both thresholds.
    """),
    check_claim("""
    w = capstone.CapstoneWorld()
    assert w.migration.migrants == 10.0 and abs(w.cost_premium - 0.1) < 1e-12 and w.temporary_return_rate == 1.0
    assert abs(w.screening.sender_cost - 0.1) < 1e-12
    for d in capstone.all_designs():
        v = w.evaluate(d)
        model = w.arrangement(d)
        rho = 0.0 if d.permanence == "permanent" else 1.0
        whole = model.outcome(rho, 0.1)
        # (eq-10-gains)
        assert abs(v.receiving_gain - (whole.receiving_gain - 0.1 * v.from_partner + v.transfer)) < 1e-9
        assert abs(v.diversion_loss - 0.1 * v.from_partner * (d.access == "preferential")) < 1e-9
        # (eq-10-sender-keeps)
        if v.from_partner + v.from_others > 0 and v.partner_gain + v.others_gain + v.transfer > 0:
            k = sum(model.replace(migrants=x).outcome(rho, 0.1).screening_cost
                    for x in (v.from_partner, v.from_others) if x > 0)
            gross = v.partner_gain + v.others_gain + v.transfer + k
            assert abs(v.sender_threshold - (v.transfer + k) / gross) < 1e-9
        if v.transfer > 0:
            g_r = v.transfer - v.receiving_gain
            assert abs(v.transfer - np.sqrt(g_r * (v.partner_gain + v.others_gain + v.transfer))) < 1e-9
    """),
    md(r"""
    ## Explore: design an agreement

    Choose the four features and watch the verdict. The bars show what the agreement gives R, the
    partner and the other sources, after any transfer; the dashed box marks the transfer R receives.
    The board on the right states who gains, the world's gain and the diversion loss, the transfer,
    whether the agreement holds at the chosen discount factor, and which real arrangements in
    chapter 7's record share its design.
    """),
    code("""explore("design_agreement")""", tags=["hide-input"]),
    md(r"""
    What to notice. Start from a permanent agreement and no design choice saves it: whatever the
    access, the screen or the transfer, the sending side loses the surplus its capital earned on the
    emigrants and gets nothing back once they settle, and R, which pays for the families of settled
    migrants, loses too. Make it temporary and the sending side becomes a clear winner. R then needs
    one more thing: either the sending side screens, which keeps welfare migration out, or it pays R
    a transfer. With preferential access the partner gains and the other sources are shut out; with
    nondiscriminatory access, the cheaper sources fill the visas, R saves the partner's premium and
    the diversion loss disappears, but the partner is left out. In the live notebook, lower the
    discount factor: the agreements that rely on a transfer fail first (the preferential one below
    about 0.31, the nondiscriminatory one below about 0.12), because both sides must then resist the
    temptation to stop paying or stop delivering; the agreements in which the sending side screens
    hold down to about 0.1.
    """),
    check_claim("""
    table = w.table()
    perm = [v for v in table if v.design.permanence == "permanent"]
    assert all(not v.accepted for v in perm)
    assert all(v.receiving_gain < 0 for v in perm)
    assert all((v.partner_gain < 0 if v.from_partner > 0 else v.others_gain < 0) for v in perm)
    temp = {(v.design.access, v.design.screener, v.design.linkage): v for v in table
            if v.design.permanence == "temporary"}
    assert all((v.partner_gain if v.from_partner > 0 else v.others_gain) > 0 for v in temp.values())
    assert not temp["preferential", "receiver", "none"].accepted
    assert temp["preferential", "sender", "none"].accepted and temp["preferential", "receiver", "transfer"].accepted
    pref, mfn = temp["preferential", "sender", "none"], temp["nondiscriminatory", "sender", "none"]
    assert pref.others == "no change" and pref.partner == "gain"
    assert mfn.partner == "no change" and mfn.others == "gain" and mfn.diversion_loss == 0 < pref.diversion_loss
    assert abs(mfn.receiving_gain - pref.receiving_gain - pref.diversion_loss) < 1e-9
    paid = {k: v for k, v in temp.items() if v.transfer > 0}
    assert set(paid) == {("preferential", "receiver", "transfer"), ("nondiscriminatory", "receiver", "transfer")}
    assert 0.30 < paid["preferential", "receiver", "transfer"].min_delta < 0.32
    assert 0.11 < paid["nondiscriminatory", "receiver", "transfer"].min_delta < 0.13
    screened = [v for v in temp.values() if v.design.screener == "sender"]
    assert all(0.09 < v.min_delta < 0.1 and v.self_enforcing for v in screened)
    low = w.replace(discount_factor=0.1)
    for v in temp.values():
        if v.accepted:
            assert low.evaluate(v.design).self_enforcing == (v.transfer == 0)
    """),
    md(r"""
    ## What the model teaches

    ### All sixteen designs at once

    The figure gives the verdict on every design at the default values: who gains, whether the
    agreement is accepted, and whether it holds at a discount factor of 0.9.
    """),
    figure(r"""
    fig = style.new_figure(8, 5.2)
    with style.context():
        capstone_figures.draw_verdict_grid(fig)
    fig
    """, name="fig-10-verdicts", caption=(
        "The verdict of the book's models on the sixteen designs of an agreement (permanent or "
        "temporary; MFN or preferential access; screening by the receiving country or the sending "
        "side; with or without a transfer), at a discount factor of 0.9 and a partner's cost premium of "
        "$100 per worker. Green: gains or yes; orange: loses or no; grey: unaffected."),
        alt=("A grid of sixteen rows, one per design, and five columns: receiving country, partner, "
             "other sources, accepted, self-enforcing. All eight permanent designs are rejected: the "
             "receiving country and whichever source sends migrants lose. Among temporary designs, only "
             "the two where the receiving country screens alone and no transfer is paid are rejected; "
             "the other six are accepted and self-enforcing.")),
    check_claim("""
    accepted = [v for v in table if v.accepted]
    assert len(accepted) == 6 and all(v.self_enforcing for v in accepted)
    assert {(v.design.screener, v.design.linkage) for v in table
            if v.design.permanence == "temporary" and not v.accepted} == {("receiver", "none")}
    """),
    md(r"""
    Six designs work, and they have two things in common: they are temporary, and they give R a
    reason to accept, either the sending side's screen or a transfer. Access decides the
    distribution: preferential designs reward the partner, nondiscriminatory ones the cheapest
    sources. Every design the models reject fails on the one-way problem (permanent settlement) or on
    the welfare cost to R (no screen and no payment).

    ### One lever at a time

    Which choice answers which obstacle? Start from the design the record says is rare between
    unequal countries, permanent and preferential with R screening alone, and change one feature at
    a time, then two.
    """),
    code(r"""
    start = Design("permanent", "preferential", "receiver", "none")
    steps = [
        ("starting point", start),
        ("+ sending side screens", Design("permanent", "preferential", "sender", "none")),
        ("+ transfer", Design("permanent", "preferential", "receiver", "transfer")),
        ("temporary instead", Design("temporary", "preferential", "receiver", "none")),
        ("temporary + screening", Design("temporary", "preferential", "sender", "none")),
        ("temporary + transfer", Design("temporary", "preferential", "receiver", "transfer")),
        ("temporary + screening, MFN", Design("temporary", "nondiscriminatory", "sender", "none")),
    ]
    lever_rows = []
    print(f"{'design':>28} {'R':>7} {'partner':>8} {'others':>7} {'world':>6} {'diversion':>9} {'accepted':>9}")
    for label, d in steps:
        v = w.evaluate(d)
        lever_rows.append((label, v))
        print(f"{label:>28} {v.receiving_gain:>7.2f} {v.partner_gain:>8.2f} {v.others_gain:>7.2f} "
              f"{v.world_gain:>6.1f} {v.diversion_loss:>9.2f} {str(v.accepted):>9}")
    print("gains in $ billion a year")
    """, tags=["hide-input"]),
    check_claim("""
    lv = dict(lever_rows)
    assert not lv["starting point"].accepted and not lv["+ sending side screens"].accepted
    assert not lv["+ transfer"].accepted and lv["+ transfer"].transfer == 0.0
    assert lv["+ sending side screens"].receiving_gain > lv["starting point"].receiving_gain
    assert lv["temporary instead"].partner_gain > 0 > lv["starting point"].partner_gain
    assert lv["temporary instead"].receiving_gain < 0 and not lv["temporary instead"].accepted
    assert lv["temporary + screening"].accepted and lv["temporary + transfer"].accepted
    best = lv["temporary + screening, MFN"]
    assert best.accepted and best.world_gain == max(v.world_gain for _, v in lever_rows)
    assert best.diversion_loss == 0.0
    """),
    md(r"""
    Screening by the sending side helps R even with permanent settlement, but cannot fix the sending
    side's loss; a transfer cannot be paid by a government that loses. Temporariness is the lever that
    turns the sending country into a winner, exactly as chapter 7 found, and screening or a transfer
    then turns R. Of all the designs in the table, the temporary, screened, nondiscriminatory one
    gives the world the most: it keeps the enforcement gains of chapter 8 and avoids the diversion of
    chapter 6.

    ### What a designer trades off

    No design is best for everyone, and the models make the trade-offs explicit. Opening access raises
    the world's gain and the receiving country's, but takes the programme from the partner that
    built it; a designer who wants the open version must find something else to offer the
    incumbent, or accept a transition. Screening by the sending side costs it money, about \$1.2
    billion a year here, which it accepts because access is worth much more; a sending government
    that values access less, say because its migrants settle, would refuse. A transfer can replace
    screening, but it asks more patience of both sides and moves money from the sending country to
    the receiving one, the opposite of what most people would call fair. Temporariness, the
    strongest lever of all, has a cost the governments' books do not show: migrants who would rather
    settle must go home. In the model, the world gains more from the temporary version of every
    design than from the permanent one, because the receiving country's costs fall; but that world
    gain counts the migrants only through the wages they earn, not through the lives they might have
    built.

    """),
    check_claim("""
    d_mfn = Design("temporary", "nondiscriminatory", "sender", "none")
    k_cost = w.arrangement(d_mfn).outcome(1.0, 0.1).screening_cost
    assert 1.1 < k_cost < 1.25 and k_cost < 0.2 * w.evaluate(d_mfn).others_gain
    for d in capstone.all_designs():
        if d.permanence == "temporary":
            twin = Design("permanent", d.access, d.screener, d.linkage)
            assert w.evaluate(d).world_gain > w.evaluate(twin).world_gain
    link_v = w.evaluate(Design("temporary", "preferential", "receiver", "transfer"))
    scr_v = w.evaluate(Design("temporary", "preferential", "sender", "none"))
    assert link_v.min_delta > scr_v.min_delta and link_v.transfer > 0
    """),
    md(r"""
    ### The capstone agrees with the chapters

    The capstone only composes the chapters' models, so its verdicts should match theirs wherever
    they overlap. The audit below runs the chapters' own models on the cases they assert and sets the
    capstone's verdict beside each.
    """),
    code(r"""
    ch7 = temporary.TemporaryMigration.example()
    ch8 = agreements.EnforcementDeal()
    pref_s = w.evaluate(Design("temporary", "preferential", "sender", "none"))
    mfn_s = w.evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    link = w.evaluate(Design("temporary", "preferential", "receiver", "transfer"))
    no_link = w.evaluate(Design("temporary", "preferential", "receiver", "none"))
    ch5 = repeated.OneWayDeal(-no_link.receiving_gain, no_link.partner_gain).summary()
    market = diversion.DiversionModel(100.0, 1.0, 10.0, 10.1, "resource", cap=10.0)
    audit = [
        ("7: permanent settlement costs the sender", not ch7.permanent(0.1).acceptable_to_sender,
         w.evaluate(Design("permanent", "preferential", "receiver", "none")).partner == "lose"),
        ("7: seasonal work pays the sender", ch7.outcome(1.0, 0.1).acceptable_to_sender,
         no_link.partner == "gain"),
        ("7: unscreened seasonal work costs R", not ch7.outcome(1.0, 0.1).acceptable_to_receiver,
         w.evaluate(Design("temporary", "nondiscriminatory", "receiver", "none")).receiver == "lose"),
        ("5: best transfer is √(G_R·ΔS)", round(ch5.best_transfer, 9), round(link.transfer, 9)),
        ("5: patience needed is √(G_R/ΔS)", round(ch5.min_delta, 9), round(link.min_delta, 9)),
        ("6: preference under a cap is pure diversion",
         round(market.compare(market.mfn(0.0), market.outcome(50.0, 0.0)).diversion, 9),
         round(pref_s.diversion_loss, 9)),
        ("8: opening helps R", ch8.outcome(10.0, "open").receiver_gain > ch8.outcome(10.0, "bilateral").receiver_gain,
         mfn_s.receiving_gain > pref_s.receiving_gain),
        ("8: opening hurts the partner", ch8.outcome(10.0, "open").partner_gain < ch8.outcome(10.0, "bilateral").partner_gain,
         mfn_s.partner_gain < pref_s.partner_gain),
        ("8: opening helps the excluded", ch8.outcome(10.0, "open").excluded_gain > ch8.outcome(10.0, "bilateral").excluded_gain,
         mfn_s.others_gain > pref_s.others_gain),
    ]
    print(f"{'case (chapter)':>45} {'chapter model':>14} {'capstone':>9}")
    for case, a, b in audit:
        print(f"{case:>45} {str(a):>14} {str(b):>9}")
    """, tags=["hide-input"]),
    check_claim("""
    assert all(a == b for _, a, b in audit)
    assert all(a is True for _, a, _ in audit if isinstance(a, bool))
    """),
    md(r"""
    Every row agrees. That is by construction, since the capstone calls the chapters' code, but the
    audit guards the construction: if a chapter's model changes, this page stops building until the
    synthesis is brought back in line. The library's tests run the same comparison over many
    parameter values.

    ### How the verdicts move

    Two parameters matter most for which design to choose. The partner's cost premium decides
    whether a preference is costly: with a premium of \$100 per worker, R gains from the preferential
    screened design, but at \$200 the premium it pays on every partner worker exceeds what screening
    is worth to it, and only the nondiscriminatory version, or a transfer, keeps R in. The discount
    factor decides which accepted designs hold: those without a transfer need only enough patience
    to keep screening, about 0.1 here, while those with a transfer need more, from about 0.12 to
    0.31, the more so the more R must be paid, because both sides must resist stopping payment or
    delivery.
    """),
    check_claim("""
    w2 = w.replace(cost_premium=0.2)
    assert w.evaluate(Design("temporary", "preferential", "sender", "none")).receiver == "gain"
    assert w2.evaluate(Design("temporary", "preferential", "sender", "none")).receiver == "lose"
    assert w2.evaluate(Design("temporary", "nondiscriminatory", "sender", "none")).accepted
    assert w2.evaluate(Design("temporary", "preferential", "sender", "transfer")).accepted
    no_t = [v.min_delta for v in table if v.accepted and v.transfer == 0]
    with_t = [v.min_delta for v in table if v.accepted and v.transfer > 0]
    assert all(0.05 < x < 0.1 for x in no_t) and all(0.11 < x < 0.32 for x in with_t)
    assert min(with_t) > max(no_t) and max(with_t) > 0.3
    """),
    md(r"""
    ## In practice

    Set the designs the models accept beside the record of chapter 7. Temporary, preferential
    arrangements in which the sending government selects the workers are Canada's seasonal program
    and the Philippine agreements: the models' "temporary, preferential, sending side screens"
    design, accepted and self-enforcing, with a diversion loss whenever the partner is not the
    cheapest source. Temporary, nondiscriminatory arrangements are represented only by GATS Mode 4,
    which opens entry to the skilled on equal terms but asks nothing of sending governments. The
    permanent arrangements, the EU, the Trans-Tasman arrangement, ECOWAS, the moves in COMESA and the
    Andean Community, all join countries at similar levels of development, where the one-way problem
    that sinks every permanent design in the grid does not arise.
    """),
    code(r"""
    lines = ["| Design (temporary) | Accepted | Self-enforcing | Closest arrangements in the record |",
             "|---|---|---|---|"]
    for v in table:
        d = v.design
        if d.permanence != "temporary" or d.linkage != "none":
            continue
        names = ", ".join(agreements.ARRANGEMENTS[k].name for k in v.closest) or "none"
        lines.append(f"| {d.access}, {d.screener} screens | {'yes' if v.accepted else 'no'} | "
                     f"{'yes' if v.self_enforcing else 'no'} | {names} |")
    display(Markdown("\n".join(lines)))
    """, tags=["hide-input"]),
    check_claim("""
    open_screened = w.evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    assert open_screened.closest == () and open_screened.self_enforcing
    assert "canada_sawp" in w.evaluate(Design("temporary", "preferential", "sender", "none")).closest
    assert w.evaluate(Design("temporary", "nondiscriminatory", "receiver", "none")).closest == ("gats_mode4",)
    """),
    md(r"""
    One accepted design has no counterpart in the record: a temporary arrangement, open to every
    source on the same terms, in which sending governments screen their applicants and see that they
    return. It is the design Sykes points to at the end of his discussion of enforcement cooperation,
    and the one the models rank first for the world. Building it would take what chapter 8 described:
    publishing the terms, admitting any source that meets them, and facing down the incumbent
    partners who gain from their preferences.

    Beyond the models, three cautions. The numbers in this book are illustrative, chosen so that the
    mechanisms show; the signs and the orderings are what the models teach, not the dollar amounts.
    The models leave out much that matters in practice, from the politics of native workers to the
    rights of the migrants themselves, whose gains from moving dwarf every other number here and
    whom no government at the table represents. And the argument for a world body for migration, in
    the way the WTO serves trade, turns on exactly the obstacles studied here
    {cite:p}`hatton2007,trachtman2009`: without reciprocity to trade on, such a body would have to
    be built on temporariness, screening and transfers, which is where cooperation has grown on its
    own.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Why linkage cannot save permanent settlement
    :label: ex-10-1

    *Conceptual · about 15 minutes.*

    Issue linkage rescued the temporary, preferential agreement that R screened alone: the partner
    paid R a transfer. Explain why no transfer, however designed, can rescue the permanent version of
    the same agreement between unequal countries. What would have to be true of the sending country
    for a permanent agreement to work, and which real arrangements meet that condition?
    ```

    ```{solution} ex-10-1
    :class: dropdown

    A transfer moves gains from the sending side to R; it cannot create them. With permanent
    settlement, in the steady state every migrant has cut his ties, so the sending side receives no
    remittances and counts no citizens abroad: by {eq}`eq-07-sender` its valuation is the loss of
    those left behind, negative. Chapter 5's one-way deal exists only if the payer's gain exceeds the
    receiver's loss, $\Delta S > G_R$; with $\Delta S < 0$ there is nothing to pay with, at any
    discount factor. A permanent agreement needs each country to gain from access to the other's
    labor market, which requires people to want to move in both directions: members at comparable
    levels of development, as in the EU, the Trans-Tasman arrangement and, in aspiration, ECOWAS.
    Then reciprocity does the work that transfers cannot.
    ```

    ```{exercise} The price of linkage
    :label: ex-10-2

    *Computational · about 15 minutes.*

    Take the temporary, preferential design in which R screens alone. Without a transfer, R loses
    $G_R = 1.176$ billion dollars a year (chapter 7's seasonal loss of 0.176 plus the partner's premium
    of 0.1 on 10 million workers) and the partner gains $12.19$ billion. Find the transfer that needs
    the least patience and that patience. Check both with `check("ex-10-2", (T, delta))`.
    ```

    ```{solution} ex-10-2
    :class: dropdown

    By {eq}`eq-05-best`, $T^* = \sqrt{1.176 \times 12.19} \approx 3.79$ billion dollars a year and
    $\delta^* = \sqrt{1.176/12.19} \approx 0.311$. At that transfer both thresholds are equal: R's
    $G_R/T$ and the partner's $T/\Delta S$. R ends up gaining $3.79 - 1.18 = 2.61$ and the partner
    $12.19 - 3.79 = 8.40$ billion a year. Compare the design in which the partner screens instead:
    no transfer is needed and the required patience falls to about 0.1.
    ```
    """),
    solution("""
    v = capstone_figures.world().evaluate(Design("temporary", "preferential", "receiver", "transfer"))
    T, delta = v.transfer, v.min_delta
    print(f"transfer {T:.3f} $ billion a year; needs δ ≥ {delta:.3f}; R gains {v.receiving_gain:.2f}, "
          f"partner {v.partner_gain:.2f}")
    check("ex-10-2", (T, delta))
    """),
    check_solution("""
    v0 = w.evaluate(Design("temporary", "preferential", "receiver", "none"))
    assert abs(-v0.receiving_gain - 1.176) < 1e-3 and abs(v0.partner_gain - 12.19) < 5e-3
    assert abs(T - 3.79) < 0.005 and abs(delta - 0.311) < 1e-3
    assert abs(v.receiving_gain - 2.61) < 0.005 and abs(v.partner_gain - 8.40) < 0.01
    assert 0.05 < w.evaluate(Design("temporary", "preferential", "sender", "none")).min_delta < 0.15
    """),
    md(r"""
    ```{exercise} When the partner is dear
    :label: ex-10-3

    *Computational · about 15 minutes.*

    Raise the partner's cost premium to \$200 per worker, `capstone_figures.world(cost_premium=0.2)`.
    For the temporary, preferential design in which the sending side screens and no transfer is paid,
    find the diversion loss and R's gain, both in billions of dollars a year. Check with
    `check("ex-10-3", (loss, gain))`. Then find which change of design restores R's gain without a
    transfer.
    ```

    ```{solution} ex-10-3
    :class: dropdown

    The partner supplies all 10 million workers, each costing R's employers \$200 more than one from
    the cheapest source: the diversion loss is $0.2 \times 10 = 2$ billion a year. R's gain before the
    premium is 1.593 billion (the same as in the MFN design), so its gain falls to
    $1.593 - 2 = -0.407$: R rejects the preferential deal. Switching to nondiscriminatory access
    removes the premium, and R gains 1.593 again, while the partner is left out and the cheaper
    sources gain. A transfer would also work, but it is not needed once access is open.
    ```
    """),
    solution("""
    w_dear = capstone_figures.world(cost_premium=0.2)
    v3 = w_dear.evaluate(Design("temporary", "preferential", "sender", "none"))
    loss, gain = v3.diversion_loss, v3.receiving_gain
    open3 = w_dear.evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    print(f"diversion loss {loss:.3f}, R's gain {gain:.3f}; with MFN access R gains {open3.receiving_gain:.3f}")
    check("ex-10-3", (loss, gain))
    """),
    check_solution("""
    assert abs(loss - 2.0) < 1e-9 and abs(gain + 0.407) < 1e-3
    assert abs(open3.receiving_gain - 1.593) < 1e-3 and open3.accepted and not v3.accepted
    """),
    md(r"""
    ```{exercise} How patient must a screening partner be?
    :label: ex-10-4

    *Computational · about 15 minutes.*

    In the temporary, nondiscriminatory design in which the sending side screens, the sources that
    send migrants spend $K$ a year on screening (\$100 per applicant, and it takes $1/a$ applicants to
    fill a visa, with $a = 0.865$ the pass rate). Their gain net of that cost is 11.034 billion a year.
    Compute $K$ and, from {eq}`eq-10-sender-keeps`, the least discount factor at which they keep
    screening. Check with `check("ex-10-4", delta)`.
    ```

    ```{solution} ex-10-4
    :class: dropdown

    $K = 0.1 \times 10/0.865 = 1.156$ billion dollars a year. With no transfer, the threshold is
    $K/(V + K) = 1.156/(11.034 + 1.156) = 0.0948$. Shirking saves only the screening cost, which is
    small beside what the sources would lose if R ended the agreement, so very little patience is
    needed. This is why a screening agreement paid in continued access is easier to sustain than one
    that relies on a cash transfer.
    ```
    """),
    solution("""
    design = Design("temporary", "nondiscriminatory", "sender", "none")
    v4 = capstone_figures.world().evaluate(design)
    o4 = capstone_figures.world().arrangement(design).outcome(1.0, 0.1)
    K = o4.screening_cost
    delta = repeated.min_discount_factor(v4.others_gain, v4.others_gain + K, 0.0)
    print(f"K = {K:.3f} $ billion a year; threshold {delta:.4f}")
    check("ex-10-4", delta)
    """),
    check_solution("""
    assert abs(K - 1.156) < 1e-3 and abs(v4.others_gain - 11.034) < 1e-3
    assert abs(delta - 0.0948) < 1e-4 and abs(delta - v4.sender_threshold) < 1e-12
    assert abs(float(o4.employed_share) - 0.9884) < 1e-3
    """),
    md(r"""
    ```{exercise} Your own agreement
    :label: ex-10-5

    *Exploration · about 25 minutes.*

    Open this chapter in Jupyter and use the design explorer. (a) Set the discount factor to 0.1 and
    list the designs that still hold; which feature do they share, and why? (b) Set the return rate
    of a temporary agreement to 0.25 (four-year stays) and compare the preferential and the
    nondiscriminatory designs with screening by the sending side. (c) Write a short proposal, in the
    spirit of Sykes's conclusion, for an agreement between a rich and a poor country: name its four
    features, say who gains and who is shut out, and say what the models leave out that would worry
    you.
    ```

    ```{solution} ex-10-5
    :class: dropdown

    (a) At $\delta = 0.1$ the designs that pay a transfer fail (they need 0.12 or more), while the
    four temporary designs in which the sending side screens still hold (with screening, R gains
    without a transfer, so none is paid even when linkage is on): shirking on screening saves little
    compared with what the sending side would lose, so little patience is needed. (b) With four-year stays fewer migrants have ties home, so R pays more for settled
    families and the sources gain less from remittances; R's gain from the screened designs shrinks
    (to about 0.76 billion a year under MFN access), and the preferential design, which also pays the
    partner's premium of 1 billion, turns against R. (c) Answers differ; a strong one proposes a
    temporary, screened arrangement open to every source on published terms, notes that the
    incumbent partner loses its preference and the cheaper sources gain, and names omissions such as
    the migrants' own rights and welfare, native workers' politics, and the costs of monitoring
    return.
    ```
    """),
    solution("""
    for delta_ in (0.1, 0.9):
        holds = [v.design for v in capstone_figures.world(discount_factor=delta_).table() if v.self_enforcing]
        print(f"δ = {delta_}: {len(holds)} designs hold")
    slow = capstone_figures.world(return_rate=0.25)
    for access in ("preferential", "nondiscriminatory"):
        v5 = slow.evaluate(Design("temporary", access, "sender", "none"))
        print(f"four-year stays, {access}: R {v5.receiving_gain:+.3f}, accepted {v5.accepted}")
    """),
    check_solution("""
    low_holds = [v for v in capstone_figures.world(discount_factor=0.1).table() if v.self_enforcing]
    assert len(low_holds) == 4 and all(v.design.screener == "sender" and v.transfer == 0
                                       and v.design.permanence == "temporary" for v in low_holds)
    slow_pref = slow.evaluate(Design("temporary", "preferential", "sender", "none"))
    slow_mfn = slow.evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    assert abs(slow_mfn.receiving_gain - 0.76) < 0.01 and slow_mfn.accepted
    assert slow_pref.receiving_gain < 0 and not slow_pref.accepted
    assert slow_mfn.others_gain < w.evaluate(Design("temporary", "nondiscriminatory", "sender", "none")).others_gain
    """),
    md(r"""
    ## Sources and further reading

    The synthesis follows the conclusion of {cite:t}`sykes2013`, with the models of the earlier
    chapters: the terms-of-trade theory of {cite:t}`bagwell2002`, the screening model in the spirit
    of {cite:t}`fernandezhuertas2008`, the two-country economy after {cite:t}`borjas1995`, the
    diversion analysis of {cite:t}`viner1950` and {cite:t}`lipsey1957`, and the refugee model of
    {cite:t}`bubb2011`. {cite:t}`hatton2007` asks whether migration needs a WTO of its own, and
    {cite:t}`trachtman2009` surveys the international law of economic migration. The enforcement
    arrangement between Canada and Jamaica is studied by {cite:t}`brown2009`.
    """),
]

if __name__ == "__main__":
    print(write("chapters/10_conclusion.ipynb", cells))
