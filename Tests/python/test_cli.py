"""`flowql run`: the kernel's evaluator from the shell, checked against reviewed expected text."""
import json
import pathlib
import subprocess

import pytest

from harness.env import flowql_binary

EXPECTED = pathlib.Path(__file__).parent / "cli_expected"


def run(*args):
    return subprocess.run([str(flowql_binary()), "run", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXPECTED.glob("*.flowql")))
def test_example_queries_print_the_expected_text(name):
    result = run(str(EXPECTED / f"{name}.flowql"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (EXPECTED / f"{name}.txt").read_text()


def test_errors_are_annotated_on_stderr_with_a_nonzero_exit():
    result = run("-e", "flows | where yaer == 2020")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error[E201]: unknown column `yaer`\n"
        " --> 1:15\n"
        "  |\n"
        "1 | flows | where yaer == 2020\n"
        "  |               ^^^^ not a column of this table\n"
        "  |\n"
        "  = help: did you mean `year`?\n"
        "  = note: columns here: year, source, target, material, mass, cost, value, good, provenance, rule\n"
    )


def test_json_format_lists_every_output():
    result = run("-e", 'print "hi"\n1 + 1\nflows | take 2', "--format", "json")
    assert result.returncode == 0
    items = json.loads(result.stdout)
    assert [i["type"] for i in items] == ["stdout", "display", "display"]
    assert items[1]["data"]["text/plain"] == "2"
    assert "<table" in items[2]["data"]["text/html"]


def test_html_format_escapes_and_renders_tables():
    result = run("-e", 'print "<b>"\nflows | take 1', "--format", "html")
    assert "<pre>&lt;b&gt;\n</pre>" in result.stdout
    assert "<table" in result.stdout


def test_svg_format_writes_the_chart(tmp_path):
    out = tmp_path / "chart.svg"
    result = run("-e", "flows | summarize total = sum(mass) by year | chart line", "--format", "svg", "--output", str(out))
    assert result.returncode == 0, result.stderr
    svg = out.read_text()
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    check = subprocess.run(["xmllint", "--noout", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_svg_format_without_a_chart_says_how_to_get_one():
    result = run("-e", "flows | take 1", "--format", "svg")
    assert result.returncode != 0
    assert "chart" in result.stderr


def test_same_query_same_bytes():
    first = run("-e", "flows | summarize total = sum(mass) by year | chart line", "--format", "json").stdout
    second = run("-e", "flows | summarize total = sum(mass) by year | chart line", "--format", "json").stdout
    assert first == second


def test_text_output_keeps_statement_order_and_ends_every_table_with_a_newline(tmp_path):
    # A made-up model whose B keeps 5 t: `load` warns about it, then the next table follows.
    (tmp_path / "f.csv").write_text("year,source,target,material,mass\n2020,A,B,x,10\n2020,B,C,x,5\n")
    result = subprocess.run(
        [str(flowql_binary()), "run", "-e", 'load "f.csv" as m\nflows | in m | select source, target, mass'],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    out = result.stdout
    loaded, warning, table = out.index("loaded m"), out.index("warning[W402]"), out.index("flows · m")
    assert loaded < warning < table, out
    assert out[warning - 1] == "\n" and out.endswith("5\n"), out
