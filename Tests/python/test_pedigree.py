"""The F/D/E uncertainties of the bundled model come from the ecoinvent pedigree matrix.

The reference is computed here from the published factor table, independently of the Swift code:
the ecoinvent v2 expert-judgment uncertainty factors (contributions to GSD²) as tabulated in
https://github.com/brightway-lca/pedigree_matrix, pedigree_matrix/data.py (`version_1`), combined
as sigma_ln = sqrt(sum of ln² U) / 2 (that package's `PedigreeMatrix.calculate`; Muller et al.
2014, eq. 2) with the basic uncertainty 1.05. The data README maps a tag to the reliability
score (F 2, D 3, E 4) and every other indicator to 1.

What FlowQL draws is read end to end from `sensitivity`, whose low and high ends of an input
series (or price) are the series times 1 -/+ 1.645 CV, the CV being the largest of its rows'.
"""
import csv
import json
import math
import subprocess
from pathlib import Path

from harness.env import flowql_binary

DATA = Path(__file__).resolve().parents[2] / "Sources/FlowModel/Data/rare_earth_china"

# pedigree_matrix/data.py, version_1: score 1..5 per indicator.
FACTORS = {
    "reliability": (1.0, 1.05, 1.1, 1.2, 1.5),
    "completeness": (1.0, 1.02, 1.05, 1.1, 1.2),
    "temporal correlation": (1.0, 1.03, 1.1, 1.2, 1.5),
    "geographical correlation": (1.0, 1.01, 1.02, 1.02, 1.1),
    "further technological correlation": (1.0, 1.0, 1.2, 1.5, 2),
}
BASIC = 1.05
RELIABILITY_SCORE = {"F": 2, "D": 3, "E": 4}
Z90 = 1.6448536269514722


def cv_of(tag):
    scores = {name: 1 for name in FACTORS} | {"reliability": RELIABILITY_SCORE[tag]}
    values = [BASIC] + [FACTORS[name][score - 1] for name, score in scores.items()]
    sigma = math.sqrt(sum(math.log(v) ** 2 for v in values)) / 2
    return math.sqrt(math.exp(sigma**2) - 1)


def expected_ends():
    """Input name as `sensitivity` lists it -> the largest CV of its rows (any year of a series;
    the priced years of a product)."""
    cvs = {}
    with open(DATA / "inputs.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["kind"] in RELIABILITY_SCORE:
                key = "series " + row["series"]
                cvs[key] = max(cvs.get(key, 0), cv_of(row["kind"]))
    with open(DATA / "prices.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["kind"] in RELIABILITY_SCORE and float(row["usd_per_kg"]) > 0:
                key = "price " + row["product"]
                cvs[key] = max(cvs.get(key, 0), cv_of(row["kind"]))
    return cvs


def test_the_reference_matches_the_published_scale():
    # The three figures the docs quote, from the table above.
    assert [round(100 * cv_of(t), 1) for t in "FDE"] == [3.5, 5.4, 9.5]


def test_sensitivity_draws_every_series_and_price_at_its_pedigree_cv():
    code = 'sensitivity top 1000: dependence year 2022 | where material == "LREE" | select net_import_reliance'
    result = subprocess.run(
        [str(flowql_binary()), "run", "--format", "json", "-e", code], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout.splitlines()[0])
    names = [c["name"] for c in table["columns"]]
    rows = {r[names.index("parameter")]: r for r in table["rows"]}
    expected = expected_ends()
    assert len(expected) > 20
    checked = 0
    for name, cv in expected.items():
        assert name in rows, f"{name} is not among the inputs sensitivity swings"
        low, high = rows[name][names.index("low")], rows[name][names.index("high")]
        assert math.isclose(low, 1 - Z90 * cv, rel_tol=1e-9), (name, low, cv)
        assert math.isclose(high, 1 + Z90 * cv, rel_tol=1e-9), (name, high, cv)
        checked += 1
    assert checked == len(expected)
    # Both ends of the scale are exercised (no series or price of the bundled data has D as its
    # weakest tag, so D is held by the reference figure above only).
    assert {round(cv, 6) for cv in expected.values()} == {round(cv_of(t), 6) for t in "FE"}


def run_json(code):
    result = subprocess.run(
        [str(flowql_binary()), "run", "--format", "json", "-e", code], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout.splitlines()[0])
    names = [c["name"] for c in table["columns"]]
    return [dict(zip(names, row)) for row in table["rows"]]


def test_reconcile_weights_each_bundled_flow_by_its_provenance():
    tags = {
        (r["source"], r["target"], r["material"]): r["provenance"] for r in run_json("flows | where year == 2022")
    }
    rows = run_json("reconcile year 2022 by material")
    assert len(rows) > 20
    for r in rows:
        tag = tags[(r["source"], r["target"], r["material"])]
        assert math.isclose(r["sigma"], cv_of(tag) * r["measured"], rel_tol=1e-9), (r, tag)
