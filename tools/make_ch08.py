"""Write chapters/08_enforcement_cooperation.ipynb (run: .venv/bin/python tools/make_ch08.py)."""

from nbtools import check_claim, check_solution, code, figure, install_cell, md, solution, write

cells = [
    install_cell(),
    md(r"""
    # Enforcement cooperation

    ```{admonition} Learning goals
    :class: tip
    This chapter follows part II.C of {cite:t}`sykes2013`. After it you should be able to:
    - explain what it means for a receiving country to
      {term}`outsource compliance <Outsourcing compliance>` to a sending country, and why the
      sending country needs a reward to do it;
    - compute the smallest {term}`visa reward` that buys the sending country's screening effort, and
      how the {term}`overstay` rate falls with that effort;
    - show that rewarding one partner with visas diverts migration from sources that could supply
      the same workers more cheaply, and measure the loss;
    - compare a bilateral arrangement with an {term}`open arrangement` that offers the same terms to
      every source, and say who gains and who loses from opening it.
    ```
    """),
    code("""
    import numpy as np
    from migcoop import agreements, diversion, repeated, screening, style
    from migcoop.checks import check
    from migcoop.explore import explore
    from migcoop.figures import enforcement_coop
    """),
    md(r"""
    ## The argument

    Chapter 3 argued that enforcing migration rules is cheaper with the sending country's help. Its
    officials know who has a criminal record, who is ill, who has held a job and who is likely to
    vanish at the end of a visa; the receiving country's consulate can only guess. Yet a sending
    government gains from every emigrant who leaves, and may be glad to see the troublesome ones
    go, so on its own it has no reason to pass on what it knows. That is the
    {term}`enforcement externality`, and the {term}`one-way problem` makes it hard to bargain away: the receiving
    country has nothing obvious to offer in return.

    {cite:t}`brown2009` studies a case where the bargain was struck. Canada's Seasonal Agricultural
    Worker Program admits farm workers from Jamaica for the growing season. Jamaica's Ministry of
    Labour recruits and screens the applicants, keeps liaison officers in Canada, and uses its hold
    over the workers, above all their chance of being chosen again next year, to see that they go
    home when the season ends. Brown calls this outsourcing immigration compliance: Canada hands part
    of the job of enforcing its own rules to the government of the country the migrants come from.
    The evidence she reviews suggests it works. Few Jamaican seasonal workers overstay, far fewer
    than one would expect from an unscreened pool.

    What does Jamaica get? Not cash. Sykes reads the arrangement as paying in the one currency a
    sending country values most: access. Jamaica's reward is a larger number of Canadian work visas
    for its citizens, or at least protection from having that number cut. Two features of the
    arrangement make the bargain possible. It is temporary, so, as chapter 7 showed, the sending
    country gains from its workers' remittances and return rather than losing them for good. And the
    visas are handed out season after season, so the reward can be withdrawn if Jamaica stops doing
    its part, which makes the arrangement self-enforcing in the sense of chapter 2.

    **The catch is diversion.** Jamaica is one of many places that could send farm workers to
    Canada. Other Caribbean islands, Mexico and Central America all have workers who would take
    these jobs, and nothing says Jamaica's are the cheapest to recruit, bring over and employ. A
    reward paid in visas reserved for Jamaica steers Canadian employers towards Jamaican workers even
    when others would cost less. That is {term}`migration diversion`, the subject of chapter 6, and
    it can eat into, or even exceed, the gains from better enforcement.

    Sykes's remedy follows the logic of the {term}`most-favoured-nation principle`. Offer the same
    terms to every source: any country that screens its applicants and brings its workers home gets
    access on the same footing, and let employers, not quotas fixed country by country, decide where
    the workers come from. The enforcement gains are kept, and the visas go to the sources that can
    fill them at least cost. The model below puts numbers on the argument and shows why the remedy
    is easier to state than to adopt: the partner that enjoys the preference is the one that loses
    when the arrangement is opened.
    """),
    md(r"""
    ## The model

    Start from chapter 3's screening model, whose notation we keep: applicants are good types,
    worth $b$ to the receiving country R, or, in a share $s$, costly types who cost it $h$ (here:
    workers who overstay or otherwise break the terms of their visa); a screen passes good types
    with its {term}`true-positive rate` $t$ and costly ones with its {term}`false-positive rate` $f$,
    at a cost $k$ per applicant; R grants $n$ visas (thousands a year) and faces an absorption cost
    $\kappa n^2/2$; the sending country gains $g$ per emigrant and $c$ more per costly one. Values are
    in thousand dollars per worker a year, welfare in million dollars a year.

    ### How hard the partner screens

    Screening is not all or nothing. Suppose the partner B screens a share $\sigma$ of its
    applicants with its full screen $(t_B, f_B, k_B)$ and waves the rest through. Its effective screen
    is then

    $$
    t(\sigma) = 1 - \sigma\,(1 - t_B), \qquad f(\sigma) = 1 - \sigma\,(1 - f_B), \qquad
    k(\sigma) = \sigma\, k_B ,
    $$ (eq-08-effort)

    a point on the straight line between no screening $(1, 1)$ and its best screen. The share of
    admitted workers who overstay is one minus the good share of {eq}`eq-03-mix`:

    $$
    o(\sigma) = 1 - \frac{(1-s)\,t(\sigma)}{(1-s)\,t(\sigma) + s\,f(\sigma)} .
    $$ (eq-08-overstay)

    It falls as $\sigma$ rises. With chapter 3's numbers, 30 per cent of applicants are costly types;
    R's own consulate lets 22 per cent of the admitted be costly, and the partner's full screen only
    about 4 per cent.

    ### The status quo and the deal

    As in the program's history, the status quo is a programme with the partner alone: R screens B's
    applicants itself and grants its own best quota $n_N$ of {eq}`eq-03-programme`. Under a deal, B
    screens with effort $\sigma$, and R grants $n = n_N + r$ visas, where $r$ is the visa reward. B
    accepts if its welfare $u_B(\sigma)\,n$ from {eq}`eq-03-sender` is at least its status-quo welfare
    $U_B(n_N)$, so the smallest reward it accepts is

    $$
    r_{\min}(\sigma) = \frac{U_B(n_N)}{u_B(\sigma)} - n_N ,
    $$ (eq-08-min-reward)

    as in {eq}`eq-03-minquota`. The harder B screens, the more it pays for screening and the fewer
    costly emigrants it is rid of, so $u_B$ falls and the reward it asks for rises.

    ### Other sources

    Now add the rest of the world. Another source A could supply the same workers, screened equally
    well by its own government, but each of B's workers costs R's employers $w_B - w_A$ more than one
    of A's (travel, recruitment, the wage needed to draw them), in the notation of chapter 6. A
    positive premium makes B the less efficient source. R's value of a visa filled by B is therefore
    the value $v$ of {eq}`eq-03-value` less the premium. In a **bilateral** arrangement, the visas
    are B's; A has no access. R's gain over the status quo, in which it already pays the premium on
    B's $n_N$ workers, is

    $$
    \Delta W_R = W_R(n) - (w_B - w_A)\,n - \big[W_R(n_N) - (w_B - w_A)\,n_N\big] ,
    $$ (eq-08-receiver)

    with $W_R$ from {eq}`eq-03-programme` (R's welfare with B screening in the first term, with R
    screening in the bracket). In an **open** arrangement, every source that screens on the same
    terms has access, and employers hire whoever is cheapest. The quota binds, so we can let chapter
    6's diversion model decide who fills it: under equal treatment the cheaper source A supplies all
    $n$ visas (if $w_B > w_A$), and B loses its old programme. Because the quota binds in both cases,
    opening the arrangement creates no extra migration; it only changes where the migrants come from.
    The difference in world welfare is chapter 6's rectangle {eq}`eq-06-cap`:

    $$
    \text{diversion loss} = (w_B - w_A)\, n .
    $$ (eq-08-diversion)

    ### Keeping the deal

    Screening is done quietly, after the visas are granted. As in chapter 3, B keeps screening under a
    {term}`grim trigger` if it is patient enough: with $C = u_B\,n$ its yearly welfare when screening,
    $D = (g + c\,s)\,n$ its welfare in a year of shirking and $P = U_B(n_N)$ the status quo it returns
    to, the condition of {eq}`eq-02-delta` is

    $$
    \delta \;\ge\; \frac{D - C}{D - P} .
    $$ (eq-08-shirk)

    A larger reward raises what B would lose by being caught and lowers the patience it needs.
    """),
    check_claim("""
    deal = enforcement_coop.example()
    s = deal.screening
    base = deal.model.noncooperative()
    n_n = base.quota
    # (eq-08-effort) and (eq-08-overstay)
    for sig in (0.0, 0.4, 1.0):
        t, f = 1 - sig * (1 - s.sender_tpr), 1 - sig * (1 - s.sender_fpr)
        assert abs(deal.overstay_rate(sig) - (1 - 0.7 * t / (0.7 * t + 0.3 * f))) < 1e-12
    assert abs(deal.overstay_rate_status_quo() - 0.2222) < 1e-3 and abs(deal.overstay_rate() - 0.0432) < 1e-3
    assert abs(s.costly_share - 0.3) < 1e-12
    # (eq-08-min-reward)
    u_b = deal.model.screen("sender").sender_value
    assert abs(deal.min_reward() - (base.sender_welfare / u_b - n_n)) < 1e-9
    rewards = [enforcement_coop.example(effort=e).min_reward() for e in (0.25, 0.5, 0.75, 1.0)]
    assert all(a < b for a, b in zip(rewards, rewards[1:]))
    # (eq-08-receiver) and (eq-08-diversion)
    b10, o10 = deal.outcome(10.0, "bilateral"), deal.outcome(10.0, "open")
    w_with = float(deal.model.outcome("sender", b10.quota).receiver_welfare)
    assert abs(b10.receiver_gain - (w_with - 2.0 * b10.quota - (base.receiver_welfare - 2.0 * n_n))) < 1e-9
    assert abs(b10.diversion_loss - 2.0 * b10.quota) < 1e-9 and o10.diversion_loss == 0.0
    assert o10.from_others == o10.quota and o10.from_partner == 0.0
    assert abs(o10.world_gain - b10.world_gain - b10.diversion_loss) < 1e-9
    # (eq-08-shirk)
    C = u_b * b10.quota
    D = (s.sender_gain + s.riddance_gain * s.costly_share) * b10.quota
    P = base.sender_welfare
    assert abs(b10.partner_patience - (D - C) / (D - P)) < 1e-9
    """),
    md(r"""
    ## Explore: visas for enforcement

    The explorer has three panels. On the left, the overstay rate against B's screening effort,
    beside R's own screen. In the middle, each party's gain over the status quo against the visa
    reward, under the chosen arrangement; the green band marks the rewards at which both R and B gain
    in a bilateral deal. On the right, the gains at the chosen reward and the diversion loss.
    Toggle between the bilateral and the open arrangement.
    """),
    code("""explore("enforcement_deal")""", tags=["hide-input"]),
    md(r"""
    What to notice. Once B screens at least two applicants in five, its workers overstay less often
    than those R's consulate admits; screening everyone, it cuts the rate from about 22 per cent to
    about 4. In the bilateral arrangement B asks for almost 2 thousand extra visas before it screens
    at all, and R is willing to give up to about 23 thousand: a wide band, because R values screened
    workers so much more. At a reward of 10 thousand visas, R gains about \$49 million a year and B
    about \$19 million, but the world forgoes \$28 million because every one of the 14 thousand visas
    goes to a worker who costs \$2 thousand more than one from the other source.

    Switch to the open arrangement. At the same reward R gains more (about \$77 million), the other
    source gains about \$34 million, the world gains about \$96 million instead of \$68 million, and
    the diversion loss is gone. But B loses its whole programme, about \$14 million a year. That is
    the political difficulty in one bar: the country whose cooperation created the arrangement is the
    one that loses when it is opened.
    """),
    check_claim("""
    assert deal.overstay_rate(0.4) < deal.overstay_rate_status_quo() < deal.overstay_rate(0.3)
    lo, hi = deal.reward_range()
    assert 1.8 < lo < 2.0 and 22.5 < hi < 24
    assert 48 < b10.receiver_gain < 50 and 18 < b10.partner_gain < 20
    assert 27 < b10.diversion_loss < 29.5 and 13.5 < b10.quota < 14.5
    assert 76 < o10.receiver_gain < 78 and 33 < o10.excluded_gain < 35
    assert 95 < o10.world_gain < 97 and 67 < b10.world_gain < 69
    assert o10.partner_gain < 0 and abs(o10.partner_gain + base.sender_welfare) < 1e-9
    assert 14 < base.sender_welfare < 15
    """),
    md(r"""
    ## What the model teaches

    ### The price of effort

    How much screening can R buy, and at what price? The figure shows, for each level of B's effort,
    the smallest reward B accepts and the largest R is willing to give.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        enforcement_coop.draw_reward_band(fig)
    fig
    """, name="fig-08-band", caption=(
        "Visa rewards (thousand visas a year) that both the receiving country and the partner accept "
        "in a bilateral deal, against the share of applicants the partner screens: the dashed curve is "
        "the least reward the partner accepts, the solid curve the largest the receiving country gives."),
        alt=("Line chart against screening effort from 0.2 to 1. The least reward the partner accepts "
             "rises slowly from near zero to about 2 thousand visas; the largest reward the receiving "
             "country gives rises much faster, from under 1 to about 23 thousand visas; the shaded band "
             "between them widens with effort.")),
    check_claim("""
    efforts = np.linspace(0.2, 1.0, 33)
    bands = [enforcement_coop.example(effort=e).reward_range() for e in efforts]
    need = [enforcement_coop.example(effort=e).min_reward() for e in efforts]
    width = [b - a for a, b in bands]
    assert all(a <= b for a, b in bands)
    assert all(x < y for x, y in zip(width, width[1:]))
    assert all(x < y for x, y in zip(need, need[1:])) and need[-1] < 2.0
    assert bands[-1][1] > 10 * need[-1]
    """),
    md(r"""
    Both curves rise with effort, but R's much faster. Effort is costly to B (it pays for the
    screening and loses emigrants it would rather see go), so it must be paid for; but each step of
    effort is worth far more to R than it costs B, so the band of acceptable rewards widens. Full
    screening is where the gains from cooperation are largest. This is chapter 3's point about the
    value of the sending country's information, now with a dial instead of a switch.

    ### Bilateral or open

    The table compares the two arrangements at the smallest reward B accepts and at two more
    generous ones, with B's workers costing \$2 thousand more than A's.
    """),
    code(r"""
    table = []
    for reward in (deal.min_reward(), 10.0, 20.0):
        for kind in ("bilateral", "open"):
            o = deal.outcome(reward, kind)
            table.append((reward, kind, o.quota, o.from_partner, o.receiver_gain, o.partner_gain,
                          o.excluded_gain, o.world_gain, o.diversion_loss))
    print(f"{'reward':>7} {'arrangement':>11} {'visas':>6} {'from B':>7} {'R':>7} {'B':>7} {'A':>7} "
          f"{'world':>7} {'diversion':>9}")
    for r in table:
        print(f"{r[0]:>7.1f} {r[1]:>11} {r[2]:>6.1f} {r[3]:>7.1f} {r[4]:>7.1f} {r[5]:>7.1f} {r[6]:>7.1f} "
              f"{r[7]:>7.1f} {r[8]:>9.1f}")
    print("visas in thousands a year; gains over the status quo in $ million a year")
    """, tags=["hide-input"]),
    check_claim("""
    for i in range(0, len(table), 2):
        bil, opn = table[i], table[i + 1]
        assert opn[4] > bil[4] and opn[5] < 0 <= bil[5] + 1e-9 and opn[6] > 0 == bil[6]
        assert abs(opn[7] - bil[7] - bil[8]) < 1e-9 and opn[8] == 0.0
    assert abs(table[0][5]) < 1e-6                   # at the least reward B just breaks even
    assert table[4][4] < table[2][4]                 # too generous a reward costs R
    """),
    md(r"""
    In every row, opening the arrangement raises R's gain and the world's by exactly the diversion
    loss (R keeps the whole saving because it is R's employers who pay the premium), gives the other
    source the programme, and takes it away from B. At the smallest reward B merely breaks even in the
    bilateral deal, so all the gain from its screening goes to R; a more generous reward shares it,
    until at some point R would rather have given less.

    ### How much less efficient may the partner be?

    The diversion loss grows with the partner's cost premium. The figure plots the world's gain from
    the two arrangements at a reward of 10 thousand visas, for premiums from $-2$ (the partner is the
    cheaper source) to 4.
    """),
    figure(r"""
    fig = style.new_figure(8, 3.6)
    with style.context():
        enforcement_coop.draw_diversion_by_premium(fig, visa_reward=10.0)
    fig
    """, name="fig-08-diversion", caption=(
        "World gain ($ million a year over the status quo) from a deal with a reward of 10 thousand "
        "visas, open to all sources (solid) or bilateral (dashed), against the partner's cost premium "
        "over the cheapest other source; the shaded gap is the diversion loss."),
        alt=("Line chart against the partner's cost premium from minus 2 to 4 thousand dollars. For "
             "negative premiums the two lines coincide; from zero on, the open arrangement's world gain "
             "rises while the bilateral one's falls, and the shaded gap between them, the diversion "
             "loss, widens in proportion to the premium.")),
    check_claim("""
    def world(p, kind):
        return enforcement_coop.example(1.0, p).outcome(10.0, kind).world_gain
    for p in (-2.0, -1.0, -0.5):
        assert abs(world(p, "open") - world(p, "bilateral")) < 1e-9
    gaps = [world(p, "open") - world(p, "bilateral") for p in (0.5, 1.0, 2.0, 4.0)]
    assert all(abs(g / p - gaps[0] / 0.5) < 1e-9 for g, p in zip(gaps, (0.5, 1.0, 2.0, 4.0)))
    assert world(4.0, "bilateral") < world(0.5, "bilateral") and world(4.0, "open") > world(0.5, "open")
    """),
    md(r"""
    When the partner is itself the cheapest source, the two arrangements coincide: there is nothing
    to divert, and a preferential deal with an efficient partner does no harm, as Sykes notes. Past
    that point the loss grows in proportion to the premium and to the size of the programme. Note
    what raises the loss: a generous reward enlarges the programme and so multiplies the premium
    over more visas. A bilateral deal that pays well for enforcement is exactly the kind that
    diverts the most.

    The world's gain from the open arrangement also rises with the premium. This is not a paradox:
    gains are measured against the status quo, in which R already pays the premium on B's workers,
    so the more expensive B's workers are, the more there is to save by hiring A's instead.

    ### How patient must the partner be?

    A reward paid up front must also deter shirking. The table gives the discount factor B needs to
    keep screening, from {eq}`eq-08-shirk`, at several rewards.
    """),
    code(r"""
    patience = [(r, deal.outcome(r, "bilateral").partner_patience) for r in (2.5, 5.0, 10.0, 20.0)]
    for r, p in patience:
        print(f"reward {r:5.1f} thousand visas: B keeps screening if δ ≥ {p:.3f}")
    """, tags=["hide-input"]),
    check_claim("""
    ps = [p for _, p in patience]
    assert all(a > b for a, b in zip(ps, ps[1:])) and ps[0] < 1 and ps[-1] > 0.4
    assert abs(deal.outcome(5.0, "bilateral").partner_patience
               - deal.model.shirking_threshold(5.0)) < 1e-12
    """),
    md(r"""
    A reward just above the minimum needs a very patient partner: shirking saves B its screening
    costs at once, while being caught costs it little more than it gained from the deal. Larger
    rewards raise the stakes and lower the threshold, though not without limit, because the gain
    from a year of shirking grows with the programme too. A programme that runs every season, with
    overstay rates that are easy to count, is the setting in which such thresholds are likely to be
    met.
    """),
    md(r"""
    ### Why start bilateral?

    If the open arrangement is better for the world and for the receiving country, why do
    arrangements like Canada's begin with one partner? Sykes gives part of the answer: agreements
    between two governments are cheaper to negotiate than agreements among many, and those savings
    count. The first deal also has to be invented. Someone must find out what screening the partner
    can deliver, how overstays will be counted and how the reward will be adjusted, and it is easier
    to learn that with one government than with twenty. The model says how much such savings would
    have to be worth. At a reward of 10 thousand visas the bilateral deal forgoes about \$28 million
    a year; at a discount factor of 0.9 the present value of that stream is about ten times as much,
    some \$280 million. A bilateral start is efficient only if it saves more than that in
    negotiation and learning, or if it is a step towards opening the arrangement later rather than a
    substitute for it. The lesson for design is to write the bilateral agreement so that others can
    join it on the same terms, which is what Canada did, partly, when it extended the program to other
    Caribbean states and to Mexico.

    """),
    check_claim("""
    pv = b10.diversion_loss / (1 - 0.9)
    assert 27 < b10.diversion_loss < 29.5 and 270 < pv < 295
    """),
    md(r"""
    ## In practice

    **Canada and Jamaica.** The model's bilateral arrangement is a stylised version of the case
    Brown describes. Jamaica's screening and its pressure to return are the partner's effort
    $\sigma$; the extra or protected visas are the reward $r$; the seasonal rhythm makes the
    relationship repeated and the overstay rate observable, so the threshold {eq}`eq-08-shirk` can
    be met. Temporariness does the rest of the work: as chapter 7 showed, a sending country gains
    from seasonal migration through remittances and returning workers, so it values the visas it is
    paid in.

    **Diversion in the Caribbean.** Canada's program did not stay bilateral. It took in Trinidad and
    Tobago and Barbados in 1967, Mexico in 1974 and the Eastern Caribbean states in 1976, each under
    its own memorandum with a government that recruits and screens. Mexico has since become the
    largest source. In the model's terms the program moved partway from a bilateral arrangement
    towards an open one, but through country-by-country agreements rather than common terms, so the
    allocation of workers still depends on negotiated arrangements as well as on employers'
    choices. Sykes's proposal would finish the move: publish the terms (screening, return, the
    reward for compliance), admit any source that meets them, and let employers choose.

    **Why openness is resisted.** The table above shows who pays for opening: the incumbent partner.
    Jamaica built the arrangement with Canada and would lose from sharing it on equal terms with
    cheaper sources. The same political economy explains why preferential trade agreements are
    easier to sign than most-favoured-nation concessions: the beneficiaries of a preference are
    organised and present at the table, the excluded sources are not.

    **GATS Mode 4 as a template.** The one nondiscriminatory arrangement in chapter 7's record, the
    GATS Mode 4 commitments, shows that equal terms for all sources are possible for temporary
    migration. What Mode 4 lacks is the enforcement side: it does not ask sending countries to screen
    or to secure return. An open version of the Canada–Jamaica arrangement would combine the two.
    """),
    md(r"""
    ## Exercises

    ```{exercise} Who pays for the open door?
    :label: ex-08-1

    *Conceptual · about 15 minutes.*

    Canada proposes to replace its country-by-country seasonal-worker agreements with one set of
    terms open to any country that screens its applicants and ensures their return. Using the model,
    explain (a) why Canada and the world gain, (b) which governments would object and why, and (c)
    why the proposal does not undo the enforcement gains that made the original agreement worth
    having. What could Canada offer the objectors?
    ```

    ```{solution} ex-08-1
    :class: dropdown

    (a) The quota binds in both arrangements, so opening creates no extra migration: it moves the
    visas to the sources whose workers cost least, saving $(w_B - w_A)\,n$ a year, the diversion loss
    {eq}`eq-08-diversion`. Canada's employers pay the premium, so Canada keeps the saving, and it is
    also the world's gain. (b) The incumbent partners whose workers cost more than the newcomers'
    lose their visas, and with them the remittances and the value of the reward; they would object,
    and they are the governments with whom Canada already has working relations. (c) The terms of
    entry still require screening and return, so every source that fills visas must deliver the same
    low overstay rate: the enforcement gains come from the conditions, not from the identity of the
    partner. Canada could phase the change in, or reward incumbents for their experience with a
    transition period, or accept that a country with a better screen, one that keeps its overstay
    rate lower, earns some visas on its merits.
    ```

    ```{exercise} The price of three-quarters effort
    :label: ex-08-2

    *Computational · about 20 minutes.*

    Suppose the partner screens 75 per cent of its applicants, $\sigma = 0.75$, with chapter 3's
    numbers ($s = 0.3$, $t_B = 0.95$, $f_B = 0.1$, $k_B = 0.5$, $g = 3$, $c = 2$; status-quo quota
    $n_N = 4.1975$ thousand and status-quo welfare $U_B(n_N) = 14.458$ million dollars). Find its
    effective screen from {eq}`eq-08-effort`, its value per visa $u_B$ and the smallest visa reward it
    accepts. Check the reward with `check("ex-08-2", reward)`.
    ```

    ```{solution} ex-08-2
    :class: dropdown

    The effective screen is $t = 1 - 0.75 \times 0.05 = 0.9625$, $f = 1 - 0.75 \times 0.9 = 0.325$,
    $k = 0.375$. The pass rate is $a = 0.7 \times 0.9625 + 0.3 \times 0.325 = 0.77125$ and the good
    share $q = 0.67375/0.77125 = 0.8736$. B's value per visa is
    $u_B = 3 + 2 \times 0.1264 - 0.375/0.77125 = 2.7666$ thousand dollars. By
    {eq}`eq-08-min-reward` the least quota is $14.458/2.7666 = 5.226$ thousand visas, a reward of
    $5.226 - 4.1975 \approx 1.03$ thousand. Less effort is cheaper for B, so it asks for less; full
    screening would cost about 1.9 thousand visas.
    ```
    """),
    solution("""
    d75 = enforcement_coop.example(effort=0.75)
    t, f, k = d75.sender_screen()
    reward = d75.min_reward()
    print(f"screen t = {t:.4f}, f = {f:.4f}, k = {k:.3f}; least reward {reward:.3f} thousand visas")
    check("ex-08-2", reward)
    """),
    check_solution("""
    assert abs(t - 0.9625) < 1e-12 and abs(f - 0.325) < 1e-12 and abs(k - 0.375) < 1e-12
    assert abs(d75.model.screen("sender").sender_value - 2.7666) < 1e-4
    assert abs(reward - 1.03) < 0.005 and abs(base.sender_welfare - 14.458) < 1e-3 and abs(n_n - 4.1975) < 1e-4
    """),
    md(r"""
    ```{exercise} Measuring diversion
    :label: ex-08-3

    *Computational · about 15 minutes.*

    With full screening and a reward of 10 thousand visas, suppose the partner's workers cost
    $w_B - w_A = 3$ thousand dollars more than those of the cheapest other source. How many visas
    does the bilateral programme grant, and what is the diversion loss? Verify that opening the
    arrangement raises world welfare by exactly that amount, using
    `enforcement_coop.example(1.0, 3.0).outcome(10.0, kind)` for both kinds. Check
    `check("ex-08-3", (visas, loss))`.
    ```

    ```{solution} ex-08-3
    :class: dropdown

    The quota is the status-quo quota plus the reward, $4.198 + 10 = 14.198$ thousand visas (the
    premium does not change R's status-quo quota, since it is paid on every worker from B in either
    case). With the quota binding, the diversion loss is chapter 6's rectangle
    $3 \times 14.198 = 42.6$ million dollars a year. The outcomes give world gains that differ by
    exactly this amount: the open arrangement moves the same number of visas to a source whose
    workers cost 3 thousand dollars less each.
    ```
    """),
    solution("""
    d3 = enforcement_coop.example(1.0, 3.0)
    bil3, opn3 = d3.outcome(10.0, "bilateral"), d3.outcome(10.0, "open")
    visas, loss = bil3.quota, bil3.diversion_loss
    print(f"{visas:.3f} thousand visas; diversion loss {loss:.2f}; world gain of opening "
          f"{opn3.world_gain - bil3.world_gain:.2f} $ million a year")
    check("ex-08-3", (visas, loss))
    """),
    check_solution("""
    assert abs(visas - 14.198) < 1e-3 and abs(loss - 42.59) < 0.01
    assert abs(opn3.world_gain - bil3.world_gain - loss) < 1e-9
    market = diversion.DiversionModel(100.0, 1.0, 10.0, 13.0, "resource", cap=visas)
    assert abs(market.compare(market.mfn(0.0), market.outcome(50.0, 0.0)).diversion - loss) < 1e-9
    """),
    md(r"""
    ```{exercise} Patience for a small reward
    :label: ex-08-4

    *Computational · about 15 minutes.*

    With full screening and a reward of 5 thousand visas, compute the three payoffs of
    {eq}`eq-08-shirk` for the partner ($C$, $D$ and $P$, million dollars a year) and the discount
    factor it needs to keep screening. Use `screening.ScreeningModel()` for the numbers and
    `repeated.min_discount_factor` for the threshold. Check with `check("ex-08-4", delta)`.
    ```

    ```{solution} ex-08-4
    :class: dropdown

    The quota is $n = 4.1975 + 5 = 9.1975$ thousand. Screening, B's value per visa is $u_B = 2.3669$,
    so $C = 21.77$. Shirking for a year, it saves the screening cost and sends costly types at their
    share of the pool: $D = (3 + 2 \times 0.3) \times 9.1975 = 33.11$. The status quo gives
    $P = 14.458$. So $\delta^* = (33.11 - 21.77)/(33.11 - 14.458) \approx 0.608$. A patient partner
    keeps screening; one that discounts the future heavily, say because its government expects to
    lose the next election, may not.
    ```
    """),
    solution("""
    sm = screening.ScreeningModel()
    n5 = sm.noncooperative().quota + 5.0
    C5 = sm.screen("sender").sender_value * n5
    D5 = (sm.sender_gain + sm.riddance_gain * sm.costly_share) * n5
    P5 = sm.noncooperative().sender_welfare
    delta = repeated.min_discount_factor(C5, D5, P5)
    print(f"C = {C5:.2f}, D = {D5:.2f}, P = {P5:.3f}: δ* = {delta:.3f}")
    check("ex-08-4", delta)
    """),
    check_solution("""
    assert abs(C5 - 21.77) < 0.01 and abs(D5 - 33.11) < 0.01 and abs(delta - 0.608) < 1e-3
    assert abs(delta - deal.outcome(5.0, "bilateral").partner_patience) < 1e-12
    """),
    md(r"""
    ```{exercise} Effort, reward and the open door
    :label: ex-08-5

    *Exploration · about 20 minutes.*

    Open this chapter in Jupyter and use the explorer. (a) In the bilateral arrangement, lower the
    partner's effort step by step. At what effort does the partner's screen stop being better than
    R's own, and what happens to the green band? (b) Set effort back to 1 and move the reward from 0
    to 30. Where is R's gain largest, and why does it fall beyond that point? (c) Switch to the open
    arrangement and raise the cost premium from 0.5 to 4. Why does the partner's loss not change,
    while the other source's gain does not depend on the premium either?
    ```

    ```{solution} ex-08-5
    :class: dropdown

    (a) The overstay curve crosses R's line between efforts of 0.3 and 0.4. Below that the partner's
    screen admits more costly types than R's consulate would, and R accepts a deal only because it no
    longer pays for screening; the band shrinks towards a sliver of small rewards. (b) R's gain peaks
    near a reward of 9 to 10 thousand visas, where the extra value of screened workers is balanced by
    the rising absorption cost $\kappa n$ and by the premium paid on each of B's workers; past it,
    each extra visa costs R more than it is worth. (c) In the open arrangement the partner supplies
    nothing, so it loses its status-quo welfare whatever the premium; the other source's gain is its
    value per visa times the quota, which does not involve the premium either. What the premium
    changes is R's gain and the world's: the more expensive the partner, the more R saves by hiring
    elsewhere.
    ```
    """),
    solution("""
    for e in (0.2, 0.3, 0.4, 0.5):
        print(f"effort {e:.1f}: overstay {enforcement_coop.example(effort=e).overstay_rate():.3f} "
              f"(R alone {deal.overstay_rate_status_quo():.3f}), band {enforcement_coop.example(effort=e).reward_range()}")
    gains = deal.outcome(np.linspace(0, 30, 301), "bilateral").receiver_gain
    print(f"R's gain peaks at a reward of {np.linspace(0, 30, 301)[np.argmax(gains)]:.1f} thousand visas")
    """),
    check_solution("""
    assert deal.overstay_rate(0.3) > deal.overstay_rate_status_quo() > deal.overstay_rate(0.4)
    peak = np.linspace(0, 30, 301)[np.argmax(deal.outcome(np.linspace(0, 30, 301), "bilateral").receiver_gain)]
    assert 8.5 <= peak <= 10.0
    o_lo, o_hi = (enforcement_coop.example(1.0, p).outcome(10.0, "open") for p in (0.5, 4.0))
    assert abs(o_lo.partner_gain - o_hi.partner_gain) < 1e-9 and abs(o_lo.excluded_gain - o_hi.excluded_gain) < 1e-9
    assert o_hi.receiver_gain > o_lo.receiver_gain
    """),
    md(r"""
    ## Sources and further reading

    The chapter follows part II.C of {cite:t}`sykes2013`. The Canada–Jamaica arrangement and the idea
    of outsourcing compliance are from {cite:t}`brown2009`; the screening model is chapter 3's, a
    simple model in the spirit of {cite:t}`fernandezhuertas2008`, and the diversion model chapter
    6's, after {cite:t}`viner1950` and {cite:t}`lipsey1957`. On bilateral labor agreements and
    their recruitment rules see {cite:t}`bobeva2004`. Self-enforcement under repeated play is as in
    {cite:t}`friedman1971` and {cite:t}`bagwell2002`.
    """),
]

if __name__ == "__main__":
    print(write("chapters/08_enforcement_cooperation.ipynb", cells))
