"""Shared fixtures: the real `flowql` executable, installed as a kernelspec in a temp folder
(through the one harness package, `Tests/harness`)."""
import pytest

from harness import env
from harness.kernel import started_kernel


@pytest.fixture(scope="session", autouse=True)
def flowql_kernelspec(tmp_path_factory):
    """Installs the kernelspec with `flowql install --prefix` in an isolated Jupyter environment."""
    base = tmp_path_factory.mktemp("jupyter")
    env.isolate(base)
    yield env.install_flowql_kernelspec(base)


def running_kernel():
    """Starts the FlowQL kernel and a ready client; yields (manager, client), then shuts down."""
    with started_kernel("flowql") as (km, kc):
        yield km, kc


@pytest.fixture
def kernel():
    """A fresh FlowQL kernel for one test."""
    yield from running_kernel()


@pytest.fixture(scope="module")
def shared_kernel():
    """One FlowQL kernel for every test of a module."""
    yield from running_kernel()
