"""Every notebook in every client: nbclient, JupyterLab (Run All, then untrusted), nbconvert.

Parametrised by notebook: the harness's own python3 notebook (`selftest-good`) and a one-cell
FlowQL notebook (`flowql-smoke`) always run; each `Notebooks/*.ipynb` runs with the checks of
`expectations.py` (skipped, with the reason, while there are none).
"""
from __future__ import annotations

import nbformat
import pytest

from harness import expectations
from harness import checks, convert, execute, lab, outputs, selftest
from harness.cases import FLOWQL_SMOKE, SELFTEST_GOOD, flowql_cases, require_kernel
from harness.env import NOTEBOOKS

CASES = [pytest.param(SELFTEST_GOOD, id=SELFTEST_GOOD.id), pytest.param(FLOWQL_SMOKE, id=FLOWQL_SMOKE.id),
         *flowql_cases(NOTEBOOKS, expectations)]


@pytest.mark.parametrize("case", CASES)
def test_nbclient_runs_without_errors_and_meets_expectations(case, executed):
    nb, _ = executed(case)
    if case.expected_kernel:
        assert case.kernel == case.expected_kernel, \
            f"{case.name} names kernel {case.kernel!r} in its metadata, expected {case.expected_kernel!r}"
    checks.assert_checks(nb, case.all_checks, case.name)


@pytest.mark.parametrize("case", CASES)
def test_nbclient_second_run_gives_byte_identical_outputs(case, executed, work_root, request):
    first, _ = executed(case)
    require_kernel(request, case.kernel)
    second = execute.execute(work_root / case.relpath, timeout=case.timeout)
    execute.assert_reproducible(first, second, case.name)


@pytest.mark.parametrize("case", CASES)
def test_nbconvert_html_embeds_every_chart(case, executed, tmp_path, lab_context, screenshots_dir):
    nb, saved = executed(case)
    page_path = convert.to_html(saved, tmp_path)
    convert.assert_html_has_charts(page_path, nb, case.name, case.min_images)
    # …and a browser shows those images from the exported page.
    page = lab_context.new_page()
    page.goto(page_path.as_uri())
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    sizes = page.evaluate("() => [...document.images].map(i => [i.naturalWidth, i.naturalHeight])")
    page.screenshot(path=str(screenshots_dir / f"{case.id}-nbconvert.png"), full_page=False)
    assert all(w > 0 and h > 0 for w, h in sizes), f"{case.name}: images in the HTML export did not load: {sizes}"
    assert len(sizes) >= outputs.expected_lab_images(nb, trusted=True)


@pytest.mark.parametrize("case", CASES)
def test_jupyterlab_run_all_shows_every_chart_and_no_error(case, request, lab_server, lab_context,
                                                           screenshots_dir, work_root, executed):
    if not case.lab:
        pytest.skip(f"{case.name}: lab=False in expectations.py")
    require_kernel(request, case.kernel)
    nb, _ = executed(case)  # what nbclient got: Lab must show at least as many charts
    page = lab.open_notebook(lab_context, lab_server, case.relpath, workspace=f"run-{case.id}", kernel=case.kernel)
    lab.run_all(page, timeout_ms=case.timeout * 1000)
    view = lab.inspect(page)
    lab.screenshots(page, screenshots_dir, f"{case.id}-lab-run-all")
    lab.assert_ran_clean(view, max(outputs.expected_lab_images(nb, trusted=True), case.min_images), case.name)
    # What the browser ran, saved by Lab, passes the same checks as nbclient's run.
    lab.save(page)
    saved = nbformat.read(work_root / case.relpath, as_version=4)
    checks.assert_checks(saved, case.all_checks, f"{case.name} (saved by JupyterLab)")


@pytest.mark.parametrize("case", CASES)
def test_jupyterlab_untrusted_notebook_still_shows_saved_charts(case, executed, lab_server, lab_context,
                                                                screenshots_dir, work_root):
    if not case.lab:
        pytest.skip(f"{case.name}: lab=False in expectations.py")
    nb, _ = executed(case)
    lab.write_untrusted_copy(nb, work_root / "untrusted" / case.relpath)
    page = lab.open_notebook(lab_context, lab_server, f"untrusted/{case.relpath}", workspace=f"untrusted-{case.id}",
                             kernel=case.kernel)
    view = lab.inspect(page)
    lab.screenshots(page, screenshots_dir, f"{case.id}-lab-untrusted")
    lab.assert_shows_saved_charts(view, max(outputs.expected_lab_images(nb, trusted=False), case.min_html_images),
                                  case.name)
    assert not any(p.strip() in ("[*]:",) for p in view.prompts), "opening must not run cells"
    if case.canary:
        # The SVG-only output is refused untrusted (Lab falls back to its text/plain): proof that
        # this page really was untrusted, while the HTML-wrapped charts above did show.
        assert any("SVG-only canary" in t for t in view.texts), view.texts
        assert len(view.images) == outputs.expected_lab_images(nb, trusted=True) - 1
