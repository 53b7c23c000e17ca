"""Soak: N executes in one kernel; RSS after the first 1k vs at the end (goal: within 5 %).

Usage: soak.py [N] (run with the harness on the path: `PYTHONPATH=Tests`, as `make bench` does).
The measurement itself lives in `harness.soak`, shared with `Tests/python/test_soak.py`.
"""
from harness import soak

if __name__ == "__main__":
    soak.main()
