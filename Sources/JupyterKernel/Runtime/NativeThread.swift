#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts detached POSIX threads with a chosen stack size.
///
/// The kernel needs nothing else from Foundation's `Thread`, and importing it would link all of
/// Foundation (with its ICU data) into the binary: several megabytes of resident memory.
public enum NativeThread {
  /// The closure a new thread runs, passed through pthread's `void *` argument.
  private final class Body {
    let run: @Sendable () -> Void

    init(run: @escaping @Sendable () -> Void) {
      self.run = run
    }
  }

  /// Runs `body` on a new detached thread.
  ///
  /// - Parameter stackSize: bytes of stack; deep recursion (the parser) needs more than the default.
  /// - Returns: false when the system could not create the thread.
  @discardableResult
  public static func start(stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) -> Bool {
    var attributes = pthread_attr_t()
    guard (try? POSIXCall.pthread(pthread_attr_init(&attributes), "pthread_attr_init")) != nil else { return false }
    defer { pthread_attr_destroy(&attributes) }
    do throws(POSIXCallError) {
      try POSIXCall.pthread(pthread_attr_setstacksize(&attributes, stackSize), "pthread_attr_setstacksize")
      try POSIXCall.pthread(
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)), "pthread_attr_setdetachstate")
    } catch {
      KernelLog.warning("cannot start a thread: \(error)")
      return false
    }
    let context = Unmanaged.passRetained(Body(run: body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(
      &thread, &attributes,
      { raw in
        guard let raw else { return nil }
        let body = Unmanaged<Body>.fromOpaque(raw).takeRetainedValue()
        body.run()
        return nil
      }, context)
    if created != 0 {
      Unmanaged<Body>.fromOpaque(context).release()
      return false
    }
    return true
  }

  /// Sleeps the calling thread for `seconds`.
  public static func sleep(seconds: Double) {
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
  }
}
