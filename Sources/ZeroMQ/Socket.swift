/// A libzmq socket, closed when the value is released.
///
/// Not `Sendable`: a libzmq socket must be used by one thread at a time, so make it on the
/// thread that uses it, from a shared ``ZMQContext``.
public final class Socket {
  let handle: UnsafeMutableRawPointer
  /// The pattern this socket was made with.
  public let type: SocketType
  private var isClosed = false

  /// Creates a socket in `context`. The corresponding C function is `zmq_socket`.
  public init(_ context: ZMQContext, type: SocketType) throws {
    handle = try LibZMQ.socket(context.handle, type: type.rawValue)
    self.type = type
  }

  /// Binds to an endpoint such as `tcp://127.0.0.1:5555`. The corresponding C function is `zmq_bind`.
  public func bind(_ endpoint: String) throws {
    try LibZMQ.bind(handle, endpoint)
  }

  /// Connects to an endpoint. The corresponding C function is `zmq_connect`.
  public func connect(_ endpoint: String) throws {
    try LibZMQ.connect(handle, endpoint)
  }

  /// The endpoint last bound, with the real port when bound to port 0 or `*`.
  public var lastEndpoint: String {
    get throws { try LibZMQ.lastEndpoint(handle) }
  }

  /// Closes the socket now; pending messages are kept for the linger period.
  ///
  /// The corresponding C function is `zmq_close`.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    LibZMQ.close(handle)
  }

  deinit {
    close()
  }
}
