"""`jupyter console` (prompt_toolkit, in a pty via pexpect) continues incomplete input by asking
the kernel `is_complete`, then runs the whole cell."""
from __future__ import annotations

import re

import pytest
from jupyter_client import KernelManager

from harness.console import Console

NO_ANSWER = "did not respond"  # jupyter console's warning when is_complete times out


@pytest.fixture
def console(request):
    consoles = []

    def start(kernel: str) -> Console:
        c = Console(kernel)
        consoles.append(c)
        c.expect(r"In \[1\]: ")
        return c

    yield start
    for c in consoles:
        c.close()


def is_complete_status(kernel: str, code: str) -> str:
    """What the kernel answers to is_complete_request(code)."""
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        msg_id = kc.is_complete(code)
        while True:
            reply = kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]["status"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="session")
def flowql_continues_pipes(flowql_kernel):
    """Capability probe: does the FlowQL kernel call a trailing `|` incomplete yet?"""
    return is_complete_status(flowql_kernel, "flows |")


def test_python3_console_continues_an_open_block_then_runs_it(console):
    c = console("python3")
    c.type_line("for i in range(2):")
    c.expect(r"\n\s*\.\.\.: ")                 # is_complete → incomplete: continuation prompt
    c.type_line("print(f'row-{i}')")          # (the kernel's indent "    " is already typed)
    c.expect(r"\.\.\.: +print\(f'row-\{i\}'\)")
    c.expect(r"\n\s*\.\.\.: ")                 # still inside the block
    assert "row-0" not in c.text, "the cell ran before it was complete"
    c.type_line("")                            # blank line: complete → runs the whole cell
    c.expect(r"row-0\s*\n\s*row-1")
    c.expect(r"In \[2\]: ")
    assert NO_ANSWER not in c.text


def test_python3_console_runs_a_complete_line_at_once(console):
    c = console("python3")
    c.type_line("6 * 7")
    out = c.expect(r"Out\[1\]: (\d+)[ \t]*\n")  # the whole line, not a first chunk of it
    assert out.group(1) == "42"
    assert "...:" not in c.text[: out.start()].split("6 * 7", 1)[-1]
    c.expect(r"In \[2\]: ")


def test_flowql_console_answers_a_line(console, flowql_kernel):
    """The real Swift kernel behind jupyter console: a complete line runs and the prompt returns."""
    c = console(flowql_kernel)
    c.type_line("flows | take 3")
    c.expect(r"Out\[1\]: ")
    c.expect(r"In \[2\]: ")
    assert NO_ANSWER not in c.text
    assert not re.search(r"\.\.\.: ", c.text), "a complete line must not be continued"


@pytest.mark.parametrize("kernel", ["flowql", "flowql-pipe-standin"])
def test_flowql_console_continues_a_trailing_pipe(console, kernel, request):
    """`flows |` is continued, `take 3` completes it and the whole pipeline runs as one cell.

    Runs against the stand-in kernel (harness/standin_kernel.py) always, so the test itself is
    proven, and against the real `flowql` kernel once it answers `incomplete` for a trailing `|`."""
    if kernel == "flowql":
        status = request.getfixturevalue("flowql_continues_pipes")
        if status != "incomplete":
            pytest.skip(f"the flowql kernel answers is_complete('flows |') with {status!r}, not "
                        "'incomplete': FlowQL's is_complete is not in the kernel yet")
    c = console(kernel)
    c.type_line("flows |")
    c.expect(r"\n\s*\.\.\.: ")
    c.settle(0.5)
    assert "Out[1]" not in c.text, "the cell ran before it was complete"
    c.type_line("take 3")
    out = c.expect(r"Out\[1\]: ([^\n]*)\n")  # the whole line, not a first chunk of it
    if kernel == "flowql-pipe-standin":
        assert out.group(1).strip() == "ran: flows | take 3"
    c.expect(r"In \[2\]: ")
    assert NO_ANSWER not in c.text


def test_continuation_check_fails_when_the_kernel_calls_the_input_complete(console):
    """The stand-in answers `complete` for a line without a trailing pipe: the console runs it at
    once and the continuation expectation fails, as it must."""
    c = console("flowql-pipe-standin")
    c.type_line("flows")
    with pytest.raises(AssertionError, match="never showed"):
        c.expect(r"\n\s*\.\.\.: ", timeout=3)
    assert "Out[1]: ran: flows" in c.text
