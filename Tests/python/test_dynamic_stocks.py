"""`stock_model` in the real `flowql` binary against flodym 1.1.0: all five lifetime
distributions, inflow- and stock-driven, random series of 5–120 years.

FlowQL shows numbers rounded to at most 9 decimals, so each query multiplies its columns by 2^80
(exact for doubles): a table then shows every significant digit of the larger numbers (and the
smaller ones to within 2^-81 t); the test divides by 2^80 again (exact)."""
import json
import re
import subprocess

import numpy as np
import pytest

from conftest import flowql_binary
from dynamic_stock_cases import SCALE, SEED, flodym_run, flowql_term, random_parameters, random_series

DISTRIBUTIONS = ["fixed", "normal", "foldednormal", "lognormal", "weibull"]
CASES_PER_KIND = 24
RTOL = 1e-9


def make_cases():
    rng = np.random.default_rng(SEED)
    cases = []
    for name in DISTRIBUTIONS:
        for mode in ["inflow", "stock"]:
            for k in range(CASES_PER_KIND):
                n = int(rng.integers(5, 121))
                cases.append(
                    {
                        "id": f"{name}_{mode}_{k}",
                        "name": name,
                        "mode": mode,
                        "parameters": random_parameters(rng, name),
                        "series": random_series(rng, n, mode),
                        # half the inflow-driven cases read the flows into a process of a loaded
                        # model (`of "USE"`), the other half a `let` table (`inflow t`)
                        "via_model": mode == "inflow" and k % 2 == 0,
                    }
                )
    return cases


CASES = make_cases()


def flowql_program(cases, tmp_path):
    lines = ["set units = t", "set decimals = 0", "set rows = all"]
    for i, case in enumerate(cases):
        csv = tmp_path / f"case{i}.csv"
        rows = [f"{2000 + y},SRC,USE,X,{float(v)!r}" for y, v in enumerate(case["series"])]
        csv.write_text("year,source,target,material,mass\n" + "\n".join(rows) + "\n")
        term = flowql_term(case["name"], case["parameters"])
        scaled = f"| select year, inflow = inflow * {int(SCALE)}, outflow = outflow * {int(SCALE)}, stock = stock * {int(SCALE)}, stock_change = stock_change * {int(SCALE)}"
        lines.append(f'load "{csv}" as m{i}')
        lines.append(f'print "case {i}"')
        if case["via_model"]:
            lines.append(f'stock_model of "USE" lifetime {term} {scaled} | in m{i}')
        else:
            column = "mass" if case["mode"] == "inflow" else "stock"
            lines.append(f"let s{i} = flows | in m{i} | summarize {column} = sum(mass) by year")
            lines.append(f'stock_model of "series" lifetime {term} {case["mode"]} s{i} {scaled}')
    return "\n".join(lines) + "\n"


def parse_table(html):
    """The body rows of an HTML table as lists of cell strings."""
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def number(text):
    return float(text.replace(",", "").replace("\u2212", "-")) / SCALE


@pytest.fixture(scope="module")
def flowql_results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dsm")
    program = tmp / "cases.flowql"
    program.write_text(flowql_program(CASES, tmp))
    run = subprocess.run(
        [str(flowql_binary()), "run", str(program), "--format", "json"], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    events = json.loads(run.stdout)
    results, current, warnings = {}, None, {}
    for event in events:
        if event["type"] == "stdout" and event["text"].startswith("case "):
            current = int(event["text"].split()[1])
        elif event["type"] == "stderr" and current is not None:
            warnings.setdefault(current, []).append(event["text"])
        elif event["type"] == "display" and current is not None and current not in results:
            if "stock_model" in event["data"].get("text/html", ""):
                results[current] = parse_table(event["data"]["text/html"])
    return results, warnings


def relative_error(ours, reference):
    scale = np.maximum(np.abs(reference), 1e-300)
    return float(np.max(np.abs(ours - reference) / scale))


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["id"] for c in CASES])
def test_stock_model_matches_flodym(index, flowql_results):
    results, warnings = flowql_results
    case = CASES[index]
    rows = results[index]
    n = len(case["series"])
    assert [int(r[0]) for r in rows] == list(range(2000, 2000 + n))
    inflow, outflow, stock, change = (np.array([number(r[k]) for r in rows]) for k in range(1, 5))
    ref_inflow, ref_outflow, ref_stock = flodym_run(case["name"], case["parameters"], case["series"], case["mode"])
    for ours, ref, what in [(inflow, ref_inflow, "inflow"), (outflow, ref_outflow, "outflow"), (stock, ref_stock, "stock")]:
        assert relative_error(ours, ref) <= RTOL, what
    # the balance identity on every row
    magnitude = np.max(np.abs(stock))
    assert np.all(np.abs(inflow - outflow - change) <= 1e-12 * magnitude)
    # negative stock-driven inflows are warned with their years, never clipped
    negative = [2000 + t for t in range(n) if ref_inflow[t] < 0]
    text = " ".join(warnings.get(index, []))
    if negative:
        assert str(negative[0]) in text and "negative" in text
        assert np.all(inflow[[y - 2000 for y in negative]] < 0)
    else:
        assert "negative" not in text


def test_the_cases_cover_what_the_issue_asks():
    for name in DISTRIBUTIONS:
        for mode in ["inflow", "stock"]:
            lengths = [len(c["series"]) for c in CASES if c["name"] == name and c["mode"] == mode]
            assert len(lengths) >= 20 and min(lengths) >= 5 and max(lengths) <= 120
    assert any(np.any(flodym_run(c["name"], c["parameters"], c["series"], "stock")[0] < 0) for c in CASES if c["mode"] == "stock")
