"""Running a notebook headlessly with nbclient, and comparing two runs' outputs byte for byte."""
from __future__ import annotations

import copy
import difflib
import json
import pathlib

import nbformat
from nbclient import NotebookClient


def kernel_of(nb) -> str:
    """The kernel named in the notebook's metadata (what Lab, nbclient and VS Code all use)."""
    name = nb.metadata.get("kernelspec", {}).get("name")
    assert name, "notebook metadata has no kernelspec.name"
    return name


def execute(path: pathlib.Path, *, cwd: pathlib.Path | None = None, timeout: int = 120):
    """Executes every cell with the notebook's own kernel; errors are kept as outputs
    (so a check can report all of them), not raised."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel_of(nb),
        timeout=timeout,
        startup_timeout=60,
        allow_errors=True,
        record_timing=False,  # no timestamps in cell metadata
        resources={"metadata": {"path": str(cwd or path.parent)}},
    )
    client.execute()
    return nb


def save(nb, path: pathlib.Path) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _canonical(outputs) -> str:
    return json.dumps(outputs, sort_keys=True, indent=1, ensure_ascii=False)


def output_differences(first, second) -> list[str]:
    """Cells whose `outputs` differ between two runs, each with a short unified diff.

    Compared: every output's full JSON, execution_count included (both runs start a fresh
    kernel, so counts must agree too). Nothing is ignored: nbclient records no timestamps
    (record_timing=False) and those would live in cell metadata, not outputs.
    """
    if len(first.cells) != len(second.cells):
        return [f"cell count differs: {len(first.cells)} vs {len(second.cells)}"]
    found = []
    for i, (a, b) in enumerate(zip(first.cells, second.cells)):
        if a.cell_type != "code":
            continue
        ja, jb = _canonical(a.get("outputs", [])), _canonical(b.get("outputs", []))
        if ja != jb:
            diff = difflib.unified_diff(ja.splitlines(), jb.splitlines(), "run 1", "run 2", lineterm="", n=1)
            found.append(f"cell {i}:\n" + "\n".join(list(diff)[:20]))
    return found


def assert_reproducible(first, second, name: str) -> None:
    problems = output_differences(first, second)
    assert not problems, f"{name}: outputs differ between two runs\n" + "\n".join(problems)


def strip_outputs(nb):
    """A copy with no outputs or counts (a notebook as a person would save it before running)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb
