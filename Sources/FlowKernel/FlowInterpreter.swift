import JupyterKernel

/// The FlowQL language behind the Jupyter kernel.
public struct FlowInterpreter: KernelInterpreter {
  /// Creates an interpreter with an empty session.
  public init() {}

  public mutating func execute(code: String, context: ExecutionContext) -> ExecutionOutcome {
    context.stream(.stdout, code + "\n")
    return .success(result: .plain(code), payloads: [])
  }

  public func complete(code: String, cursor: Int) -> Completion {
    Completion(matches: [], start: cursor, end: cursor)
  }

  public func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? { nil }

  public func isComplete(code: String) -> Completeness { .complete }
}
