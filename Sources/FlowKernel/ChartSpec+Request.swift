import Charts
import FlowModel
import FlowQL
import JupyterKernel

extension ChartSpec {
  /// The chart a `| chart kind with (…)` stage asked for, in the renderer's terms.
  init(_ request: ChartRequest) {
    self.init(request.kind, options: request.options)
    nodes = request.nodes
  }
}

extension Diagnostic {
  /// A chart error as a diagnostic of the catalogue, its caret at the option responsible or else
  /// at the `chart` stage.
  init(_ error: ChartError, request: ChartRequest) {
    let code = DiagnosticCode(rawValue: error.code.rawValue) ?? .chartColumnUnsuitable
    self.init(
      code, error.message, at: request.range(of: error.option),
      label: error.option.map { "from `\($0.rawValue)`" } ?? "this chart", help: error.help)
  }
}

extension FlowEngine {
  /// A renderer's warning as a stderr line: `warning[W610]: …` when it starts with a code in brackets.
  static func warningLine(_ warning: String) -> String {
    if warning.hasPrefix("[W"), let close = warning.firstIndex(of: "]") {
      let code = warning[warning.index(after: warning.startIndex)..<close]
      return "warning[\(code)]: \(warning[warning.index(after: close)...].drop { $0 == " " })\n"
    }
    return "warning: \(warning)\n"
  }
}

extension DisplayBundle {
  /// A Jupyter bundle from a renderer's bundle: text types stay strings.
  init(_ bundle: MimeBundle) {
    var metadata: [String: JSONValue] = [:]
    for (mime, values) in bundle.metadata {
      metadata[mime] = .object(values.mapValues(JSONValue.init))
    }
    self.init(data: bundle.data.mapValues { .string($0) }, metadata: metadata)
  }
}

extension JSONValue {
  init(_ value: MimeMetadataValue) {
    switch value {
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .string(let s): self = .string(s)
    }
  }
}
