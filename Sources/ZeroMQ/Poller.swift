/// Waits on several sockets at once.
public enum Poller {
  /// Waits until at least one socket is readable or the timeout passes.
  ///
  /// A signal that interrupts the wait returns with nothing ready, so callers simply loop.
  /// The corresponding C function is `zmq_poll`.
  /// - Parameters:
  ///   - sockets: the sockets to watch, all owned by the calling thread.
  ///   - timeoutMilliseconds: how long to wait; -1 waits forever.
  /// - Returns: one flag per socket, `true` where a message is waiting.
  public static func readable(_ sockets: [Socket], timeoutMilliseconds: Int) throws -> [Bool] {
    try LibZMQ.poll(sockets.map(\.handle), events: LibZMQ.pollIn, timeoutMilliseconds: timeoutMilliseconds)
  }
}
