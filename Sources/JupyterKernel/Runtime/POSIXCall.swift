#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed POSIX call: which call, and the system's words for its error number.
struct POSIXCallError: Error, Sendable, CustomStringConvertible {
  /// The call, as in `pthread_sigmask`.
  var call: String
  /// The error number it returned (pthread functions) or left in `errno`.
  var code: Int32

  var description: String { "\(call) failed: \(String(cString: strerror(code))) (\(code))" }
}

/// Checked POSIX calls: every return code the kernel's threads and signals depend on is looked
/// at, as ``ZMQCall`` does for libzmq.
enum POSIXCall {
  /// A pthread function's result: 0, or the error number itself.
  static func pthread(_ result: Int32, _ call: String) throws(POSIXCallError) {
    if result != 0 { throw POSIXCallError(call: call, code: result) }
  }

  /// A classic call's result: -1 (or `SIG_ERR`) with the reason in `errno`.
  static func classic(failed: Bool, _ call: String) throws(POSIXCallError) {
    if failed { throw POSIXCallError(call: call, code: errno) }
  }
}
