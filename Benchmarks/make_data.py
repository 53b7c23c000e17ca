"""Writes a synthetic user flow model: N flow rows over 200 processes, deterministic (seeded)."""
import csv
import math
import random
import sys

STAGES = ["mining", "processing", "manufacturing", "use", "waste"]


def main(path_flows, path_processes, rows):
    rng = random.Random(20151231)
    processes = [(f"P{i:03d}", f"Process {i}", STAGES[i % len(STAGES)], "quantity_centre") for i in range(200)]
    with open(path_processes, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "stage", "kind"])
        w.writerows(processes)
    ids = [p[0] for p in processes]
    materials = ["LREE", "HREE", "NdPr", "DyTb"]
    seen = set()
    with open(path_flows, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["year", "source", "target", "material", "mass", "cost", "value"])
        written = 0
        while written < rows:
            year = 1990 + rng.randrange(35)
            s, t = rng.sample(ids, 2)
            m = materials[rng.randrange(4)]
            key = (year, s, t, m)
            if key in seen:
                continue
            seen.add(key)
            mass = round(rng.lognormvariate(5, 1.5), 3)
            w.writerow([year, s, t, m, mass, round(mass * 12.5, 2), round(mass * 31.0, 2)])
            written += 1


def main_fast(path_flows, path_processes, rows):
    """Large files: unique (year, source, target, material) keys by construction (a stride
    through all combinations of 400 processes), so no set of seen keys is kept."""
    rng = random.Random(20151231)
    processes = [(f"P{i:03d}", f"Process {i}", STAGES[i % len(STAGES)], "quantity_centre") for i in range(400)]
    with open(path_processes, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "stage", "kind"])
        w.writerows(processes)
    materials = ["LREE", "HREE", "NdPr", "DyTb"]
    n = len(processes)
    total = 35 * n * n * len(materials)
    assert rows <= total
    stride = 2_654_435_761 % total
    while math.gcd(stride, total) != 1:
        stride += 1
    with open(path_flows, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["year", "source", "target", "material", "mass", "cost", "value"])
        key = 0
        for _ in range(rows):
            key = (key + stride) % total
            year, rest = divmod(key, n * n * len(materials))
            pair, m = divmod(rest, len(materials))
            s, t = divmod(pair, n)
            mass = round(rng.lognormvariate(5, 1.5), 3)
            w.writerow([1990 + year, processes[s][0], processes[t][0], materials[m], mass, round(mass * 12.5, 2),
                        round(mass * 31.0, 2)])


if __name__ == "__main__":
    (main_fast if "--fast" in sys.argv else main)(sys.argv[1], sys.argv[2], int(sys.argv[3]))
