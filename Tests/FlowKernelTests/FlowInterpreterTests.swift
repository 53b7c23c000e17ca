import Foundation
import JupyterKernel
import Testing

@testable import FlowKernel

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// FlowQL through the real dispatcher, without sockets.
@Suite struct FlowInterpreterTests {
  func kernel() -> InMemoryKernel { InMemoryKernel(interpreter: FlowInterpreter(), info: Kernelspec.kernelInfo) }

  func labels(_ sent: [InMemoryKernel.Sent]) -> [String] {
    sent.map { s in
      if s.message.msgType == "status" { return s.message.content["execution_state"]?.stringValue ?? "" }
      return s.channel.map { "\(s.message.msgType)@\($0.rawValue)" } ?? s.message.msgType
    }
  }

  @Test func everyValueShowsTheLastAsExecuteResult() {
    var k = kernel()
    let sent = k.shell("execute_request", InMemoryKernel.execute("flows | take 2\nprint \"between\"\n1 + 1"))
    #expect(
      labels(sent) == [
        "busy", "execute_input", "display_data", "stream", "execute_result", "execute_reply@shell", "idle",
      ])
    #expect(sent[2].message.content["data"]?["text/html"]?.stringValue?.contains("<table") == true)
    #expect(sent[2].message.content["data"]?["text/plain"] != nil)
    #expect(sent[4].message.content["data"] == ["text/plain": "2"])
  }

  @Test func aFailingStatementSendsOneErrorAndKeepsEarlierLets() {
    var k = kernel()
    let sent = k.shell(
      "execute_request",
      InMemoryKernel.execute("let y = flows | where year == 2022\ny | where yaer > 1\nprint \"not reached\""))
    #expect(labels(sent) == ["busy", "execute_input", "error", "execute_reply@shell", "idle"])
    let error = sent[2].message.content
    #expect(error["ename"] == "E201")
    #expect(error["evalue"] == "unknown column `yaer`")
    let traceback =
      error["traceback"].flatMap { v -> [String]? in
        if case .array(let lines) = v { return lines.compactMap(\.stringValue) } else { return nil }
      } ?? []
    #expect(traceback.first == "error[E201]: unknown column `yaer`")
    #expect(traceback.contains { $0.contains("^^^^") })
    #expect(traceback.contains("  = help: did you mean `year`?"))
    // The `let` of the failing cell's first statement survives into the next cell.
    let next = k.shell("execute_request", InMemoryKernel.execute("y | summarize n = count()"))
    #expect(next.contains { $0.message.msgType == "execute_result" })
  }

  @Test func warnGoesToStderrAndClearClears() {
    var k = kernel()
    let sent = k.shell("execute_request", InMemoryKernel.execute("warn \"careful\"\nclear"))
    #expect(labels(sent) == ["busy", "execute_input", "stream", "clear_output", "execute_reply@shell", "idle"])
    #expect(sent[2].message.content["name"] == "stderr")
  }

  @Test func helpOpensThePager() {
    var k = kernel()
    let reply = k.shell("execute_request", InMemoryKernel.execute("help where")).first {
      $0.message.msgType == "execute_reply"
    }
    guard case .array(let payloads)? = reply?.message.content["payload"], let page = payloads.first else {
      Issue.record("no payload")
      return
    }
    #expect(page["source"] == "page")
    #expect(page["data"]?["text/plain"]?.stringValue?.contains("where") == true)
  }

  @Test func chartsComeAsFigureSVGAndSummary() {
    var k = kernel()
    let sent = k.shell(
      "execute_request", InMemoryKernel.execute("flows | summarize total = sum(mass) by year | chart line"))
    let data = sent.first { $0.message.msgType == "execute_result" }?.message.content["data"]
    #expect(data?["text/html"]?.stringValue?.hasPrefix("<figure") == true)
    #expect(data?["text/html"]?.stringValue?.contains("data:image/svg+xml;base64,") == true)
    #expect(data?["image/svg+xml"]?.stringValue?.hasPrefix("<svg") == true)
    #expect((data?["text/plain"]?.stringValue ?? "").isEmpty == false)
  }

  @Test func completionOffersTheColumnsAtThatPointOfThePipeline() {
    var k = kernel()
    let code = "flows | summarize total = sum(mass) by year | where to"
    let reply = k.shell("complete_request", ["code": .string(code), "cursor_pos": .int(code.unicodeScalars.count)])[1]
    #expect(reply.message.content["matches"] == ["total"])
    #expect(reply.message.content["cursor_start"] == .int(code.unicodeScalars.count - 2))
  }

  @Test func completionInsideQuotesOffersProcesses() {
    var k = kernel()
    let code = "flows | where source == \"MIN_"
    let reply = k.shell("complete_request", ["code": .string(code), "cursor_pos": .int(code.unicodeScalars.count)])[1]
    let matches =
      reply.message.content["matches"].flatMap { v -> [String]? in
        if case .array(let items) = v { return items.compactMap(\.stringValue) } else { return nil }
      } ?? []
    #expect(matches.contains("MIN_ROCK"))
    #expect(matches.contains("MIN_ION"))
  }

  @Test func isCompleteFollowsTheLanguage() {
    var k = kernel()
    #expect(k.shell("is_complete_request", ["code": "flows |"])[1].message.content["status"] == "incomplete")
    #expect(k.shell("is_complete_request", ["code": "flows | take 3"])[1].message.content["status"] == "complete")
    #expect(k.shell("is_complete_request", ["code": "flows | take 3 )"])[1].message.content["status"] == "invalid")
  }

  @Test func inspectDescribesAColumn() {
    var k = kernel()
    let code = "flows | where mass"
    let reply = k.shell("inspect_request", ["code": .string(code), "cursor_pos": .int(code.unicodeScalars.count)])[1]
    #expect(reply.message.content["found"] == true)
    #expect(reply.message.content["data"]?["text/plain"]?.stringValue?.contains("mass") == true)
  }

  @Test func oversizedCellsAreRefusedWithoutParsing() {
    var k = kernel()
    let sent = k.shell(
      "execute_request", InMemoryKernel.execute(String(repeating: "x", count: FlowEngine.maximumCellBytes + 1)))
    #expect(sent.first { $0.message.msgType == "error" }?.message.content["ename"] == "E001")
  }
}

