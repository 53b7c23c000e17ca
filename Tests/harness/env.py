"""An isolated Jupyter environment: kernelspecs in a temp prefix, config/data/runtime dirs in temp.

Every client the harness starts (nbclient's kernels, `jupyter lab`, `jupyter nbconvert`,
`jupyter console`) inherits `os.environ`, so one call to `isolate()` per test session makes them
all see the same kernels and nothing from the user's home (settings, trust database, history).
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
VENV_BIN = pathlib.Path(sys.executable).parent
# The FlowQL notebooks under test ($FLOWQL_NOTEBOOKS points the harness at another folder).
NOTEBOOKS = pathlib.Path(os.environ.get("FLOWQL_NOTEBOOKS", ROOT / "Notebooks"))


def jupyter_command(name: str) -> list[str]:
    """`jupyter-NAME` from the running interpreter's environment (the venv), not from PATH."""
    exe = VENV_BIN / f"jupyter-{name}"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", {"nbconvert": "nbconvert", "console": "jupyter_console",
                                   "lab": "jupyterlab"}[name]]


def flowql_binary() -> pathlib.Path:
    """The executable under test: $FLOWQL_BIN (relative to the repository), else the debug build.

    Always absolute, so tests that run it from another folder (a temporary one) find it too."""
    return (ROOT / os.environ.get("FLOWQL_BIN", ".build/debug/flowql")).resolve()


def isolate(base: pathlib.Path) -> pathlib.Path:
    """Points every Jupyter directory into `base`; returns the data dir that holds `kernels/`."""
    data = base / "prefix" / "share" / "jupyter"
    (data / "kernels").mkdir(parents=True, exist_ok=True)
    dirs = {
        "JUPYTER_PATH": data,
        "JUPYTER_CONFIG_DIR": base / "config",
        "JUPYTER_DATA_DIR": base / "data",
        "JUPYTER_RUNTIME_DIR": base / "runtime",
        "IPYTHONDIR": base / "ipython",
    }
    for key, path in dirs.items():
        pathlib.Path(path).mkdir(parents=True, exist_ok=True)
        os.environ[key] = str(path)
    os.environ["JUPYTER_PLATFORM_DIRS"] = "1"
    # Kernels must not pick up the harness's own pytest/plugin state.
    os.environ.pop("PYTEST_CURRENT_TEST", None)
    return data


def install_python3_kernelspec(base: pathlib.Path) -> pathlib.Path:
    """ipykernel's `python3` spec for the harness's self-test notebooks (runs this venv's Python)."""
    prefix = base / "prefix"
    subprocess.run([sys.executable, "-m", "ipykernel", "install", "--prefix", str(prefix)],
                   check=True, capture_output=True)
    spec = prefix / "share" / "jupyter" / "kernels" / "python3"
    argv = json.loads((spec / "kernel.json").read_text())["argv"]
    assert pathlib.Path(argv[0]).resolve() == pathlib.Path(sys.executable).resolve(), argv
    return spec


def install_flowql_kernelspec(base: pathlib.Path) -> pathlib.Path:
    """`flowql install --prefix`, exactly as a user installs it."""
    binary = flowql_binary()
    if not binary.exists():
        raise FileNotFoundError(f"{binary} does not exist: build it first (swift build)")
    prefix = base / "prefix"
    subprocess.run([str(binary), "install", "--prefix", str(prefix)], check=True, capture_output=True)
    return prefix / "share" / "jupyter" / "kernels" / "flowql"


def install_pipe_standin_kernelspec(base: pathlib.Path) -> pathlib.Path:
    """`flowql-pipe-standin`: harness/standin_kernel.py, answering is_complete as FlowQL will."""
    spec = base / "prefix" / "share" / "jupyter" / "kernels" / "flowql-pipe-standin"
    spec.mkdir(parents=True, exist_ok=True)
    script = pathlib.Path(__file__).with_name("standin_kernel.py")
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(script), "-f", "{connection_file}"],
        "display_name": "FlowQL is_complete stand-in", "language": "flowql"}))
    return spec
