"""FlowQL on a real PostgreSQL 15: every compiled stage and function run in memory and pushed
down with equal results; the same generated SQL on DuckDB; hostile names and values; wrong
password; a server stopped mid-session; cancel."""
import json
import os
import pathlib
import subprocess
import re
import time

import pytest

import database_support as db
import pg_server

pytestmark = pytest.mark.skipif(pg_server.pg_bin() is None, reason="PostgreSQL (Debian postgresql) is not installed")

HOSTILE_TABLE = "o'brien; drop table bench; --ü"
HOSTILE_VALUES = db.HOSTILE_VALUES


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = db.loaded_server(tmp_path_factory.mktemp("data"))
    s.psql(f'CREATE TABLE public."{HOSTILE_TABLE}" (label TEXT, "we""ird col" DOUBLE PRECISION, mass DOUBLE PRECISION)')
    for i, v in enumerate(HOSTILE_VALUES):
        s.psql(f"INSERT INTO public.\"{HOSTILE_TABLE}\" VALUES ($${v}$$, {i}, {i * 10})")
    yield s
    s.cleanup()


def connect(server):
    return f'connect "{server.url}" as wh\n'


def differential(server, source, stages):
    """In memory (the table fetched whole into a `let`) and pushed down, plus the SQL."""
    code = (db.PRELUDE + connect(server) + f"let mem = {source}\n"
            + f"mem | {stages}\n{source} | {stages}\n{source} | {stages} | sql\n{source} | {stages} | sql duckdb")
    events, _ = db.run(code, env=server.env())
    (h1, memory), (h2, pushed) = db.tables(events)[-2:]
    sql, duck = db.sql_outputs(events)
    return h1, [[db.value(c) for c in r] for r in memory], h2, [[db.value(c) for c in r] for r in pushed], sql, duck


@pytest.mark.parametrize("source,stages,ordered", db.QUERIES, ids=[q[1][:60] for q in db.QUERIES])
def test_in_memory_and_pushed_down_agree_on_postgres_and_duckdb(server, duck, source, stages, ordered):
    h1, memory, h2, pushed, sql, duck_sql = differential(server, source, stages)
    assert h1 == h2
    assert db.rows_equal(memory, pushed, ordered), f"\nmemory: {memory[:5]}\npushed: {pushed[:5]}\n{sql}"
    # One statement, every stage compiled (`| sql` refuses otherwise), values bound as parameters.
    statement, params = db.split_sql(sql)
    unquoted = re.sub(r'"(?:[^"]|"")*"', '""', statement)  # a quoted name may hold anything
    assert statement.count("SELECT") >= 2 and ";" not in unquoted
    for literal in re.findall(r'"([^"]*)"', re.sub(r'table "[^"]*"', "", stages)):
        if literal:
            assert f"'{literal}'" not in statement and literal in params
    # The DuckDB dialect of the same query, on the same data.
    text, params = db.split_sql(duck_sql)
    result = duck.execute(text, params)
    rows = db.engine_rows(h1, result.fetchall())
    assert db.rows_equal(memory, rows, ordered), f"\nmemory: {memory[:5]}\nduckdb: {rows[:5]}\n{text}"
    print(f"\nok {len(memory):>6} rows  {source.split()[1]} | {stages}")


@pytest.fixture(scope="module")
def duck(server):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    for name, schema in db.SCHEMAS.items():
        con.execute(f"CREATE TABLE {name} ({schema})")
        con.execute(f"COPY {name} FROM '{server.folder}/{name}.csv' (HEADER, NULLSTR '')")
    con.execute("CREATE SCHEMA IF NOT EXISTS public")
    for name in db.SCHEMAS:
        con.execute(f"CREATE VIEW public.{name} AS SELECT * FROM main.{name}")
    yield con
    con.close()


def test_the_loaded_flows_are_the_bundled_flows(server):
    events, _ = db.run(db.PRELUDE + connect(server) + "flows | summarize m = sum(mass), n = count() by year\n"
                       + f"{db.F} | summarize m = sum(mass), n = count() by year", env=server.env())
    (_, bundled), (_, loaded) = db.tables(events)[-2:]
    assert len(bundled) == 8
    for b, l in zip(sorted(bundled), sorted(loaded)):
        assert b[0] == l[0] and b[2] == l[2] and abs(db.value(b[1]) - db.value(l[1])) < 1e-3


