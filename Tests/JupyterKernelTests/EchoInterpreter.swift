import Foundation
import JupyterKernel

/// A test-only language: echoes code, fails on `fail`, reads input on `ask …`, spins on `spin`.
struct EchoInterpreter: KernelInterpreter {
  var runs = 0

  mutating func execute(code: String, context: ExecutionContext) -> ExecutionOutcome {
    runs += 1
    switch code {
    case "fail":
      return .failure(
        ExecutionError(name: "EchoError", value: "asked to fail", traceback: ["EchoError: asked to fail"]))
    case "spin":
      let deadline = Date().addingTimeInterval(5)
      while !context.isInterrupted && Date() < deadline {}
      return context.isInterrupted
        ? .failure(ExecutionError(name: "Interrupted", value: "stopped", traceback: ["Interrupted"]))
        : .success(result: nil, payloads: [])
    case "display":
      context.display(.plain("first"), displayID: "d1")
      context.updateDisplay(.plain("second"), displayID: "d1")
      context.clearOutput(wait: true)
      return .success(result: nil, payloads: [.page(.plain("help text"), start: 0)])
    case let ask where ask.hasPrefix("ask "):
      do {
        let answer = try context.input(prompt: String(ask.dropFirst(4)))
        context.stream(.stdout, "got \(answer)\n")
        return .success(result: nil, payloads: [])
      } catch {
        return .failure(ExecutionError(name: "InputError", value: "\(error)", traceback: []))
      }
    default:
      context.stream(.stdout, code + "\n")
      return .success(result: .plain("echo: \(code)"), payloads: [])
    }
  }

  func complete(code: String, cursor: Int) -> Completion {
    let prefix = String(code.unicodeScalars.prefix(cursor))
    let word = prefix.split(separator: " ").last.map(String.init) ?? ""
    let matches = ["flows", "flowers"].filter { $0.hasPrefix(word) }
    return Completion(
      matches: matches, start: cursor - word.unicodeScalars.count, end: cursor, types: matches.map { _ in "source" })
  }

  func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? {
    code.isEmpty ? nil : .plain("docs for \(code)")
  }

  func isComplete(code: String) -> Completeness {
    code.hasSuffix("|") ? .incomplete(indent: "  ") : .complete
  }

  mutating func evaluate(expression: String) -> Result<DisplayBundle, ExecutionError> {
    expression == "bad"
      ? .failure(ExecutionError(name: "E", value: "bad", traceback: [])) : .success(.plain(expression))
  }
}

let echoInfo = KernelInfo(
  implementation: "echo", implementationVersion: "1", languageInfo: ["name": "echo"], banner: "echo kernel")

extension InMemoryKernel.Sent {
  /// A compact label for order checks: "busy", "idle", "execute_reply@shell", "stream", …
  var label: String {
    if message.msgType == "status", let state = message.content["execution_state"]?.stringValue { return state }
    return channel.map { "\(message.msgType)@\($0.rawValue)" } ?? message.msgType
  }
}
