public import FlowQL
public import JupyterKernel

/// The FlowQL language behind the Jupyter kernel.
///
/// Every statement that yields a value shows it: all but the last as `display_data`, the last
/// as the cell's `execute_result`. A failing statement stops the cell with one `error` message;
/// `let`s from earlier statements and cells are kept.
public struct FlowInterpreter: KernelInterpreter {
  var engine: FlowEngine

  /// An interpreter over the bundled model.
  public init() {
    engine = .bundled()
  }

  /// An interpreter over a given engine (tests, user catalogs).
  public init(engine: FlowEngine) {
    self.engine = engine
  }

  /// After how many seconds a running cell shows a progress line (updated in place).
  var progressDelay = 0.5
  /// A cell left running after an interrupt; the next cell waits for it and takes its session.
  private var abandoned: CellWorker?

  /// How often the shell thread looks at the interrupt flag while a cell runs.
  static let pollSeconds = 0.002
  /// How long an interrupted cell may take to stop by itself (its error then names the stage
  /// it stopped in) before the kernel answers without it.
  static let graceSeconds = 0.01

  public mutating func execute(code: String, context: ExecutionContext) -> ExecutionOutcome {
    guard settle(context) else { return .failure(Self.interruptedWhileWaiting) }
    var progress = Progress(delay: progressDelay, displayID: "flowql-progress-\(context.executionCount)")
    let worker = CellWorker(engine: engine, code: code, interrupted: context.interruptionCheck)
    guard let (engine, result) = Self.outcome(of: worker, context, &progress) else {
      worker.abandon()
      abandoned = worker
      progress.finish(context, with: nil)
      return .failure(Self.interruptedWhileRunning)
    }
    self.engine = engine
    progress.clear(context)
    let events = Self.coalescingStreams(result.events)
    let lastDisplay = result.error == nil ? events.lastIndex { if case .display = $0 { true } else { false } } : nil
    var payloads: [Payload] = []
    var final: DisplayBundle?
    for (index, event) in events.enumerated() {
      switch event {
      case .stdout(let text): context.stream(.stdout, text)
      case .stderr(let text): context.stream(.stderr, text)
      case .clear: context.clearOutput(wait: false)
      case .page(let text): payloads.append(.page(.plain(text), start: 0))
      case .display(let display):
        let bundle = DisplayBundle(display.bundle)
        if index == lastDisplay { final = bundle } else { context.display(bundle) }
      }
    }
    if let error = result.error {
      progress.finish(context, with: nil)
      return .failure(Self.error(error))
    }
    // A shown progress line is replaced by the result in place.
    if progress.finish(context, with: final) { final = nil }
    return .success(result: final, payloads: payloads)
  }

  /// The worker's engine and result; nil when the user interrupted and the worker did not stop
  /// within ``graceSeconds``. Meanwhile a long cell shows its progress line.
  private static func outcome(
    of worker: CellWorker, _ context: ExecutionContext, _ progress: inout Progress
  ) -> CellWorker.Outcome? {
    while true {
      progress.tick(context)
      if let done = worker.wait(seconds: pollSeconds) { return done }
      if context.isInterrupted { return worker.wait(seconds: graceSeconds) }
    }
  }

  /// Waits for a cell left running by an interrupt and takes over its session; false if the
  /// user interrupts again while waiting.
  private mutating func settle(_ context: ExecutionContext) -> Bool {
    guard let worker = abandoned else { return true }
    while true {
      if let (engine, _) = worker.wait(seconds: Self.pollSeconds) {
        self.engine = engine
        abandoned = nil
        return true
      }
      if context.isInterrupted { return false }
    }
  }

  /// The Jupyter error for an engine failure.
  static func error(_ failure: FlowEngine.Failure) -> ExecutionError {
    ExecutionError(name: failure.code, value: failure.message, traceback: failure.traceback)
  }

  static let interruptedWhileRunning = ExecutionError(
    name: "E900", value: "interrupted",
    traceback: [
      "error[E900]: interrupted",
      "  = note: the statement stops at its next check; bindings made before the interrupt are kept",
    ])

  static let interruptedWhileWaiting = ExecutionError(
    name: "E900", value: "interrupted",
    traceback: [
      "error[E900]: interrupted",
      "  = note: this cell did not start: the previously interrupted cell was still stopping",
    ])

  /// Joins consecutive text on the same stream into one message, so a cell of many `print`s
  /// stays far below jupyter_server's iopub rate limit (1,000 messages a second).
  static func coalescingStreams(_ events: [FlowEngine.Event]) -> [FlowEngine.Event] {
    var out: [FlowEngine.Event] = []
    out.reserveCapacity(events.count)
    for event in events {
      switch (out.last, event) {
      case (.stdout(let a)?, .stdout(let b)): out[out.count - 1] = .stdout(a + b)
      case (.stderr(let a)?, .stderr(let b)): out[out.count - 1] = .stderr(a + b)
      default: out.append(event)
      }
    }
    return out
  }

  public func complete(code: String, cursor: Int) -> Completion {
    guard code.utf8.count <= FlowEngine.maximumCellBytes else { return .init(matches: [], start: cursor, end: cursor) }
    let c = engine.session.completions(in: code, cursor: cursor)
    return Completion(
      matches: c.matches, start: c.start, end: c.end, types: c.types, documentation: c.documentation)
  }

  public func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? {
    guard code.utf8.count <= FlowEngine.maximumCellBytes else { return nil }
    return engine.session.inspect(code: code, cursor: cursor, detail: detailLevel).map(DisplayBundle.plain)
  }

  public func isComplete(code: String) -> Completeness {
    guard code.utf8.count <= FlowEngine.maximumCellBytes else { return .invalid }
    return switch engine.session.isComplete(code) {
    case .complete: .complete
    case .incomplete(let indent): .incomplete(indent: indent)
    case .invalid: .invalid
    }
  }

  public mutating func evaluate(expression: String) -> Result<DisplayBundle, ExecutionError> {
    let result = engine.run(expression)
    if let error = result.error { return .failure(Self.error(error)) }
    for case .display(let display) in result.events.reversed() { return .success(DisplayBundle(display.bundle)) }
    return .success(.plain(""))
  }
}
