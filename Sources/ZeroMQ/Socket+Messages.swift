extension Socket {
  /// Sends a multipart message, every frame as bytes.
  ///
  /// With `dontWait`, returns `false` instead of blocking when the message cannot be queued.
  /// The corresponding C function is `zmq_send`.
  @discardableResult
  public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws -> Bool {
    for (index, frame) in frames.enumerated() {
      let more = index < frames.count - 1
      let queued = try LibZMQ.send(handle, frame, more: more, dontWait: dontWait && index == 0)
      if !queued { return false }
    }
    return true
  }

  /// Receives every frame of the next multipart message, blocking until one arrives.
  ///
  /// The corresponding C function is `zmq_msg_recv`.
  public func receive() throws -> [[UInt8]] {
    // A blocking receive always yields frames.
    try LibZMQ.receiveMultipart(handle, dontWait: false) ?? []
  }

  /// Receives the next multipart message if one is already waiting, else returns `nil`.
  public func receiveIfReady() throws -> [[UInt8]]? {
    try LibZMQ.receiveMultipart(handle, dontWait: true)
  }
}
