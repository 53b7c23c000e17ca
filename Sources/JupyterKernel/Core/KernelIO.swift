/// The sockets, as the dispatch logic sees them. ZeroMQ in the kernel; in memory in tests.
public protocol KernelIO {
  /// Sends a reply on the channel the request came from (its identities are in the message).
  func reply(_ message: Message, on channel: Channel)
  /// Publishes a message on iopub, in order.
  func publish(_ message: Message)
  /// Sends `input_request` on stdin to the requester and waits for `input_reply`.
  func requestInput(prompt: String, password: Bool, parent: Message, interrupt: InterruptFlag) throws -> String
}

/// The request channels.
public enum Channel: String, Sendable {
  case shell, control, stdin
}
