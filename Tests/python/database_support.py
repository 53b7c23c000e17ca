"""Shared by the database tests: the data (bundled flows, a synthetic benchmark model, hostile
names and values) loaded into PostgreSQL, DuckDB and Spark, the differential queries, and readers
for `flowql run` output."""
import csv
import html.parser
import json
import math
import os
import pathlib
import subprocess
import sys

from harness.env import ROOT, flowql_binary

BIN = str(flowql_binary())
BENCH_ROWS = 5000

# Display in base units with 6 decimals, so rendered values compare as numbers.
PRELUDE = "set units = t\nset units = USD\nset units = \"USD/t\"\nset decimals = 6\nset rows = all\n"

B = 'table "public.bench" in wh'
P = 'table "public.bench_processes" in wh'
F = 'table "public.flows" in wh'
FP = 'table "public.processes" in wh'
L = 'table "public.labels" in wh'

# Values that must stay data: quotes, SQL, unicode, a backslash, a placeholder, LIKE wildcards.
HOSTILE_VALUES = ["O'Brien", 'say "hi"; drop table bench; --', "稀土 Ünïcödé 🚀", "back\\slash", "$1", "%_"]

# (source, stages, ordered): `ordered` compares row order too (the sort keys are unique there).
QUERIES = [
    (B, "where year == 2000", False),
    (B, "where mass > 1 kt", False),
    (B, 'where mass >= 500 t and material == "LREE"', False),
    (B, 'where material in ["LREE", "HREE"] and year in 1995..2000', False),
    (B, 'where source ~ "p01"', False),
    (B, 'where not (material == "NdPr") or mass < 10 t', False),
    (B, 'where startswith(source, "P00")', False),
    (B, 'where endswith(target, "7")', False),
    (B, 'where contains(target, "p1") and year > 2020', False),
    (B, "where year != 2001 and cost > 10000 USD", False),
    (B, "where -mass < -1 kt", False),
    (B, "select year, source, mass", False),
    (B, 'select y = year, m = mass * 2, label = source + "-" + target', False),
    (B, "derive unit_cost = cost / mass | select year, unit_cost", False),
    (B, "derive t = mass / 1000, r = round(mass, 1), r0 = round(mass)", False),
    (B, "derive a = abs(mass - 100 t), f = floor(mass), c = ceil(mass)", False),
    (B, "derive n = len(source) | derive s = sqrt(n), l = ln(n), g = log10(n)", False),
    (B, "derive lo = lower(source), up = upper(material), n = len(target)", False),
    (B, 'derive origin = if(mass > 1 kt, "big", "small") | summarize n = count() by origin', False),
    (B, "derive missing = is_missing(material), gone = is_missing(mass) | where missing or gone", False),
    (B, "drop cost, value", False),
    (B, "rename src = source, dst = target", False),
    (B, "summarize total = sum(mass) by year", False),
    (B, "summarize n = count(), mean = avg(mass), lo = min(mass), hi = max(mass) by material", False),
    (B, "summarize s = share(mass) by material", False),
    (B, 'summarize big = countif(mass > 1 kt), imp = sumif(mass, source ~ "P00") by year', False),
    (B, "summarize total = sum(mass) by year, material | where total > 100 kt", False),
    (B, "summarize total = sum(mass), c = sum(cost) by source | sort total desc | take 5", True),
    (B, "sort mass desc | take 10", True),
    (B, "top 5 by mass", True),
    (B, "where year == 2010 | top 3 by cost", True),
    (B, "where year == 2005 | sort mass | derive m = mass * 3 | take 4", True),
    (B, f"join {P} on source = id | summarize total = sum(mass) by stage", False),
    (B, f"join left {P} on target = id | where year == 2010 | select year, source, target, name", False),
    (B, "where year >= 2020 | summarize first_src = min(source), last_src = max(source) by material", False),
    (B, "derive x = mass * 2 | where x > 2 kt | summarize n = count()", False),
    (B, "summarize total = sum(mass), n = count()", False),
    (B, "where mass > 100000 kt | summarize n = count(), total = sum(mass)", False),
    (B, "summarize v = sum(value) / sum(mass) by material", False),
    (B, "derive y2 = year + 1 | summarize n = count() by y2", False),
    (B, "rename m = mass | summarize total = sum(m) by material", False),
    (B, "select source, mass | where mass > 2 kt | drop mass", False),
    (F, "where year == 2022 | summarize total = sum(mass) by source", False),
    (F, "summarize total = sum(mass), cost = sum(cost), value = sum(value) by material, year", False),
    (F, 'where provenance == "E" | summarize n = count() by rule', False),
    (F, f"join {FP} on target = id | summarize total = sum(mass) by stage, year", False),
    (F, 'where is_missing(good) | summarize n = count() by source', False),
    (F, 'where source ~ "imp" | sort year, mass desc, target, material | select year, target, mass', False),
    (B, "where year >= 2015 | summarize m = sum(mass) by material, year | pivot columns = year, values = m", False),
    (B, "where year == 2010 | select source, material, mass | pivot columns = material, values = mass", False),
    (B, 'select target, material, cost | pivot columns = material, values = cost | where target ~ "p0"', False),
    (F, "summarize total = sum(mass) by source, year | pivot columns = year, values = total", False),
    (F, "where year == 2022 | select source, rule, mass | pivot columns = rule, values = mass", False),
    # The hostile values become column names.
    (L, "pivot columns = label, values = mass", False),
    (L, 'where side == "b" | pivot columns = label, values = mass | drop side', False),
]


