"""Starting a kernel from its kernelspec, as a notebook server does: one way for the protocol
tests, the soak and the benchmarks."""
from __future__ import annotations

import contextlib

from jupyter_client import KernelManager


@contextlib.contextmanager
def started_kernel(name: str = "flowql", timeout: float = 30):
    """Starts kernel `name` with a ready client; yields (manager, client), then shuts it down."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=timeout)
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
