"""`jupyter nbconvert --to html` of an executed notebook, and what its page must contain."""
from __future__ import annotations

import pathlib
import subprocess

from . import outputs
from .env import jupyter_command


def to_html(notebook: pathlib.Path, out_dir: pathlib.Path) -> pathlib.Path:
    """Runs the real CLI, as a person or a CI publishing step would."""
    out_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [*jupyter_command("nbconvert"), "--to", "html", "--output-dir", str(out_dir), str(notebook)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, f"nbconvert failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
    page = out_dir / (notebook.stem + ".html")
    assert page.exists(), f"nbconvert wrote no {page.name}: {proc.stderr[-2000:]}"
    return page


def html_problems(page_html: str, nb, min_images: int = 0) -> list[str]:
    """The page shows every chart as a base64 SVG <img> (nbconvert prefers text/html, and its
    lab/classic templates embed an SVG-only output as a base64 <img> too) and each one decodes."""
    images = outputs.html_svg_images(page_html)
    expected = max(outputs.expected_lab_images(nb, trusted=True), min_images)
    problems = []
    if len(images) < expected:
        problems.append(f"expected at least {expected} base64 SVG <img> in the HTML page, found {len(images)}")
    for i, svg in enumerate(images):
        problem = outputs.svg_problem(svg)
        if problem:
            problems.append(f"<img> #{i}: {problem}")
    return problems


def assert_html_has_charts(page: pathlib.Path, nb, name: str, min_images: int = 0) -> None:
    problems = html_problems(page.read_text(encoding="utf-8"), nb, min_images)
    assert not problems, f"{name} → {page.name}:\n  " + "\n  ".join(problems)
