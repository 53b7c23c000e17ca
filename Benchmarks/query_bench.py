"""The query engine on a synthetic 1M-row user model: FlowQL vs pandas and DuckDB, same files, same run.

Prints median seconds of each operation and the ratios; nothing is asserted.
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import duckdb
import pandas as pd

ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
# A second, larger file only loaded (0 skips it): FlowQL's and pandas' load time and memory.
LARGE_ROWS = int(os.environ.get("BENCH_LARGE_ROWS", "10000000"))
RUNS = 5
ROOT = pathlib.Path(__file__).resolve().parents[1]


def timed(fn, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pandas_side(flows_csv, processes_csv):
    out = {"csv load": timed(lambda: pd.read_csv(flows_csv), max(1, RUNS // 2))}
    df = pd.read_csv(flows_csv)
    out["bytes per row"] = df.memory_usage(deep=True).sum() / len(df)
    procs = pd.read_csv(processes_csv)
    out["filter"] = timed(lambda: int(((df["mass"] > 500) & (df["year"] >= 2010)).sum()))
    out["group-by sum"] = timed(lambda: df.groupby(["source", "year"], sort=True)["mass"].sum())
    out["join + group-by"] = timed(
        lambda: df.merge(procs, left_on="source", right_on="id").groupby("stage", sort=True)["mass"].sum())
    out["sort"] = timed(lambda: df.sort_values("mass", ascending=False, kind="stable"))
    return out


def duckdb_side(flows_csv, processes_csv):
    con = duckdb.connect()

    def load():
        con.execute(f"CREATE OR REPLACE TABLE flows AS SELECT * FROM read_csv_auto('{flows_csv}')")

    out = {"csv load": timed(load, max(1, RUNS // 2))}
    out["bytes per row"] = duckdb_bytes(con) / con.execute("SELECT count(*) FROM flows").fetchone()[0]
    con.execute(f"CREATE OR REPLACE TABLE processes AS SELECT * FROM read_csv_auto('{processes_csv}')")
    out["filter"] = timed(lambda: con.execute("SELECT count(*) FROM flows WHERE mass > 500 AND year >= 2010").fetchall())
    out["group-by sum"] = timed(lambda: con.execute(
        "CREATE OR REPLACE TEMP TABLE g AS SELECT source, year, sum(mass) AS total FROM flows GROUP BY source, year ORDER BY source, year"))
    out["join + group-by"] = timed(lambda: con.execute(
        "SELECT stage, sum(mass) FROM flows JOIN processes ON source = id GROUP BY stage ORDER BY stage").fetchall())
    out["sort"] = timed(lambda: con.execute("CREATE OR REPLACE TEMP TABLE s AS SELECT * FROM flows ORDER BY mass DESC"))
    return out


def duckdb_bytes(con):
    """Memory DuckDB's buffer manager holds for the loaded table (its own accounting)."""
    return sum(row[0] for row in con.execute("SELECT memory_usage_bytes FROM duckdb_memory()").fetchall())


def large_load(bench, tmp):
    """One load of a LARGE_ROWS file by FlowQL and by pandas (time and memory)."""
    flows_csv, processes_csv = f"{tmp}/large.csv", f"{tmp}/large_processes.csv"
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "make_data.py"), flows_csv, processes_csv,
                    str(LARGE_ROWS), "--fast"], check=True)
    made = time.perf_counter() - started
    ours = json.loads(subprocess.run([bench, "--load", flows_csv, processes_csv], check=True,
                                     capture_output=True, text=True).stdout)
    started = time.perf_counter()
    df = pd.read_csv(flows_csv)
    theirs = time.perf_counter() - started
    size = os.path.getsize(flows_csv) / 1e6
    print(f"\nlarge file: {int(ours['rows']):,} flow rows, {size:,.0f} MB (written in {made:.0f} s)")
    print(f"{'':18} {'FlowQL':>9} {'pandas':>9} {'÷pandas':>8}")
    print(f"{'csv load (s)':18} {ours['seconds']:9.2f} {theirs:9.2f} {ours['seconds'] / theirs:8.2f}")
    pandas_bytes = df.memory_usage(deep=True).sum() / len(df)
    print(f"{'bytes per row':18} {ours['bytes per row']:9.1f} {pandas_bytes:9.1f} {ours['bytes per row'] / pandas_bytes:8.2f}")
    print(f"{'peak bytes per row':18} {ours['peak bytes per row']:9.1f}")


def main():
    bench = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build" / "release" / "flowql-bench")
    with tempfile.TemporaryDirectory() as tmp:
        flows_csv, processes_csv = f"{tmp}/flows.csv", f"{tmp}/processes.csv"
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "make_data.py"), flows_csv, processes_csv, str(ROWS)], check=True)
        ours = json.loads(subprocess.run([bench, flows_csv, processes_csv, str(RUNS)], check=True,
                                         capture_output=True, text=True).stdout)
        theirs_pd = pandas_side(flows_csv, processes_csv)
        theirs_db = duckdb_side(flows_csv, processes_csv)
        print(f"query engine on {int(ours['rows']):,} flow rows (median of {RUNS} runs, seconds)")
        print(f"{'operation':18} {'FlowQL':>9} {'pandas':>9} {'DuckDB':>9} {'÷pandas':>8} {'÷DuckDB':>8}")
        for op in ["csv load", "bytes per row", "filter", "group-by sum", "join + group-by", "sort"]:
            f, p, d = ours[op], theirs_pd[op], theirs_db[op]
            digits = 1 if op == "bytes per row" else 4
            print(f"{op:18} {f:9.{digits}f} {p:9.{digits}f} {d:9.{digits}f} {f / p:8.2f} {f / d:8.2f}")
        print(f"{'peak bytes per row':18} {ours['peak bytes per row']:9.1f}   (FlowQL: RSS growth during the load, file mapped)")
        if LARGE_ROWS:
            large_load(bench, tmp)


if __name__ == "__main__":
    main()
