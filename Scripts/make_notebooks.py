"""Writes Notebooks/*.ipynb from the cell lists below and executes them with the FlowQL kernel.

Usage: make notebooks  (or: JUPYTER_PATH=… .venv/bin/python Scripts/make_notebooks.py)
The notebooks are committed with their outputs; Tests/clients re-executes them and checks the
outputs are byte-identical, so edit the cells here, never the .ipynb by hand.
"""
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "Notebooks"

M, Q = "markdown", "code"

TOUR = [
    (M, """# A tour of FlowQL

FlowQL is a Jupyter kernel for **material-flow analysis** (MFA). A cell holds short pipeline
queries: a source (`flows`, `processes`, or a verb such as `balance`) followed by stages joined with
`|`. Each answer is a table or a chart.

The kernel ships with a model of **China's rare-earth supply chain, 2015–2022**: mass in tonnes of
rare-earth-oxide equivalent (t REO), split into light (LREE) and heavy (HREE) rare earths, with a
cost and a value on every flow. Every number carries a source id and a tag (F found, D derived,
E estimate); see `docs/language.md` and the model's README for the sources."""),
    (M, "**1. What is in the data?** `schema` lists the columns of a table with units and examples."),
    (Q, "flows | schema"),
    (M, "**2. The processes** of the system, grouped into stages; boundary processes (imports, exports, the lithosphere) sit outside the system."),
    (Q, "processes | select id, name, stage, kind"),
    (M, "**3. The biggest flows in 2022.** `top N by column` sorts descending."),
    (Q, "flows | where year == 2022 | top 8 by mass | select source, target, material, mass"),
    (M, "**4. Where concentrate comes from.** Domestic mining grows with the quotas, but imports (US, Myanmar and others) grow faster. *What to see: the import bands widen from 2018.*"),
    (Q, 'flows | where target == "CONC" | summarize inflow = sum(mass) by year, source\n      | chart stacked with (x = year, series = source, title = "Concentrate supply by origin")'),
    (M, "**5. Mass balance** of every process in one year: inputs = outputs + stock change. The bundled model closes to 1e-6."),
    (Q, "balance year 2022 | take 6"),
    (M, "**6. The whole system as a Sankey diagram**, nodes grouped by stage. *What to see: the 10 % separation loss, the magnet scrap that returns to separation (the arc below), and how much ends in use.*"),
    (Q, "sankey year 2022 by stage"),
    (M, "**7. Import dependence.** Net import reliance = (imports − exports) / apparent consumption. *What to see: heavy rare earths turn import-dependent from 2017, light ones around 2020.*"),
    (Q, 'dependence years 2015..2022 | chart line with (x = year, y = net_import_reliance, series = material, title = "Net import reliance")'),
    (M, "**8. Where value is added.** *What to see: magnets and separation add most of the value.*"),
    (Q, 'value_added by stage year 2022 | chart bar with (x = stage, y = value_added, title = "Value added by stage, 2022")'),
    (M, "**9. Material-flow cost accounting** (ISO 14051) for separation: the cost carried by products and by losses."),
    (Q, 'mfca of "SEP" year 2022'),
    (M, "**10. How close is the model to the study?** Model value, target and ratio for each headline (see `05-study-reproduction.ipynb`)."),
    (Q, "study | where verdict != \"check\" | select metric, model, target, ratio, verdict"),
]

