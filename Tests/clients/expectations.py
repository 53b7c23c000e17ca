"""What each notebook in `Notebooks/` must show, beyond the defaults every notebook gets.

Every notebook found in `Notebooks/*.ipynb` is executed with the kernel its metadata names and
must pass `DEFAULT_CHECKS` (no `error` output, every code cell ran, every chart a well-formed SVG);
it is also run in JupyterLab, opened there untrusted with its saved outputs, and converted with
nbconvert. The entries below add checks per notebook (keyed by file stem). A key with no notebook
fails `test_expectation_table_names_existing_notebooks`, so a renamed notebook cannot silently
lose its checks.

Vocabulary (Tests/clients/harness/checks.py):
  MinCharts(n)      at least n outputs carry a chart (image/svg+xml or HTML base64 SVG <img>)
  MinHtmlCharts(n)  at least n charts are HTML-wrapped <img> (what shows in untrusted notebooks)
  MinTables(n)      at least n outputs carry an HTML <table>
  TextContains(s)   some output's text/plain (or stream text) contains s
`lab=False` leaves a notebook out of the JupyterLab runs (e.g. one that needs a file upload).

TODO(when the FlowQL notebooks land): replace the starting guesses below with each notebook's
real charts/tables and key phrases, and add 02…05.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from harness.checks import Check, MinCharts, MinHtmlCharts, MinTables


@dataclass(frozen=True)
class Expect:
    checks: tuple[Check, ...] = ()
    lab: bool = True
    kernel: str = "flowql"  # the kernel the notebook's metadata must name
    timeout: int = 180      # seconds per cell for nbclient


FLOWQL_NOTEBOOKS: dict[str, Expect] = {
    # The tour shows a table and at least one chart (bar/line or Sankey).
    "01-tour": Expect(checks=(MinTables(1), MinCharts(1), MinHtmlCharts(1))),
    # Bring-your-own-data: loads a CSV shipped beside the notebook and charts it.
    "06-your-own-data": Expect(checks=(MinTables(1), MinCharts(1))),
}

DEFAULT = Expect()


def for_notebook(stem: str) -> Expect:
    return FLOWQL_NOTEBOOKS.get(stem, DEFAULT)
