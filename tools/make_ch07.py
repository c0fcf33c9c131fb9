"""Write chapters/07_permanent_and_temporary.ipynb (run: .venv/bin/python tools/make_ch07.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Permanent and temporary migration

    ```{admonition} Learning goals
    :class: tip
    This chapter follows parts II.A and II.B of {cite:t}`sykes2013`. After it you should be able to:
    - name the few international arrangements that let people settle in another country, and say
      what they have in common;
    - describe the much more common temporary arrangements, from {term}`bilateral labor agreement`s
      to NAFTA's chapter 16 and {term}`Mode 4` of the GATS;
    - explain with a model why temporariness softens the {term}`one-way problem` for the sending
      country and the fear of {term}`welfare migration` in the receiving one;
    - compute the shortest average stay, the {term}`return rate`, at which each country gains, and
      what an employment screen does to it;
    - read the record of real arrangements against the theory and spot its one prediction that
      could have failed but did not.
    ```
    """),
    code("""
    import numpy as np
    from IPython.display import Markdown, display
    from migcoop import agreements, repeated, style, temporary
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import agreements as agreement_figures
    """),
    md(r"""
    ## The argument

    Inside most countries people may move where they like. A worker in Ohio who finds a better job in
    Texas simply goes; in the United States the Constitution itself protects the right. The
    exceptions are telling: China's household registration, the *hukou*, long tied rural people to
    their place of birth and kept hundreds of millions out of the cities' labor markets
    {cite:p}`chan2009`. {term}`Free movement` within a nation is the benchmark against which the
    international record looks thin.

    **Permanent arrangements are rare.** Only a handful of international arrangements give the
    citizens of one country a right to live and work indefinitely in another. The European Union is
    the largest. Its citizens may move to any member state; after three months the host may ask
    them to show that they will not lean on its social assistance, and after five years of lawful
    residence they acquire a permanent right to stay {cite:p}`eu2004`. Australia and New Zealand
    let each other's citizens live and work without limit under the Trans-Tasman Travel
    Arrangement, an understanding between governments rather than a treaty; access to most social
    benefits, though, needs the further step of permanent residence {cite:p}`productivity2010`.
    The West African states of ECOWAS have set free movement of persons, residence and establishment
    as a goal since 1979 and written it into their revised treaty, but carry it out only in part
    {cite:p}`ecowas1993,iom2010`. Similar steps are under way in the Common Market for Eastern and
    Southern Africa (COMESA) and the Andean Community {cite:p}`iom2010`.

    What do these arrangements share? First, within each, the members are at broadly similar levels
    of development, even though the EU as a whole is far richer than West Africa. People therefore
    move in several directions, not mainly from one poor member to one rich member, so no member
    faces the one-way problem of chapter 5 {cite:p}`hatton2007`. Second, politics: the EU grew out
    of the wish never again to fight the wars that tore Europe apart; ECOWAS ties free movement to
    democracy and to regional security; Australia and New Zealand share a colonial history and much
    else. Sykes adds a warning. Each permanent arrangement is also a {term}`preferential agreement`
    and so risks {term}`migration diversion` (chapter 6): an Estonian may take a job in Finland that
    a more productive worker from outside the EU would have filled. Distance and shared culture may
    make neighbours efficient suppliers of migrants to each other, which would soften the worry,
    but nobody has shown that they are.

    **Temporary arrangements are common.** Most cooperation on migration admits workers for a
    limited stay. Germany signed {term}`bilateral labor agreement`s with countries of Central and
    Eastern Europe under which firms there send their own employees to work on contracts in Germany
    for two or three years at most {cite:p}`bobeva2004,liebig2004`. Canada's Seasonal Agricultural
    Worker Program brings farm workers from Jamaica and other Caribbean states, and from Mexico, for
    the growing season; the sending governments often select the workers, and those who keep the
    rules, including going home on time, are favoured for the next season {cite:p}`bobeva2004`.
    The Philippines has agreements that place its nurses and other health workers in the United
    Kingdom and Norway and, since 1968, lower-skilled workers on US military bases; its overseas
    employment agency works like a recruitment firm, advertising vacancies, checking credentials and
    sometimes teaching the language.

    Trade agreements carry temporary migration too. The North American Free Trade Agreement, in its
    chapter 16, eases the entry of business visitors, traders and investors, managers transferred
    within a company and professionals, with less paperwork and, for professionals, visas set aside
    {cite:p}`nafta1993`; the US–Singapore free trade agreement has a similar chapter
    {cite:p}`ussingapore2003`. At the multilateral level, the WTO's General Agreement on Trade in
    Services counts as trade the supply of a service by people who travel to the buyer's country to
    supply it, the so-called {term}`Mode 4` {cite:p}`gats1994`. Members may open Mode 4 across all
    service sectors at once, a {term}`horizontal commitment`, or sector by sector, a
    {term}`sectoral commitment`; most have chosen horizontal ones, and the US commitments, like its
    trade agreements, cover salespeople, managers, executives and specialists
    {cite:p}`chaudhuri2004,trachtman2009`.

    **Why the theory predicts temporariness.** The temporary arrangements fall into two groups:
    the skilled (professionals, managers, people doing cross-border business) and the less skilled
    in jobs that are short of local workers (farm hands, food service). In both, the receiving
    country knows the migrants will be working: they arrive to a job, or have skills that make
    unemployment unlikely. Sykes gives two reasons why this pattern is what Part I predicts.

    First, temporary workers who come to a job are unlikely to draw on the welfare state, so the
    receiving country's fear of welfare migration fades. Second, temporariness softens the one-way
    problem. A temporary migrant stays a citizen of the sending country, keeps his family and his
    vote there, sends money home and comes back with savings and skills. The sending country shares
    in the gains of migration rather than simply losing workers, and so has reason to agree, and
    even to help.

    Two features of the GATS fit this reading. The preference for horizontal commitments suggests
    that governments judge a migrant by his skills rather than by the sector he works in: a
    specialist or a manager is a welcome temporary worker in any sector, a less skilled one raises
    the fear of welfare dependence in any sector. And Mode 4 commitments, like all GATS commitments,
    follow the {term}`most-favoured-nation principle` (Article II): every WTO member competes on the
    same terms, so there is no migration diversion except against the few countries outside the WTO.

    The model below makes the second of Sykes's reasons precise. It asks how long migrants must
    stay, on average, for a deal to suit the sending country, and what it takes to make it suit the
    receiving country as well.
    """),
    md(r"""
    ## The model

    Take the two countries of chapter 5: a receiving country R and a sending country S whose
    economies are described by {eq}`eq-05-output`. An arrangement keeps $m$ of S's workers employed
    in R at any moment (millions); in the example below, $m = 10$ million, a fifth of S's workers.
    Production, wages and who gains are those of chapter 5. What is new is the passage of time:
    migrants may go home and be replaced, or stay and settle.

    ### Ties home

    A migrant arrives with ties to S: a family at home, a plan to go back, a vote. While abroad he
    may cut those ties (bring his family over, buy a house, take R's citizenship); suppose he does
    so at a rate $\phi$ per year, the *settling rate*. Under a temporary arrangement he also goes
    home at a rate $\gamma$ per year, the {term}`return rate`, and a newcomer with ties takes his
    place; a visa of about $1/\gamma$ years has this effect. In the {term}`steady state`, where
    every year as many migrants arrive as leave and as many settle as the flows replace, the share of
    migrants who still have ties home is

    $$
    \theta = \frac{\gamma}{\gamma + \phi} .
    $$ (eq-07-ties)

    A permanent arrangement ($\gamma = 0$) ends with $\theta = 0$: given enough time, every migrant
    settles. Seasonal work ($\gamma$ around 1 or more) keeps $\theta$ close to one. With
    $\phi = 0.2$, a migrant who never has to leave settles after five years on average.

    ### What the sending country counts

    Chapter 5 showed that {term}`those left behind` lose when workers leave: S's capital earned a
    surplus on the emigrants' labor, and it is gone. Write $\Delta_S(m) < 0$ for that change, as in
    {eq}`eq-05-left-behind`. Migrants with ties send home a share $\rho$ of their earnings
    $E = w_R\,m$ as {term}`remittances`, and S's government may also count their own gain, since
    they are still its citizens and will come back: it puts a weight $\beta$ between 0 and 1 on the
    gain $G_M$ they keep after remitting. Settled migrants send nothing home and no longer count.
    If S screens the applicants itself, it also pays a cost $K$. So S's government values the
    arrangement at

    $$
    V_S = \Delta_S(m) + \rho\,\theta\,E + \beta\,\theta\,\big(G_M - \rho\,\theta\,E\big) - K .
    $$ (eq-07-sender)

    The first term is the one-way problem; every other gain is multiplied by $\theta$. A permanent
    arrangement leaves S only the first term, and the last: it loses.

    ### What the receiving country counts

    R's natives gain the {term}`immigration surplus` $\Delta_R(m)$ of {eq}`eq-05-surplus`. Each
    migrant also costs R's public purse $e$ a year, a {term}`nonpecuniary externality` of the kind
    chapter 2 introduced. Two sources make it up. A share of applicants, $u$, would not hold a job
    in R; each of them costs the welfare state $h$ a year. And a settled migrant brings a family
    that uses schools and clinics at a net cost $c_f$ a year. A screen for employment, such as
    requiring a job offer before granting a visa, admits applicants who will work with probability
    $t$ and those who will not with probability $f$. The share of admitted migrants who work is
    then, as in chapter 3's screening arithmetic,

    $$
    q = \frac{(1-u)\,t}{(1-u)\,t + u\,f} ,
    $$ (eq-07-employed)

    and the cost per migrant is

    $$
    e = (1 - q)\,h + (1 - \theta)\,c_f .
    $$ (eq-07-cost)

    R's government values the arrangement at

    $$
    V_R = \Delta_R(m) - e\,m .
    $$ (eq-07-receiver)

    Screening lowers the first part of $e$ and temporariness the second. Because the immigration
    surplus is small (in the example it is about \$230 per migrant a year, in line with the
    estimates chapter 5 reports), even a modest cost per migrant can turn R against a deal.

    ### Where each country gains

    Setting $V_R = 0$ in {eq}`eq-07-receiver` gives the least share of migrants with ties at which
    R gains,

    $$
    \theta_R^{*} = 1 - \frac{\Delta_R(m)/m - (1-q)\,h}{c_f} ,
    $$ (eq-07-r-boundary)

    and hence, inverting {eq}`eq-07-ties`, a least return rate
    $\gamma_R^{*} = \phi\,\theta_R^{*}/(1-\theta_R^{*})$. If the welfare cost $(1-q)\,h$ alone exceeds
    the surplus per migrant, no return rate is enough. For S, take $\beta = 0$ and $K = 0$ (the
    example's starting point): S gains when remittances from migrants with ties cover the loss of
    those left behind, that is when the remittance share exceeds

    $$
    \rho^{*}(\gamma) = \frac{-\Delta_S(m)}{\theta(\gamma)\,E} .
    $$ (eq-07-s-boundary)

    For a permanent arrangement $\theta = 0$ and no remittance share is enough; the more often
    migrants rotate, the lower the share that suffices.

    When one country still loses, chapter 5's {term}`issue linkage` can close the gap: S pays R a
    transfer $T$ a year (in trade concessions, say). With $G_R = -V_R$ what R loses and $V_S$ what
    S gains, the deal is a {term}`self-enforcing agreement` for a {term}`discount factor`
    $\delta \ge \sqrt{G_R/V_S}$, with the transfer $T^* = \sqrt{G_R\,V_S}$ of {eq}`eq-05-best`.
    """),
    check_claim("""
    ex = agreement_figures.example("none")
    econ = ex.economy
    m = ex.migrants
    gains = econ.gains(m)
    surplus, loss = gains.receiving_natives, -gains.left_behind
    earnings = float(econ.outcome(m).migrant_earnings)
    assert abs(temporary.ties_share(0.0, 0.2)) < 1e-12 and abs(temporary.ties_share(0.2, 0.2) - 0.5) < 1e-12
    for gamma in (0.0, 0.3, 1.0):
        for r in (0.0, 0.1, 0.2):
            o = ex.outcome(gamma, r)
            th = gamma / (gamma + 0.2)                                          # (eq-07-ties)
            assert abs(o.sending_gain - (-loss + r * th * earnings)) < 1e-9     # (eq-07-sender), beta = 0
            assert abs(o.receiving_gain - (surplus - o.external_cost * m)) < 1e-9   # (eq-07-receiver)
    assert 200 < 1000 * surplus / m < 260                      # about $230 per migrant a year
    q = ex.employed_share
    theta_r = 1 - (surplus / m - (1 - q) * ex.welfare_cost) / ex.family_cost   # (eq-07-r-boundary)
    assert abs(ex.receiver_min_return_rate() - 0.2 * theta_r / (1 - theta_r)) < 1e-9
    for gamma in (0.3, 1.0, 2.0):                                                # (eq-07-s-boundary)
        th = gamma / (gamma + 0.2)
        assert abs(ex.sender_min_remittance_share(gamma) - loss / (th * earnings)) < 1e-9
    assert np.isinf(ex.sender_min_remittance_share(0.0))
    """),
    md(r"""
    ## Explore: when does an arrangement suit both countries?

    The explorer maps every combination of return rate and remittance share. Shaded regions show
    who gains: neither, only R, only S, or both. The dashed curve is S's boundary
    {eq}`eq-07-s-boundary`, the dash-dotted line R's boundary {eq}`eq-07-r-boundary`. On the right,
    each country's gain against the return rate at the chosen remittance share. Toggle the
    employment screen and watch R's boundary move.
    """),
    code("""explore("temporary_deal")""", tags=["hide-input"]),
    md(r"""
    What to notice. Along the left edge, where nobody goes home, S loses whatever the remittance
    share: permanent migration leaves it only the loss of those left behind. Yet S's boundary falls
    steeply as soon as some migrants return. With remittances of 10 per cent, S gains once the
    return rate passes about 0.06, stays of some sixteen years on average. Remittances are a
    first-order gain and the loss of those left behind a second-order one, so a little rotation goes
    a long way.

    R is harder to please. Without a screen, a tenth of the migrants cannot hold a job, and that
    alone costs R nearly as much as the immigration surplus is worth; R gains only from a return rate
    of about 1.65, stays of about seven months, that is, seasonal work. Require a job offer and R's
    boundary jumps left, to a return rate of about 0.12, stays of some eight years: the screen cuts
    the share of admitted migrants without work from 10 per cent to about 2, and leaves the family
    cost of settled migrants as R's main worry. With the screen, two-year stays suit both countries.
    In the live notebook, raise the weight $\beta$ that S puts on its citizens abroad (S becomes
    easier to please, except at $\gamma = 0$), or the settling rate $\phi$ (ties wear out faster and
    both boundaries move right).
    """),
    check_claim("""
    screened = agreement_figures.example("job offer required")
    assert all(not ex.outcome(0.0, r).acceptable_to_sender for r in np.linspace(0, 1, 11))
    g_s = ex.sender_min_return_rate(0.1)
    assert 0.055 < g_s < 0.07 and 14 < 1 / g_s < 17
    g_r, g_rs = ex.receiver_min_return_rate(), screened.receiver_min_return_rate()
    assert 1.6 < g_r < 1.7 and 6.5 < 12 / g_r < 7.5          # about seven months
    assert 0.115 < g_rs < 0.125 and 7.5 < 1 / g_rs < 8.5       # about eight years
    welfare_cost_alone = (1 - ex.employed_share) * ex.welfare_cost * m
    assert 0.8 < welfare_cost_alone / surplus < 1              # nearly the whole surplus
    assert abs(ex.employed_share - 0.9) < 1e-12 and 0.015 < 1 - screened.employed_share < 0.025
    assert screened.outcome(0.5, 0.1).acceptable and not ex.outcome(0.5, 0.1).acceptable
    hi_beta = agreement_figures.example("none", citizen_weight=0.5)
    assert hi_beta.sender_min_return_rate(0.1) < g_s
    assert not hi_beta.outcome(0.0, 0.1).acceptable_to_sender
    fast = agreement_figures.example("job offer required", settle_rate=0.4)
    assert fast.receiver_min_return_rate() > g_rs
    assert agreement_figures.example("none", settle_rate=0.4).sender_min_return_rate(0.1) > g_s
    """),
    md(r"""
    ## What the model teaches

    ### From permanent to seasonal

    The table follows one arrangement, ten million of S's workers in R at any time with 10 per cent
    remittances, from permanent settlement to seasonal rotation, without a screen and with a job
    offer required.
    """),
    code(r"""
    stays = [("permanent", 0.0), ("10 years", 0.1), ("5 years", 0.2), ("2 years", 0.5),
             ("1 year", 1.0), ("6 months", 2.0)]
    rows = []
    for label, gamma in stays:
        o, s = ex.outcome(gamma, 0.1), screened.outcome(gamma, 0.1)
        rows.append((label, gamma, o.ties_share, o.external_cost, o.receiving_gain,
                     s.receiving_gain, o.sending_gain))
    print(f"{'average stay':>13} {'γ':>5} {'θ':>5} {'e (no screen)':>14} {'V_R no screen':>14} "
          f"{'V_R job offer':>14} {'V_S':>7}")
    for r in rows:
        print(f"{r[0]:>13} {r[1]:>5.1f} {r[2]:>5.2f} {r[3]:>14.3f} {r[4]:>14.2f} {r[5]:>14.2f} {r[6]:>7.2f}")
    print("e in $ thousand per migrant a year; V_R and V_S in $ billion a year")
    """, tags=["hide-input"]),
    check_claim("""
    v_r = [r[4] for r in rows]
    v_rs = [r[5] for r in rows]
    v_s = [r[6] for r in rows]
    assert all(a < b for a, b in zip(v_r, v_r[1:])) and all(a < b for a, b in zip(v_s, v_s[1:]))
    assert v_s[0] < 0 < v_s[1]                       # S loses only from permanent settlement
    assert all(x < 0 for x in v_r[:-1]) and v_r[-1] > 0
    assert v_rs[1] < 0 < v_rs[2]                     # with the screen R gains from 5-year stays on
    assert abs(v_s[0] + loss) < 1e-9 and 4.5 < loss < 5.5
    assert v_s[-1] > 13 and (v_s[-1] - v_s[0]) > 4 * (v_rs[-1] - v_rs[0]) and v_rs[-1] - v_rs[0] < 3
    """),
    md(r"""
    Both countries' valuations rise all the way from permanent settlement to seasonal work. S's
    swings the most: from a loss of about \$5 billion a year (the whole loss of those left behind)
    to a gain of more than \$13 billion, almost all of it remittances. R's valuation moves by only a
    few billion either way, because the surplus it weighs against its costs is small; and only at
    six-month stays does it turn positive without a screen. With a job offer required it gains
    from five-year stays on (ten years are just too long). The figure draws the same comparison
    continuously.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        agreement_figures.draw_gains_by_stay(fig, remittance_share=0.1)
    fig
    """, name="fig-07-gains", caption=(
        "Each country's valuation of an arrangement that keeps ten million migrants in the receiving "
        "country, against the return rate (0 is permanent settlement), with remittances of 10 per "
        "cent. Left: the receiving country, without an employment screen (solid) and with a job "
        "offer required (dashed). Right: the sending country, and the loss of those left behind that "
        "it bears under permanent settlement (dotted)."),
        alt=("Two line charts against the return rate from 0 to 2. Left: the receiving country's gain "
             "rises from about minus 2.7 billion dollars at permanent settlement to just above zero at "
             "a return rate of 2 without a screen, and from about minus 1.1 to plus 1.6 billion with a "
             "job offer required, crossing zero near 0.12. Right: the sending country's gain rises "
             "from minus 5 billion to about 14 billion, crossing zero near 0.06, far above the "
             "constant loss of those left behind.")),
    check_claim("""
    assert -2.8 < ex.permanent(0.1).receiving_gain < -2.6 and 0 < ex.outcome(2.0, 0.1).receiving_gain < 0.1
    assert -1.2 < screened.permanent(0.1).receiving_gain < -1.0
    assert 1.5 < screened.outcome(2.0, 0.1).receiving_gain < 1.7
    assert 13 < ex.outcome(2.0, 0.1).sending_gain < 14.5
    """),
    md(r"""
    ### What an employment screen buys

    How much does a screen's accuracy matter? The table compares four screens: none, a lax check
    that lets most would-be non-workers through, a job-offer requirement, and a strict one. For
    each it gives the share of admitted migrants without a job, the welfare cost per migrant, and
    the least return rate at which R gains.
    """),
    code(r"""
    screens = [("none", 1.0, 1.0), ("lax check", 0.95, 0.6), ("job offer", 0.95, 0.2),
               ("strict", 0.9, 0.05)]
    screen_rows = []
    for label, t, f in screens:
        mdl = ex.with_screen(t, f)
        screen_rows.append((label, t, f, 1 - mdl.employed_share,
                            (1 - mdl.employed_share) * mdl.welfare_cost,
                            mdl.receiver_min_return_rate()))
    print(f"{'screen':>10} {'t':>5} {'f':>5} {'no job':>7} {'(1-q)h':>7} {'least γ for R':>14}")
    for r in screen_rows:
        print(f"{r[0]:>10} {r[1]:>5.2f} {r[2]:>5.2f} {r[3]:>7.1%} {r[4]:>7.3f} {r[5]:>14.3f}")
    """, tags=["hide-input"]),
    check_claim("""
    no_job = [r[3] for r in screen_rows]
    need = [r[5] for r in screen_rows]
    assert all(a > b for a, b in zip(no_job, no_job[1:]))
    assert all(a > b for a, b in zip(need, need[1:]))
    assert need[0] > 10 * need[2]
    assert screen_rows[-1][5] < 0.1
    """),
    md(r"""
    Each step up in accuracy lowers the share of admitted migrants without a job and, with it, the
    return rate R insists on. The first step does the most: without any screen R accepts only
    seasonal work, with a job offer required it accepts stays ten times as long. This is the
    receiving country's side of Sykes's explanation: employment-based programmes keep welfare
    migration out, and that makes them acceptable.

    ### When one country still loses: linkage

    Suppose R does not screen and the arrangement is seasonal, with a return rate of 1. R loses a
    little, S gains a lot. Chapter 5's one-way deal then applies: S can pay R to open up. The
    transfer and the patience it needs follow from {eq}`eq-05-best`.
    """),
    code(r"""
    seasonal = ex.outcome(1.0, 0.1)
    deal = ex.linkage(1.0, 0.1)
    best = deal.summary()
    print(f"R loses {-seasonal.receiving_gain:.3f} and S gains {seasonal.sending_gain:.2f} $ billion a year")
    print(f"best transfer {best.best_transfer:.2f} $ billion a year; needs δ ≥ {best.min_delta:.3f}")
    perm = ex.linkage(0.0, 0.1).summary()
    print(f"permanent: S gains {ex.permanent(0.1).sending_gain:.2f}; a deal exists: {perm.exists}")
    """, tags=["hide-input"]),
    check_claim("""
    assert best.exists and abs(best.best_transfer - np.sqrt(-seasonal.receiving_gain * seasonal.sending_gain)) < 1e-9
    assert 0.11 < best.min_delta < 0.13 and 1.3 < best.best_transfer < 1.6
    assert not perm.exists
    """),
    md(r"""
    A transfer of about \$1.5 billion a year, a tenth of what S gains, makes the seasonal arrangement
    attractive to R, and the deal holds for any discount factor above about 0.12: little patience
    is needed because S gains so much more than R loses. For permanent settlement no transfer works,
    whatever the patience, because S itself loses: linkage cannot fix a deal that the payer does
    not want.

    ### The record against the theory

    The table lists the arrangements of parts II.A and II.B, read from the dataset shipped with the
    book (`migcoop.agreements`, with the sources of every row in
    `migcoop/data/agreements_README.md`). Beside the facts are the theory's two flags: a
    one-way risk where members differ greatly in development, a diversion risk where access is
    preferential.
    """),
    code(r"""
    record = agreements.load_agreements()
    lines = ["| Arrangement | Year | Stay | Development gap | Access | Who selects | Welfare safeguard | One-way risk | Diversion risk |",
             "|---|---|---|---|---|---|---|---|---|"]
    for a in record:
        lines.append(f"| {a.name} | {a.year} | {a.permanence} | {a.development_gap} | {a.access} | "
                     f"{a.selection} | {a.welfare_safeguard} | {'yes' if a.one_way_risk else 'no'} | "
                     f"{'yes' if a.diversion_risk else 'no'} |")
    display(Markdown("\n".join(lines)))
    """, tags=["hide-input"]),
    md(r"""
    The map places each arrangement in the theory's quadrants: members comparable or unequal in
    development, and the right to stay permanent or temporary. Move the year to see the record
    grow; in the live notebook, colour the points by who selects the migrants, by the welfare
    safeguard or by the skills covered.
    """),
    code("""explore("agreements_map")""", tags=["hide-input"]),
    check_claim("""
    t = agreements.theory_check()
    assert len(record) == 13 and len(t.permanent) == 5 and len(t.temporary) == 8
    assert t.permanent_with_one_way_risk == () and t.unequal_pairs_temporary == 1.0
    assert t.unguarded_temporary == () and t.consistent
    assert t.nondiscriminatory == ("gats_mode4",)
    perm_guarded = [a.key for a in record if a.permanent and a.welfare_guarded]
    assert set(perm_guarded) == {"eu", "ttta", "andean"}
    sender_selects = [a.key for a in record if "sending government" in a.selection]
    assert set(sender_selects) == {"canada_sawp", "philippines_uk", "philippines_norway", "us_philippines"}
    assert all(not agreements.ARRANGEMENTS[k].permanent for k in sender_selects)
    assert [a.key for a in record if not a.permanent and not a.one_way_risk] == ["us_singapore"]
    """),
    md(r"""
    What to notice. The quadrant for permanent arrangements among unequal members is empty, as the
    one-way problem predicts. It could have been otherwise: nothing in the data forces a rich
    country and a poor one to stop at temporary deals, and the theory would have been embarrassed
    by, say, a free-movement treaty between the United States and Mexico. Every arrangement among
    unequal members is temporary, and every temporary one has a safeguard against welfare
    migration, either a job on arrival or a restriction to the skilled and to business travellers.
    The permanent arrangements are a mixed lot on safeguards: the EU and the Trans-Tasman
    arrangement limit newcomers' access to social support, the Andean instrument covers workers with
    jobs, and the West and East African arrangements set out none.

    Two further patterns stand out. The sending government takes part in selecting the migrants only
    in temporary, low- or mid-skilled programmes between unequal countries (Canada's seasonal
    workers and the Philippine agreements), which is where the receiving country most needs
    information only the sender has; chapter 8 takes this up. And the only nondiscriminatory
    arrangement is the multilateral one, GATS Mode 4; everything else is preferential and so
    exposed to migration diversion. The one temporary arrangement between countries at similar
    income, the US–Singapore FTA chapter, is a reminder that temporariness also answers the
    welfare worry, not only the one-way problem.
    """),
    md(r"""
    ## In practice

    **The European Union.** Free movement works among members that are broadly alike, so flows run
    several ways and no member fears being drained. When poorer states joined in 2004 and 2007,
    several older members used transition periods before opening their labor markets fully, and
    the worry was the one the model names: welfare migration from lower-income members, not the
    loss of workers to richer ones. The directive's self-sufficiency condition for stays beyond three
    months is R's screen in {eq}`eq-07-cost`, applied after arrival rather than before.

    **Australia and New Zealand.** The Trans-Tasman arrangement shows the same logic in its
    simplest form: two rich neighbours with a shared history, people moving both ways, and a rule
    that keeps newcomers off most benefits until they become permanent residents, which sets $h$
    close to zero.

    **ECOWAS.** The West African protocol has comparable members and a strong political purpose,
    but no safeguard of the kind R wants and only partial implementation. In the model's terms, the
    one-way problem is absent but the receiving side's cost term is not addressed; the gap between
    the treaty and practice is what one would expect.

    **Canada and the Caribbean.** The seasonal program is the model's seasonal corner: a return rate
    above one, so nearly every migrant has ties home; a job on arrival, so almost none depend on
    welfare; and sending governments that select workers and encourage them to return. Both
    countries gain, which is why the program has lasted since 1966. Chapter 8 looks at how Jamaica's
    part in enforcing the rules is rewarded.

    **Germany and Central and Eastern Europe.** Contract workers who stay two or three years
    ($\gamma$ around 0.4) and remain employees of their home firms keep strong ties to home, so the
    sending countries gained, and the contracts guaranteed work, so Germany bore little welfare
    cost {cite:p}`liebig2004`.

    **The Philippines.** Its agreements combine all the features that make temporariness attractive:
    nurses and other workers go abroad on contracts, send home remittances that weigh heavily in the
    national economy, and come back; the government's employment agency checks credentials, a
    screen that raises $q$ for the receiving country.

    **NAFTA, the US–Singapore FTA and the GATS.** These cover the skilled and people doing business
    across borders, for whom $u$, the chance of not holding a job, is close to zero. The receiving
    country's cost term is small whatever the stay, which is why such arrangements can be
    negotiated as part of trade deals. The GATS is also the one arrangement that follows the
    most-favoured-nation principle, and so the one that avoids diversion.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Why not free movement between the United States and Mexico?
    :label: ex-07-1

    *Conceptual · about 15 minutes.*

    A commentator proposes an EU-style right of free movement between the United States and Mexico,
    with the EU's safeguard: after three months, migrants must show they will not need social
    assistance. Using the model of this chapter and the one-way problem of chapter 5, explain which
    of the two governments would object and why the safeguard does not answer its objection. Then
    say what kind of arrangement the model suggests instead, and which of its terms would matter
    most to each government.
    ```

    ```{solution} ex-07-1
    :class: dropdown

    The safeguard works on R's cost term: it raises the share $q$ of migrants who support
    themselves and so lowers $e$ in {eq}`eq-07-cost`. But a permanent arrangement between unequal
    countries has a return rate of zero in the long run, so $\theta = 0$ and, by {eq}`eq-07-sender`,
    Mexico's government is left with the loss of those left behind, $\Delta_S(m) < 0$, and nothing
    coming back: no remittances from migrants who have settled, no returning citizens. Mexico would
    object (if it weighs those left behind), and the safeguard does nothing for it. The United States
    might object too: with $\theta = 0$ the family cost $c_f$ applies to every migrant, and the
    immigration surplus per migrant is small. The model points instead to a temporary program with a
    job on arrival: a return rate high enough that most migrants keep ties home (Mexico then gains
    from remittances and from its citizens' gains), and an employment screen that keeps $e$ below
    the surplus per migrant (the United States then gains). Mexico cares most about the return rate
    and remittances, the United States about the screen and the return rate.
    ```

    ```{exercise} How long may migrants stay?
    :label: ex-07-2

    *Computational · about 15 minutes.*

    In the chapter's example (ten million migrants, remittance share $\rho = 0.1$, settling rate
    $\phi = 0.2$, $\beta = 0$, no screen), those left behind lose $-\Delta_S = 5.015$ billion dollars
    a year and the migrants earn $E = 206.47$ billion. Find the least return rate $\gamma$ at which
    the sending country gains. What average stay does it correspond to? Check your return rate with
    `check("ex-07-2", gamma)`.
    ```

    ```{solution} ex-07-2
    :class: dropdown

    With $\beta = 0$ and no screening cost, {eq}`eq-07-sender` gives $V_S = \Delta_S + \rho\,\theta\,E$,
    so S gains when $\theta \ge -\Delta_S/(\rho E) = 5.015/20.647 = 0.2429$. Inverting
    {eq}`eq-07-ties`, $\gamma = \phi\,\theta/(1-\theta) = 0.2 \times 0.2429/0.7571 = 0.0642$ a year.
    Migrants may stay about $1/0.0642 \approx 15.6$ years on average and the sending country still
    gains: rotation need not be fast, because remittances are a first-order gain and the loss of those
    left behind a second-order one.
    ```
    """),
    solution("""
    mdl = agreement_figures.example("none")
    gamma = mdl.sender_min_return_rate(0.1)
    print(f"least return rate {gamma:.4f} a year: stays of {1 / gamma:.1f} years on average")
    check("ex-07-2", gamma)
    """),
    check_solution("""
    theta = 5.015168769938953 / (0.1 * 206.46873456010948)
    assert abs(gamma - 0.2 * theta / (1 - theta)) < 1e-6 and abs(gamma - 0.0642) < 5e-4
    assert abs(mdl.outcome(0.0, 0.1).left_behind_loss - 5.015) < 5e-4
    assert abs(float(mdl.economy.outcome(10.0).migrant_earnings) - 206.47) < 5e-3
    """),
    md(r"""
    ```{exercise} What a job offer is worth to the receiving country
    :label: ex-07-3

    *Computational · about 20 minutes.*

    In the same example, R's immigration surplus is $\Delta_R = 2.3242$ billion dollars a year for
    $m = 10$ million migrants; a share $u = 0.1$ of applicants would not work and cost $h = 2$
    thousand dollars a year each; a settled migrant's family costs $c_f = 0.3$ thousand. Find R's
    least return rate (a) with no screen and (b) with a job offer required, which passes workers with
    $t = 0.95$ and non-workers with $f = 0.2$. Check both with `check("ex-07-3", (gamma_a, gamma_b))`.
    ```

    ```{solution} ex-07-3
    :class: dropdown

    The surplus per migrant is $0.23242$ thousand dollars. (a) Without a screen $q = 0.9$, the welfare
    cost is $0.1 \times 2 = 0.2$, and {eq}`eq-07-r-boundary` gives
    $\theta_R^* = 1 - (0.23242 - 0.2)/0.3 = 0.8919$, so $\gamma = 0.2 \times 0.8919/0.1081 = 1.651$:
    stays of about seven months. (b) With the screen, {eq}`eq-07-employed` gives
    $q = 0.855/(0.855 + 0.02) = 0.97714$, a welfare cost of $0.0457$, $\theta_R^* = 1 -
    (0.23242 - 0.0457)/0.3 = 0.3776$ and $\gamma = 0.2 \times 0.3776/0.6224 = 0.1214$: stays of about
    eight years. The screen lets R accept stays more than ten times as long.
    ```
    """),
    solution("""
    gamma_a = agreement_figures.example("none").receiver_min_return_rate()
    gamma_b = agreement_figures.example("job offer required").receiver_min_return_rate()
    print(f"without a screen: {gamma_a:.3f} a year ({12 / gamma_a:.1f} months); "
          f"with a job offer: {gamma_b:.3f} a year ({1 / gamma_b:.1f} years)")
    check("ex-07-3", (gamma_a, gamma_b))
    """),
    check_solution("""
    assert abs(gamma_a - 1.651) < 2e-3 and abs(gamma_b - 0.1214) < 5e-4
    assert abs(agreement_figures.example("none").economy.gains(10.0).receiving_natives - 2.3242) < 1e-4
    """),
    md(r"""
    ```{exercise} Paying for two-year stays
    :label: ex-07-4

    *Computational · about 15 minutes.*

    Take the unscreened example with two-year stays ($\gamma = 0.5$) and remittances of 10 per cent.
    Use `agreement_figures.example("none").outcome(0.5, 0.1)` to find what R loses and what S gains,
    then find the transfer from S to R that needs the least patience and the least discount factor
    that sustains the deal with it. Check both with `check("ex-07-4", (T, delta))`.
    ```

    ```{solution} ex-07-4
    :class: dropdown

    The outcome gives $V_R \approx -0.533$ and $V_S \approx 9.733$ billion dollars a year, so
    $G_R = 0.533$. By {eq}`eq-05-best`, $T^* = \sqrt{0.533 \times 9.733} \approx 2.28$ billion a year
    and $\delta^* = \sqrt{0.533/9.733} \approx 0.234$. Compared with seasonal work, two-year stays cost
    R more (fewer migrants keep their families at home), so the transfer is larger and the deal needs
    more patience, but still little: S gains almost twenty times what R loses.
    ```
    """),
    solution("""
    o = agreement_figures.example("none").outcome(0.5, 0.1)
    best2 = repeated.OneWayDeal(restriction_gain=-o.receiving_gain, sending_gain=o.sending_gain).summary()
    T, delta = best2.best_transfer, best2.min_delta
    print(f"R loses {-o.receiving_gain:.3f}, S gains {o.sending_gain:.3f}: T* = {T:.3f}, δ* = {delta:.3f}")
    check("ex-07-4", (T, delta))
    """),
    check_solution("""
    assert abs(o.receiving_gain + 0.533) < 1e-3 and abs(o.sending_gain - 9.733) < 1e-3
    assert abs(T - 2.28) < 0.01 and abs(delta - 0.234) < 1e-3
    assert T > best.best_transfer and delta > best.min_delta
    assert 15 < o.sending_gain / -o.receiving_gain < 20
    """),
    md(r"""
    ```{exercise} Reading the record
    :label: ex-07-5

    *Computational · about 10 minutes.*

    Load the record with `agreements.load_agreements()`. Among the temporary arrangements, what share
    make a job on arrival the condition of entry? Check your share (a fraction) with
    `check("ex-07-5", share)`. Which temporary arrangements rely on skills instead, and what do they
    have in common?
    ```

    ```{solution} ex-07-5
    :class: dropdown

    Eight of the thirteen arrangements are temporary. Five of them (Germany's contract-worker
    agreements, Canada's seasonal program and the three Philippine agreements) require a job on
    arrival, a share of $5/8 = 0.625$. The other three (NAFTA chapter 16, the US–Singapore FTA
    chapter and GATS Mode 4) admit business persons, professionals and specialists: they are the
    arrangements made within trade agreements, and they cover the skilled, whose chance of needing
    welfare is small whatever the job.
    ```
    """),
    solution("""
    temp = [a for a in agreements.load_agreements() if not a.permanent]
    share = sum(a.welfare_safeguard == "job on arrival" for a in temp) / len(temp)
    print(f"{share:.3f} of {len(temp)} temporary arrangements; skills instead:",
          [a.key for a in temp if a.welfare_safeguard == "skills or business purpose"])
    check("ex-07-5", share)
    """),
    check_solution("""
    assert share == 5 / 8
    assert {a.key for a in temp if a.welfare_safeguard == "skills or business purpose"} == {
        "nafta_ch16", "us_singapore", "gats_mode4"}
    """),
    md(r"""
    ```{exercise} Ties that wear out
    :label: ex-07-6

    *Exploration · about 20 minutes.*

    Open this chapter in Jupyter and use the first explorer. (a) With no screen, move the settling
    rate $\phi$ from 0.1 to 0.5. How do the two boundaries move, and why? (b) Now set $\beta$, the
    weight S puts on its citizens abroad, to 0.5 and then 1. Why does the left edge of the map (a
    return rate of zero) never change colour for S? (c) With the job-offer screen, lower the number
    of migrants from 20 to 4 million. Does a smaller arrangement make R more or less demanding
    about the return rate? Explain with {eq}`eq-07-r-boundary`.
    ```

    ```{solution} ex-07-6
    :class: dropdown

    (a) A higher settling rate lowers the share with ties, $\theta = \gamma/(\gamma + \phi)$, at any
    return rate, so both boundaries move right: S needs faster rotation to keep remittances flowing,
    and R to keep families away. (b) Every gain S counts besides the loss of those left behind is
    multiplied by $\theta$, which is zero when nobody returns; the weight on citizens abroad only
    matters for migrants who still have ties. (c) The immigration surplus per migrant,
    $\Delta_R(m)/m$, grows with $m$ (the surplus is a triangle, so it rises with the square of the
    number of migrants). A smaller arrangement therefore leaves less room for the family cost in
    {eq}`eq-07-r-boundary`, and R demands a higher return rate; with four million migrants it may
    accept only short stays even with the screen.
    ```
    """),
    solution("""
    for mig in (4.0, 10.0, 20.0):
        mdl = agreement_figures.example("job offer required", migrants=mig)
        print(f"{mig:4.0f} million: surplus per migrant {1000 * mdl.economy.gains(mig).receiving_natives / mig:5.0f} $, "
              f"R's least return rate {mdl.receiver_min_return_rate():.3f}")
    """),
    check_solution("""
    needs = [agreement_figures.example("job offer required", migrants=x).receiver_min_return_rate()
             for x in (4.0, 10.0, 20.0)]
    assert needs[0] > needs[1] > needs[2]
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows parts II.A and II.B of {cite:t}`sykes2013`. The EU rules are in
    {cite:t}`eu2004`; the Trans-Tasman arrangement is described by {cite:t}`productivity2010`;
    ECOWAS's treaty is {cite:t}`ecowas1993`, and {cite:t}`iom2010` surveys free movement in regional
    blocs, including COMESA and the Andean Community. {cite:t}`hatton2007` discusses why regional
    free movement works where flows run both ways. On bilateral labor agreements see
    {cite:t}`bobeva2004` and, for Germany, {cite:t}`liebig2004`. The temporary-entry chapters are
    in {cite:t}`nafta1993` and {cite:t}`ussingapore2003`, Mode 4 in {cite:t}`gats1994`, and
    {cite:t}`chaudhuri2004` and {cite:t}`trachtman2009` analyse the commitments made under it;
    {cite:t}`chanda2003` explains horizontal and sectoral commitments. {cite:t}`chan2009` describes
    China's *hukou* system. The two-country economy behind the model is chapter 5's, after
    {cite:t}`borjas1995`.
    """),
]

if __name__ == "__main__":
    print(write("chapters/07_permanent_and_temporary.ipynb", cells))