BALANCE = [
    (M, """# Mass balance: the first law of MFA

A **system** is a set of **processes** inside a **boundary**; **flows** move material between
processes, and **stocks** hold material inside a process (cans on shelves, magnets in cars). For every
process and year:

> inputs − outputs − stock change = 0

Whatever does not close is an **imbalance**: a data error, a missing flow, or an unrecorded stock."""),
    (M, "The processes of the rare-earth system and their kinds (sources and sinks at the boundary, quantity centres inside, one stock: end use)."),
    (Q, 'processes | where kind != "source" and kind != "sink" | select id, name, stage, kind'),
    (M, "**The balance of every process in 2022.** `ok` says whether the imbalance is within the tolerance; the `SYSTEM` row balances the boundary: everything that enters minus everything that leaves equals the growth of the in-use stock."),
    (Q, "balance year 2022"),
    (M, "**Stocks.** End use keeps most of what it receives: the in-use stock grows every year. *What to see: a steady build-up of magnets and materials in products.*"),
    (Q, 'stocks | summarize stock = sum(stock) by year | chart column with (x = year, y = stock, title = "Rare earths in use (stock)")'),
    (M, "**Transfer coefficients** split a process's output among its destinations. Separation sends 90 % to primary products and loses 10 % to residues — the loss share the study reports."),
    (Q, 'flows | where year == 2022 and source == "SEP" | summarize tc = share(mass) by target'),
    (M, """**A signal in the data.** The model closes every balance by sending whatever official supply is
left after exports, magnets and functional materials to *traditional uses* (metallurgy, glass,
ceramics). In 2016–2017 that residual collapses to 7–8 kt — implausibly little. Researchers read
this as a sign of **undocumented supply** (mining beyond the quotas) that the official figures
miss. *What to see: the dip in 2016–2017.*"""),
    (Q, 'flows | where target == "TRAD" | summarize residual = sum(mass) by year\n      | chart column with (x = year, y = residual, title = "Residual domestic uses (t REO)")'),
    (M, "**A deliberate imbalance.** A scenario that caps the flow from the concentrate pool to separation at 200 kt a year, without changing where the concentrate comes from, leaves the pool unbalanced — and `balance` finds it. Failing rows are highlighted."),
    (Q, 'scenario cap { set "CONC" -> "SEP" = 200 kt }\nbalance year 2022 | in scenario cap | where not ok'),
    (M, "### Exercises\n1. How much rare earth (t REO) entered the system from the lithosphere in 2020?\n2. Which process has the largest stock change in 2022?\n3. What share of the magnet maker's output is exported in 2022?"),
    (M, "**Answer 1.**"),
    (Q, 'flows | where year == 2020 and source == "ENV" | summarize extracted = sum(mass)'),
    (M, "**Answer 2.**"),
    (Q, "balance year 2022 | top 1 by stock_change | select process, stock_change"),
    (M, "**Answer 3.**"),
    (Q, 'flows | where year == 2022 and source == "MAG" | summarize share = share(mass) by target'),
]

SANKEY = [
    (M, """# Reading and building Sankey diagrams

In a Sankey diagram the width of each band is proportional to the flow. Processes are bars;
columns follow the stages of the chain (left to right), boundary processes are drawn grey and
dashed, and flows that go *back* (recycling, new scrap) are drawn as arcs below the diagram."""),
    (M, "**By stage, one year.** *What to see: the largest band is mining; about a tenth of separation input leaves as residue.*"),
    (Q, "sankey year 2022 by stage"),
    (M, "**Comparable across years: small multiples.** `sankey years 2015..2022 every 2` draws one panel per year, and every panel at *one* scale: the same kilotonnes take the same band width everywhere, and the scale bar at the top says how many. *What to see: separation grows from about 120 kt to 250 kt; the imports of concentrate, thin in 2015, are a broad band by 2021.*"),
    (Q, "sankey years 2015..2022 every 2 by stage"),
    (M, "**Process level, split by element group, small flows hidden.** `split by material` colours bands by LREE/HREE; `min 5 kt` lumps the small flows (the caption says how many). *What to see: heavy rare earths come mostly from ion-adsorption mining and imports.*"),
    (Q, "sankey year 2022 split by material min 5 kt"),
    (M, "The same Sankey as a table: every diagram is an ordinary table (`source, target, split, value, unit, is_loop`) you can filter."),
    (Q, "sankey year 2022 split by material min 5 kt | where is_loop or value > 100 kt"),
    (M, "**Value instead of mass.** `layer value` weights bands by US$. *What to see: the flows that are thin in mass (magnets) become the widest in value.*"),
    (Q, "sankey year 2022 layer value by stage"),
    (M, "**Cost layer.** The cost accumulated along the chain (MFCA)."),
    (Q, "sankey year 2022 layer cost by stage"),
    (M, "**Loops.** The return flows of one year: magnet-making scrap and end-of-life recycling, both back to separation. *What to see: recycling of end-of-life products is tiny (< 1 %).*"),
    (Q, "sankey year 2022 | where is_loop"),
    (M, "**Any table can be drawn.** A Sankey of one year's flows straight from `flows`, by choosing the value column:"),
    (Q, 'flows | where year == 2015 and mass > 5 kt | chart sankey with (y = mass, series = material, title = "Flows above 5 kt, 2015")'),
]