def test_load_table_pushes_the_group_by_down_and_the_verbs_run(server):
    code = (db.PRELUDE + connect(server) + f'load table "public.bench" in wh as big processes "public.bench_processes"\n'
            + "models\nbalance year 2000 | in big | summarize total_in = sum(inputs), total_out = sum(outputs)\n"
            + 'load "' + str(server.folder / "bench.csv") + '" as small processes "' + str(server.folder / "bench_processes.csv")
            + '"\nbalance year 2000 | in small | summarize total_in = sum(inputs), total_out = sum(outputs)')
    events, _ = db.run(code, env=server.env())
    t = db.tables(events)[1:]  # after the `connect` table
    loaded = dict(zip(t[0][0], t[0][1][0]))
    assert loaded["model"] == "big" and db.value(loaded["flows"]) == db.BENCH_ROWS
    assert t[-3][1] == t[-1][1]  # the verb on the database model equals the verb on the CSV model


def test_hostile_names_and_values_round_trip_as_data(server):
    code = db.PRELUDE + connect(server) + f'table "public.{HOSTILE_TABLE}" in wh | sort mass\n'
    for v in HOSTILE_VALUES:
        escaped = v.replace("\\", "\\\\").replace('"', '\\"')
        code += f'table "public.{HOSTILE_TABLE}" in wh | where label == "{escaped}" | select label, mass\n'
    events, _ = db.run(code, env=server.env())
    t = db.tables(events)[1:]
    assert [r[0] for r in t[0][1]] == HOSTILE_VALUES
    assert t[0][0][1].startswith("we\"ird col")
    for v, (_, rows) in zip(HOSTILE_VALUES, t[1:]):
        assert [r[0] for r in rows] == [v]
    assert server.psql("SELECT count(*) FROM public.bench").strip() == str(db.BENCH_ROWS)


def test_hostile_pivot_values_become_quoted_column_names_bound_as_parameters(server):
    code = db.PRELUDE + connect(server) + f"{db.L} | pivot columns = label, values = mass\n"
    events, _ = db.run(code + f"{db.L} | pivot columns = label, values = mass | sql", env=server.env())
    (header, rows), = db.tables(events)[1:]
    assert header[0] == "side" and [h.removesuffix(" (t)") for h in header[1:]] == sorted(HOSTILE_VALUES)
    by_side = {r[0]: [db.value(c) for c in r[1:]] for r in rows}
    by_label = {v: (i + 1, 10 * i + 0.5) for i, v in enumerate(HOSTILE_VALUES)}
    assert by_side == {"a": [by_label[v][0] for v in sorted(HOSTILE_VALUES)],
                       "b": [by_label[v][1] for v in sorted(HOSTILE_VALUES)]}
    statement, params = db.split_sql(db.sql_outputs(events)[0])
    assert sorted(params) == sorted(HOSTILE_VALUES)
    for v in HOSTILE_VALUES:
        assert f"'{v}'" not in statement and f'"{v.replace(chr(34), chr(34) * 2)}"' in statement


def test_wrong_password_is_a_clear_error_that_never_shows_a_password(server):
    events, error = db.run(connect(server) + f"{db.B} | take 1", env=server.env("wrong-pw-123"), check=False)
    assert error["ename"] == "E500"
    text = "\n".join(error["traceback"])
    assert "password authentication failed" in text, text
    assert "wrong-pw-123" not in text
    url = server.url.replace("flowql@", "flowql:inline-pw-456@")
    events, error = db.run(f'connect "{url}" as wh', env=server.env(), check=False)
    assert error["ename"] == "E501" and "inline-pw-456" not in "\n".join(error["traceback"])
    events, error = db.run(f'connect "{server.url}" as wh\nconnections', env=server.env())
    assert pg_server.PASSWORD not in str(events)


def test_fetch_limit_is_checked_before_the_rows_are_kept(server):
    events, error = db.run(connect(server) + f"set fetch = 100\n{db.B} | where year == 2000", env=server.env(),
                           check=False)
    assert error["ename"] == "E503"
    assert "summarize" in "\n".join(error["traceback"])
    events, _ = db.run(connect(server) + f"set fetch = 100\n{db.B} | summarize n = count() by year", env=server.env())
    assert len(db.tables(events)[-1][1]) == 35
    # A limit past PostgreSQL's 32-bit MOVE count.
    events, _ = db.run(db.PRELUDE + connect(server) + f"set fetch = 999999999999\n{db.B} | where year == 2000",
                       env=server.env())
    assert len(db.tables(events)[-1][1]) > 100


def test_the_query_runs_once_and_stops_one_row_past_the_limit(server):
    """A view that numbers its rows from a sequence: how far the sequence moved is how many rows
    the server computed."""
    server.psql("CREATE SEQUENCE counter; CREATE VIEW public.counted AS "
                "SELECT g AS n, nextval('counter') AS k FROM generate_series(1, 50) g")
    q = 'table "public.counted" in wh | summarize n = count(), top_k = max(k)\n'
    q_rows = 'table "public.counted" in wh | where n > 0'
    computed = lambda: int(server.psql("SELECT last_value FROM counter"))
    events, _ = db.run(connect(server) + "set fetch = 50\n" + q_rows, env=server.env())
    assert len(db.tables(events)[-1][1]) == 50
    assert computed() == 50  # fetched whole, computed once (rewinding did not run it again)
    events, error = db.run(connect(server) + "set fetch = 10\n" + q_rows, env=server.env(), check=False)
    assert error["ename"] == "E503"
    assert computed() == 50 + 11  # counted to the limit and one row past it, then stopped


def run_measured(code, env):
    """`flowql run` and the peak resident memory of that process in MB."""
    proc = subprocess.Popen([db.BIN, "run", "--format", "bundle", "-e", code], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env)
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    events = json.loads(out)
    errors = [e for e in events if e["type"] == "error"]
    return (errors[0] if errors else None), usage.ru_maxrss / 1024


def test_a_result_over_the_limit_sends_no_row(server):
    """120,000 rows of 1 kB (about 120 MB on the wire if sent) against a limit one row short: the
    kernel's memory stays as it is for a one-row result."""
    server.psql("CREATE TABLE public.wide AS SELECT g AS n, repeat('x', 1000) AS pad "
                "FROM generate_series(1, 120000) g")
    error, baseline = run_measured(connect(server) + 'table "public.wide" in wh | summarize n = count()',
                                   server.env())
    assert error is None
    started = time.perf_counter()
    error, over = run_measured(connect(server) + 'set fetch = 119999\ntable "public.wide" in wh', server.env())
    assert error["ename"] == "E503"
    print(f"\nE503 after {time.perf_counter() - started:.2f} s; peak memory {over:.0f} MB "
          f"(a one-row result: {baseline:.0f} MB)")
    assert over - baseline < 30


def test_sql_stage_shows_postgres_sql_and_refuses_what_does_not_compile(server):
    events, _ = db.run(connect(server) + f'{db.B} | where material == "LREE" | summarize t = sum(mass) by year | sql',
                       env=server.env())
    text = db.sql_outputs(events)[0]
    assert 'WHERE ("material" = $1)' in text and 'GROUP BY "year"' in text and '-- parameters: ["LREE", 0]' in text
    events, error = db.run(connect(server) + f"{db.B} | summarize f = first(source) by material | sql",
                           env=server.env(), check=False)
    assert error["ename"] == "E504"
    # A stage with no SQL form receives the database's result and runs in memory.
    events, _ = db.run(connect(server) + f"{db.B} | where year == 2000 | summarize f = first(source) by material",
                       env=server.env())
    assert len(db.tables(events)[-1][1]) == 4


# Codes only a running database raises; their goldens sit beside the others in
# Tests/FlowQLTests/Snapshots. Re-record with RECORD_SNAPSHOTS=1.
SERVER_CODE_TRIGGERS = {
    "E502": 'connect "dbname=flowql" as wh\ntable "public.no_such_table" in wh | take 5',
    "E503": 'connect "dbname=flowql" as wh\nset fetch = 100\ntable "public.bench" in wh | where year == 2000',
}


