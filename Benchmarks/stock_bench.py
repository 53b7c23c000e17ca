"""Dynamic stock models, 200 cohorts × 200 years per lifetime distribution: FlowQL
(`flowql-bench --stocks`) beside flodym 1.1.0 on the same series, in the same run.

Prints median milliseconds of each side and the ratio (goal for FlowQL: ≤ 10 ms each); checks
that both computed the same last-year value. Nothing is asserted on time."""
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "python"))
from dynamic_stock_cases import flodym_run  # noqa: E402

YEARS = 200
RUNS = 21
PARAMETERS = {
    "fixed": {"t": 15.0},
    "normal": {"mean": 15.0, "sd": 5.0},
    "foldednormal": {"mean": 15.0, "sd": 5.0},
    "lognormal": {"mean": 15.0, "sd": 5.0},
    "weibull": {"shape": 2.5, "scale": 15.0},
}


def median_ms(fn):
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(bench):
    rng = np.random.default_rng(2040)
    series = np.cumsum(rng.uniform(0, 100, YEARS)) + 100  # a growing series: used as inflow and as stock
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "series.txt"
        path.write_text("\n".join(repr(float(v)) for v in series) + "\n")
        ours = json.loads(subprocess.run([bench, "--stocks", str(path)], check=True, capture_output=True, text=True).stdout)
    print(f"dynamic stock models, {YEARS} cohorts × {YEARS} years (median of {RUNS} runs, ms; goal ≤ 10 ms)")
    print(f"{'distribution':<26}{'FlowQL':>10}{'flodym':>10}{'ratio':>8}  same result")
    for name, parameters in PARAMETERS.items():
        for mode in ["inflow", "stock"]:
            reference = flodym_run(name, parameters, series, mode)
            theirs = median_ms(lambda: flodym_run(name, parameters, series, mode))
            mine = ours[f"{name} {mode}"] * 1000
            expected = reference[2][-1] if mode == "inflow" else reference[0][-1]
            same = abs(ours[f"{name} {mode} check"] - expected) <= 1e-9 * abs(expected)
            label = f"{name} {mode}-driven"
            print(f"{label:<26}{mine:>10.3f}{theirs:>10.3f}{theirs / mine:>7.0f}×  {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main(sys.argv[1])