MFCA = [
    (M, """# Material-flow cost accounting (ISO 14051)

MFCA follows money along with mass. In each **quantity centre** the costs — **material**, **energy**,
**system** (labour, depreciation, overhead) and **waste management** — are allocated to the
**positive product** (what goes on) and the **negative product** (losses) in proportion to mass.
Waste-management cost goes entirely to losses (to the products of a centre that loses nothing).
Material returned to production — the magnet makers' new scrap, recycled end-of-life material — is
a product of the centre that sends it and carries its share of that centre's costs back upstream.
End-of-life goods leave the use phase with no cost: waste management pays only its own costs.
The identity: cost to products + cost to losses = total cost."""),
    (M, "**Separation, 2022.** Ten per cent of the mass is lost, so about a tenth of material, energy and system cost is the cost of that loss — plus all waste management."),
    (Q, 'mfca of "SEP" year 2022'),
    (M, "**The cost of losses in every quantity centre.** *What to see: separation's residues (10 % of its input, with everything spent on them upstream) carry the largest loss cost; mining's tailings come next; magnet scrap is not a loss.*"),
    (Q, 'mfca year 2022 | select process, material_loss_cost, energy_loss_cost, system_loss_cost, waste_mgmt_cost\n  | where material_loss_cost + energy_loss_cost + system_loss_cost + waste_mgmt_cost > 10 MUSD\n  | chart stacked with (x = process, title = "Cost of losses by category, 2022")'),
    (M, "**Why system and material costs dominate.** Shares of the separation cost by category over all years; the study reports that system + material costs exceed 95 %."),
    (Q, 'mfca of "SEP" years 2015..2022\n  | summarize material = sum(material_cost_product + material_loss_cost), energy = sum(energy_cost_product + energy_loss_cost), system = sum(system_cost_product + system_loss_cost), waste = sum(waste_mgmt_cost)'),
    (M, "**Heavy versus light rare earths.** The study finds heavy rare-earth oxides cost about 45,000 US$/t to produce and light ones about 3,900 US$/t. The model's figures, with the ratio to the study:"),
    (Q, 'study | where metric ~ "production cost" | select metric, model, target, ratio, unit, note'),
    (M, "The model gets the order of magnitude and the ranking right (heavy ≈ 8× light) but not the exact figures: its split of separation costs into categories is an estimate (tag E), not data from the study."),
]

