"""jupyter_kernel_test's protocol checks against the real kernel."""
import unittest

import jupyter_kernel_test


class FlowQLIopubWelcome(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = "flowql"
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
