import Charts
import FlowQL
import JupyterKernel

extension ChartSpec {
  /// The chart a `| chart kind with (…)` stage asked for, in the renderer's terms.
  init(_ request: ChartRequest) {
    self.init(request.kind)
    if case .name(let x)? = request["x"] { self.x = x }
    switch request["y"] {
    case .name(let y)?: self.y = [y]
    case .names(let ys)?: self.y = ys
    default: break
    }
    if case .name(let s)? = request["series"] { series = s }
    switch request["title"] {
    case .text(let t)?, .name(let t)?: title = t
    default: break
    }
    switch request["unit"] {
    case .name(let u)?, .text(let u)?: unit = u
    default: break
    }
    if case .number(let w)? = request["width"] { width = Int(w) }
    if case .number(let h)? = request["height"] { height = Int(h) }
    if case .number(let m)? = request["min"] { self.min = m }
    switch request["sort"] {
    case .names(let names)?: order = names
    default: break
    }
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