STUDY = [
    (M, """# Reproducing the study

The bundled model follows Ge Z., Jiang J., Zhuang M., Guo Y. (2025), *Environmental Research
Communications*, a material-flow and cost-accounting study of China's rare-earth supply chain 2015–2022, and public figures (USGS, MIIT
quotas, customs). This notebook puts each headline next to the model.

**Two translation slips** in the English summary the project started from: the cumulative
concentrate import is **1,238 kt** (not "123.8 million tons"), and the revenue figure is **US$7.57 B**
(not 75.7 B). The model records both readings of the US$7.57 B figure, because the summary
attributes it once to the "import → processing → export" model and once to compounds' added value."""),
    (M, "**The whole reproduction table.** `verdict` is *close* within ±10 %, *met* / *missed* for thresholds, *off* otherwise; `note` explains how each model value is computed and why it may differ."),
    (Q, "study"),
    (M, "**1. Cumulative concentrate inflow 2015–2022** (target 1,238 kt): the model sums quota output and imports into the concentrate pool."),
    (Q, 'flows | where target == "CONC" | summarize inflow = sum(mass)'),
    (M, "**2. Net imports of concentrate grew ×3.3** — the model's base year is 2018, the first year with recorded concentrate imports."),
    (Q, 'flows | where source ~ "IMP_CONC" | summarize imports = sum(mass) by year'),
    (M, "**3. Separation loss ≈ 10 %** and **4. end-of-life recycling < 1 %** are model parameters taken from the study, so they confirm the rules are applied, not the data."),
    (Q, 'study | where metric ~ "loss" or metric ~ "recycling" | select metric, model, target, verdict'),
    (M, "**5. Net importer by mass, net winner by value** (2022)."),
    (Q, 'study | where metric ~ "Net " | select metric, model, target, verdict, note'),
    (M, "**6. The values that miss.** Functional-material value and both readings of US$7.57 B are off: the model values exports at USGS oxide prices, which are about twice the customs unit values (the check row for 2021 shows it). These gaps are reported, not tuned away."),
    (Q, 'study | where verdict == "off" or verdict == "missed" or verdict == "check" | select metric, ratio, verdict, note'),
    (M, """**7. The element-level check.** The flows balance by element group (light, heavy), which can hide
a shortage of one element inside a group. The magnet chain takes Nd+Pr (light) and Dy+Tb (heavy);
separation yields them only at their share of the oxide basket (`LB_NdPr`, `HB_Dy`, `HB_Tb` in
`parameters.csv`), plus what new scrap brings back. The two check rows divide what the magnet chain
needs by what separation yields. *What to see: Nd+Pr above 1 in every year* — with official quotas
and imports, China's magnet makers used more Nd+Pr than its separation plants could have produced.
Researchers read such a gap as **undocumented supply** (illegal mining, unreported output; Geng et
al. 2021, Gao et al. 2022); the model's estimate of it (`undocumented_supply` in `inputs.csv`,
the undocumented supply mode) narrows the gap. The model reports the gap; it does not close it."""),
    (Q, 'study | where metric ~ "magnet-chain need" | select metric, model, verdict, note'),
    (M, "**Dependence over time**, the study's central finding: China mines more than ever, yet relies increasingly on imported feed. *What to see: net import reliance of heavy rare earths rises above 40 %.*"),
    (Q, 'dependence years 2015..2022 | chart line with (x = year, y = net_import_reliance, series = material, title = "Net import reliance by element group")'),
    (M, "**Under uncertainty.** Every headline again, computed on 200 models whose inputs are drawn within their ranges and tags (see `07-uncertainty.ipynb`). `interval` says whether the study's figure lies inside the model's 90 % interval (`inside`) or `above` / `below` it. *What to see: a verdict of `off` with the target inside the interval is a difference the input ranges explain; outside, they do not.*"),
    (Q, "uncertainty runs 200: study | select metric, model, target, verdict"),
]

OWN = [
    (M, """# Your own data

FlowQL reads any flow table from CSV: `year,source,target,material,mass[,cost,value]`, and
optionally a processes file `id,name,stage,kind` and a stocks file `year,process,material,stock`.
The example beside this notebook (`data/can_flows.csv`) is a **made-up** aluminium-can chain with
round numbers, for teaching: cans go into use (`USE`, a process of kind `stock`), and what is
collected is remelted and rolled again — a recycling loop."""),
    (Q, 'load "data/can_flows.csv" as cans processes "data/can_processes.csv" stocks "data/can_stocks.csv"'),
    (M, "Every question works on it with `| in cans`:"),
    (Q, "flows | in cans | where year == 2022 | select source, target, mass"),
    (M, "**Balance.** `USE` is a stock: it keeps 2 kt a year (cans bought but not yet thrown away). Its `stock_change` is inputs − outputs, so every process balances, and the `SYSTEM` row shows what enters the system minus what leaves it equals what the stock keeps."),
    (Q, "balance year 2022 | in cans"),
    (M, "**Stocks.** The stocks file gives the stock at the end of 2019 (250 kt, invented); each year adds the stock change."),
    (Q, "stocks | in cans"),
    (M, "**Sankey.** *What to see: remelting feeds rolling with both post-consumer and new scrap (the loop below), and the stock's accumulation as its own link, `Use (stock +)`.*"),
    (Q, "sankey year 2022 by stage | in cans"),
    (M, "Process by process, the columns follow the flows from mining to remelting; the names come from your processes file. *What to see: the one return flow, remelting → rolling, drawn below.*"),
    (Q, "sankey year 2022 | in cans | chart sankey with (width = 1000)"),
    (M, "**A scenario:** collect a further 30 % of what now goes to landfill. `move` keeps mass: what no longer goes to landfill arrives at collection. On your own data the change is passed on by transfer coefficients — each process keeps its output shares — so collection sends more to remelting, remelting more to rolling, and round the loop; the extra aluminium ends in the stock and in the sinks, and every process stays balanced."),
    (Q, 'scenario more_collection from cans { move 30 % of "USE" -> "LANDFILL" to "COLLECT" }'),
    (M, "**Compare** baseline and scenario side by side; `delta_` columns are scenario minus baseline. *What to see: less to landfill, more collected and remelted; mining is a source and keeps its flows, so the extra metal goes round the loop into use — and the balance of the scenario still closes.*"),
    (Q, 'compare cans, more_collection: flows | where year == 2022 | select source, target, mass'),
    (Q, "balance year 2022 | in more_collection"),
    (M, """A bad file is refused with its file, line and column, and a failed load changes nothing.
For example, a flows file whose third line has `mass` = `-5` answers

```text
error[E402]: bad.csv:3:5 (mass): mass -5.0 is negative
```

and `models` still lists only `baseline`, `cans` and `more_collection`."""),
    (Q, "models"),
    (M, """**Take the results elsewhere.** `save` writes a result beside this notebook: `.csv` (units in
the header, full precision — `load` reads it back), `.json` for scripts, `.svg` or `.html` for a
chart as shown here. The file is written whole or not at all. Here the scenario's 2022 flows go to
a CSV file and come back as a model of their own; the processes file comes along, since a flows
file alone does not say that `USE` is a stock (without it `load` warns that USE does not balance)."""),
    (Q, 'flows | in more_collection | where year == 2022 | save "more_collection_2022.csv"'),
    (Q, 'load "more_collection_2022.csv" as saved processes "data/can_processes.csv"\n'
        'flows | in saved | where source == "USE" | select target, mass'),
]

