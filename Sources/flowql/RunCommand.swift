import ArgumentParser
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
      text (default); html; json (one JSON document per line for each result: columns with type       and unit, rows, caption, chart request); bundle (every output as the kernel sends it, as       one JSON array); or svg (the last chart of the run).
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
    let rendered = try CommandOutput(format: format).render(result)
    if let output {
      try rendered.write(toFile: output, atomically: true, encoding: .utf8)
    } else {
      StandardStream.output.write(rendered)
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

  func render(_ result: FlowEngine.Result) throws -> String {
    switch format {
    case .text: return text(result)
    case .html: return html(result)
    case .json: return dataLines(result)
    case .bundle: return bundle(result)
    case .svg:
      for case .display(_, let svg?) in result.events.reversed() { return svg }
      if result.error != nil { return "" }
      throw ValidationError("the run drew no chart: end the query with `| chart …` to get an SVG")
    }
  }

  private func text(_ result: FlowEngine.Result) -> String {
    var out = ""
    for event in result.events {
      switch event {
      case .stdout(let s): out += s
      case .stderr(let s): StandardStream.error.write(s)
      case .display(let bundle, _), .page(let bundle):
        out += (bundle.plainText ?? "") + "\n"
      case .clear: break
      }
    }
    return out
  }

  private func html(_ result: FlowEngine.Result) -> String {
    var out = ""
    for event in result.events {
      switch event {
      case .stdout(let s): out += "<pre>\(escape(s))</pre>\n"
      case .stderr(let s): out += "<pre class=\"stderr\">\(escape(s))</pre>\n"
      case .display(let bundle, _), .page(let bundle):
        out += (bundle.data["text/html"]?.stringValue ?? "<pre>\(escape(bundle.plainText ?? ""))</pre>") + "\n"
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
  private func dataLines(_ result: FlowEngine.Result) -> String {
    for case .stdout(let s) in result.events { StandardStream.error.write(s) }
    for case .stderr(let s) in result.events { StandardStream.error.write(s) }
    return result.dataDocuments.map { $0.replacing("\n", with: "") + "\n" }.joined()
  }

  private func bundle(_ result: FlowEngine.Result) -> String {
    var items: [JSONValue] = result.events.map { event in
      switch event {
      case .stdout(let s): ["type": "stdout", "text": .string(s)]
      case .stderr(let s): ["type": "stderr", "text": .string(s)]
      case .display(let bundle, _): ["type": "display", "data": .object(bundle.data)]
      case .page(let bundle): ["type": "page", "data": .object(bundle.data)]
      case .clear: ["type": "clear"]
      }
    }
    if let e = result.error {
      items.append([
        "type": "error", "ename": .string(e.name), "evalue": .string(e.value),
        "traceback": .array(e.traceback.map { .string($0) }),
      ])
    }
    return String(decoding: JSONValue.array(items).jsonBytes, as: UTF8.self) + "\n"
  }

  private func escape(_ s: String) -> String {
    s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
  }
}
