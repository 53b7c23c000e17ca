"""Interrupting an expensive query: the kernel is idle again promptly and keeps its state."""
import time

import pytest

# 33.5 million rows (about 1 GB): seconds of work, under the join size limit (E323).
EXPENSIVE = "let before = flows | take 1\nlet m = flows | select material\nm | join m on material | join m on material | summarize n = count()"


def wait_idle(kc, msg_id, timeout=30):
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen, time.perf_counter()


@pytest.mark.parametrize("how", ["interrupt_request", "SIGINT"])
def test_expensive_query_is_interrupted_quickly_and_state_survives(kernel, how):
    km, kc = kernel
    kc.execute_interactive("let keep = flows | where year == 2022", timeout=30)
    msg_id = kc.execute(EXPENSIVE)
    time.sleep(0.5)
    sent = time.perf_counter()
    if how == "SIGINT":
        km.signal_kernel(2)
    else:
        km.interrupt_kernel()
    messages, idle_at = wait_idle(kc, msg_id)
    latency = idle_at - sent
    print(f"\n{how}: idle {latency * 1000:.1f} ms after the interrupt")
    errors = [m for m in messages if m["msg_type"] == "error"]
    assert len(errors) == 1 and errors[0]["content"]["ename"] == "E900"
    assert latency < 0.1
    # The next cell waits for the stopped one and sees its bindings: the earlier cell's `keep`
    # and `before`, made in the interrupted cell ahead of the expensive statement.
    outputs = []
    reply = kc.execute_interactive(
        "keep | summarize n = count()\nbefore | summarize n = count()", timeout=30, output_hook=outputs.append)
    assert reply["content"]["status"] == "ok"
    texts = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
    # 60 flows in 2022: heavy rare earths have no polishing, catalyst or NiMH flows since the audit.
    assert texts[0].split()[-1] == "60" and texts[1].split()[-1] == "1"


def test_a_join_too_large_for_memory_is_refused_before_it_starts(kernel):
    km, kc = kernel
    outputs = []
    reply = kc.execute_interactive(
        "flows | join flows on material | join flows on material", timeout=30, output_hook=outputs.append)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "E323"
    # 256 LREE and 208 HREE flows: 256³ + 208³ rows.
    assert f"{256**3 + 208**3:,} rows" in reply["content"]["evalue"]
    assert km.is_alive()
