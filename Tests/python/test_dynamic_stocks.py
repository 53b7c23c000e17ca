"""`stock_model` in the real `flowql` binary against flodym 1.1.0: all five lifetime
distributions, inflow- and stock-driven, random series of 5–120 years.

FlowQL shows numbers rounded to at most 9 decimals, so each query multiplies its columns by 2^80
(exact for doubles): a table then shows every significant digit of the larger numbers (and the
smaller ones to within 2^-81 t); the test divides by 2^80 again (exact)."""
import csv
import json
import pathlib
import re
import subprocess

import numpy as np
import pytest

from harness.env import flowql_binary
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
    if "<tbody>" not in html:
        return []
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
        [str(flowql_binary()), "run", str(program), "--format", "bundle"], capture_output=True, text=True, timeout=600
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


# --- The bundled model: the 2040 projection of docs/language.md §10.6 and the lifetime scenario ---

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "language.md"
PARAMETERS = ROOT / "Sources" / "FlowModel" / "Data" / "rare_earth_china" / "parameters.csv"


def run_json(code):
    run = subprocess.run([str(flowql_binary()), "run", "-e", code, "--format", "bundle"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return json.loads(run.stdout)


def tables(code):
    """Every table the code shows, as {column: [numbers or text]}, numbers divided by 2^80."""
    out = []
    for event in run_json(code):
        if event["type"] != "display" or "<table" not in event["data"].get("text/html", ""):
            continue
        html = event["data"]["text/html"]
        head = re.findall(r"<th[^>]*>(.*?)</th>", html.split("</thead>")[0])
        names = [h.split(" (")[0] for h in head]
        rows = parse_table(html)
        columns = {}
        for k, name in enumerate(names):
            cells = [r[k] for r in rows]
            numeric = name not in ("year", "material") and all(re.fullmatch(r"[\u2212-]?[\d,]+(\.\d+)?", c) for c in cells)
            columns[name] = [number(c) for c in cells] if numeric else cells
        out.append(columns)
    return out


def scaled(columns):
    return ", ".join(f"{c} = {c} * {int(SCALE)}" for c in columns)


def parameters():
    with PARAMETERS.open(newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f)}


def projection_block():
    block = next(b.split("```")[0] for b in DOCS.read_text().split("```flowql\n") if "magnet_scrap" in b)
    text = DOCS.read_text().split(block)[1].split("```text\n")[1].split("```")[0]
    return block, text


def test_the_documented_2040_projection_uses_the_cited_lifetimes_and_matches_flodym():
    block, documented = projection_block()
    p = parameters()
    for name in ["LIFETIME_MAGNET_MEAN", "LIFETIME_MAGNET_SD", "LIFETIME_OTHER_MEAN", "LIFETIME_OTHER_SD"]:
        row = p[name]
        assert row["kind"] == "E" and row["source_id"] and float(row["range_low"]) <= float(row["value"]) <= float(row["range_high"])
    magnet = {"mean": float(p["LIFETIME_MAGNET_MEAN"]["value"]), "sd": float(p["LIFETIME_MAGNET_SD"]["value"])}
    other = {"mean": float(p["LIFETIME_OTHER_MEAN"]["value"]), "sd": float(p["LIFETIME_OTHER_SD"]["value"])}
    assert f"lognormal(mean = {magnet['mean']:g}, sd = {magnet['sd']:g})" in block
    assert f"lognormal(mean = {other['mean']:g}, sd = {other['sd']:g})" in block
    # the documented table is what FlowQL prints
    printed = subprocess.run([str(flowql_binary()), "run", "-e", "set units = t\nset decimals = 0\n" + block],
                             capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, printed.stderr
    assert documented.strip() in printed.stdout
    # and its numbers are flodym's on the inflows FlowQL reads from the model
    lets = "\n".join(line for line in block.splitlines() if line.startswith("let "))
    inflows, projection = tables(
        "set units = t\nset decimals = 0\nset rows = all\n" + lets
        + f"\nmagnets | join others on year | select year, {scaled(['mass', 'mass_others'])}"
        + f"\nmagnet_scrap | join other_scrap on year | select year, {scaled(['magnets', 'other_uses'])}"
    )
    years = list(range(2015, 2041))
    assert [int(y) for y in projection["year"]] == years
    for column, lifetime, inflow in [("magnets", magnet, inflows["mass"]), ("other_uses", other, inflows["mass_others"])]:
        series = np.zeros(len(years))
        series[: len(inflow)] = inflow
        _, outflow, _ = flodym_run("lognormal", lifetime, series, "inflow", first_year=2015)
        assert relative_error(np.array(projection[column]), outflow) <= RTOL, column


def test_the_lifetime_scenario_re_derives_end_of_life_as_flodym_would():
    lifetime = {"shape": 2.5, "scale": 20.0}
    code = (
        "set units = t\nset decimals = 0\nset rows = all\n"
        f'scenario longer {{ lifetime of "USE" = {flowql_term("weibull", lifetime)} }}\n'
        f'flows | in longer | where target == "USE" | summarize mass = sum(mass) by material, year | select material, year, {scaled(["mass"])}\n'
        f'flows | in longer | where source == "USE" and target == "WM" | summarize eol = sum(mass) by material, year | select material, year, {scaled(["eol"])}\n'
        "balance years 2015..2022 | in longer | where not ok\n"
    )
    _, inflows, eol, unbalanced = tables(code)
    assert unbalanced.get("year", []) == []
    for material in ["HREE", "LREE"]:
        rows = [i for i, m in enumerate(inflows["material"]) if m == material]
        assert [inflows["year"][i] for i in rows] == [str(y) for y in range(2015, 2023)]
        series = np.array([inflows["mass"][i] for i in rows])
        _, outflow, _ = flodym_run("weibull", lifetime, series, "inflow", first_year=2015)
        ours = np.array([eol["eol"][i] for i, m in enumerate(eol["material"]) if m == material])
        # the derivation iterates until the inflows move by < 1e-9 t
        assert relative_error(ours, outflow) <= 1e-8, material
