"""Shared fixtures: the real `flowql` executable, installed as a kernelspec in a temp folder."""
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def flowql_binary() -> pathlib.Path:
    """The executable under test: $FLOWQL_BIN, else the debug build."""
    path = pathlib.Path(os.environ.get("FLOWQL_BIN", ROOT / ".build" / "debug" / "flowql"))
    if not path.exists():
        sys.exit(f"{path} does not exist: build it first (swift build)")
    return path


@pytest.fixture(scope="session", autouse=True)
def flowql_kernelspec(tmp_path_factory):
    """Installs the kernelspec with `flowql install --prefix` and points JUPYTER_PATH at it."""
    prefix = tmp_path_factory.mktemp("prefix")
    subprocess.run([str(flowql_binary()), "install", "--prefix", str(prefix)], check=True, capture_output=True)
    data = prefix / "share" / "jupyter"
    os.environ["JUPYTER_PATH"] = str(data)
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    yield data / "kernels" / "flowql"


def running_kernel():
    """Starts the FlowQL kernel and a ready client; yields (manager, client), then shuts down."""
    from jupyter_client import KernelManager

    km = KernelManager(kernel_name="flowql")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.fixture
def kernel():
    """A fresh FlowQL kernel for one test."""
    yield from running_kernel()


@pytest.fixture(scope="module")
def shared_kernel():
    """One FlowQL kernel for every test of a module."""
    yield from running_kernel()
