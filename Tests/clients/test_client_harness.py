"""The harness catches what it is there to catch: each check fails on a notebook with that defect.

Each broken self-test notebook (harness/selftest.py) differs from the good one by one defect; a
check that passed on it would pass on a broken FlowQL notebook too.
"""
from __future__ import annotations

import re

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from harness import expectations
from harness import checks, convert, execute, lab, outputs, selftest
from harness.cases import selftest_case
from harness.env import NOTEBOOKS

ERROR = selftest_case("selftest-error")
BROKEN = selftest_case("selftest-broken-image")
NONDETERMINISTIC = selftest_case("selftest-nondeterministic")
NO_CHARTS = selftest_case("selftest-no-charts", (checks.MinCharts(1), checks.TextContains("ratio")))


def failure(fn, *args, **kw) -> str:
    with pytest.raises(AssertionError) as info:
        fn(*args, **kw)
    return str(info.value)


# --- nbclient checks ------------------------------------------------------------------------------

def test_error_cell_fails_the_nbclient_check(executed):
    nb, _ = executed(ERROR)
    message = failure(checks.assert_checks, nb, ERROR.all_checks, ERROR.name)
    assert "NoErrors: error output: cell 4 output 0: ValueError: flows do not balance" in message


def test_stderr_warning_is_not_an_error(executed):
    nb, _ = executed(ERROR)
    assert len(outputs.errors(nb)) == 1  # the raise, not the "warning: …" stderr line
    assert any("warning: 2 flows have no unit" in t for t in outputs.plain_texts(nb))


def test_cells_skipped_after_an_error_are_reported():
    nb = execute.strip_outputs(new_notebook(cells=[new_code_cell("1"), new_code_cell("  \n")]))
    assert checks.EveryCodeCellRan().problems(nb) == ["cell 0 has no execution_count"]


def test_broken_image_fails_the_svg_check(executed):
    nb, _ = executed(BROKEN)
    message = failure(checks.assert_checks, nb, BROKEN.all_checks, BROKEN.name)
    assert "ChartsWellFormed: cell 2 output 0 (text/html <img>): not well-formed XML" in message
    assert "ChartsWellFormed: cell 2 output 0 (image/svg+xml): not well-formed XML" in message


def test_missing_charts_and_text_fail_the_expectations(executed):
    nb, _ = executed(NO_CHARTS)
    message = failure(checks.assert_checks, nb, NO_CHARTS.all_checks, NO_CHARTS.name)
    assert "MinCharts: expected at least 1 chart outputs, found 0" in message
    # the table's text/plain says "ratio"; a missing phrase is caught too
    assert checks.TextContains("balance").problems(nb) == ["no output's text/plain or stream contains 'balance'"]
    assert checks.MinTables(2).problems(nb) == ["expected at least 2 HTML tables, found 1"]


