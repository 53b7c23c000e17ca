import Dispatch
import FoundationEssentials
import Synchronization
import ZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a kernel over ZeroMQ: one thread per socket, signals taken by a `sigwait` thread.
///
/// Threads: heartbeat (echo), iopub (XPUB fed by an in-process queue, so each producer's
/// messages stay in order, and `iopub_welcome` to every new subscriber), control (kernel_info,
/// interrupt, shutdown), shell (+ stdin; runs the interpreter), signals, parent watchdog.
public enum KernelServer {
  /// Starts the kernel and returns only by exiting the process.
  ///
  /// - Parameters:
  ///   - connection: the client's connection file.
  ///   - info: facts for `kernel_info_reply`.
  ///   - makeInterpreter: builds the interpreter on the shell thread.
  public static func run(
    connection: ConnectionInfo, info: KernelInfo,
    makeInterpreter: @escaping @Sendable () -> any KernelInterpreter
  ) throws -> Never {
    KernelLog.setName(info.implementation)
    try connection.validate()
    do throws(POSIXCallError) {
      try Signals.blockInterruptAndTerminate()
    } catch {
      throw KernelStartupError("cannot set up signal handling: \(error)")
    }
    let state = RuntimeState(context: try ZMQContext(), connection: connection, info: info)

    let threads: [(String, @Sendable (RuntimeState) -> Void)] = [
      ("iopub", runIOPub), ("heartbeat", runHeartbeat), ("control", runControl),
      ("shell", { runShell($0, makeInterpreter: makeInterpreter) }),
    ]
    for (name, body) in threads {
      guard NativeThread.start(stackSize: 16 << 20, { body(state) }) else {
        throw KernelStartupError("could not start the \(name) thread")
      }
    }
    for _ in threads { state.bound.wait() }
    let failures = state.startupErrors.withLock { $0 }
    if !failures.isEmpty {
      for failure in failures { KernelLog.info("error: \(failure)") }
      exit(1)
    }
    Signals.startWatcher(state)
    ParentWatcher.start(state)
    KernelLog.info(
      "kernel ready on \(connection.endpoint(port: connection.shellPort)) (session \(state.factory.session))")

    state.shutdownRequested.wait()
    // Give each loop a moment to notice the stop flag and close its sockets (flushing with linger).
    let deadline = DispatchTime.now() + .milliseconds(700)
    for _ in threads where state.finished.wait(timeout: deadline) == .timedOut { break }
    exit(0)
  }
}
