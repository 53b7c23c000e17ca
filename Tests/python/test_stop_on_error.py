"""Run All stops at the first error, however late the rest of the batch arrives (issue 18).

A real kernel and a real jupyter_client: a batch whose later cells are created after the kernel
has already answered the failed one (as JupyterLab does under load) is aborted to its end, while a
client that sends its next cell after seeing the error is served.
"""
import time

from harness.kernel import started_kernel

import pytest

CHAIN_GAP = 0.5  # AbortWindow.chainGap


@pytest.fixture
def kernel():
    with started_kernel("flowql") as (km, kc):
        yield km, kc


def replies(kc, ids, timeout=30):
    """The shell replies to `ids`, by id."""
    got = {}
    deadline = time.monotonic() + timeout
    while set(ids) - set(got) and time.monotonic() < deadline:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        got[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
    return [got.get(i) for i in ids]


def test_a_slowly_created_batch_is_aborted_to_its_end(kernel):
    _, kc = kernel
    ids = [kc.execute('print "one"'), kc.execute("flows | where yaer == 2020"), kc.execute('print "three"')]
    # The rest of the batch, created one by one after the failure has been answered.
    time.sleep(0.2)
    for i in range(5):
        ids.append(kc.execute(f'print "late {i}"'))
        time.sleep(0.1)
    statuses = replies(kc, ids)
    assert statuses == ["ok", "error"] + ["aborted"] * 6, statuses
    # A new run, later than the batch could have been created, is served.
    time.sleep(CHAIN_GAP + 0.5)
    assert replies(kc, [kc.execute('print "again"')]) == ["ok"]


def test_a_cell_sent_after_the_error_is_served(kernel):
    _, kc = kernel
    for _ in range(3):
        assert replies(kc, [kc.execute("flows | where yaer == 2020")]) == ["error"]
        # At once, as a script that waits for each reply does.
        assert replies(kc, [kc.execute('print "next"')]) == ["ok"]


def test_without_stop_on_error_nothing_is_aborted(kernel):
    _, kc = kernel
    ids = [kc.execute("flows | where yaer == 2020", stop_on_error=False), kc.execute('print "two"')]
    assert replies(kc, ids) == ["error", "ok"]
