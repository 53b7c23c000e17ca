import Dispatch
import JupyterKernel
import Synchronization

/// One cell evaluated on a thread of its own, so the shell thread can answer an interrupt at once.
///
/// The evaluator stops cooperatively — once per stage and every 16,384 rows — but a single step
/// (sorting or freeing tens of millions of rows) can take longer than the 100 ms a user may wait
/// for the kernel to be idle again. The shell thread therefore waits for the worker, and when an
/// interrupt comes it stops waiting: the worker goes on to its next check, then ends; the next
/// cell waits for it and takes over the session it leaves, with the `let`s made before the stop.
///
/// A reference type because two threads share it; its state is behind a `Mutex`.
final class CellWorker: Sendable {
  typealias Outcome = (engine: FlowEngine, result: FlowEngine.CellResult)

  private let outcome = Mutex<Outcome?>(nil)
  private let finished = DispatchSemaphore(value: 0)
  /// Raised when the shell thread stops waiting; the evaluation then stops at its next check.
  private let abandoned = InterruptFlag()

  /// Starts running `code` on a copy of `engine`; `interrupted` is the kernel's interrupt flag.
  init(engine: FlowEngine, code: String, interrupted: @escaping @Sendable () -> Bool) {
    let run: @Sendable () -> Void = { [self] in
      var engine = engine
      let result = engine.run(code) { interrupted() || abandoned.isRaised }
      outcome.withLock { $0 = (engine, result) }
      finished.signal()
    }
    // As deep as the shell thread's stack: deeply nested expressions recurse in the parser.
    // Without a thread to be had, the cell runs here, without the prompt answer to interrupts.
    if !NativeThread.start(stackSize: 16 << 20, run) { run() }
  }

  /// The engine and result once the cell has finished, waiting at most `seconds`.
  func wait(seconds: Double) -> Outcome? {
    guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
    finished.signal()  // later waits succeed at once
    return outcome.withLock { $0 }
  }

  /// Tells the evaluation to stop at its next check; its result will be discarded.
  func abandon() {
    abandoned.raise()
  }
}