def run(code, env=None, check=True):
    """`flowql run --format bundle -e code`: the events, and the error if any."""
    proc = subprocess.run([BIN, "run", "--format", "bundle", "-e", code], capture_output=True, text=True,
                          env=env, timeout=300)
    events = json.loads(proc.stdout)
    errors = [e for e in events if e["type"] == "error"]
    if check and errors:
        raise AssertionError("\n".join(errors[0]["traceback"]) + "\n--- in:\n" + code)
    return events, (errors[0] if errors else None)


class _TableParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.header, self.rows, self._cell, self._row, self._in = [], [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell, self._in = "", tag

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in == "th":
                self.header = self._row
            else:
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def tables(events):
    """Every displayed table as (header, rows) with values as rendered."""
    out = []
    for e in events:
        h = e.get("data", {}).get("text/html") if e["type"] == "display" else None
        if h and "<table" in h:
            p = _TableParser()
            p.feed(h)
            out.append((p.header, p.rows))
    return out


def sql_outputs(events):
    return [e["data"]["text/plain"] for e in events if e["type"] == "display" and "text/markdown" in e["data"]]


def split_sql(text):
    """The statement and its parameters from `| sql` output."""
    lines = text.rstrip("\n").split("\n")
    params = []
    if lines[-1].startswith("-- parameters: "):
        params = json.loads(lines[-1][len("-- parameters: "):])
        lines = lines[:-1]
    return "\n".join(lines), params


def value(cell):
    """A rendered cell as a number when it is one (thousands separators, units and % dropped)."""
    text = cell.strip()
    if text == "–":
        return None
    t = text.replace(",", "")
    for suffix in (" %", " t", " USD/t", " USD"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    try:
        return float(t)
    except ValueError:
        return text


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=2e-6)
    if a in (None, "") and b in (None, ""):
        return True
    return a == b


def rows_equal(expected, actual, ordered):
    """Rows equal as lists (ordered) or as multisets, numbers within rounding."""
    if len(expected) != len(actual):
        return False
    if not ordered:
        key = lambda r: [(0, round(v, 4)) if isinstance(v, float) else (1, str(v)) for v in r]
        expected, actual = sorted(expected, key=key), sorted(actual, key=key)
    return all(len(x) == len(y) and all(same(a, b) for a, b in zip(x, y)) for x, y in zip(expected, actual))


def engine_rows(header, rows):
    """Rows an engine returned, scaled as FlowQL displays them (ratios in %)."""
    percent = [h.endswith("(%)") for h in header]
    out = []
    for r in rows:
        row = []
        for v, p in zip(r, percent):
            if isinstance(v, bool):
                row.append("true" if v else "false")
            elif isinstance(v, (int, float)) or type(v).__name__ == "Decimal":
                f = float(v)
                row.append(None if math.isnan(f) else round(f * (100 if p else 1), 6))
            else:
                row.append(v)
        out.append(row)
    return out


def bundled_tables():
    """The bundled flows and processes, read from `flowql run` (all rows, 6 decimals)."""
    events, _ = run(PRELUDE + "flows\nprocesses")
    return tables(events)


def write_csvs(folder):
    """bench.csv, bench_processes.csv (Benchmarks/make_data.py), flows.csv, processes.csv (bundled),
    labels.csv (the hostile values, each on sides a and b)."""
    folder = pathlib.Path(folder)
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "make_data.py"), str(folder / "bench.csv"),
                    str(folder / "bench_processes.csv"), str(BENCH_ROWS)], check=True)
    (flows_h, flows), (proc_h, procs) = bundled_tables()
    for name, header, rows in (("flows", flows_h, flows), ("processes", proc_h, procs)):
        with open(folder / f"{name}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow([h.split(" (")[0] for h in header])
            for r in rows:
                w.writerow([c.replace(",", "") if isinstance(value(c), float) else c for c in r])
    with open(folder / "labels.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label", "side", "mass"])
        for i, v in enumerate(HOSTILE_VALUES):
            w.writerows([[v, "a", i + 1], [v, "b", 10 * i + 0.5]])
    return folder


# Column types of the loaded tables (the same in every engine).
SCHEMAS = {
    "bench": "year INTEGER, source TEXT, target TEXT, material TEXT, mass DOUBLE, cost DOUBLE, value DOUBLE",
    "bench_processes": "id TEXT, name TEXT, stage TEXT, kind TEXT",
    "flows": "year INTEGER, source TEXT, target TEXT, material TEXT, mass DOUBLE, cost DOUBLE, value DOUBLE, "
             "good TEXT, provenance TEXT, rule TEXT",
    "processes": "id TEXT, name TEXT, stage TEXT, kind TEXT, description TEXT, stage_order DOUBLE, loss BOOLEAN",
    "labels": "label TEXT, side TEXT, mass DOUBLE",
}


def loaded_server(folder):
    """A started PostgreSQL holding the tables of write_csvs(folder); `server.folder` names the CSVs."""
    import pg_server

    server = pg_server.Server().start()
    write_csvs(folder)
    os.chmod(folder, 0o755)
    load_postgres(server, folder)
    server.folder = pathlib.Path(folder)
    return server


def load_postgres(server, folder):
    for name, schema in SCHEMAS.items():
        server.psql(f"CREATE TABLE public.{name} ({schema.replace('DOUBLE', 'DOUBLE PRECISION')})")
        server.psql(f"\\copy public.{name} FROM '{folder}/{name}.csv' WITH (FORMAT csv, HEADER true)")
