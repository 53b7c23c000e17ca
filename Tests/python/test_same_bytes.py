"""Same query, same seed, same bytes — across processes.

Swift seeds its dictionary hashing per process, so a sum taken in a dictionary's order can differ
in its last digit from one run of `flowql` to the next. Each query below runs in three separate
processes and must print the same JSON bytes every time (the Nd+Pr and Dy+Tb checks of `study`
once summed their basket shares in dictionary order and did not).
"""
import subprocess

import pytest

from harness.env import flowql_binary

QUERIES = [
    "study",
    "uncertainty runs 30: study",
    "uncertainty runs 30 seed 7: mfca year 2022",
    "sensitivity top 5: dependence year 2022 | where material == \"HREE\" | select net_import_reliance",
    "reconcile year 2022 by material",
]


@pytest.mark.parametrize("query", QUERIES)
def test_three_processes_print_the_same_bytes(query):
    outputs = {
        subprocess.run(
            [str(flowql_binary()), "run", "--format", "json", "-e", query], capture_output=True, timeout=300, check=True
        ).stdout
        for _ in range(3)
    }
    assert len(outputs) == 1