STOCKS = [
    (M, """# Stocks that age: dynamic stock models

Everything that enters use stays there for a while: a magnet in a wind turbine for twenty years,
a polishing powder for a few months. The bundled model treats the in-use stock as a residual and
sends a fixed 25 % of each year's inflow to waste management. A **dynamic stock model** instead
follows each year's inflow as a *cohort* that ages and leaves by a lifetime distribution (as ODYM
and flodym do), so it can say how much scrap today's inflows will release, and when.

`stock_model of "USE" lifetime weibull(shape = 2.5, scale = 14)` models the stock in use; the
distributions are `fixed(t)`, `normal(mean, sd)`, `foldednormal(mean, sd)`, `lognormal(mean, sd)`
(of the lifetime itself) and `weibull(shape, scale)`, in years. Inflows arrive at mid-year and the
stock is counted at the end of the year, as in flodym's default."""),
    (M, "**1. The in-use stock from the 2015–2022 inflows**, projected to 2040 with no further inflow. Each row balances: `inflow − outflow = stock_change`. *What to see: the outflow keeps rising for years after the inflows stop.*"),
    (Q, 'stock_model of "USE" lifetime weibull(shape = 2.5, scale = 14) years 2015..2040 | where year in [2015, 2020, 2022, 2025, 2030, 2035, 2040]'),
    (Q, 'stock_model of "USE" lifetime weibull(shape = 2.5, scale = 14) years 2015..2040\n  | chart line with (x = year, y = [inflow, outflow, stock], title = "Use: inflow, end-of-life outflow and stock")'),
    (M, "**2. Cohorts.** `by cohort` gives one row per year and vintage, so a stacked chart shows the stock by the year it entered use. *What to see: each vintage's band thins as it ages; the 2022 cohort, the largest, dominates until the late 2030s.*"),
    (Q, 'stock_model of "USE" lifetime weibull(shape = 2.5, scale = 14) years 2015..2040 by cohort\n  | chart stacked with (x = year, y = stock, series = cohort, title = "In-use stock by vintage")'),
    (M, """**3. End-of-life scrap to 2040.** Magnets and the other uses have different lifetimes; the
model's `parameters.csv` cites them with ranges: NdFeB magnets 13 ± 6 years (lognormal; range
8–20, Rademaker et al. 2013), other uses 8 ± 5 years (range 3–15, Du & Graedel 2011), both tagged
E (estimates). The study finds under 1 % of end-of-life rare earths recycled (the model uses
0.5 %); the last column is what that rate would return."""),
    (Q, """let magnets = flows | where target == "USE" and source in ["MAG", "IMP_MET_MAG"] | summarize mass = sum(mass) by year
let others = flows | where target == "USE" and not (source in ["MAG", "IMP_MET_MAG"]) | summarize mass = sum(mass) by year
let magnet_scrap = stock_model of "magnets" lifetime lognormal(mean = 13, sd = 6) years 2015..2040 inflow magnets | select year, magnets = outflow
let other_scrap = stock_model of "other uses" lifetime lognormal(mean = 8, sd = 5) years 2015..2040 inflow others | select year, other_uses = outflow
let scrap = magnet_scrap | join other_scrap on year | derive total = magnets + other_uses, recycled_at_0_5_pct = total * 0.5 %
scrap | where year in [2022, 2025, 2030, 2035, 2040]"""),
    (Q, 'scrap | chart stacked with (x = year, y = [magnets, other_uses], title = "End-of-life rare earths from the 2015–2022 inflows")'),
    (M, "*What to see:* magnet scrap peaks near 22 kt a year around 2030, years after the other uses' peak — that is when magnet recycling capacity would find its feed. Only cohorts from 2015 are counted (the model has no stock before), so these are the releases of the modelled inflows, not all scrap of those years."),
    (M, """**4. Longer lifetimes as a scenario.** The scenario edit `lifetime of "USE" = weibull(…)`
replaces the fixed 25 % end-of-life share by the outflow of a dynamic stock model, and the whole
model is re-derived, so `balance`, `sankey`, `mfca` and `dependence` follow. Here the scale is
20 years instead of 14: products last longer, and less reaches waste management in 2015–2022."""),
    (Q, 'scenario longer_life { lifetime of "USE" = weibull(shape = 2.5, scale = 20) }'),
    (Q, 'compare baseline, longer_life: flows | where source == "USE" | summarize end_of_life = sum(mass) by year'),
    (Q, "balance years 2015..2022 | in longer_life | where not ok"),
    (M, "**5. Stock-driven.** Given the stock instead, `stock t` computes the inflows that keep it. Here the stock of section 1 is cut by half from 2020: the stock falls faster than its cohorts leave, so the inflow comes out negative, and a warning names the years instead of clipping them."),
    (Q, """let held = stock_model of "USE" lifetime weibull(shape = 2.5, scale = 14) | select year, stock
let halved = held | derive stock = if(year >= 2020, stock / 2, stock)
stock_model of "use" lifetime weibull(shape = 2.5, scale = 14) stock halved"""),
]

