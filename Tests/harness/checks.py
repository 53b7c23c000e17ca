"""Checks on an executed notebook's outputs: the vocabulary of the expectation tables.

Each check returns a list of problems (empty = passed); `assert_checks` runs a list of them and
fails with every problem at once, naming the notebook, the cell and the check.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import outputs


class Check:
    def problems(self, nb) -> list[str]:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class NoErrors(Check):
    """No `error` output (stderr warnings are allowed: FlowQL sends warnings as stderr streams)."""

    def problems(self, nb):
        return [f"error output: {e}" for e in outputs.errors(nb)]


@dataclass(frozen=True)
class ChartsWellFormed(Check):
    """Every chart (HTML <img> base64 SVG or image/svg+xml) is a well-formed, sized SVG document."""

    def problems(self, nb):
        found = []
        for chart in outputs.charts(nb):
            problem = outputs.svg_problem(chart.svg)
            if problem:
                found.append(f"{chart.where}: {problem}")
        return found


@dataclass(frozen=True)
class MinCharts(Check):
    """At least `n` outputs carry a chart (`image/svg+xml`, or HTML with a base64 SVG <img>)."""
    n: int

    def problems(self, nb):
        cells = {(c.cell, c.output) for c in outputs.charts(nb)}
        if len(cells) < self.n:
            return [f"expected at least {self.n} chart outputs, found {len(cells)}"]
        return []


@dataclass(frozen=True)
class MinHtmlCharts(Check):
    """At least `n` charts are HTML-wrapped (<img src="data:image/svg+xml;base64,…">): the form
    that shows in untrusted notebooks."""
    n: int

    def problems(self, nb):
        found = sum(1 for c in outputs.charts(nb) if c.via.startswith("text/html"))
        if found < self.n:
            return [f"expected at least {self.n} HTML-wrapped SVG <img> charts, found {found}"]
        return []


@dataclass(frozen=True)
class MinTables(Check):
    """At least `n` outputs carry an HTML `<table>`."""
    n: int

    def problems(self, nb):
        found = sum(1 for h in outputs.htmls(nb) if "<table" in h.lower())
        if found < self.n:
            return [f"expected at least {self.n} HTML tables, found {found}"]
        return []


@dataclass(frozen=True)
class TextContains(Check):
    """Some output's text/plain (or stream text) contains `text`."""
    text: str

    def problems(self, nb):
        if any(self.text in t for t in outputs.plain_texts(nb)):
            return []
        return [f"no output's text/plain or stream contains {self.text!r}"]


@dataclass(frozen=True)
class EveryCodeCellRan(Check):
    """Every non-empty code cell has an execution count (nothing was skipped)."""

    def problems(self, nb):
        return [f"cell {i} has no execution_count" for i, c in enumerate(nb.cells)
                if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]


DEFAULT_CHECKS: tuple[Check, ...] = (NoErrors(), EveryCodeCellRan(), ChartsWellFormed())


def assert_checks(nb, checks, name: str) -> None:
    """Fails listing every problem of every check."""
    problems = [f"{type(c).__name__}: {p}" for c in checks for p in c.problems(nb)]
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)
