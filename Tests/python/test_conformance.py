"""jupyter_kernel_test 0.7.0 against the real FlowQL kernel: every sample filled in, nothing skipped."""
import unittest

import jupyter_kernel_test


class FlowQLKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "flowql"
    language_name = "flowql"
    file_extension = ".flowql"

    code_hello_world = 'print "hello, world"'
    code_stderr = 'warn "careful: this goes to stderr"'

    completion_samples = [
        {"text": "flows | whe", "matches": {"where"}},
        {"text": "flows | where yea", "matches": {"year"}},
    ]
    complete_code_samples = ["flows", "flows | take 3", "1 + 1", 'print "done"']
    incomplete_code_samples = ["flows |", "flows | where mass >", "(1 + 2", 'print "open']
    invalid_code_samples = ["flows | take 3 )", "1 + 2 ]"]

    code_page_something = "help where"
    code_generate_error = "flows | where yaer == 2020"
    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": "45015 / 3912", "result": "11.51"},
    ]
    code_display_data = [
        {"code": "flows | take 2\nflows | take 3", "mime": "text/html"},
    ]
    code_history_pattern = "1 + ?"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "where"
    code_clear_output = "clear"


class FlowQLIopubWelcome(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = "flowql"
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
