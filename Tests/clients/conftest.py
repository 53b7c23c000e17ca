"""Fixtures for the real-client tests: an isolated Jupyter environment with the `flowql` and
`python3` kernelspecs, a work folder holding copies of every notebook under test, executed
notebooks (cached per session), one JupyterLab server and one headless Chromium."""
from __future__ import annotations

import os
import pathlib
import shutil
from types import SimpleNamespace

import pytest

from harness import env, execute, lab, selftest
from harness.cases import require_kernel

NOTEBOOKS = env.NOTEBOOKS
SCREENSHOTS = pathlib.Path(os.environ.get("FLOWQL_SCREENSHOTS", env.ROOT / "build" / "screenshots"))


@pytest.fixture(scope="session", autouse=True)
def jupyter_env(tmp_path_factory):
    """Kernelspecs in a temp prefix (JUPYTER_PATH) and every Jupyter dir in temp."""
    base = tmp_path_factory.mktemp("jupyter")
    env.isolate(base)
    env.install_python3_kernelspec(base)
    env.install_pipe_standin_kernelspec(base)
    try:
        flowql, problem = env.install_flowql_kernelspec(base), None
    except (OSError, Exception) as e:  # a missing build fails only the tests that need flowql
        flowql, problem = None, str(e)
    return SimpleNamespace(base=base, flowql=flowql, flowql_problem=problem)


@pytest.fixture(scope="session")
def flowql_kernel(jupyter_env):
    if jupyter_env.flowql is None:
        pytest.fail(f"the flowql kernelspec could not be installed: {jupyter_env.flowql_problem}")
    return "flowql"


@pytest.fixture(scope="session")
def work_root(tmp_path_factory, jupyter_env):
    """selftest/ (generated), flowql/ (a copy of Notebooks/), later executed/ and untrusted/."""
    root = tmp_path_factory.mktemp("work")
    selftest.write_all(root / "selftest")
    shutil.copytree(NOTEBOOKS, root / "flowql") if NOTEBOOKS.is_dir() else (root / "flowql").mkdir()
    return root


@pytest.fixture(scope="session")
def executed(work_root, request):
    """case → (executed notebook, its saved path); each notebook runs once per session here."""
    cache = {}

    def get(case):
        if case.id not in cache:
            require_kernel(request, case.kernel)
            nb = execute.execute(work_root / case.relpath, timeout=case.timeout)
            cache[case.id] = (nb, execute.save(nb, work_root / "executed" / case.relpath))
        return cache[case.id]

    return get


@pytest.fixture(scope="session")
def screenshots_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    return SCREENSHOTS


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(lab.CHROMIUM):
        pytest.fail(f"{lab.CHROMIUM} not found: install Debian's chromium (make system-deps); "
                    "the tests never download a browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=lab.CHROMIUM, args=lab.CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def lab_server(work_root, jupyter_env):
    server = lab.LabServer(work_root, jupyter_env.base).start()
    yield server
    server.stop()


@pytest.fixture
def lab_context(browser):
    """A browser context that only reaches this machine: requests elsewhere (e.g. the CDN
    scripts an nbconvert page names) are aborted in the browser, never sent."""
    context = browser.new_context(viewport=lab.VIEWPORT)
    context.blocked = []
    context.route("**/*", lambda route: lab.local_only(route, context.blocked))
    yield context
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failing Lab test, attach the server log tail to the report."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and "lab_server" in item.fixturenames:
        server = item.funcargs.get("lab_server")
        if server is not None:
            report.sections.append(("jupyter lab log (tail)", server.log_tail(3000)))
