"""What each notebook in `Notebooks/` must show, beyond the defaults every notebook gets.

Every notebook found in `Notebooks/*.ipynb` is executed with the kernel its metadata names and
must pass `DEFAULT_CHECKS` (no `error` output, every code cell ran, every chart a well-formed SVG);
it is also run in JupyterLab, opened there untrusted with its saved outputs, and converted with
nbconvert. The entries below add checks per notebook (keyed by file stem). A key with no notebook
fails `test_expectation_table_names_existing_notebooks`, so a renamed notebook cannot silently
lose its checks.

Vocabulary (Tests/harness/checks.py):
  MinCharts(n)      at least n outputs carry a chart (image/svg+xml or HTML base64 SVG <img>)
  MinHtmlCharts(n)  at least n charts are HTML-wrapped <img> (what shows in untrusted notebooks)
  MinTables(n)      at least n outputs carry an HTML <table>
  TextContains(s)   some output's text/plain (or stream text) contains s
`lab=False` leaves a notebook out of the JupyterLab runs (e.g. one that needs a file upload).

The counts below were read off the executed notebooks (Scripts/make_notebooks.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from harness.checks import Check, MinCharts, MinHtmlCharts, MinTables, TextContains


@dataclass(frozen=True)
class Expect:
    checks: tuple[Check, ...] = ()
    lab: bool = True
    kernel: str = "flowql"  # the kernel the notebook's metadata must name
    timeout: int = 180      # seconds per cell for nbclient


FLOWQL_NOTEBOOKS: dict[str, Expect] = {
    # Ten queries from table to Sankey: 4 charts (stacked, Sankey, line, bar) and 6 tables.
    "01-tour": Expect(checks=(MinTables(6), MinCharts(4), MinHtmlCharts(4), TextContains("ratio"),
                              TextContains("Sankey diagram"))),
    # Balance tables, a stock chart, the residual signal chart, the scenario imbalance, answers.
    "02-mass-balance": Expect(checks=(MinTables(7), MinCharts(2), TextContains("false"),
                                      TextContains("unbalances CONC"))),
    # Five Sankeys (by stage, split by material, value, cost, from flows) and two tables.
    "03-sankey": Expect(checks=(MinCharts(6), MinHtmlCharts(6), MinTables(2), TextContains("is_loop"),
                                TextContains("drawn at one scale"))),
    # MFCA tables, the stacked cost-of-losses chart, the heavy/light cost lines of the study.
    "04-cost-accounting": Expect(checks=(MinTables(3), MinCharts(1), TextContains("HREO production cost"))),
    # The reproduction table with its ratios, and the dependence chart.
    "05-study-reproduction": Expect(checks=(MinTables(7), MinCharts(1), TextContains("ratio"),
                                            TextContains("1,238,000"), TextContains("inside"))),
    # Loads the CSV beside the notebook, balances, draws and compares a scenario; the in-use stock
    # ends 2022 at 250 kt (stocks file) + 3 years × (100 − 98) kt = 256 kt.
    "06-your-own-data": Expect(checks=(MinTables(5), MinCharts(2), TextContains("more_collection"), TextContains("Remelting → Rolling"), TextContains("256.0"),
                                       TextContains("to more_collection_2022.csv"), TextContains("loaded saved"))),
    # Headlines with intervals, an interval table, the tornado, a reconciliation with χ².
    "07-uncertainty": Expect(checks=(MinTables(5), MinCharts(1), TextContains("interval"), TextContains("χ²"),
                                     TextContains("z"))),
    # Dynamic stocks: the projection, the vintage chart, scrap to 2040, the lifetime scenario and
    # a stock-driven model whose negative inflow is warned.
    "08-dynamic-stocks": Expect(checks=(MinTables(5), MinCharts(3), MinHtmlCharts(3), TextContains("recycled_at_0_5_pct"),
                                        TextContains("longer_life"), TextContains("negative in year 2020"))),
    # Needs the demo PostgreSQL (Tests/clients/conftest.py starts it): a pushed-down group-by, the
    # SQL as a code block, a chart and a Sankey of a model loaded from a table.
    "09-database": Expect(checks=(MinTables(4), MinCharts(2), TextContains('FROM "public"."bench"'), TextContains("loaded china"),
                                   TextContains("2022 (kt)"))),
}

DEFAULT = Expect()


def for_notebook(stem: str) -> Expect:
    return FLOWQL_NOTEBOOKS.get(stem, DEFAULT)
