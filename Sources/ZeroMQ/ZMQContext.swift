/// A libzmq context: the owner of I/O threads, from which sockets are made.
///
/// libzmq contexts are thread-safe (zmq_ctx_new(3): "ØMQ contexts are thread safe and may be
/// shared among as many application threads as necessary"), hence `@unchecked Sendable`.
/// Sockets are not: make each ``Socket`` on the thread that uses it.
public final class ZMQContext: @unchecked Sendable {
  let handle: UnsafeMutableRawPointer

  /// Creates a context. The corresponding C function is `zmq_ctx_new`.
  public init() throws {
    handle = try LibZMQ.contextNew()
  }

  /// Makes every blocking call on this context's sockets return ``ZMQError/terminated``.
  ///
  /// The corresponding C function is `zmq_ctx_shutdown`.
  public func shutdown() {
    LibZMQ.contextShutdown(handle)
  }

  deinit {
    LibZMQ.contextTerminate(handle)
  }

  /// The linked libzmq version, such as (4, 3, 4).
  public static var libraryVersion: (major: Int, minor: Int, patch: Int) { LibZMQ.version() }

  /// A new Z85-encoded CURVE key pair. The corresponding C function is `zmq_curve_keypair`.
  public static func curveKeyPair() throws -> (publicKey: String, secretKey: String) {
    try LibZMQ.curveKeyPair()
  }
}
