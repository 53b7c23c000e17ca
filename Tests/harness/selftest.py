"""Notebooks for the harness's own tests, run by the python3 kernel (ipykernel).

Their cells `display()` exactly the bundles FlowQL sends: a chart is
`text/html` `<figure><img alt=… width=… height=… src="data:image/svg+xml;base64,…">
<figcaption>…</figcaption></figure>` + `image/svg+xml` + `text/plain`; a table is `text/html` +
`text/plain`. Besides the good notebook, each broken variant has exactly one defect that one check
must catch.
"""
from __future__ import annotations

import base64
import html
import pathlib

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

KERNEL = "python3"


def bar_chart_svg(title: str, bars: list[tuple[str, float]], token: str) -> str:
    """A small deterministic SVG bar chart shaped like FlowQL's (xmlns, viewBox, sizes, prefixed ids)."""
    width, height, left, top, bottom = 480, 260, 110, 40, 30
    top_value = max(v for _, v in bars)
    bar_h = (height - top - bottom) / len(bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<defs><linearGradient id="{token}-fill" x1="0" x2="1"><stop offset="0" stop-color="#2b6cb0"/>'
        f'<stop offset="1" stop-color="#63b3ed"/></linearGradient></defs>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{width / 2:.1f}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
        f'{html.escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(bars):
        y = top + i * bar_h
        w = (width - left - 60) * value / top_value
        parts.append(f'<text x="{left - 8}" y="{y + bar_h * 0.62:.1f}" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 4:.1f}" width="{w:.1f}" height="{bar_h - 8:.1f}" fill="url(#{token}-fill)"/>')
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + bar_h * 0.62:.1f}">{value:,.1f} kt</text>')
    parts.append("</svg>")
    return "".join(parts)


def chart_bundle(title: str, bars, token: str, summary: str, svg: str | None = None) -> dict:
    svg = svg if svg is not None else bar_chart_svg(title, bars, token)
    b64 = base64.b64encode(svg.encode()).decode()
    figure = (f'<figure><img alt="{html.escape(summary)}" width="480" height="260" '
              f'src="data:image/svg+xml;base64,{b64}"><figcaption>{html.escape(title)}</figcaption></figure>')
    return {"text/html": figure, "image/svg+xml": svg, "text/plain": summary}


def table_bundle() -> dict:
    rows = [("mining", 168.0, 0.71), ("separation", 150.2, 0.64), ("magnets", 96.4, 0.41)]
    body = "".join(f"<tr><th>{p}</th><td>{kt:,.1f}</td><td>{r:.2f}</td></tr>" for p, kt, r in rows)
    table = ("<table><caption>Flows 2022</caption><thead><tr><th>process</th><th>flow (kt)</th>"
             f"<th>ratio</th></tr></thead><tbody>{body}</tbody></table>")
    plain = "process     flow (kt)  ratio\n" + "\n".join(f"{p:<11} {kt:>9,.1f}  {r:.2f}" for p, kt, r in rows)
    return {"text/html": table, "text/plain": plain}


HELPER = '''\
from IPython.display import display

class Bundle:
    """A result shown as an execute_result with this MIME bundle (like a FlowQL table)."""
    def __init__(self, data):
        self.data = data
    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.data'''

CHART_1 = chart_bundle("Rare-earth oxide flows 2022", [("mining", 168.0), ("separation", 150.2),
                       ("metals", 110.7), ("magnets", 96.4)], "c1a2", "Bar chart: flows 2022, 4 bars")
CHART_2 = chart_bundle("Imports by year", [("2015", 20.1), ("2018", 35.6), ("2022", 48.9)], "c2b7",
                       "Bar chart: imports by year, 3 bars")
SVG_ONLY = bar_chart_svg("SVG-only canary", [("a", 1.0), ("b", 2.0)], "c3c9")
UNTRUSTED_SVG_MESSAGE = "Cannot display an untrusted SVG"


def _display(bundle: dict) -> str:
    return f"display({bundle!r}, raw=True)"


def good_cells() -> list:
    return [
        new_markdown_cell("# Harness self-test\nCharts and a table, sent as FlowQL sends them."),
        new_code_cell(HELPER),
        new_code_cell(_display(CHART_1)),
        new_code_cell(f"Bundle({table_bundle()!r})"),
        new_code_cell('import sys\nprint("warning: 2 flows have no unit", file=sys.stderr)'),
        new_code_cell(_display(CHART_2)),
        # image/svg+xml without HTML: Lab refuses it when the notebook is untrusted, which proves
        # an "untrusted" check really ran untrusted.
        new_code_cell(_display({"image/svg+xml": SVG_ONLY, "text/plain": "SVG-only canary"})),
        new_code_cell("6 * 7"),
    ]


def _notebook(cells) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def variants() -> dict[str, nbformat.NotebookNode]:
    """name → notebook. `good` passes everything; each other one has one defect."""
    good = good_cells()
    error = good[:4] + [new_code_cell('raise ValueError("flows do not balance at separation")')] + good[4:]
    broken_svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect"  # cut short
    broken = good[:2] + [new_code_cell(_display(chart_bundle("Broken", [], "c4d1", "Broken chart", svg=broken_svg)))]
    broken += good[3:]
    nondeterministic = good + [new_code_cell("import uuid\nprint(uuid.uuid4())")]
    no_charts = [good[0], good[1], good[3], good[7]]
    return {
        "selftest-good": _notebook(good),
        "selftest-error": _notebook(error),
        "selftest-broken-image": _notebook(broken),
        "selftest-nondeterministic": _notebook(nondeterministic),
        "selftest-no-charts": _notebook(no_charts),
        "flowql-smoke": flowql_smoke(),
    }


def write_all(directory: pathlib.Path) -> dict[str, pathlib.Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, nb in variants().items():
        path = directory / f"{name}.ipynb"
        nbformat.validate(nb)
        nbformat.write(nb, path)
        paths[name] = path
    return paths


FLOWQL_SMOKE_SOURCE = "flows | take 3"


def flowql_smoke() -> nbformat.NotebookNode:
    """One FlowQL cell for the real `flowql` kernel: proves every client can drive the Swift
    kernel today (its interpreter echoes) and keeps doing so once the language answers with a
    table. Only language-agnostic checks apply to it (no error, every cell ran)."""
    nb = new_notebook(cells=[new_markdown_cell("# FlowQL kernel smoke test"), new_code_cell(FLOWQL_SMOKE_SOURCE)])
    nb.metadata["kernelspec"] = {"name": "flowql", "display_name": "FlowQL", "language": "flowql"}
    nb.metadata["language_info"] = {"name": "flowql"}
    return nb
