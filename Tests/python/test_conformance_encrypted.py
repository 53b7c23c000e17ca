"""The whole jupyter_kernel_test suite again, over CurveZMQ (transport_encryption="required")."""
import json

import jupyter_kernel_test
from jupyter_client import KernelManager

import test_conformance


def start_encrypted(kernel_name):
    km = KernelManager(kernel_name=kernel_name, transport_encryption="required")
    km.start_kernel()
    with open(km.connection_file) as f:
        info = json.load(f)
    assert info.get("curve_publickey") and info.get("curve_secretkey"), "the kernel was started without CURVE keys"
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


class FlowQLEncryptedKernelTests(test_conformance.FlowQLKernelTests):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_encrypted(cls.kernel_name)


class FlowQLEncryptedIopubWelcome(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = "flowql"
    support_iopub_welcome = True

    @classmethod
    def setUpClass(cls):
        cls.km = KernelManager(kernel_name=cls.kernel_name, transport_encryption="required")
        cls.km.start_kernel()
        cls.kc = cls.km.client()
