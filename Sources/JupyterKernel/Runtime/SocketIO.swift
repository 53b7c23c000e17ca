import ZeroMQ

/// ``KernelIO`` over ZeroMQ for one thread: replies on its ROUTER, iopub via the in-process queue.
struct SocketIO: KernelIO {
  let state: RuntimeState
  let replySocket: Socket
  let iopub: Socket
  /// The stdin ROUTER; only the shell thread has one.
  let stdin: Socket?

  func reply(_ message: Message, on channel: Channel) {
    send(state.codec.encode(message), on: replySocket, what: "\(channel.rawValue) reply")
  }

  func publish(_ message: Message) {
    // The topic frame routes nothing (clients subscribe to everything); it names the type.
    var topic = message
    topic.identities = [Array("kernel.\(state.factory.session).\(message.msgType)".utf8)]
    send(state.codec.encode(topic), on: iopub, what: "iopub message")
  }

  func requestInput(prompt: String, password: Bool, parent: Message, interrupt: InterruptFlag) throws -> String {
    guard let stdin else { throw InputError.channelFailed("no stdin socket on this thread") }
    // Drop stale replies to earlier requests before asking.
    while (try? stdin.receiveIfReady()) != nil {}
    let request = state.factory.child(
      of: parent, type: "input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
      identities: parent.identities)
    send(state.codec.encode(request), on: stdin, what: "input_request")
    while true {
      if interrupt.isRaised { throw InputError.interrupted }
      let ready = (try? Poller.readable([stdin], timeoutMilliseconds: 10)) ?? [false]
      guard ready[0] else { continue }
      let frames: [[UInt8]]
      do { frames = try stdin.receive() } catch { throw InputError.channelFailed("\(error)") }
      do {
        let reply = try state.codec.decode(frames)
        guard reply.msgType == "input_reply" else { continue }
        guard let value = reply.content["value"]?.stringValue else {
          throw InputError.channelFailed("input_reply without a string value")
        }
        return value
      } catch let error as WireError {
        KernelLog.warning("dropped stdin message: \(error)")
      }
    }
  }

  private func send(_ frames: [[UInt8]], on socket: Socket, what: String) {
    do {
      try socket.send(frames)
    } catch {
      KernelLog.warning("could not send \(what): \(error)")
    }
  }
}
