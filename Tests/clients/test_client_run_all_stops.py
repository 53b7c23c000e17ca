"""Run All in JupyterLab stops at the first error (issue 18).

A 30-cell notebook whose fifth cell fails: FlowQL answers each cell so fast that Lab's later
execute requests arrive after the failure has been handled, and under load Lab even creates them
after it, so the kernel must abort those too (`AbortWindow`: requests created before the failure,
and those created in a chain with them). No cell after the fifth may run. The run happens while
two busy processes load the machine, as a CI machine is loaded.
"""
from __future__ import annotations

import contextlib
import subprocess
import sys

import nbformat

from harness import lab
from harness.cases import require_kernel

CELLS = 30
FAILING = 5  # 1-based


def stop_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "flowql", "display_name": "FlowQL", "language": "flowql"},
        "language_info": {"name": "flowql", "file_extension": ".flowql", "mimetype": "text/x-flowql"},
    }
    for i in range(1, CELLS + 1):
        source = "flows | where yaer == 2020" if i == FAILING else f'print "cell {i} ran"'
        nb.cells.append(nbformat.v4.new_code_cell(source))
    return nb


@contextlib.contextmanager
def machine_under_load(processes: int = 2):
    """Busy processes, one per core, while the block runs."""
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


def test_run_all_stops_at_the_first_error(request, lab_server, lab_context, work_root, screenshots_dir):
    require_kernel(request, "flowql")
    path = work_root / "runall" / "stop-at-error.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(stop_notebook(), path)
    page = lab.open_notebook(lab_context, lab_server, "runall/stop-at-error.ipynb", workspace="run-all-stops",
                             kernel="flowql")
    with machine_under_load():
        lab.run_all(page, timeout_ms=120_000)
    view = lab.inspect(page)
    lab.screenshots(page, screenshots_dir, "run-all-stops-at-error")
    ran = [i for i in range(1, CELLS + 1) if any(f"cell {i} ran" in t for t in view.texts)]
    assert ran == list(range(1, FAILING)), f"cells that ran: {ran}"
    assert [e["cell"] for e in view.error_outputs] == [FAILING - 1], view.stderr
    assert "E201" in view.error_outputs[0]["text"] or "yaer" in view.error_outputs[0]["text"]
    # Cells 1–5 got their numbers in order; the aborted ones show no number (not the failed one's).
    assert view.prompts[:FAILING] == [f"[{i}]:" for i in range(1, FAILING + 1)], view.prompts
    assert all(not any(ch.isdigit() for ch in p) for p in view.prompts[FAILING:]), view.prompts