@pytest.mark.parametrize("code", sorted(SERVER_CODE_TRIGGERS))
def test_server_codes_render_their_golden_messages(server, code):
    """The connection from libpq's environment (PGHOST, PGPORT, PGUSER), so the input names no port."""
    env = server.env() | {"PGHOST": "127.0.0.1", "PGPORT": str(server.port), "PGUSER": pg_server.USER}
    source = SERVER_CODE_TRIGGERS[code]
    _, error = db.run(source, env=env, check=False)
    assert error is not None and error["ename"] == code
    text = "input:\n" + "\n".join("    " + line for line in source.split("\n")) + "\n\n"
    text += "\n".join(error["traceback"]) + "\n"
    golden = db.ROOT / "Tests" / "FlowQLTests" / "Snapshots" / f"{code}.txt"
    if os.environ.get("RECORD_SNAPSHOTS"):
        golden.write_text(text)
    assert text == golden.read_text()


def test_every_database_help_example_runs(server):
    """The examples of the `help` topics listed under Databases, on the test server."""
    index = subprocess.run([db.BIN, "run", "-e", "help"], capture_output=True, text=True, check=True).stdout
    names = index.split("Databases:\n", 1)[1].split("\n", 1)[0].strip().split(", ")
    assert {"connect", "connections", "table", "sql", "fetch", "load table"} <= set(names)
    for name in names:
        page = subprocess.run([db.BIN, "run", "-e", f"help {name}"], capture_output=True, text=True,
                              check=True).stdout
        example = page.split("Example:\n", 1)[1].strip()
        example = re.sub(r'"postgresql://[^"]*"', f'"{server.url}"', example)
        prelude = "" if example.startswith("connect ") else connect(server)
        events, _ = db.run(prelude + example, env=server.env())
        tables = db.tables(events)[0 if example.startswith("connect ") else 1:]
        shown = [rows for _, rows in tables] + db.sql_outputs(events)
        assert shown and all(shown), f"help {name}: {example} showed nothing"
        print(f"\nok help {name}: {example}")


def kernel_cell(kc, code, timeout=60):
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
    return reply["content"], outputs


@pytest.fixture
def pg_kernel(monkeypatch):
    """A kernel started with PGPASSWORD set, as a user would start Jupyter."""
    from conftest import running_kernel

    monkeypatch.setenv("PGPASSWORD", pg_server.PASSWORD)
    yield from running_kernel()


def test_a_stopped_server_is_a_clear_error_and_the_next_cell_reconnects(pg_kernel):
    km, kc = pg_kernel
    own = pg_server.Server().start()
    try:
        own.psql("CREATE TABLE t (year INTEGER, mass DOUBLE PRECISION); INSERT INTO t VALUES (2020, 5), (2021, 7)")
        reply, _ = kernel_cell(kc, f'connect "{own.url}" as wh\ntable "public.t" in wh | summarize n = count()')
        assert reply["status"] == "ok"
        own.stop()
        reply, _ = kernel_cell(kc, 'table "public.t" in wh | summarize n = count()')
        assert reply["status"] == "error" and reply["ename"] in ("E502",), reply
        assert "connection" in reply["evalue"]
        own.restart()
        reply, outputs = kernel_cell(kc, 'table "public.t" in wh | summarize n = count()')
        assert reply["status"] == "ok"
        assert any("2" in str(o["content"].get("data", {}).get("text/plain", "")) for o in outputs)
    finally:
        own.cleanup()


def test_interrupt_cancels_the_query_on_the_server(pg_kernel, server):
    km, kc = pg_kernel
    server.psql("CREATE OR REPLACE VIEW public.slow AS SELECT g AS n FROM generate_series(1, 3) g, pg_sleep(30) s")
    reply, _ = kernel_cell(kc, connect(server) + "let keep = 1")
    assert reply["status"] == "ok"
    msg_id = kc.execute('table "public.slow" in wh | summarize n = count()')
    time.sleep(1.0)
    sent = time.perf_counter()
    km.interrupt_kernel()
    while True:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "error":
            assert msg["content"]["ename"] == "E900"
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    latency = time.perf_counter() - sent
    print(f"\nidle {latency * 1000:.1f} ms after the interrupt")
    assert latency < 0.1
    # The server no longer runs it, and the session goes on.
    time.sleep(0.3)
    active = server.psql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%slow%' AND state = 'active' "
                         "AND pid <> pg_backend_pid()")
    assert active.strip() == "0"
    reply, _ = kernel_cell(kc, f"{db.B} | summarize n = count()\nprint keep")
    assert reply["status"] == "ok"