UNCERTAINTY = [
    (M, """# Every answer with its uncertainty

Almost every input of the bundled model is an estimate: each parameter has a range
(`parameters.csv`), and every input series and price carries an F/D/E tag (found, derived,
estimated). A single number hides that. `uncertainty` runs any query on many models whose
inputs are drawn at random and reports each number with its interval; `sensitivity` names the
inputs that drive a result; `reconcile` adjusts contradictory measurements so that every
balance closes, as STAN does. Same seed, same numbers: this notebook is reproducible."""),
    (M, "**What is drawn** — the data README and `help uncertainty` list it: parameters triangular within their range, series and prices normal with a relative σ of 3.5 / 5.4 / 9.5 % by their F / D / E tag, from the ecoinvent pedigree matrix (reliability scores 2 / 3 / 4)."),
    (M, "**The study's headlines with intervals.** `interval` says whether the study's figure lies inside the model's 90 % interval. *What to see: the separation-loss and import-growth headlines contain their targets; the value headlines do not — their gap is not explained by the input ranges.*"),
    (Q, "uncertainty runs 200: study | select metric, model, target"),
    (M, "**Net import reliance of heavy rare earths, year by year, with its interval.**"),
    (Q, 'uncertainty runs 200: dependence years 2015..2022 | where material == "HREE" | select year, material, net_import_reliance'),
    (M, "**What drives it?** Each input is set to the low and the high end of its range, one at a time. *What to see: two input series, the imports of primary products and the ion-adsorption mining quota, move it most; of the parameters, the heavy-rare-earth shares of the feeds follow.*"),
    (Q, 'sensitivity top 8: dependence year 2022 | where material == "HREE" | select net_import_reliance'),
    (M, """**Reconciliation.** A small, made-up copper system (`data/smelter_flows.csv`): every flow is
measured with a standard deviation (`sigma`, t) except the copper products, which nobody
measured. One measurement is wrong: the concentrate sent to the smelter was recorded as 95 t."""),
    (Q, 'load "data/smelter_flows.csv" as smelter processes "data/smelter_processes.csv"'),
    (M, "*What to see: χ² fails the global test (p < 0.05) and only the concentrate flow MILL → SMELTER has |z| > 1.96 — the warning names it; the unmeasured products are computed from the fabrication balance.*"),
    (Q, "reconcile as smelter_reconciled | in smelter"),
    (M, "The reconciled model balances, and every verb runs on it:"),
    (Q, "balance | in smelter_reconciled"),
]

