"""Writes a synthetic user flow model: N flow rows over 200 processes, deterministic (seeded)."""
import csv
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


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
