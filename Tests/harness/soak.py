"""Soak: N executes in one kernel; RSS after the first 1k vs at the end (goal: within 5 %).

Drives the kernel with raw signed messages (no per-call asyncio overhead), one request in flight
at a time, each waited for until its idle status. `Benchmarks/soak.py N` and
`Tests/python/test_soak.py` run it.
"""
import os
import sys
import time

import psutil
import zmq

from .kernel import started_kernel

STORE = os.environ.get("SOAK_STORE_HISTORY", "1") == "1"

CELLS = [
    'flows | where year == 2022 | summarize total = sum(mass) by source',
    '1 + 1',
    'let y = flows | where material == "HREE"',
    'y | top 3 by mass',
]


def run(n):
    with started_kernel("flowql", timeout=60) as (km, kc):
        kc.stop_channels()
        return _soak(km, kc.session, n)


def _soak(km, session, n):
    ctx = zmq.Context()
    shell = ctx.socket(zmq.DEALER)
    shell.connect(f"tcp://{km.ip}:{km.shell_port}")
    iopub = ctx.socket(zmq.SUB)
    iopub.setsockopt(zmq.SUBSCRIBE, b"")
    iopub.connect(f"tcp://{km.ip}:{km.iopub_port}")
    time.sleep(0.5)
    proc = psutil.Process(km.provisioner.process.pid)
    rss_1k = None
    started = time.perf_counter()
    for i in range(n):
        msg = session.send(shell, "execute_request", {"code": CELLS[i % len(CELLS)], "silent": False, "store_history": STORE,
                                                       "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        want = msg["header"]["msg_id"]
        while True:
            _, parts = session.feed_identities(iopub.recv_multipart(), copy=True)
            m = session.deserialize(parts, content=True)
            if m["parent_header"].get("msg_id") == want and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
        shell.recv_multipart()
        if i + 1 == 1000:
            rss_1k = proc.memory_info().rss
        if (i + 1) % 10000 == 0 and os.environ.get("SOAK_VERBOSE"):
            print(f"  after {i + 1:,}: RSS {proc.memory_info().rss / 2**20:.1f} MB", flush=True)
    elapsed = time.perf_counter() - started
    rss_end = proc.memory_info().rss
    growth = (rss_end - rss_1k) / rss_1k * 100
    print(f"soak: {n:,} executes in {elapsed:.1f} s ({elapsed / n * 1e3:.2f} ms each); "
          f"RSS after 1k {rss_1k / 2**20:.1f} MB, at the end {rss_end / 2**20:.1f} MB ({growth:+.1f} %)")
    return rss_1k, rss_end


def main():
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
