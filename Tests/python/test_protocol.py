"""The kernel foundation against a real jupyter_client over TCP (issue 2)."""
import os
import queue
import signal
import time

import pytest
from jupyter_client import KernelManager
from jupyter_client.session import Session


@pytest.fixture
def kernel():
    km = KernelManager(kernel_name="flowql")
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    km.startup_seconds = time.perf_counter() - started
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=True)


def reply_to(kc, msg_id, timeout=5):
    """The shell reply whose parent is msg_id (skipping stray replies)."""
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_for(kc, msg_id, timeout=5):
    """Every iopub message with parent msg_id, up to and including its idle status."""
    deadline = time.monotonic() + timeout
    seen = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen


def test_kernel_info_reply_is_complete(kernel):
    km, kc = kernel
    msg_id = kc.kernel_info()
    content = reply_to(kc, msg_id)["content"]
    assert content["status"] == "ok"
    assert content["protocol_version"] == "5.4"
    assert content["implementation"] == "flowql"
    info = content["language_info"]
    assert info["name"] == "flowql"
    assert info["file_extension"] == ".flowql"
    assert info["mimetype"] == "text/x-flowql"
    statuses = [m["content"].get("execution_state") for m in iopub_for(kc, msg_id)]
    assert statuses[0] == "busy" and statuses[-1] == "idle"
    print(f"\nstart-up to first kernel_info_reply: {km.startup_seconds * 1000:.1f} ms")


def test_kernel_info_on_control_channel(kernel):
    _, kc = kernel
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=5)
    assert reply["msg_type"] == "kernel_info_reply"
    assert reply["content"]["status"] == "ok"
    assert reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]


def test_header_dates_have_utc_and_microseconds(kernel):
    _, kc = kernel
    msg_id = kc.kernel_info()
    raw = reply_to(kc, msg_id)["header"]["date"]
    # jupyter_client parses a valid ISO-8601 date with timezone into an aware datetime.
    assert raw.tzinfo is not None


def test_bad_signature_is_dropped_and_kernel_keeps_serving(kernel):
    _, kc = kernel
    forged = Session(key=b"not-the-key", username="mallory")
    forged.send(kc.shell_channel.socket, "kernel_info_request", {})
    with pytest.raises(queue.Empty):
        kc.get_shell_msg(timeout=1)
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"


def test_unsigned_and_malformed_messages_are_dropped(kernel):
    _, kc = kernel
    socket = kc.shell_channel.socket
    socket.send_multipart([b"<IDS|MSG>", b"", b"{}", b"{}", b"{}", b"{}"])
    socket.send_multipart([b"no delimiter at all"])
    socket.send_multipart([b"<IDS|MSG>", b"00", b"not json"])
    with pytest.raises(queue.Empty):
        kc.get_shell_msg(timeout=1)
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"


def test_replayed_message_is_ignored(kernel):
    _, kc = kernel
    msg = kc.session.msg("kernel_info_request", {})
    frames = kc.session.serialize(msg)
    kc.shell_channel.socket.send_multipart(frames)
    kc.shell_channel.socket.send_multipart(frames)
    first = reply_to(kc, msg["header"]["msg_id"])
    assert first["content"]["status"] == "ok"
    with pytest.raises(queue.Empty):
        kc.get_shell_msg(timeout=1)


def test_sigint_to_idle_kernel_does_not_kill_it(kernel):
    km, kc = kernel
    os.kill(km.provisioner.process.pid, signal.SIGINT)
    time.sleep(0.5)
    assert km.is_alive()
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"


def test_shutdown_exits_within_one_second(kernel):
    km, kc = kernel
    process = km.provisioner.process
    started = time.perf_counter()
    msg_id = kc.shutdown()
    reply = kc.control_channel.get_msg(timeout=2)
    assert reply["content"] == {"status": "ok", "restart": False}
    assert reply["parent_header"]["msg_id"] == msg_id
    process.wait(timeout=2)
    elapsed = time.perf_counter() - started
    print(f"\nshutdown_request to process exit: {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0
    assert process.returncode == 0


def test_restart_reuses_ports_and_new_session(kernel):
    km, kc = kernel
    ports_before = (km.shell_port, km.iopub_port, km.control_port, km.hb_port, km.stdin_port)
    old_session = reply_to(kc, kc.kernel_info())["header"]["session"]
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=30)
    ports_after = (km.shell_port, km.iopub_port, km.control_port, km.hb_port, km.stdin_port)
    assert ports_after == ports_before
    new_session = reply_to(kc, kc.kernel_info())["header"]["session"]
    assert new_session != old_session


def test_heartbeat_answers(kernel):
    _, kc = kernel
    time.sleep(1.5)
    assert kc.hb_channel.is_beating()


def test_curve_encrypted_connection_works_end_to_end():
    km = KernelManager(kernel_name="flowql", transport_encryption="required")
    km.start_kernel()
    try:
        with open(km.connection_file) as f:
            info = __import__("json").load(f)
        assert info.get("curve_publickey") and info.get("curve_secretkey")
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=30)
        msg_id = kc.kernel_info()
        assert reply_to(kc, msg_id)["content"]["status"] == "ok"
        time.sleep(1.5)
        assert kc.hb_channel.is_beating()
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)


def test_plain_client_cannot_talk_to_an_encrypted_kernel():
    import zmq

    km = KernelManager(kernel_name="flowql", transport_encryption="required")
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=30)
        # A client without the server key: its messages never reach the kernel's handlers.
        ctx = zmq.Context.instance()
        plain = ctx.socket(zmq.DEALER)
        plain.linger = 0
        plain.connect(f"tcp://{km.ip}:{km.shell_port}")
        msg = kc.session.msg("kernel_info_request", {})
        plain.send_multipart(kc.session.serialize(msg))
        assert plain.poll(1000) == 0
        plain.close()
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