DATABASE = [
    (M, """# Past one machine: FlowQL on PostgreSQL

FlowQL compiles a pipeline to **one SQL statement**; the database does the work and the kernel
receives only the result, so the table can be far larger than the kernel's memory.

This notebook needs a local PostgreSQL 15 with a demo flows table. Start it, then Jupyter, from the
repository's folder:

```
.venv/bin/python Scripts/demo_database.py start      # 127.0.0.1:55432, 200,000 flow rows
PGPASSWORD=s3cret-pw make lab
```

The password comes from `PGPASSWORD` (or `~/.pgpass`), never from the notebook."""),
    (Q, 'connect "postgresql://flowql@127.0.0.1:55432/flowql" as wh'),
    (M, "**1. A group-by in the database.** Only four rows cross the network."),
    (Q, 'table "public.bench" in wh | summarize flows = count(), total = sum(mass) by material | sort material'),
    (M, "**2. The SQL** FlowQL sends: one statement, the values as parameters."),
    (Q, 'table "public.bench" in wh | where material == "NdPr" and year >= 2020 | top 5 by mass | sql'),
    (M, "**3. Years as columns**, also in the database: `pivot` first asks for the distinct years (a small query), then sums one column per year (`SUM(CASE WHEN year = $n THEN total END)`)."),
    (Q, 'table "public.bench" in wh | where year >= 2020 | summarize total = sum(mass) by material, year\n  | pivot columns = year, values = total | sort material'),
    (M, "**4. A chart receives the database's result** (the first stage that is not SQL runs in memory)."),
    (Q, 'table "public.bench" in wh | where year >= 2000 | summarize total = sum(mass) by year, material\n  | sort material, year | chart line with (x = year, y = total, series = material, title = "Mass by year (database)")'),
    (M, "**5. A model from a table.** `load table` sums the flows by year, source, target and material in the database; every MFA verb then runs on it."),
    (Q, 'load table "public.flows" in wh as china processes "public.processes"'),
    (M, "The flows table holds no stock records, so `USE` (an in-use stock) shows its stock build-up as an imbalance; the warning names it. The Sankey is the bundled model's, drawn from the database."),
    (Q, "balance year 2022 | in china | take 5"),
    (Q, "sankey year 2022 by stage | in china"),
]

NOTEBOOKS_SPEC = {
    "01-tour.ipynb": TOUR,
    "02-mass-balance.ipynb": BALANCE,
    "03-sankey.ipynb": SANKEY,
    "04-cost-accounting.ipynb": MFCA,
    "05-study-reproduction.ipynb": STUDY,
    "06-your-own-data.ipynb": OWN,
    "07-uncertainty.ipynb": UNCERTAINTY,
    "08-dynamic-stocks.ipynb": STOCKS,
    "09-database.ipynb": DATABASE,
}

# Cells that show an error on purpose (none today); nbclient lets them fail.
EXPECTED_ERRORS: set[tuple[str, str]] = set()


def build(name, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "flowql", "display_name": "FlowQL", "language": "flowql"},
        "language_info": {"name": "flowql", "file_extension": ".flowql", "mimetype": "text/x-flowql"},
    }
    for i, (kind, source) in enumerate(cells):
        cell = nbformat.v4.new_markdown_cell(source) if kind == M else nbformat.v4.new_code_cell(source)
        cell.id = f"{pathlib.Path(name).stem}-{i:02d}"
        if kind == Q and (name, source) in EXPECTED_ERRORS:
            cell.metadata["tags"] = ["raises-exception"]
        nb.cells.append(cell)
    return nb


def execute(nb):
    client = NotebookClient(nb, kernel_name="flowql", timeout=120, record_timing=False,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return nb


def main():
    only = set(sys.argv[1:])
    for name, cells in NOTEBOOKS_SPEC.items():
        if only and name not in only:
            continue
        nb = execute(build(name, cells))
        nbformat.write(nb, NOTEBOOKS / name)
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
