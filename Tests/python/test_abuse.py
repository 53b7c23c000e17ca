"""Bad input on the wire: the kernel drops or answers it, never crashes, and keeps serving."""
import json
import queue
import time

import pytest


@pytest.fixture(scope="module")
def kernel(shared_kernel):
    """Every abuse test talks to the same kernel, which must survive all of them."""
    return shared_kernel


def still_serving(km, kc):
    """The process lives and answers a good kernel_info_request."""
    assert km.is_alive()
    msg_id = kc.kernel_info()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        msg = kc.get_shell_msg(timeout=5)
        if msg["parent_header"].get("msg_id") == msg_id:
            assert msg["content"]["status"] == "ok"
            return
    raise AssertionError("no kernel_info_reply")


def drain(kc, seconds=0.3):
    """Shell replies that arrive within `seconds` (answers to bad requests, if any)."""
    replies = []
    try:
        while True:
            replies.append(kc.get_shell_msg(timeout=seconds))
    except queue.Empty:
        return replies


def send_parts(kc, header, parent=b"{}", metadata=b"{}", content=b"{}", extra=()):
    """Sends correctly signed frames with arbitrary bytes in each part."""
    parts = [header, parent, metadata, content]
    signature = kc.session.sign(parts)
    kc.shell_channel.socket.send_multipart([b"<IDS|MSG>", signature, *parts, *extra])


def good_header(msg_type="kernel_info_request", **override):
    header = kc_session_header(msg_type)
    header.update(override)
    return header


_counter = [0]


def kc_session_header(msg_type):
    _counter[0] += 1
    return {"msg_id": f"abuse-{_counter[0]}-{time.monotonic_ns()}", "session": "abuser", "username": "u",
            "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type, "version": "5.4"}


def test_truncated_multipart_messages(kernel):
    km, kc = kernel
    sock = kc.shell_channel.socket
    for frames in ([b"<IDS|MSG>"], [b"<IDS|MSG>", b"sig"], [b"<IDS|MSG>", b"", b"{}", b"{}"], [b""], [b"x" * 10]):
        sock.send_multipart(frames)
    assert drain(kc) == []
    still_serving(km, kc)


@pytest.mark.parametrize("part", ["header", "parent", "metadata", "content"])
@pytest.mark.parametrize("payload", [b"not json", b"[1,2]", b"\xff\xfe\x00", b"", b'{"a":', b"null", b"42"])
def test_invalid_json_in_each_part(kernel, part, payload):
    km, kc = kernel
    parts = {"header": json.dumps(good_header()).encode(), "parent": b"{}", "metadata": b"{}", "content": b"{}"}
    parts[part] = payload
    send_parts(kc, parts["header"], parts["parent"], parts["metadata"], parts["content"])
    drain(kc)
    still_serving(km, kc)


WRONG = [None, 7, 1.5, True, "text", [], {}, ["a"], {"x": [1]}]


@pytest.mark.parametrize("field", ["msg_id", "msg_type", "session", "username", "date", "version"])
def test_wrong_types_in_every_header_field(kernel, field):
    km, kc = kernel
    for value in WRONG:
        header = good_header()
        header[field] = value
        send_parts(kc, json.dumps(header).encode())
    drain(kc)
    still_serving(km, kc)


CONTENT_FIELDS = {
    "execute_request": ["code", "silent", "store_history", "user_expressions", "allow_stdin", "stop_on_error"],
    "complete_request": ["code", "cursor_pos"],
    "inspect_request": ["code", "cursor_pos", "detail_level"],
    "is_complete_request": ["code"],
    "history_request": ["output", "raw", "hist_access_type", "session", "start", "stop", "n", "pattern", "unique"],
    "comm_info_request": ["target_name"],
    "kernel_info_request": ["anything"],
}
GOOD = {"code": "print 1", "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False,
        "stop_on_error": False, "cursor_pos": 1, "detail_level": 0, "output": False, "raw": True,
        "hist_access_type": "tail", "session": 0, "start": 0, "stop": 1, "n": 1, "pattern": "*", "unique": False,
        "target_name": "x", "anything": 1}


@pytest.mark.parametrize("msg_type", sorted(CONTENT_FIELDS))
def test_wrong_types_in_every_content_field(kernel, msg_type):
    km, kc = kernel
    for field in CONTENT_FIELDS[msg_type]:
        for value in WRONG:
            content = {f: GOOD[f] for f in CONTENT_FIELDS[msg_type]}
            content[field] = value
            send_parts(kc, json.dumps(good_header(msg_type)).encode(), content=json.dumps(content).encode())
        drain(kc, 0.05)
    drain(kc)
    still_serving(km, kc)


def test_unknown_message_types_are_ignored(kernel):
    km, kc = kernel
    for msg_type in ["frobnicate_request", "debug_request", "", "execute_reply", "status", "x" * 5000]:
        send_parts(kc, json.dumps(good_header(msg_type)).encode())
    assert all(m["msg_type"].endswith("_reply") for m in drain(kc))
    still_serving(km, kc)


def test_huge_messages(kernel):
    km, kc = kernel
    big = "x" * (20 * 1024 * 1024)
    send_parts(kc, json.dumps(good_header("is_complete_request")).encode(), content=json.dumps({"code": big}).encode())
    send_parts(kc, json.dumps(good_header()).encode(), extra=[b"\0" * (8 * 1024 * 1024)] * 3)
    drain(kc, 2)
    still_serving(km, kc)
