/// An error reported by libzmq, with the C function that reported it.
///
/// Compare against the named constants with `catch let e as ZMQError where e == .terminated`
/// or with a pattern: `catch ZMQError.terminated`.
public struct ZMQError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The errno-style code (`zmq_errno()`).
  public var code: Int32
  /// The libzmq function that failed, such as `zmq_bind`.
  public var function: String

  /// Creates an error from a code and the failing function.
  public init(code: Int32, function: StaticString = "") {
    self.code = code
    self.function = "\(function)"
  }

  /// A human-readable description from `zmq_strerror`.
  public var description: String {
    function.isEmpty ? LibZMQ.describe(code) : "\(function): \(LibZMQ.describe(code))"
  }

  /// The operation would block. The corresponding C error is `EAGAIN`.
  public static let again = ZMQError(code: LibZMQ.errorAgain)
  /// A signal interrupted the call. The corresponding C error is `EINTR`.
  public static let interrupted = ZMQError(code: LibZMQ.errorInterrupted)
  /// The context was terminated. The corresponding C error is `ETERM`.
  public static let terminated = ZMQError(code: LibZMQ.errorTerminated)
  /// The socket is in the wrong state for the operation. The corresponding C error is `EFSM`.
  public static let finiteStateMachine = ZMQError(code: LibZMQ.errorFiniteStateMachine)
  /// The address is already in use. The corresponding C error is `EADDRINUSE`.
  public static let addressInUse = ZMQError(code: LibZMQ.errorAddressInUse)

  /// Two errors are equal when their codes are; the function is context only.
  public static func == (lhs: ZMQError, rhs: ZMQError) -> Bool { lhs.code == rhs.code }

  /// Hashes the code only, consistent with `==`.
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }

  /// Lets `catch ZMQError.terminated` match an error by its code.
  public static func ~= (pattern: ZMQError, value: any Error) -> Bool {
    (value as? ZMQError)?.code == pattern.code
  }
}
