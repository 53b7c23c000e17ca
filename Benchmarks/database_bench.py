"""A group-by over N rows (default 10M) in PostgreSQL: FlowQL (a running kernel) vs the same SQL
through psql, from one run; and the kernel's resident memory before and after, at two table sizes.

Starts its own PostgreSQL 15 (Tests/python/pg_server.py). Prints figures side by side; asserts nothing.
"""
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "python"))
import pg_server  # noqa: E402

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
RUNS = 5
QUERY = "summarize total = sum(mass), n = count() by year, material"


def make_table(server, name, rows):
    server.psql(f"""CREATE UNLOGGED TABLE {name} AS SELECT 1990 + (g % 35) AS year, 'P' || (g % 200) AS source,
        'P' || ((g * 7) % 200) AS target, (ARRAY['LREE','HREE','NdPr','DyTb'])[1 + g % 4] AS material,
        ((g * 2654435761) % 100000)::float8 / 100 AS mass FROM generate_series(1, {rows}) g""")
    server.psql(f"VACUUM ANALYZE {name}")


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main():
    from jupyter_client import KernelManager

    server = pg_server.Server().start()
    prefix = ROOT / ".build" / "bench-prefix"
    subprocess.run([os.environ.get("FLOWQL_BIN", str(ROOT / ".build/release/flowql")), "install", "--prefix",
                    str(prefix)], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    os.environ["PGPASSWORD"] = pg_server.PASSWORD
    try:
        small = max(1, ROWS // 10)
        make_table(server, "trade_small", small)
        make_table(server, "trade", ROWS)
        km = KernelManager(kernel_name="flowql")
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        pid = km.provisioner.process.pid

        def cell(code):
            out = []
            reply = kc.execute_interactive(code, timeout=600, output_hook=out.append)
            assert reply["content"]["status"] == "ok", reply["content"]
            return out

        cell(f'connect "{server.url}" as wh')
        out = cell(f'table "public.trade" in wh | {QUERY} | sql')
        sql = next(m["content"]["data"]["text/plain"] for m in out if "data" in m["content"])
        text, _, params = sql.rstrip("\n").rpartition("\n-- parameters: ")
        for i, v in reversed(list(enumerate(json.loads(params), 1))):
            text = text.replace(f"${i}", repr(v))
        rss_start = rss_kb(pid)
        cell(f'table "public.trade_small" in wh | {QUERY}')
        rss_small = rss_kb(pid)

        def flowql():
            cell(f'table "public.trade" in wh | {QUERY}')

        def psql():
            server.psql(text)

        times = {"flowql": [], "psql": []}
        for _ in range(RUNS):  # interleaved, so both see the same cache state
            for name, fn in (("flowql", flowql), ("psql", psql)):
                t = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t)
        rss_large = rss_kb(pid)
        f, p = statistics.median(times["flowql"]), statistics.median(times["psql"])
        print(f"group-by over {ROWS:,} rows in PostgreSQL 15 (median of {RUNS}, same run):")
        print(f"  FlowQL kernel `table … | {QUERY}`  {f:8.3f} s")
        print(f"  psql, the same SQL                    {p:8.3f} s")
        print(f"  overhead                              {100 * (f - p) / p:+7.1f} %")
        print("  each run (s): FlowQL " + " ".join(f"{t:.2f}" for t in times["flowql"])
              + " · psql " + " ".join(f"{t:.2f}" for t in times["psql"]))
        print(f"kernel resident memory: {rss_start / 1024:.1f} MB after connect, {rss_small / 1024:.1f} MB after "
              f"{small:,} rows, {rss_large / 1024:.1f} MB after {ROWS:,} rows")
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    finally:
        server.cleanup()


if __name__ == "__main__":
    main()