@Suite struct BundledSankeyTests {
  @Test(arguments: 2015...2022)
  func everyYearDrawsAWellFormedSankey(year: Int) throws {
    var engine = FlowEngine.bundled()
    let result = engine.run("flows | where year == \(year) | chart sankey with (y = mass, series = material)")
    #expect(result.error == nil)
    var svg: String?
    for case .display(let d) in result.events { if let chart = d.svg { svg = chart } }
    let text = try #require(svg)
    let parser = XMLParser(data: Data(text.utf8))
    #expect(parser.parse() && parser.parserError == nil)
    // Nodes are labelled by name (`labels = names`, the default), never cut.
    #expect(text.contains("Lithosphere") && text.contains("Smelting and separation"))
    #expect(!text.contains("…"))
  }

  @Test func twoRunsGiveTheSameBytes() {
    var a = FlowEngine.bundled()
    var b = FlowEngine.bundled()
    let q = "flows | where year == 2022 | chart sankey with (y = mass, series = material)"
    #expect(a.run(q).events == b.run(q).events)
  }
}

@Suite struct ProgressTests {
  /// A slow cell shows a progress line while it runs; the line is cleared before the outputs
  /// come, so the cell ends with the same outputs, in the same order, as a quick one.
  @Test func aLongCellShowsProgressThenTheSameOutputsAsAQuickCell() {
    var interpreter = FlowInterpreter()
    interpreter.progressDelay = 0
    var k = InMemoryKernel(interpreter: interpreter, info: Kernelspec.kernelInfo)
    let sent = k.shell("execute_request", InMemoryKernel.execute("flows | where year == 2022 | summarize n = count()"))
    let types = sent.map(\.message.msgType)
    let shown = sent.first { $0.message.msgType == "display_data" }?.message.content
    #expect(shown?["transient"]?["display_id"] == "flowql-progress-1")
    #expect(shown?["data"]?["text/plain"]?.stringValue?.hasPrefix("running…") == true)
    let cleared = types.firstIndex(of: "clear_output")
    let result = types.firstIndex(of: "execute_result")
    #expect(cleared != nil && result != nil && cleared! < result!)
    #expect(types.lastIndex(of: "display_data")! < cleared!)
    let final = sent.first { $0.message.msgType == "execute_result" }?.message.content
    #expect(final?["data"]?["text/html"]?.stringValue?.contains("<table") == true)
  }

  @Test func quickCellsShowNoProgress() {
    var k = InMemoryKernel(interpreter: FlowInterpreter(), info: Kernelspec.kernelInfo)
    let sent = k.shell("execute_request", InMemoryKernel.execute("flows | take 1"))
    #expect(!sent.contains { $0.message.msgType == "display_data" || $0.message.msgType == "update_display_data" })
  }
}

@Suite struct StreamBatchingTests {
  @Test func manyPrintsBecomeOneStreamMessage() {
    var k = InMemoryKernel(interpreter: FlowInterpreter(), info: Kernelspec.kernelInfo)
    let code = (1...2_000).map { "print \"line \($0)\"" }.joined(separator: "\n")
    let sent = k.shell("execute_request", InMemoryKernel.execute(code))
    let streams = sent.filter { $0.message.msgType == "stream" }
    #expect(streams.count == 1)
    let text = streams.first?.message.content["text"]?.stringValue ?? ""
    #expect(text.hasPrefix("line 1\nline 2\n"))
    #expect(text.hasSuffix("line 2000\n"))
  }

  @Test func streamsStayInOrderAroundDisplays() {
    var k = InMemoryKernel(interpreter: FlowInterpreter(), info: Kernelspec.kernelInfo)
    let sent = k.shell(
      "execute_request", InMemoryKernel.execute("print \"a\"\nprint \"b\"\nflows | take 1\nprint \"c\"\n1"))
    let kinds = sent.map(\.message.msgType).filter { ["stream", "display_data", "execute_result"].contains($0) }
    #expect(kinds == ["stream", "display_data", "stream", "execute_result"])
  }
}
