"""Monte Carlo and reconciliation timings (docs/performance.md), each beside a peer from this run.

Writes a random 200-process, 1,000-flow system (some flows unmeasured, some exact), times
FlowQL's `reconcile` algebra on it (flowql-bench --uncertainty) and numpy doing the same algebra
(exact flows to the right-hand side, unknowns projected out, weighted least squares, covariance),
and prints the Monte Carlo goal beside 1,000 plain runs of the same query.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def system(rng, processes=200, flows=1000):
    internal = [f"P{i}" for i in range(processes)]
    pairs = set()
    for i, p in enumerate(internal):
        pairs.add((rng.choice(["IN"] + internal[:i]), p))
        pairs.add((p, rng.choice(internal[i + 1:] + ["OUT"])))
    while len(pairs) < flows:
        s, t = rng.sample(internal, 2)
        pairs.add((s, t))
    rows = []
    for s, t in sorted(pairs):
        mass = round(rng.uniform(10, 1000), 3)
        kind = rng.random()
        sigma = None if kind < 0.05 else (0 if kind < 0.1 else round(mass * rng.uniform(0.01, 0.2), 4))
        rows.append((s, t, None if sigma is None else mass, sigma))
    return internal, rows


def numpy_reconcile(internal, rows):
    index = {p: i for i, p in enumerate(internal)}
    a = np.zeros((len(internal), len(rows)))
    for j, (s, t, _, _) in enumerate(rows):
        if t in index:
            a[index[t], j] += 1
        if s in index:
            a[index[s], j] -= 1
    unknown = [j for j, r in enumerate(rows) if r[2] is None]
    exact = [j for j, r in enumerate(rows) if r[2] is not None and r[3] == 0]
    measured = [j for j, r in enumerate(rows) if r[2] is not None and r[3] > 0]
    b = -a[:, exact] @ np.array([rows[j][2] for j in exact])
    x = np.array([rows[j][2] for j in measured])
    q = np.array([rows[j][3] ** 2 for j in measured])
    u, s, _ = np.linalg.svd(a[:, unknown])
    p = u[:, int((s > 1e-9).sum()):].T
    g, h = p @ a[:, measured], p @ b
    gq = g * q
    smat = gq @ g.T
    chol = np.linalg.cholesky(smat)
    r = g @ x - h
    lam = np.linalg.solve(smat, r)
    reconciled = x - gq.T @ lam
    c = np.linalg.solve(chol, gq)
    variances = q - (c * c).sum(axis=0)
    return float(r @ lam), reconciled, variances


def main():
    bench = sys.argv[1]
    rng = random.Random(7)
    internal, rows = system(rng)
    with tempfile.TemporaryDirectory() as folder:
        flows, processes = Path(folder) / "f.csv", Path(folder) / "p.csv"
        flows.write_text(
            "year,source,target,material,mass,sigma\n"
            + "".join(f"2020,{s},{t},x,{'' if m is None else m},{'' if sg is None else sg}\n" for s, t, m, sg in rows))
        processes.write_text(
            "id,name,stage,kind\n" + "".join(f"{p},{p},S,quantity_centre\n" for p in internal)
            + "IN,IN,B,source\nOUT,OUT,B,sink\n")
        ours = json.loads(subprocess.run([bench, "--uncertainty", str(flows), str(processes)], check=True,
                                         capture_output=True, text=True).stdout)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        chi2, _, _ = numpy_reconcile(internal, rows)
        times.append(time.perf_counter() - start)
    numpy_time = sorted(times)[3]
    load = os.getloadavg()
    print(f"uncertainty (seconds; goals: Monte Carlo ≤ 2 s, reconciliation ≤ 0.1 s; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores)")
    print(f"{'uncertainty runs 1000: dependence years 2015..2022':54} {ours['monte_carlo_1000']:8.3f}"
          f"   beside 1,000 plain runs {ours['plain_1000']:8.3f}   (CPU {ours['monte_carlo_1000_cpu']:.3f} s"
          f" on both cores)")
    print(f"{'reconcile %d processes / %d flows' % (len(internal), len(rows)):54} {ours['reconcile']:8.4f}"
          f"   beside numpy {numpy_time:8.4f}   (χ² {ours['chi_square']:.6g} vs {chi2:.6g})")


if __name__ == "__main__":
    main()
