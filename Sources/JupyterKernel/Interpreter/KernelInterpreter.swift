/// The language a kernel runs. `JupyterKernel` knows nothing else about it.
///
/// All methods are called on the shell thread, one at a time, so an interpreter may keep
/// mutable state without locks. Cursor positions are Unicode code points.
public protocol KernelInterpreter {
  /// Runs `code`, publishing side effects through `context`.
  mutating func execute(code: String, context: ExecutionContext) -> ExecutionOutcome

  /// Completions at `cursor`.
  func complete(code: String, cursor: Int) -> Completion

  /// Documentation for what is at `cursor`, or `nil` when nothing is known.
  func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle?

  /// Whether `code` is ready to run, for consoles.
  func isComplete(code: String) -> Completeness

  /// Evaluates one `user_expressions` entry after an execution.
  mutating func evaluate(expression: String) -> Result<DisplayBundle, ExecutionError>
}

extension KernelInterpreter {
  /// By default, user expressions are not supported and each one reports so.
  public mutating func evaluate(expression: String) -> Result<DisplayBundle, ExecutionError> {
    .failure(ExecutionError(name: "NotSupported", value: "user_expressions are not supported", traceback: []))
  }
}

/// A completion reply: replacement texts for the code points `start..<end`.
public struct Completion: Sendable, Hashable {
  public var matches: [String]
  public var start: Int
  public var end: Int
  /// One type label per match (JupyterLab's `_jupyter_types_experimental`), e.g. "keyword".
  public var types: [String]
  /// One short documentation text per match (sent as its `signature`), or none.
  public var documentation: [String]

  /// Creates a completion; `types` and `documentation` default to none.
  public init(matches: [String], start: Int, end: Int, types: [String] = [], documentation: [String] = []) {
    self.matches = matches
    self.start = start
    self.end = end
    self.types = types
    self.documentation = documentation
  }
}

/// The answer to `is_complete_request`.
public enum Completeness: Sendable, Hashable {
  case complete
  case incomplete(indent: String)
  case invalid
  case unknown
}

/// Static facts for `kernel_info_reply`.
public struct KernelInfo: Sendable {
  public var implementation: String
  public var implementationVersion: String
  /// `language_info`: name, version, mimetype, file_extension, pygments_lexer, codemirror_mode.
  public var languageInfo: JSONValue
  public var banner: String
  public var helpLinks: [(text: String, url: String)]

  /// Creates kernel facts.
  public init(
    implementation: String, implementationVersion: String, languageInfo: JSONValue, banner: String,
    helpLinks: [(text: String, url: String)] = []
  ) {
    self.implementation = implementation
    self.implementationVersion = implementationVersion
    self.languageInfo = languageInfo
    self.banner = banner
    self.helpLinks = helpLinks
  }

  var replyContent: JSONValue {
    [
      "status": "ok",
      "protocol_version": .string(MessageFactory.protocolVersion),
      "implementation": .string(implementation),
      "implementation_version": .string(implementationVersion),
      "language_info": languageInfo,
      "banner": .string(banner),
      "help_links": .array(helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
      "debugger": false,
    ]
  }
}
