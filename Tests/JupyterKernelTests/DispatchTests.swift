import Foundation
import Testing

@testable import JupyterKernel

@Suite struct DispatchTests {
  func kernel() -> InMemoryKernel { InMemoryKernel(interpreter: EchoInterpreter(), info: echoInfo) }

  @Test func executePublishesBusyInputOutputsReplyIdleInOrder() {
    var k = kernel()
    let sent = k.shell("execute_request", InMemoryKernel.execute("hello"))
    #expect(sent.map(\.label) == ["busy", "execute_input", "stream", "execute_result", "execute_reply@shell", "idle"])
    let request = sent[0].message.parentHeader
    #expect(sent.allSatisfy { $0.message.parentHeader == request })
    #expect(sent[3].message.content["execution_count"] == 1)
    #expect(sent[3].message.content["data"]?["text/plain"] == "echo: hello")
    #expect(sent[4].message.content["status"] == "ok")
    #expect(sent[4].message.content["user_expressions"] == .emptyObject)
  }

  @Test func everyRequestTypeIsWrappedInBusyAndIdle() {
    var k = kernel()
    for (type, content) in [
      ("kernel_info_request", JSONValue.emptyObject), ("complete_request", ["code": "fl", "cursor_pos": 2]),
      ("inspect_request", ["code": "flows", "cursor_pos": 5]), ("is_complete_request", ["code": "a |"]),
      ("history_request", ["hist_access_type": "tail", "n": 3]), ("comm_info_request", .emptyObject),
    ] {
      let labels = k.shell(type, content).map(\.label)
      #expect(labels.first == "busy", "\(type)")
      #expect(labels.last == "idle", "\(type)")
      #expect(labels.contains(type.replacingOccurrences(of: "_request", with: "_reply") + "@shell"), "\(type)")
    }
    let control = k.control("kernel_info_request").map(\.label)
    #expect(control == ["busy", "kernel_info_reply@control", "idle"])
  }

  @Test func kernelInfoReplyHasStatusAndProtocolVersion() {
    var k = kernel()
    let reply = k.shell("kernel_info_request", .emptyObject)[1].message
    #expect(reply.content["status"] == "ok")
    #expect(reply.content["protocol_version"] == "5.4")
    #expect(reply.content["language_info"]?["name"] == "echo")
  }

  @Test func silentExecutionPublishesOnlyStatus() {
    var k = kernel()
    let sent = k.shell("execute_request", InMemoryKernel.execute("quiet", silent: true))
    #expect(sent.map(\.label) == ["busy", "execute_reply@shell", "idle"])
    #expect(k.core.executionCount == 0)
  }

  @Test func counterGrowsOnlyWithStoreHistoryAndNonBlankCode() {
    var k = kernel()
    k.shell("execute_request", InMemoryKernel.execute("a"))
    k.shell("execute_request", InMemoryKernel.execute("b", storeHistory: false))
    k.shell("execute_request", InMemoryKernel.execute("   \n"))
    let last = k.shell("execute_request", InMemoryKernel.execute("c"))
    #expect(k.core.executionCount == 2)
    #expect(last.first { $0.label == "execute_reply@shell" }?.message.content["execution_count"] == 2)
    #expect(k.core.history.entries.map(\.input) == ["a", "c"])
  }

