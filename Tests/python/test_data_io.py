"""Data in and out through the real `flowql run`: `--format json`, `save`, and the flows loader,
checked against values computed here with Python's csv module and math.fsum (never copied from
FlowQL's output)."""
import csv
import io
import json
import math
import os
import random
import shutil
import subprocess

import pytest

from harness.env import flowql_binary


def run(code, cwd, fmt="json", binary=None, prefix=()):
    command = [*prefix, str(os.path.abspath(binary or flowql_binary())), "run", "--format", fmt, "-e", code]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd)


def documents(result):
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def write_flows(path, rows, header=("year", "source", "target", "material", "mass", "cost"), **writer):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, **writer)
        w.writerow(header)
        w.writerows(rows)


def random_rows(rng, n):
    ids = [f"P{i}" for i in range(12)] + ["Mine, \"north\"", "mill\nB", "<script>x</script>", "Köln"]
    seen, rows = set(), []
    while len(rows) < n:
        year, s, t, m = rng.randrange(2000, 2030), rng.choice(ids), rng.choice(ids), rng.choice(["Cu", "Nd,Pr", "\"Dy\""])
        if (year, s, t, m) in seen:
            continue
        seen.add((year, s, t, m))
        mass = rng.choice([rng.uniform(0, 1e6), rng.lognormvariate(3, 4), float(rng.randrange(10**6)), 1e-7 * rng.random()])
        rows.append([year, s, t, m, repr(mass) if rng.random() < 0.7 else f"{mass:.3e}", f"{rng.uniform(0, 1e9):.2f}"])
    return rows


def test_json_format_reports_sums_computed_independently(tmp_path):
    rng = random.Random(14)
    rows = random_rows(rng, 400)
    write_flows(tmp_path / "f.csv", rows)
    docs = documents(run('load "f.csv" as m\nflows | in m | summarize total = sum(mass), n = count() by source', tmp_path))
    table = docs[-1]
    assert [c["name"] for c in table["columns"]] == ["source", "total", "n"]
    assert table["columns"][1] == {"name": "total", "type": "number", "unit": "t"}
    assert table["chart"] is None and table["caption"].startswith("flows · m")
    expected = {}
    for r in rows:
        expected.setdefault(r[1], []).append(float(r[4]))
    got = {row[0]: (row[1], row[2]) for row in table["rows"]}
    assert set(got) == set(expected)
    for source, masses in expected.items():
        assert got[source][1] == len(masses)
        assert math.isclose(got[source][0], math.fsum(masses), rel_tol=1e-12)


def test_json_format_carries_values_charts_and_errors(tmp_path):
    result = run('1 + 1\nflows | summarize total = sum(mass) by year | chart line with (x = year)\nflows | where yaer == 1', tmp_path)
    assert result.returncode == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert docs[0] == {"value": 2, "type": "number", "unit": None}
    assert docs[1]["chart"] == {"kind": "line", "options": {"x": "year"}}
    assert [c["type"] for c in docs[1]["columns"]] == ["year", "number"]
    assert docs[2]["error"]["code"] == "E201"


@pytest.mark.parametrize("seed", range(40))
def test_loader_reads_random_files_as_the_csv_module_does(tmp_path, seed):
    """Random quoting, line ends, byte-order mark, blank lines and spaces around fields."""
    rng = random.Random(seed)
    rows = random_rows(rng, rng.randrange(1, 60))
    terminator = rng.choice(["\n", "\r\n"])
    text = io.StringIO(newline="")
    w = csv.writer(text, quoting=rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]), lineterminator=terminator)
    w.writerow(["year", "source", "target", "material", "mass", "cost"])
    for r in rows:
        w.writerow([f" {r[0]} " if rng.random() < 0.1 else r[0], *r[1:]])
        if rng.random() < 0.05:
            text.write(terminator)
    body = ("\ufeff" if rng.random() < 0.3 else "") + text.getvalue()
    (tmp_path / "r.csv").write_bytes(body.encode("utf-8"))
    table = documents(run('load "r.csv" as m\nflows | in m | select year, source, target, material, mass, cost', tmp_path))[-1]
    reader = csv.reader(io.StringIO(body.lstrip("\ufeff"), newline=""))
    next(reader)
    expected = [[int(r[0]), r[1].strip(), r[2].strip(), r[3].strip(), float(r[4]), float(r[5])] for r in reader if any(f.strip() for f in r)]
    expected.sort(key=lambda r: r[0])  # the model keeps flows by year, in file order within a year
    assert table["rows"] == expected


def test_saved_flows_load_back_unchanged(tmp_path):
    docs = documents(run('flows | save "all.csv"\nload "all.csv" as copy\nflows | in copy', tmp_path))
    original, loaded = docs[0], docs[-1]
    assert [r[:7] for r in loaded["rows"]] == [r[:7] for r in original["rows"]]
    with open(tmp_path / "all.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:7] == ["year", "source", "target", "material", "mass [t]", "cost [USD]", "value [USD]"]


def test_saved_json_equals_the_json_format(tmp_path):
    docs = documents(run('flows | where year == 2020 | top 5 by mass | save "top.json"', tmp_path))
    assert json.loads((tmp_path / "top.json").read_text()) == docs[0]


def test_saved_svg_is_the_chart_the_run_draws(tmp_path):
    query = 'flows | summarize total = sum(mass) by year | save "c.svg" | chart line'
    result = run(query, tmp_path, fmt="svg")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "c.svg").read_text() == result.stdout
    text = run(query, tmp_path, fmt="text")
    assert f"wrote the chart ({len(result.stdout.encode())} bytes) to c.svg" in text.stdout


def test_a_failed_write_leaves_the_existing_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "f.csv").write_text("old contents\n")
    folder.chmod(0o555)
    binary, prefix = flowql_binary(), ()
    if os.geteuid() == 0:  # root ignores folder permissions: run as nobody, from a copy it can reach
        tmp_path.chmod(0o755)
        binary = shutil.copy(os.path.abspath(flowql_binary()), tmp_path / "flowql")
        prefix = ("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")
    try:
        result = run('flows | take 3 | save "ro/f.csv"', tmp_path, fmt="text", binary=binary, prefix=prefix)
        assert result.returncode == 1
        assert "error[E410]: cannot write `ro/f.csv`: Permission denied" in result.stderr
        assert (folder / "f.csv").read_text() == "old contents\n"
        assert sorted(os.listdir(folder)) == ["f.csv"]
    finally:
        folder.chmod(0o755)


def test_semicolon_file_names_the_delimiter(tmp_path):
    write_flows(tmp_path / "semi.csv", [[2020, "A", "B", "Cu", "1,5"]], header=("year", "source", "target", "material", "mass"), delimiter=";")
    result = run('load "semi.csv" as m', tmp_path, fmt="text")
    assert result.returncode == 1
    assert "semi.csv:1: the header is separated by ';', not by commas" in result.stderr


def test_unknown_process_suggests_the_nearest_id(tmp_path):
    write_flows(tmp_path / "f.csv", [[2020, "MINE", "SMELTER", "Cu", 1]], header=("year", "source", "target", "material", "mass"))
    (tmp_path / "p.csv").write_text("id,name,kind,energy_cost\nMINE,Mine,source,1\nSMELT,Smelter,quantity_centre,2\n")
    result = run('load "f.csv" as m processes "p.csv"', tmp_path, fmt="text")
    assert result.returncode == 1
    assert "f.csv:2:3 (target): unknown process 'SMELTER' (not in the processes file); did you mean 'SMELT'?" in result.stderr
