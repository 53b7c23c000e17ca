"""FlowQL's real-client test harness: nbclient, JupyterLab in headless Chromium, nbconvert and
jupyter console, each driven against a notebook or a kernel named by the caller.

Nothing in here knows FlowQL: a `NotebookCase` names a notebook, its kernel and the checks its
outputs must pass, so the same tests run on the harness's own python3 self-test notebooks and on
the FlowQL notebooks in `Notebooks/`.
"""
