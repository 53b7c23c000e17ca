"""JupyterLab in headless Chromium (Playwright for Python, Debian's chromium).

`LabServer` starts `jupyter lab` on 127.0.0.1 with a known token, its own settings (no news, no
update check, every cell attached to the DOM) and a workspace per opened notebook; `open_notebook`
loads one notebook in a fresh page; `run_all` runs every cell from the Run menu and waits for the
kernel to go idle with every cell numbered; `inspect` reads back what the person sees: chart
<img> sizes, error outputs, prompts; `assert_*` turn that into test failures.
"""
from __future__ import annotations

import contextlib
import copy
import json
import os
import pathlib
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field

import nbformat

from .env import jupyter_command

CHROMIUM = os.environ.get("FLOWQL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                 "--font-render-hinting=none", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 1000}

# User settings for the Lab under test (written to its own user_settings_dir).
LAB_SETTINGS = {
    # No "Would you like to receive official Jupyter news?" toast, no update check.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # Attach every cell to the DOM so every output can be inspected and screenshotted.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # Nothing written behind the test's back: only an explicit save changes a file.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # No confirmation dialog when a kernel restarts.
    "@jupyterlab/apputils-extension/sessionDialogs": {"skipKernelRestartDialog": True},
}


LOCAL_URL = re.compile(r"^(file:|data:|blob:|about:|https?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/)")


def local_only(route, blocked: list) -> None:
    """Playwright route handler: lets requests to this machine through, aborts every other."""
    url = route.request.url
    if LOCAL_URL.match(url):
        route.continue_()
    else:
        blocked.append(url)
        route.abort("blockedbyclient")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """`jupyter lab` serving `root_dir`, stopped by `stop()` (the process group it started)."""

    def __init__(self, root_dir: pathlib.Path, work_dir: pathlib.Path):
        self.root_dir = root_dir
        self.work_dir = work_dir
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = work_dir / "jupyter-lab.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> "LabServer":
        settings = self.work_dir / "lab-settings"
        for plugin, values in LAB_SETTINGS.items():
            pkg, name = plugin.rsplit("/", 1)
            path = settings / pkg / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        workspaces = self.work_dir / "lab-workspaces"
        workspaces.mkdir(parents=True, exist_ok=True)
        args = [
            *jupyter_command("lab"), "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={workspaces}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--ServerApp.open_browser=False",
        ]
        if os.geteuid() == 0:
            args.append("--allow-root")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, stdout=self._log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"jupyter lab did not answer in {timeout}s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        # The server and the kernels it started share the new session/process group.
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self._log.close()

    def notebook_url(self, relpath: str, workspace: str) -> str:
        return f"{self.url}/lab/workspaces/{workspace}/tree/{relpath}?reset&token={self.token}"


# --- what the page shows -------------------------------------------------------------------------

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Runs in the page: a snapshot of the current notebook panel.
_INSPECT_JS = r"""
(panel) => {
  const root = document.querySelector(panel);
  if (!root) return null;
  const cells = [...root.querySelectorAll('.jp-Cell')];
  const code = cells.filter(c => c.classList.contains('jp-CodeCell'));
  const prompts = code.map(c => (c.querySelector('.jp-InputArea-prompt')?.textContent || '').trim());
  const imgs = [...root.querySelectorAll('.jp-OutputArea-output img')].map(img => {
    const r = img.getBoundingClientRect();
    const style = getComputedStyle(img);
    return {src: img.getAttribute('src')?.slice(0, 40) || '', complete: img.complete,
            naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
            width: r.width, height: r.height,
            visible: style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0,
            cell: cells.indexOf(img.closest('.jp-Cell'))};
  });
  const stderr = [...root.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .map(o => ({text: o.textContent.slice(0, 500), cell: cells.indexOf(o.closest('.jp-Cell'))}));
  const status = document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status')
              || document.querySelector('.jp-NotebookPanel-toolbar .jp-KernelStatus')?.textContent || '';
  const kernelName = root.querySelector('.jp-KernelName, .jp-Toolbar-kernelName')?.textContent?.trim() || '';
  const texts = [...root.querySelectorAll('.jp-OutputArea-output')].map(o => o.textContent.slice(0, 300));
  const outs = root.querySelectorAll('.jp-OutputArea-output');
  const trustedOutputs = root.querySelectorAll('.jp-OutputArea-output.jp-mod-trusted').length;
  return {codeCells: code.length, prompts, imgs, stderr, status, kernelName, texts,
          outputs: outs.length, trustedOutputs};
}
"""


@dataclass
class LabView:
    """What one notebook looks like in Lab after loading (and possibly running) it."""
    code_cells: int
    prompts: list[str]
    images: list[dict]
    stderr: list[dict]
    status: str
    kernel_name: str
    texts: list[str] = field(default_factory=list)
    outputs: int = 0
    trusted_outputs: int = 0  # outputs Lab rendered as trusted (class jp-mod-trusted)

    @property
    def error_outputs(self) -> list[dict]:
        """stderr-rendered outputs that are errors (a traceback / exception), not mere warnings.

        Lab renders both `error` outputs and stderr streams with the stderr MIME type; a FlowQL
        warning is a plain stderr line, an error carries its ename and traceback."""
        pattern = re.compile(r"Traceback|Error\b|Exception\b|error\[|^error:", re.M)
        return [s for s in self.stderr if pattern.search(s["text"])]


def inspect(page) -> LabView:
    data = page.evaluate(_INSPECT_JS, PANEL)
    assert data is not None, "no notebook panel on the page"
    return LabView(data["codeCells"], data["prompts"], data["imgs"], data["stderr"],
                   data["status"], data["kernelName"], data["texts"], data["outputs"],
                   data["trustedOutputs"])


def kernel_display_name(kernel: str) -> str:
    """What Lab's status bar calls a kernel: its kernelspec's display_name."""
    from jupyter_client.kernelspec import KernelSpecManager

    return KernelSpecManager().get_kernel_spec(kernel).display_name


def open_notebook(context, server: LabServer, relpath: str, workspace: str, timeout_ms: int = 90_000,
                  kernel: str | None = None):
    """A new page showing `relpath`, its kernel started and idle, every output rendered.

    With `kernel`, the page must be running that kernel: Lab silently picks another one with the
    same language when the notebook's kernel is missing, which would test the wrong kernel."""
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    with explained(page, f"opening {relpath}"):
        page.goto(server.notebook_url(relpath, workspace), wait_until="domcontentloaded")
        page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", state="attached")
        dismiss_dialogs(page)
        wait_kernel_idle(page, timeout_ms)
        dismiss_dialogs(page)
        hide_left_sidebar(page)
        wait_images_loaded(page, timeout_ms)
    if kernel is not None:
        want = kernel_display_name(kernel)
        items = page.evaluate("() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].map(e => e.textContent.trim())")
        assert f"{want} | Idle" in items, f"JupyterLab runs {relpath} with another kernel than {want!r}: {items}"
    return page


@contextlib.contextmanager
def explained(page, doing: str):
    """Turns a Playwright timeout into a failure that says what the page showed at the time."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        yield
    except PlaywrightError as e:
        try:
            shown = page.evaluate("""() => ({
              status: [...document.querySelectorAll('.jp-StatusBar-TextItem')].map(e => e.textContent.trim())
                        .filter(Boolean).join(' | '),
              dialog: document.querySelector('.jp-Dialog')?.innerText || '',
              prompts: [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent.trim()),
            })""")
        except PlaywrightError:
            shown = "(page not readable)"
        raise AssertionError(f"JupyterLab: {doing} failed: {str(e).splitlines()[0]}\n  page showed: {shown}") from e


def dismiss_dialogs(page) -> None:
    """Closes any modal (kernel choice, build prompt, …) by its default button, else Escape."""
    for _ in range(3):
        dialog = page.locator(".jp-Dialog")
        if dialog.count() == 0:
            return
        text = dialog.first.inner_text()
        if "Select Kernel" in text or "kernel" in text.lower() and "not found" in text.lower():
            raise AssertionError(f"JupyterLab asks which kernel to use (the notebook's is not installed?): {text!r}")
        accept = dialog.locator(".jp-Dialog-footer .jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")
        page.wait_for_timeout(300)


_KERNEL_IDLE_JS = r"""() => {
  // Status bar: "<kernel display name> | Idle" once a real kernel is connected and idle.
  const items = [...document.querySelectorAll('.jp-StatusBar-TextItem')].map(e => e.textContent.trim());
  const connected = items.some(t => / \| Idle$/.test(t) && !/^No Kernel/.test(t));
  const s = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return connected && s && s.getAttribute('data-status') === 'idle';
}"""


def wait_kernel_idle(page, timeout_ms: int) -> None:
    """The notebook's kernel is started, connected and idle (three times in a row, 300 ms apart).

    A dialog that shows meanwhile (e.g. Lab asking which kernel to use) ends the wait at once and
    is handled by `dismiss_dialogs`, which fails on a kernel choice."""
    deadline = time.monotonic() + timeout_ms / 1000
    streak = 0
    while streak < 3:
        left = max(1, int((deadline - time.monotonic()) * 1000))
        page.wait_for_function(f"() => !!document.querySelector('.jp-Dialog') || ({_KERNEL_IDLE_JS})()",
                               timeout=left, polling=200)
        if page.locator(".jp-Dialog").count():
            dismiss_dialogs(page)
            streak = 0
            continue
        streak += 1
        page.wait_for_timeout(300)


def hide_left_sidebar(page) -> None:
    """More room for outputs in screenshots (View ▸ Show Left Sidebar, Ctrl+B)."""
    if page.locator("#jp-left-stack").is_visible():
        page.keyboard.press("Control+b")
        page.wait_for_timeout(300)


def wait_images_loaded(page, timeout_ms: int) -> None:
    page.wait_for_function(
        f"""() => [...document.querySelectorAll('{PANEL} .jp-OutputArea-output img')].every(i => i.complete)""",
        timeout=timeout_ms,
    )


def run_all(page, timeout_ms: int = 180_000) -> None:
    """Run ▸ Run All Cells, then wait until the kernel is idle and no cell is queued or running.

    Done when every code cell shows a number, or (after an error stops the run) when nothing is
    pending any more and the kernel stays idle."""
    with explained(page, "Run All"):
        _run_all(page, timeout_ms)


def _run_all(page, timeout_ms: int) -> None:
    # Saved outputs would look "done" at once: clear them (and the counts) first.
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        f"""() => [...document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputArea-prompt')]
                   .every(p => !/\\d/.test(p.textContent)) &&
                 !document.querySelector('{PANEL} .jp-OutputArea-output')""",
        timeout=30_000,
    )
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        f"""() => {{
          const root = document.querySelector('{PANEL}');
          const prompts = [...root.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
            .map(p => p.textContent.trim());
          const s = document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status');
          const pending = prompts.some(p => p.includes('*'));
          const allNumbered = prompts.every(p => /\\[\\d+\\]/.test(p));
          const errored = root.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
          return s === 'idle' && !pending && (allNumbered || errored);
        }}""",
        timeout=timeout_ms,
        polling=250,
    )
    page.wait_for_timeout(500)  # a last display_data may still be on its way to the DOM
    wait_kernel_idle(page, timeout_ms)
    wait_images_loaded(page, timeout_ms)


def menu(page, top: str, item: str) -> None:
    """Clicks a main-menu entry, e.g. menu(page, "Run", "Run All Cells")."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(top)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def save(page) -> None:
    """File ▸ Save (Ctrl+S), so the server's copy holds what the browser ran."""
    page.locator(f"{PANEL} .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    page.wait_for_function(
        f"""() => !document.querySelector('{PANEL}')?.classList.contains('jp-mod-dirty') &&
                  !document.querySelector('.lm-DockPanel-tabBar .lm-mod-current.jp-mod-dirty')""",
        timeout=30_000,
    )


def screenshots(page, directory: pathlib.Path, stem: str, max_outputs: int = 8) -> list[pathlib.Path]:
    """The page as a person sees it, then each chart output and each stderr output scrolled into view."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / f"{stem}.png"]
    page.screenshot(path=str(paths[0]))
    outputs = page.locator(f"{PANEL} .jp-OutputArea-output:has(img)")
    for i in range(min(outputs.count(), max_outputs)):
        path = directory / f"{stem}-chart{i + 1}.png"
        outputs.nth(i).screenshot(path=str(path))
        paths.append(path)
    # stderr outputs (warnings and errors with their traceback), so a failure can be seen too
    stderr = page.locator(f'{PANEL} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    for i in range(min(stderr.count(), 3)):
        path = directory / f"{stem}-stderr{i + 1}.png"
        stderr.nth(i).screenshot(path=str(path))
        paths.append(path)
    return paths


# --- assertions ----------------------------------------------------------------------------------

def image_problems(view: LabView, expected_images: int) -> list[str]:
    problems = []
    if len(view.images) < expected_images:
        problems.append(f"expected at least {expected_images} chart <img> in the outputs, found {len(view.images)}")
    for i, img in enumerate(view.images):
        if not (img["complete"] and img["naturalWidth"] > 0 and img["naturalHeight"] > 0):
            problems.append(f"<img> #{i} (cell {img['cell']}, {img['src']}…) did not load: natural size "
                            f"{img['naturalWidth']}×{img['naturalHeight']}")
        elif not img["visible"]:
            problems.append(f"<img> #{i} (cell {img['cell']}) is not visible ({img['width']}×{img['height']} on the page)")
    return problems


def assert_ran_clean(view: LabView, expected_images: int, name: str) -> None:
    """After Run All: every cell numbered, no error shown, every chart image loaded and visible."""
    problems = [f"error shown in cell {e['cell']}: {e['text'][:200]!r}" for e in view.error_outputs]
    not_run = [i for i, p in enumerate(view.prompts) if not re.search(r"\[\d+\]", p)]
    if not_run:
        problems.append(f"code cells without an execution number (not run): {not_run} prompts={view.prompts}")
    if view.status != "idle":
        problems.append(f"kernel status is {view.status!r}, not idle")
    problems += image_problems(view, expected_images)
    assert not problems, f"{name} in JupyterLab:\n  " + "\n  ".join(problems)


def assert_shows_saved_charts(view: LabView, expected_images: int, name: str) -> None:
    """An untrusted notebook with saved outputs: every HTML-wrapped chart image still shows."""
    problems = [f"error shown in cell {e['cell']}: {e['text'][:200]!r}" for e in view.error_outputs]
    if view.trusted_outputs:
        problems.append(f"{view.trusted_outputs} of {view.outputs} outputs rendered as trusted: "
                        "the notebook was not opened untrusted, so this proves nothing")
    problems += image_problems(view, expected_images)
    assert not problems, f"{name} opened untrusted in JupyterLab:\n  " + "\n  ".join(problems)


def write_untrusted_copy(nb, path: pathlib.Path) -> pathlib.Path:
    """An executed notebook as someone would receive it: outputs saved, never signed here.

    A marker in its metadata keeps its content (and so its signature) different from the same
    notebook saved by this Lab after a Run All, which the server signs: byte-identical outputs
    would otherwise make the copy trusted."""
    nb = copy.deepcopy(nb)
    nb.metadata["flowql_harness"] = {"copy": "saved outputs, opened untrusted"}
    for cell in nb.cells:
        cell.metadata.pop("trusted", None)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path
