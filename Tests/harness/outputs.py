"""Reading a notebook's saved outputs: charts, text, errors.

A chart is what FlowQL sends: `text/html` =
`<figure><img … src="data:image/svg+xml;base64,…"><figcaption>…</figcaption></figure>` +
`image/svg+xml` + `text/plain`. Either representation counts as a chart output.
"""
from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
# Any <img> whose src is a base64 SVG data URL, in HTML or in nbconvert's page.
SVG_IMG = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']data:image/svg\+xml;base64,([^"']*)["']""", re.I | re.S)


def text_of(value) -> str:
    """nbformat stores text either as a string or as a list of lines."""
    return "".join(value) if isinstance(value, list) else (value or "")


@dataclass(frozen=True)
class Chart:
    cell: int          # index of the cell in the notebook
    output: int        # index of the output in the cell
    via: str           # "text/html <img>" or "image/svg+xml"
    svg: bytes | None  # the decoded SVG, or None when the base64 did not decode

    @property
    def where(self) -> str:
        return f"cell {self.cell} output {self.output} ({self.via})"


def code_outputs(nb):
    """(cell index, output index, output) for every output of every code cell."""
    for ci, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for oi, out in enumerate(cell.get("outputs", [])):
            yield ci, oi, out


def html_svg_images(html: str) -> list[bytes | None]:
    """The decoded SVG of every base64 SVG <img> in an HTML string (None if it does not decode)."""
    found = []
    for b64 in SVG_IMG.findall(html):
        try:
            found.append(base64.b64decode(re.sub(r"\s+", "", b64), validate=True))
        except (binascii.Error, ValueError):
            found.append(None)
    return found


def charts(nb) -> list[Chart]:
    """Every chart representation in the notebook's outputs."""
    found = []
    for ci, oi, out in code_outputs(nb):
        data = out.get("data", {})
        if "text/html" in data:
            for svg in html_svg_images(text_of(data["text/html"])):
                found.append(Chart(ci, oi, "text/html <img>", svg))
        if "image/svg+xml" in data:
            found.append(Chart(ci, oi, "image/svg+xml", text_of(data["image/svg+xml"]).encode()))
    return found


def expected_lab_images(nb, trusted: bool) -> int:
    """How many chart <img> JupyterLab shows for these outputs.

    Lab picks the lowest-ranked renderer: `text/html` (50) beats `image/svg+xml` (80), so an
    output with HTML shows its HTML's images; an SVG-only output shows one <img> when the
    notebook is trusted and its text/plain when it is not. A bundle with Vega-Lite and no HTML
    (FlowQL's `interactive = true`) is drawn by Lab's Vega renderer (rank 57), not as an <img>.
    """
    count = 0
    for _, _, out in code_outputs(nb):
        data = out.get("data", {})
        vega = any(k.startswith(("application/vnd.vegalite.", "application/vnd.vega.")) for k in data)
        if "text/html" in data:
            count += len(html_svg_images(text_of(data["text/html"])))
        elif "image/svg+xml" in data and trusted and not vega:
            count += 1
    return count


def svg_problem(svg: bytes | None) -> str | None:
    """Why this is not a drawable SVG document, or None when it is one."""
    if svg is None:
        return "base64 does not decode"
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as e:
        return f"not well-formed XML: {e}"
    if root.tag != f"{{{SVG_NS}}}svg":
        return f"root element is {root.tag!r}, not an <svg> in the SVG namespace (xmlns missing?)"
    has_size = root.get("width") and root.get("height")
    if not (has_size or root.get("viewBox")):
        return "root <svg> has neither width/height nor viewBox"
    return None


def errors(nb) -> list[str]:
    """A line for every `error` output: where, ename, evalue."""
    return [f"cell {ci} output {oi}: {out.get('ename')}: {out.get('evalue')}"
            for ci, oi, out in code_outputs(nb) if out.get("output_type") == "error"]


def plain_texts(nb) -> list[str]:
    """Every output's text/plain and every stream's text."""
    texts = []
    for _, _, out in code_outputs(nb):
        if out.get("output_type") == "stream":
            texts.append(text_of(out.get("text")))
        elif "text/plain" in out.get("data", {}):
            texts.append(text_of(out["data"]["text/plain"]))
    return texts


def htmls(nb) -> list[str]:
    return [text_of(out["data"]["text/html"]) for _, _, out in code_outputs(nb)
            if "text/html" in out.get("data", {})]
