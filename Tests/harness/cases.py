"""The notebooks the client tests run: the harness's own and the FlowQL ones in `Notebooks/`."""
from __future__ import annotations

import pathlib
from dataclasses import dataclass

import nbformat
import pytest

from .checks import DEFAULT_CHECKS, Check, MinCharts, MinHtmlCharts, MinTables, TextContains


@dataclass(frozen=True)
class NotebookCase:
    id: str
    folder: str                   # sub-folder of the session's work root: "selftest" or "flowql"
    name: str                     # file name, e.g. "01-tour.ipynb"
    kernel: str                   # kernel the notebook's metadata must name
    checks: tuple[Check, ...]     # in addition to DEFAULT_CHECKS
    lab: bool = True
    timeout: int = 120
    canary: bool = False          # holds the SVG-only canary (proves "untrusted" in Lab)
    expected_kernel: str | None = None  # for FlowQL notebooks: the metadata must name this kernel

    @property
    def relpath(self) -> str:
        return f"{self.folder}/{self.name}"

    @property
    def all_checks(self) -> tuple[Check, ...]:
        return (*DEFAULT_CHECKS, *self.checks)

    @property
    def min_images(self) -> int:
        """Chart images any client that renders SVG must show."""
        return max([c.n for c in self.checks if isinstance(c, (MinCharts, MinHtmlCharts))], default=0)

    @property
    def min_html_images(self) -> int:
        """Chart images an untrusted JupyterLab must show (HTML-wrapped ones only)."""
        return max([c.n for c in self.checks if isinstance(c, MinHtmlCharts)], default=0)


SELFTEST_GOOD = NotebookCase(
    "selftest-good", "selftest", "selftest-good.ipynb", "python3",
    (MinCharts(3), MinHtmlCharts(2), MinTables(1), TextContains("ratio"), TextContains("42")), canary=True)
FLOWQL_SMOKE = NotebookCase("flowql-smoke", "selftest", "flowql-smoke.ipynb", "flowql", ())


def selftest_case(name: str, checks=(), **kw) -> NotebookCase:
    return NotebookCase(name, "selftest", f"{name}.ipynb", "python3", tuple(checks), **kw)


def flowql_cases(notebooks: pathlib.Path, table) -> list:
    """A pytest param per `Notebooks/*.ipynb`, or one skipped param saying why there are none."""
    paths = sorted(notebooks.glob("*.ipynb"))
    if not paths:
        return [pytest.param(None, id="Notebooks", marks=pytest.mark.skip(
            reason=f"{notebooks} has no .ipynb yet: the FlowQL notebooks (01-tour … 06-your-own-data) "
                   "have not landed; the harness self-tests cover the mechanics"))]
    cases = []
    for path in paths:
        expect = table.for_notebook(path.stem)
        kernel = nbformat.read(path, as_version=4).metadata.get("kernelspec", {}).get("name", "")
        cases.append(pytest.param(NotebookCase(
            path.stem, "flowql", path.name, kernel or expect.kernel, tuple(expect.checks),
            lab=expect.lab, timeout=expect.timeout, expected_kernel=expect.kernel), id=path.stem))
    return cases


def require_kernel(request, kernel: str) -> None:
    """Fails the test (via the `flowql_kernel` fixture) when the flowql kernelspec is missing."""
    if kernel == "flowql":
        request.getfixturevalue("flowql_kernel")
