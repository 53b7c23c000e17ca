"""A local PostgreSQL 15 for Notebooks/09-database.ipynb: 127.0.0.1:55432, database `flowql`, user
`flowql`, password from Tests/python/pg_server.py; tables `bench` (a synthetic flows table of
BENCH rows, Benchmarks/make_data.py), `bench_processes`, and the bundled `flows` and `processes`.
Its files live in $FLOWQL_DEMO_DIR (default: flowql-demo-db in the system's temp folder).

Usage: .venv/bin/python Scripts/demo_database.py start [ROWS] | stop
Then start Jupyter with PGPASSWORD set (the script prints the line).
"""
import os
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "Tests" / "python"), str(ROOT / "Tests")]  # pg_server and the harness they import
import database_support  # noqa: E402
import pg_server  # noqa: E402

PORT = int(os.environ.get("FLOWQL_DEMO_PORT", "55432"))
# In the system's temp folder, not the checkout: the server runs as `postgres` when started as root,
# and a checkout in a private folder (mode 700, as `mktemp -d` and /root are) is closed to it.
FOLDER = pathlib.Path(os.environ.get("FLOWQL_DEMO_DIR", pathlib.Path(tempfile.gettempdir()) / "flowql-demo-db"))


def server():
    s = pg_server.Server()
    s.dir.rmdir()
    s.dir, s.data, s.port = FOLDER, FOLDER / "data", PORT
    return s


def start(rows):
    s = server()
    if (FOLDER / "data" / "postmaster.pid").exists():
        print(f"already running on 127.0.0.1:{PORT}")
        return s
    FOLDER.mkdir(parents=True, exist_ok=True)
    s.start()
    database_support.BENCH_ROWS = rows
    csvs = FOLDER / "csv"
    csvs.mkdir(exist_ok=True)
    os.chmod(csvs, 0o755)
    database_support.write_csvs(csvs)
    database_support.load_postgres(s, csvs)
    print(f"PostgreSQL on 127.0.0.1:{PORT}; start Jupyter with: PGPASSWORD={pg_server.PASSWORD} make lab")
    return s


def stop():
    import shutil

    server().stop()
    shutil.rmtree(FOLDER, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["stop"]:
        stop()
    else:
        start(int(sys.argv[2]) if len(sys.argv) > 2 else 200_000)
