/// One rich output: representations keyed by MIME type, plus metadata.
///
/// Text-like types hold strings; `application/…+json` types hold JSON values (never encoded
/// strings). Always include `text/plain`.
public struct DisplayBundle: Sendable, Hashable {
  /// MIME type → representation.
  public var data: [String: JSONValue]
  /// Global and per-MIME-type metadata.
  public var metadata: [String: JSONValue]

  /// Creates a bundle.
  public init(data: [String: JSONValue], metadata: [String: JSONValue] = [:]) {
    self.data = data
    self.metadata = metadata
  }

  /// A bundle with only `text/plain`.
  public static func plain(_ text: String) -> DisplayBundle {
    DisplayBundle(data: ["text/plain": .string(text)])
  }

  /// The `text/plain` representation, if any.
  public var plainText: String? { data["text/plain"]?.stringValue }
}

/// A failed execution as the user sees it: a name, a one-line message and the full text.
public struct ExecutionError: Error, Sendable, Hashable {
  /// A short error name, such as a diagnostic code (`E201`).
  public var name: String
  /// A one-line message.
  public var value: String
  /// The lines a frontend shows; put the human-readable report here.
  public var traceback: [String]

  /// Creates an error.
  public init(name: String, value: String, traceback: [String]) {
    self.name = name
    self.value = value
    self.traceback = traceback
  }

  /// The protocol's error fields (`ename`, `evalue`, `traceback`), shared by the `error` output,
  /// an error reply and a failed user expression.
  var fields: [String: JSONValue] {
    ["ename": .string(name), "evalue": .string(value), "traceback": .array(traceback.map { .string($0) })]
  }
}

/// What an execution ended with.
public enum ExecutionOutcome: Sendable {
  /// Success, with an optional `execute_result` and payloads (e.g. a pager).
  case success(result: DisplayBundle?, payloads: [Payload])
  /// Failure; the kernel publishes an `error` message and replies with status `error`.
  case failure(ExecutionError)
}

/// A deprecated-but-used reply payload.
public enum Payload: Sendable, Hashable {
  /// Show a bundle in the pager (`source: "page"`).
  case page(DisplayBundle, start: Int)
  /// Put text in the next input cell.
  case setNextInput(text: String, replace: Bool)

  var jsonValue: JSONValue {
    switch self {
    case .page(let bundle, let start):
      ["source": "page", "data": .object(bundle.data), "start": .int(start)]
    case .setNextInput(let text, let replace):
      ["source": "set_next_input", "text": .string(text), "replace": .bool(replace)]
    }
  }
}