  @Test func stopOnErrorAbortsQueuedExecutesButServesOtherRequests() {
    var k = kernel()
    let requests = [
      k.makeRequest("execute_request", InMemoryKernel.execute("fail")),
      k.makeRequest("execute_request", InMemoryKernel.execute("never runs")),
      k.makeRequest("kernel_info_request", .emptyObject),
      k.makeRequest("execute_request", InMemoryKernel.execute("nor this")),
    ]
    let sent = k.shell(requests)
    // The failed cell's idle comes after the aborts: a client that sends its next cell on that
    // idle must find it served, not aborted.
    #expect(
      sent.map(\.label) == [
        "busy", "execute_input", "error", "execute_reply@shell",
        "busy", "execute_reply@shell", "idle",
        "busy", "execute_reply@shell", "idle",
        "idle",
        "busy", "kernel_info_reply@shell", "idle",
      ])
    #expect(sent[3].message.content["status"] == "error")
    #expect(sent[3].message.content["ename"] == "EchoError")
    #expect(sent[5].message.content["status"] == "aborted")
    #expect(sent[8].message.content["status"] == "aborted")
    #expect(sent[10].message.parentHeader == sent[0].message.parentHeader)
    // The aborted cells never ran and the kernel serves normally again.
    let after = k.shell("execute_request", InMemoryKernel.execute("again"))
    #expect(after.contains { $0.label == "execute_result" })
  }

  @Test func withoutStopOnErrorQueuedExecutesRun() {
    var k = kernel()
    let sent = k.shell([
      k.makeRequest("execute_request", InMemoryKernel.execute("fail", stopOnError: false)),
      k.makeRequest("execute_request", InMemoryKernel.execute("runs")),
    ])
    #expect(sent.filter { $0.label == "execute_result" }.count == 1)
  }

  @Test func displayUpdateClearAndPagerPayload() {
    var k = kernel()
    let sent = k.shell("execute_request", InMemoryKernel.execute("display"))
    #expect(
      sent.map(\.label) == [
        "busy", "execute_input", "display_data", "update_display_data", "clear_output", "execute_reply@shell", "idle",
      ])
    #expect(sent[2].message.content["transient"]?["display_id"] == "d1")
    #expect(sent[3].message.content["transient"]?["display_id"] == "d1")
    #expect(sent[4].message.content["wait"] == true)
    #expect(
      sent[5].message.content["payload"] == [["source": "page", "data": ["text/plain": "help text"], "start": 0]])
  }

  @Test func inputRequestGoesOutOnStdinAndTheAnswerComesBack() {
    var k = kernel()
    k.queueInput(["42"])
    let sent = k.shell("execute_request", InMemoryKernel.execute("ask How many?"))
    #expect(sent.map(\.label).contains("input_request@stdin"))
    #expect(sent.first { $0.label == "stream" }?.message.content["text"] == "got 42\n")
  }

  @Test func completionRepliesWithAllFiveKeysAndTypes() {
    var k = kernel()
    let reply = k.shell("complete_request", ["code": "🌊 fl", "cursor_pos": 4])[1].message.content
    #expect(reply["matches"] == ["flows", "flowers"])
    #expect(reply["cursor_start"] == 2)
    #expect(reply["cursor_end"] == 4)
    #expect(reply["metadata"]?["_jupyter_types_experimental"]?.objectValue == nil)
    if case .array(let types) = reply["metadata"]?["_jupyter_types_experimental"] {
      #expect(types.count == 2)
      #expect(types[0]["type"] == "source")
    } else {
      Issue.record("metadata._jupyter_types_experimental missing")
    }
  }

  @Test func isCompleteAndInspect() {
    var k = kernel()
    #expect(
      k.shell("is_complete_request", ["code": "flows |"])[1].message.content == [
        "status": "incomplete", "indent": "  ",
      ])
    #expect(k.shell("is_complete_request", ["code": "flows"])[1].message.content == ["status": "complete"])
    let found = k.shell("inspect_request", ["code": "flows", "cursor_pos": 5])[1].message.content
    #expect(found["found"] == true)
    #expect(found["data"]?["text/plain"] == "docs for flows")
    let missing = k.shell("inspect_request", ["code": "", "cursor_pos": 0])[1].message.content
    #expect(missing["found"] == false)
    #expect(missing["data"] == .emptyObject)
  }

  @Test func historyTailRangeAndSearch() {
    var k = kernel()
    for code in ["print 1", "print 2", "x = 3", "print 2"] { k.shell("execute_request", InMemoryKernel.execute(code)) }
    let tail = k.shell("history_request", ["hist_access_type": "tail", "n": 2, "output": false, "raw": true])[1]
    #expect(tail.message.content["history"] == [[1, 3, "x = 3"], [1, 4, "print 2"]])
    let range = k.shell(
      "history_request", ["hist_access_type": "range", "session": 1, "start": 2, "stop": 3, "output": true])[1]
    #expect(range.message.content["history"] == [[1, 2, ["print 2", "echo: print 2"]]])
    let search = k.shell("history_request", ["hist_access_type": "search", "pattern": "print ?", "n": 3])[1]
    #expect(search.message.content["history"] == [[1, 1, "print 1"], [1, 2, "print 2"], [1, 4, "print 2"]])
    let unique = k.shell("history_request", ["hist_access_type": "search", "pattern": "print*", "unique": true])[1]
    #expect(unique.message.content["history"] == [[1, 1, "print 1"], [1, 4, "print 2"]])
  }

  @Test func userExpressionsAreEvaluatedAfterTheCode() {
    var k = kernel()
    var content = InMemoryKernel.execute("x")
    if case .object(var members) = content {
      members["user_expressions"] = ["a": "1 + 1", "b": "bad"]
      content = .object(members)
    }
    let reply = k.shell("execute_request", content).first { $0.label == "execute_reply@shell" }?.message.content
    #expect(
      reply?["user_expressions"]?["a"] == ["status": "ok", "data": ["text/plain": "1 + 1"], "metadata": .emptyObject])
    #expect(reply?["user_expressions"]?["b"]?["status"] == "error")
  }

  @Test func badRequestContentGetsAnErrorReplyNotACrash() {
    var k = kernel()
    let sent = k.shell("execute_request", ["code": 5, "silent": 0])
    #expect(sent.map(\.label) == ["busy", "execute_reply@shell", "idle"])
    #expect(sent[1].message.content["status"] == "error")
    #expect(sent[1].message.content["ename"] == "BadRequest")
    let complete = k.shell("complete_request", ["cursor_pos": "x"])
    #expect(complete[1].message.content["status"] == "error")
  }

  @Test func interruptStopsARunningExecution() {
    var k = kernel()
    let flag = k.interrupt
    let raiser = Thread {
      Thread.sleep(forTimeInterval: 0.05)
      flag.raise()
    }
    raiser.start()
    // Without the interrupt, `spin` would run out its 5 s and succeed.
    let sent = k.shell("execute_request", InMemoryKernel.execute("spin"))
    #expect(sent.contains { $0.label == "error" && $0.message.content["ename"] == "Interrupted" })
  }

  @Test func controlShutdownRepliesAndBroadcasts() {
    let k = kernel()
    let sent = k.control("shutdown_request", ["restart": true])
    #expect(sent.map(\.label) == ["busy", "shutdown_reply@control", "shutdown_reply", "idle"])
    #expect(sent[1].message.content == ["status": "ok", "restart": true])
  }

  @Test func interruptRequestRaisesTheFlag() {
    let k = kernel()
    let sent = k.control("interrupt_request")
    #expect(sent[1].message.content == ["status": "ok"])
    #expect(k.interrupt.isRaised)
  }

  @Test func unknownCommTargetsAreClosedAtOnce() {
    var k = kernel()
    let sent = k.shell("comm_open", ["comm_id": "c1", "target_name": "jupyter.widget", "data": .emptyObject])
    #expect(sent.map(\.label) == ["busy", "comm_close", "idle"])
  }
}

@Suite struct HistoryStoreTests {
  @Test func keepsOnlyTheNewestEntriesPastCapacity() {
    var history = HistoryStore(capacity: 100)
    for line in 1...1_000 { history.append(line: line, input: "cell \(line)") }
    #expect(history.entries.count <= 110)
    #expect(history.entries.last?.line == 1_000)
    #expect(history.tail(3).map(\.line) == [998, 999, 1_000])
  }

  @Test func storesShortOutputsOnly() {
    var history = HistoryStore()
    history.append(line: 1, input: "a")
    history.setOutput(String(repeating: "x", count: HistoryStore.maximumOutputLength + 1), line: 1)
    #expect(history.entries[0].output == nil)
    history.setOutput("2", line: 1)
    #expect(history.entries[0].output == "2")
  }

  @Test(arguments: [
    ("print ?", "print 1", true), ("1?2*", "1 2 3", true), ("*", "", true), ("a*c", "abd", false),
    ("🌊*", "🌊 flows", true), ("?", "👩‍👩‍👧", false),
  ])
  func globsMatchLikeIPython(pattern: String, text: String, matches: Bool) {
    #expect(HistoryStore.glob(pattern, matches: text) == matches)
  }
}
