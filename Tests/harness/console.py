"""`jupyter console` in a pseudo-terminal (pexpect), read as text with the terminal codes removed.

The console is prompt_toolkit's full interface (the one people use; its `--simple-prompt` mode
reads one line at a time and never asks the kernel `is_complete`). On Enter it sends an
`is_complete_request`: `incomplete` inserts a new line with the `...:` continuation prompt,
`complete` runs the cell.
"""
from __future__ import annotations

import os
import re
import time

import pexpect

from .env import jupyter_command

# CSI / OSC / charset / keypad sequences and carriage returns.
_TERMINAL_CODES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")


def plain(raw: str) -> str:
    return _TERMINAL_CODES.sub("", raw)


class Console:
    def __init__(self, kernel: str, timeout: float = 60):
        environ = dict(os.environ, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", COLUMNS="120", LINES="40")
        self.child = pexpect.spawn(
            jupyter_command("console")[0],
            [*jupyter_command("console")[1:], "--kernel", kernel,
             # the debug build of a kernel may take more than the default 1 s to answer
             "--ZMQTerminalInteractiveShell.kernel_is_complete_timeout=15",
             "--no-confirm-exit",
             "--ZMQTerminalInteractiveShell.kernel_timeout=60"],
            env=environ, encoding="utf-8", codec_errors="replace", timeout=timeout, dimensions=(40, 120),
        )
        self.raw = ""
        self.text = ""
        self.pos = 0  # searches start here: after the last match

    def _read(self, wait: float) -> None:
        try:
            chunk = self.child.read_nonblocking(size=65536, timeout=wait)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise AssertionError(f"jupyter console exited; its screen so far:\n{self.text[-3000:]}") from None
        self.raw += chunk
        self.text = plain(self.raw)

    def expect(self, pattern: str, timeout: float = 60) -> re.Match:
        """Waits until `pattern` shows after the previous match; fails with the screen so far."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.text, self.pos)
            if match:
                self.pos = match.end()
                return match
            if time.monotonic() > deadline:
                raise AssertionError(f"jupyter console never showed /{pattern}/ within {timeout}s; "
                                     f"its screen after the last match:\n{self.text[self.pos:][-3000:]}")
            self._read(0.2)

    def type_line(self, line: str) -> None:
        """Types a line and presses Enter, as a person would."""
        self.child.send(line)
        time.sleep(0.1)
        self.child.send("\r")

    def settle(self, seconds: float = 1.0) -> str:
        """Reads for a while; returns what showed since the last match."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read(0.1)
        return self.text[self.pos:]

    def close(self) -> None:
        if self.child.isalive():
            self.child.sendcontrol("d")  # confirm_exit=False: leaves and shuts the kernel down
            try:
                self.child.expect(pexpect.EOF, timeout=20)
            except pexpect.TIMEOUT:
                pass
        self.child.close(force=True)
