import Charts
import FlowQL

extension FlowEngine {
  /// Writes the bytes of the last display in `events` for a `save` to `.svg` or `.html`: the
  /// chart's SVG, or the display's HTML — exactly what the notebook shows.
  static func save(_ target: SaveTarget, shown events: [Event]) -> Swift.Result<String, Diagnostic> {
    guard case .display(let display)? = events.last(where: { if case .display = $0 { true } else { false } })
    else { return .failure(target.missingChart) }
    let text: String?
    let what: String
    switch target.format {
    case .svg: (text, what) = (display.svg, "the chart")
    default: (text, what) = (display.bundle.data["text/html"], display.svg == nil ? "the table" : "the chart")
    }
    guard let text else { return .failure(target.missingChart) }
    do {
      return .success(try target.write(Array(text.utf8), what: "\(what) (\(text.utf8.count) bytes)"))
    } catch {
      return .failure(error)
    }
  }
}