def test_svg_check_rejects_svg_without_namespace_or_size():
    assert "xmlns missing" in outputs.svg_problem(b"<svg width='1' height='1'/>")
    assert "neither width/height nor viewBox" in outputs.svg_problem(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert outputs.svg_problem(None) == "base64 does not decode"
    html = '<img src="data:image/svg+xml;base64,@@not base64@@">'
    assert outputs.html_svg_images(html) == [None]


def test_nondeterministic_outputs_fail_the_reproducibility_check(executed, work_root):
    first, _ = executed(NONDETERMINISTIC)
    second = execute.execute(work_root / NONDETERMINISTIC.relpath)
    message = failure(execute.assert_reproducible, first, second, NONDETERMINISTIC.name)
    assert "outputs differ between two runs" in message
    assert re.search(r"cell 8:\n--- run 1\n\+\+\+ run 2", message), message
    # …and only that cell: the charts, the table and the counts are identical.
    assert message.count("cell ") == 1, message


# --- nbconvert ------------------------------------------------------------------------------------

def test_nbconvert_check_fails_without_charts(executed, tmp_path):
    nb, saved = executed(NO_CHARTS)
    page = convert.to_html(saved, tmp_path)
    message = failure(convert.assert_html_has_charts, page, nb, NO_CHARTS.name, min_images=1)
    assert "expected at least 1 base64 SVG <img> in the HTML page, found 0" in message


def test_nbconvert_check_fails_on_broken_image(executed, tmp_path):
    nb, saved = executed(BROKEN)
    page = convert.to_html(saved, tmp_path)
    message = failure(convert.assert_html_has_charts, page, nb, BROKEN.name)
    assert "not well-formed XML" in message


# --- JupyterLab -----------------------------------------------------------------------------------

def test_jupyterlab_run_all_fails_on_an_error_cell(lab_server, lab_context, screenshots_dir):
    page = lab.open_notebook(lab_context, lab_server, ERROR.relpath, workspace="neg-error")
    lab.run_all(page)  # returns once the run stopped at the error (does not hang)
    view = lab.inspect(page)
    lab.screenshots(page, screenshots_dir, "negative-error-lab-run-all", max_outputs=0)
    message = failure(lab.assert_ran_clean, view, 0, ERROR.name)
    assert "error shown in cell 4" in message and "ValueError" in message
    assert "code cells without an execution number (not run): [4, 5, 6, 7]" in message
    assert "warning: 2 flows" not in message  # a stderr warning is not an error


def test_jupyterlab_run_all_fails_on_a_broken_image(lab_server, lab_context, screenshots_dir):
    page = lab.open_notebook(lab_context, lab_server, BROKEN.relpath, workspace="neg-broken")
    lab.run_all(page)
    view = lab.inspect(page)
    lab.screenshots(page, screenshots_dir, "negative-broken-image-lab-run-all", max_outputs=1)
    message = failure(lab.assert_ran_clean, view, 0, BROKEN.name)
    assert re.search(r"<img> #0 \(cell 2, data:image/svg\+xml;base64,\S*…\) did not load: natural size 0×0", message), message


def test_jupyterlab_untrusted_check_fails_on_broken_image_and_on_a_trusted_page(
        executed, lab_server, lab_context, work_root):
    nb, _ = executed(BROKEN)
    lab.write_untrusted_copy(nb, work_root / "untrusted" / BROKEN.relpath)
    page = lab.open_notebook(lab_context, lab_server, f"untrusted/{BROKEN.relpath}", workspace="neg-untrusted")
    view = lab.inspect(page)
    assert view.trusted_outputs == 0
    assert "did not load: natural size 0×0" in failure(lab.assert_shows_saved_charts, view, 0, BROKEN.name)
    # A page whose outputs are trusted proves nothing about untrusted notebooks: refused.
    view.trusted_outputs = 3
    assert "rendered as trusted" in failure(lab.assert_shows_saved_charts, view, 0, BROKEN.name)


def test_jupyterlab_check_fails_when_fewer_images_than_expected(executed, lab_server, lab_context, work_root):
    nb, _ = executed(ERROR)  # nbclient ran every cell: 2 HTML charts + the SVG-only one
    page = lab.open_notebook(lab_context, lab_server, ERROR.relpath, workspace="neg-count")
    view = lab.inspect(page)  # never run in this page: no outputs at all
    message = failure(lab.assert_shows_saved_charts, view, outputs.expected_lab_images(nb, trusted=False), ERROR.name)
    assert "expected at least 2 chart <img> in the outputs, found 0" in message


# --- the FlowQL expectation table -----------------------------------------------------------------

def test_expectation_table_names_existing_notebooks():
    present = {p.stem for p in NOTEBOOKS.glob("*.ipynb")}
    if not present:
        pytest.skip(f"{NOTEBOOKS} has no .ipynb yet: nothing to match the expectation table against")
    missing = sorted(set(expectations.FLOWQL_NOTEBOOKS) - present)
    assert not missing, f"expectations.py names notebooks that do not exist: {missing} (have {sorted(present)})"


def test_jupyterlab_check_fails_when_lab_picks_another_kernel(lab_server, lab_context, work_root, flowql_kernel):
    """A notebook naming a kernel that is not installed: Lab silently starts another kernel of the
    same language; the harness refuses to call that a run of the notebook's kernel."""
    nb = selftest.flowql_smoke()
    nb.metadata["kernelspec"]["name"] = "flowql-not-installed"
    execute.save(nb, work_root / "selftest" / "wrong-kernel.ipynb")
    message = failure(lab.open_notebook, lab_context, lab_server, "selftest/wrong-kernel.ipynb",
                      workspace="neg-kernel", kernel="flowql-not-installed")
    assert "another kernel" in message or "asks which kernel" in message, message


def test_expected_lab_images_follow_lab_renderer_ranks():
    """HTML wins over SVG; SVG-only shows only when trusted; Vega-Lite bundles are not <img>."""
    chart = selftest.CHART_1
    nb = new_notebook(cells=[new_code_cell("x")])
    nb.cells[0].outputs = [
        {"output_type": "display_data", "data": chart, "metadata": {}},
        {"output_type": "display_data", "data": {"image/svg+xml": chart["image/svg+xml"], "text/plain": "s"},
         "metadata": {}},
        {"output_type": "display_data", "data": {"application/vnd.vegalite.v5+json": {},
                                                 "image/svg+xml": chart["image/svg+xml"], "text/plain": "v"},
         "metadata": {}},
    ]
    assert outputs.expected_lab_images(nb, trusted=True) == 2
    assert outputs.expected_lab_images(nb, trusted=False) == 1
    assert len(outputs.charts(nb)) == 4  # html <img> + three image/svg+xml
