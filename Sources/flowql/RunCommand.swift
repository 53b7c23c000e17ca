import ArgumentParser
import Charts
import FlowKernel
import FoundationEssentials
import JupyterKernel

/// `flowql run FILE.flowql` or `flowql run -e 'QUERY'`: the kernel's evaluator, from the shell.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run FlowQL statements and print the results.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, html, json, bundle, svg
  }

  @Argument(help: "A file of FlowQL statements.")
  var file: String?

  @Option(name: [.customShort("e"), .customLong("expression")], help: "FlowQL statements to run instead of a file.")
  var expression: String?

  @Option(
    help: """
      text (default); html; json (one JSON document per line for each result: columns with type \
      and unit, rows, caption, chart request); bundle (every output as the kernel sends it, as \
      one JSON array); or svg (the last chart of the run).
      """)
  var format: Format = .text

  @Option(help: "Write the output to this file instead of standard output.")
  var output: String?

  func validate() throws {
    if (file == nil) == (expression == nil) { throw ValidationError("give either a FILE or -e 'QUERY'") }
  }

  func run() throws {
    let code: String
    if let expression {
      code = expression
    } else if let file, let text = try? String(contentsOfFile: file, encoding: .utf8) {
      code = text
    } else {
      throw ValidationError("cannot read \(file ?? "")")
    }
    var engine = FlowEngine.bundled()
    let result = engine.run(code)
    if let output {
      try CommandOutput(format: format).render(result).write(toFile: output, atomically: true, encoding: .utf8)
    } else if format == .text {
      // Statement by statement, in order: each table, then the warnings it raised.
      for (stream, text) in CommandOutput.textParts(result) { stream.write(text) }
    } else {
      StandardStream.output.write(try CommandOutput(format: format).render(result))
    }
    if let error = result.error {
      if format != .json && format != .bundle {
        StandardStream.error.write(error.traceback.joined(separator: "\n") + "\n")
      }
      throw ExitCode(1)
    }
  }
}

/// Turns a run's events into one of the command's output formats.
struct CommandOutput {
  let format: RunCommand.Format

  func render(_ result: FlowEngine.CellResult) throws -> String {
    switch format {
    case .text: return text(result)
    case .html: return html(result)
    case .json: return dataLines(result)
    case .bundle: return bundle(result)
    case .svg:
      for case .display(let display) in result.events.reversed() { if let svg = display.svg { return svg } }
      if result.error != nil { return "" }
      throw ValidationError("the run drew no chart: end the query with `| chart …` to get an SVG")
    }
  }

  private func text(_ result: FlowEngine.CellResult) -> String {
    var out = ""
    for (stream, text) in Self.textParts(result) {
      if stream == .output { out += text } else { StandardStream.error.write(text) }
    }
    return out
  }

  /// The run's events as text for standard output or standard error, in order, each ending
  /// with a new line (so a warning never runs into the last number of a table).
  static func textParts(_ result: FlowEngine.CellResult) -> [(StandardStream, String)] {
    func line(_ text: String) -> String { text.isEmpty || text.hasSuffix("\n") ? text : text + "\n" }
    return result.events.compactMap { event in
      switch event {
      case .stdout(let s): (.output, line(s))
      case .stderr(let s): (.error, line(s))
      case .display(let display): (.output, line(display.bundle.data["text/plain"] ?? ""))
      case .page(let text): (.output, line(text))
      case .clear: nil
      }
    }
  }

  private func html(_ result: FlowEngine.CellResult) -> String {
    var out = ""
    for event in result.events {
      switch event {
      case .stdout(let s): out += "<pre>\(escape(s))</pre>\n"
      case .stderr(let s): out += "<pre class=\"stderr\">\(escape(s))</pre>\n"
      case .display(let display):
        out +=
          (display.bundle.data["text/html"] ?? "<pre>\(escape(display.bundle.data["text/plain"] ?? ""))</pre>") + "\n"
      case .page(let text): out += "<pre>\(escape(text))</pre>\n"
      case .clear: break
      }
    }
    if let error = result.error {
      out += "<pre class=\"error\">\(escape(error.traceback.joined(separator: "\n")))</pre>\n"
    }
    return out
  }

  /// One document per line; printed text and messages go to standard error, so standard output
  /// is only JSON.
  private func dataLines(_ result: FlowEngine.CellResult) -> String {
    for case .stdout(let s) in result.events { StandardStream.error.write(s) }
    for case .stderr(let s) in result.events { StandardStream.error.write(s) }
    return result.dataDocuments.map { $0.replacing("\n", with: "") + "\n" }.joined()
  }

  private func bundle(_ result: FlowEngine.CellResult) -> String {
    var items: [JSONValue] = result.events.map { event in
      switch event {
      case .stdout(let s): ["type": "stdout", "text": .string(s)]
      case .stderr(let s): ["type": "stderr", "text": .string(s)]
      case .display(let display): ["type": "display", "data": .object(display.bundle.data.mapValues { .string($0) })]
      case .page(let text): ["type": "page", "data": ["text/plain": .string(text)]]
      case .clear: ["type": "clear"]
      }
    }
    if let e = result.error {
      items.append([
        "type": "error", "ename": .string(e.code), "evalue": .string(e.message),
        "traceback": .array(e.traceback.map { .string($0) }),
      ])
    }
    return String(decoding: JSONValue.array(items).jsonBytes, as: UTF8.self) + "\n"
  }

  private func escape(_ s: String) -> String {
    s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
  }
}
