"""Replays the fuzzers' seed corpora and every saved crash through the (unsanitized) targets."""
import pathlib
import subprocess

import pytest

from harness.env import ROOT

TARGETS = {"wire": ROOT / "Fuzz" / "Wire", "query": ROOT / "Fuzz" / "Query"}


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_corpus_and_regressions_replay_without_crashing(target):
    binary = ROOT / ".build" / "debug" / f"fuzz-{target}"
    inputs = sorted((TARGETS[target] / "Corpus").glob("*")) + sorted((ROOT / "Tests" / "FuzzRegressions" / target).glob("*"))
    assert inputs, "no seed inputs"
    result = subprocess.run([str(binary), *map(str, inputs)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("ok ") == len(inputs)
