"""Writes a synthetic user flow model: N flow rows over 200 processes, deterministic (seeded)."""
import csv
import math
import random
import sys

STAGES = ["mining", "processing", "manufacturing", "use", "waste"]
MATERIALS = ["LREE", "HREE", "NdPr", "DyTb"]
FLOW_HEADER = ["year", "source", "target", "material", "mass", "cost", "value"]


def write_processes(path, n):
    """Writes n processes P000… cycling through the stages; returns their rows."""
    processes = [(f"P{i:03d}", f"Process {i}", STAGES[i % len(STAGES)], "quantity_centre") for i in range(n)]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "stage", "kind"])
        w.writerows(processes)
    return processes


def flow_row(rng, year, source, target, material):
    """One flow row with a lognormal mass and cost and value proportional to it."""
    mass = round(rng.lognormvariate(5, 1.5), 3)
    return [year, source, target, material, mass, round(mass * 12.5, 2), round(mass * 31.0, 2)]


def main(path_flows, path_processes, rows):
    rng = random.Random(20151231)
    ids = [p[0] for p in write_processes(path_processes, 200)]
    seen = set()
    with open(path_flows, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(FLOW_HEADER)
        written = 0
        while written < rows:
            year = 1990 + rng.randrange(35)
            s, t = rng.sample(ids, 2)
            m = MATERIALS[rng.randrange(4)]
            key = (year, s, t, m)
            if key in seen:
                continue
            seen.add(key)
            w.writerow(flow_row(rng, year, s, t, m))
            written += 1


def main_fast(path_flows, path_processes, rows):
    """Large files: unique (year, source, target, material) keys by construction (a stride
    through all combinations of 400 processes), so no set of seen keys is kept."""
    rng = random.Random(20151231)
    processes = write_processes(path_processes, 400)
    n = len(processes)
    total = 35 * n * n * len(MATERIALS)
    assert rows <= total
    stride = 2_654_435_761 % total
    while math.gcd(stride, total) != 1:
        stride += 1
    with open(path_flows, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(FLOW_HEADER)
        key = 0
        for _ in range(rows):
            key = (key + stride) % total
            year, rest = divmod(key, n * n * len(MATERIALS))
            pair, m = divmod(rest, len(MATERIALS))
            s, t = divmod(pair, n)
            w.writerow(flow_row(rng, 1990 + year, processes[s][0], processes[t][0], MATERIALS[m]))


if __name__ == "__main__":
    (main_fast if "--fast" in sys.argv else main)(sys.argv[1], sys.argv[2], int(sys.argv[3]))
