"""Kernel start-up, execute round trip and memory: FlowQL vs ipykernel, both via jupyter_client.

Run with `make bench`. Prints one table; every FlowQL figure sits beside ipykernel's from the
same run, with the ratio. No figure here is asserted: this is measurement, not a test.
"""
import os
import statistics
import subprocess
import sys
import time

import psutil
import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.session import Session

from harness.kernel import started_kernel

RUNS_START = 5
EXECUTES = 1000


def start_once(name):
    """Seconds from launching the kernel (its kernelspec argv) to its first kernel_info_reply.

    The client retries its connection every 1 ms (ZMQ_RECONNECT_IVL), so the figure is the
    kernel's own start-up, not libzmq's default 100 ms reconnect back-off that jupyter_client
    meets when it connects before the kernel has bound its ports.
    """
    spec = KernelSpecManager().get_kernel_spec(name)
    conn, info = write_connection_file(ip="127.0.0.1", key=b"bench-key")
    session = Session(key=b"bench-key")
    context = zmq.Context.instance()
    sock = context.socket(zmq.DEALER)
    sock.linger = 0
    sock.setsockopt(zmq.RECONNECT_IVL, 1)
    sock.connect(f"tcp://127.0.0.1:{info['shell_port']}")
    argv = [a.replace("{connection_file}", conn) for a in spec.argv]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    session.send(sock, "kernel_info_request", {})
    while not sock.poll(1):
        pass
    sock.recv_multipart()
    elapsed = time.perf_counter() - started
    process.terminate()
    process.wait()
    sock.close()
    os.unlink(conn)
    return elapsed


def start_with_jupyter_client(name):
    """Seconds for KernelManager.start_kernel + wait_for_ready, as a notebook server does it."""
    started = time.perf_counter()
    with started_kernel(name, timeout=60):
        return time.perf_counter() - started


def round_trips(name, code):
    """Median and p99 seconds of execute → reply+idle over EXECUTES trivial executes, and RSS."""
    with started_kernel(name, timeout=60) as (km, kc):
        for _ in range(50):
            kc.execute_interactive(code, store_history=False, timeout=30, output_hook=lambda m: None)
        times = []
        for _ in range(EXECUTES):
            t = time.perf_counter()
            kc.execute_interactive(code, store_history=False, timeout=30, output_hook=lambda m: None)
            times.append(time.perf_counter() - t)
        rss = psutil.Process(km.provisioner.process.pid).memory_info().rss
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1], rss


def main():
    flow_code = sys.argv[1] if len(sys.argv) > 1 else "1 + 1"
    start = {n: statistics.median(start_once(n) for _ in range(RUNS_START)) for n in ("flowql", "python3")}
    ready = {n: statistics.median(start_with_jupyter_client(n) for _ in range(RUNS_START)) for n in ("flowql", "python3")}
    trips = {"flowql": round_trips("flowql", flow_code), "python3": round_trips("python3", "1 + 1")}
    rows = [
        ("start-up to kernel_info_reply", start["flowql"] * 1e3, start["python3"] * 1e3, "ms", "≤ 50 ms"),
        ("jupyter_client start + ready", ready["flowql"] * 1e3, ready["python3"] * 1e3, "ms", ""),
        ("execute round trip, median", trips["flowql"][0] * 1e3, trips["python3"][0] * 1e3, "ms", "≤ 1 ms"),
        ("execute round trip, p99", trips["flowql"][1] * 1e3, trips["python3"][1] * 1e3, "ms", ""),
        ("RSS after 1,050 executes", trips["flowql"][2] / 2**20, trips["python3"][2] / 2**20, "MB", "≤ 20 MB"),
    ]
    print(f"{'kernel':32} {'FlowQL':>10} {'ipykernel':>10} {'ratio':>7}  unit  goal")
    for label, ours, theirs, unit, goal in rows:
        print(f"{label:32} {ours:10.2f} {theirs:10.2f} {ours / theirs:7.2f}  {unit:4}  {goal}")


if __name__ == "__main__":
    main()
