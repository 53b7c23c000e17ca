import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM are blocked in every thread and taken by one `sigwait` thread.
///
/// This keeps SIGINT from killing the kernel (jupyter_client sends it before every shutdown and
/// for every interrupt) and from interrupting `zmq_poll` with EINTR in arbitrary threads.
enum Signals {
  private static func set() -> sigset_t {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    return signals
  }

  /// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts later, and
  /// ignores SIGPIPE (a client that goes away must not end the kernel).
  static func blockInterruptAndTerminate() throws(POSIXCallError) {
    var signals = set()
    try POSIXCall.pthread(pthread_sigmask(SIG_BLOCK, &signals, nil), "pthread_sigmask")
    // `SIG_ERR` is the handler address -1.
    let previous = signal(SIGPIPE, SIG_IGN)
    try POSIXCall.classic(failed: unsafeBitCast(previous, to: Int.self) == -1, "signal(SIGPIPE)")
  }

  /// Starts the thread that turns SIGINT into an interrupt and SIGTERM into a shutdown.
  static func startWatcher(_ state: RuntimeState) {
    NativeThread.start {
      var signals = set()
      while true {
        var received: Int32 = 0
        do throws(POSIXCallError) {
          try POSIXCall.pthread(sigwait(&signals, &received), "sigwait")
        } catch {
          // sigwait fails only for an invalid set; looping would spin a core.
          KernelLog.warning("\(error); SIGINT no longer interrupts (interrupt_request still does)")
          return
        }
        if received == SIGINT {
          state.interrupt.raise()
        } else {
          KernelLog.info("SIGTERM: shutting down")
          state.requestShutdown()
        }
      }
    }
  }
}

/// Exits the kernel when the process that started it (`JPY_PARENT_PID`) is gone.
enum ParentWatcher {
  static func start(_ state: RuntimeState) {
    guard let text = ProcessInfo.processInfo.environment["JPY_PARENT_PID"], let parent = Int32(text), parent > 1
    else { return }
    NativeThread.start {
      while !state.isStopping {
        NativeThread.sleep(seconds: 0.5)
        if getppid() != parent && kill(parent, 0) != 0 {
          KernelLog.info("parent process \(parent) is gone: shutting down")
          state.requestShutdown()
        }
      }
    }
  }
}
