"""The module boundaries the README's layout table promises, read from the package itself."""
import json
import re
import subprocess

import pytest

from harness.env import ROOT


@pytest.fixture(scope="module")
def targets():
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True, capture_output=True, text=True)
    out = {}
    for target in json.loads(dump.stdout)["targets"]:
        names = set()
        for dep in target["dependencies"]:
            kind, value = next(iter(dep.items()))
            names.add(value[0])
        out[target["name"]] = names
    return out


IMPORT = re.compile(r"^\s*(?:public |package |internal |private |@testable )?import (\w+)\s*$", re.M)


def sources(module):
    return sorted((ROOT / "Sources" / module).rglob("*.swift"))


def test_the_language_builds_without_the_mfa_verbs_and_without_jupyter(targets):
    assert targets["FlowQL"] == {"FlowModel", "FlowSQL"}
    assert targets["FlowSQL"] == set(), "the SQL generator knows no FlowQL"
    assert targets["FlowMFA"] == {"FlowQL", "FlowModel"}
    for path in sources("FlowQL"):
        assert "import FlowMFA" not in path.read_text(), path


def test_the_jupyter_kernel_knows_no_flowql(targets):
    assert targets["JupyterKernel"] & {"FlowModel", "FlowQL", "FlowMFA", "Charts", "FlowKernel"} == set()
    for path in sources("JupyterKernel"):
        assert "flowql" not in path.read_text().lower(), f"{path} names FlowQL"


def test_the_engine_shared_by_the_cli_and_the_kernel_knows_no_jupyter():
    text = (ROOT / "Sources" / "FlowKernel" / "FlowEngine.swift").read_text()
    assert "import JupyterKernel" not in text
    assert "DisplayBundle" not in text and "ExecutionError" not in text


def test_every_module_a_target_imports_is_declared(targets):
    system = {"Foundation", "FoundationEssentials", "FoundationXML", "Musl", "Dispatch", "Synchronization", "Glibc", "Darwin", "Testing",
              "Crypto", "ArgumentParser", "CZeroMQ"}
    paths = {"FlowQLTool": ROOT / "Sources" / "flowql"}
    for name, deps in targets.items():
        folder = paths.get(name) or next((p for p in [ROOT / "Sources" / name, ROOT / "Tests" / name] if p.exists()), None)
        if folder is None:
            continue
        imported = set()
        for path in folder.rglob("*.swift"):
            imported |= set(IMPORT.findall(path.read_text())) - system
        assert imported <= deps | {name}, f"{name} imports {sorted(imported - deps)} without declaring them"


def test_the_readme_layout_table_names_every_module(targets):
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Layout"):readme.index("## How the kernel works")]
    named = set(re.findall(r"`([\w-]+)`", table))
    missing = {name for name in targets if not name.endswith("Tests")} - named
    assert not missing, f"the README's layout table leaves out {sorted(missing)}"
