import Dispatch
import ZeroMQ

extension KernelServer {
  static func runHeartbeat(_ state: RuntimeState) {
    defer { _ = state.finished.signal() }
    guard let socket = state.bindSocket(.rep, port: state.connection.hbPort, name: "heartbeat") else {
      state.bound.signal()
      return
    }
    _ = state.bound.signal()
    while !state.isStopping {
      guard (try? Poller.readable([socket], timeoutMilliseconds: RuntimeState.pollMilliseconds))?[0] == true,
        let frames = try? socket.receive()
      else { continue }
      _ = try? socket.send(frames)
    }
    socket.close()
  }

  static func runIOPub(_ state: RuntimeState) {
    defer { _ = state.finished.signal() }
    let queue: Socket
    do {
      queue = try Socket(state.context, type: .pull)
      try queue.setHighWaterMarks(send: 0, receive: 0)
      try queue.bind(state.iopubQueue)
    } catch {
      state.reportBindFailure("cannot create the iopub queue: \(error)")
      state.bound.signal()
      return
    }
    guard let xpub = state.bindSocket(.xpub, port: state.connection.iopubPort, name: "iopub") else {
      state.bound.signal()
      return
    }
    try? xpub.setXPubVerbose(true)
    try? xpub.setHighWaterMarks(send: 100_000, receive: 1000)
    _ = state.bound.signal()

    func welcome(_ frames: [[UInt8]]) {
      // A subscription frame is 0x01 followed by the topic; 0x00 is an unsubscription.
      guard let first = frames.first, first.first == 1 else { return }
      let topic = String(decoding: first.dropFirst(), as: UTF8.self)
      let message = state.factory.child(of: nil, type: "iopub_welcome", content: ["subscription": .string(topic)])
      _ = try? xpub.send(state.codec.encode(message))
    }

    _ = try? xpub.send(
      state.codec.encode(state.factory.child(of: nil, type: "status", content: ["execution_state": "starting"])))
    while !state.isStopping {
      guard let ready = try? Poller.readable([queue, xpub], timeoutMilliseconds: RuntimeState.pollMilliseconds)
      else { continue }
      if ready[1], let frames = try? xpub.receive() { welcome(frames) }
      if ready[0], let frames = try? queue.receive() {
        // A subscription that arrived since the poll gets its welcome before this message, so a
        // new client's first iopub message is always `iopub_welcome`.
        while let subscription = try? xpub.receiveIfReady() { welcome(subscription) }
        _ = try? xpub.send(frames)
      }
    }
    // Flush what producers queued before the stop (shutdown_reply, last idle).
    while let frames = try? queue.receiveIfReady() { _ = try? xpub.send(frames) }
    xpub.close()
    queue.close()
  }

  static func makeQueueProducer(_ state: RuntimeState) -> Socket? {
    do {
      let push = try Socket(state.context, type: .push)
      try push.setHighWaterMarks(send: 0, receive: 0)
      try push.setLinger(milliseconds: RuntimeState.lingerMilliseconds)
      try push.connect(state.iopubQueue)
      return push
    } catch {
      state.reportBindFailure("cannot connect to the iopub queue: \(error)")
      return nil
    }
  }

  static func runControl(_ state: RuntimeState) {
    defer { _ = state.finished.signal() }
    guard let control = state.bindSocket(.router, port: state.connection.controlPort, name: "control"),
      let push = makeQueueProducer(state)
    else {
      state.bound.signal()
      return
    }
    _ = state.bound.signal()
    let io = SocketIO(state: state, replySocket: control, iopub: push, stdin: nil)
    let core = ControlCore(factory: state.factory, info: state.info, interrupt: state.interrupt)
    while !state.isStopping {
      guard let message = receiveMessage(control, state: state, channel: "control") else { continue }
      if case .shutdown = core.handle(message, io: io) {
        state.requestShutdown()
      }
    }
    push.close()
    control.close()
  }

  static func runShell(_ state: RuntimeState, makeInterpreter: @Sendable () -> any KernelInterpreter) {
    defer { _ = state.finished.signal() }
    guard let shell = state.bindSocket(.router, port: state.connection.shellPort, name: "shell"),
      let stdin = state.bindSocket(.router, port: state.connection.stdinPort, name: "stdin"),
      let push = makeQueueProducer(state)
    else {
      state.bound.signal()
      return
    }
    _ = state.bound.signal()
    let io = SocketIO(state: state, replySocket: shell, iopub: push, stdin: stdin)
    var core = KernelCore(
      interpreter: makeInterpreter(), factory: state.factory, info: state.info, interrupt: state.interrupt)
    var pending: [Message] = []
    var clocks = ClientClocks()
    var window: AbortWindow?
    while !state.isStopping {
      guard
        let message = pending.isEmpty ? receiveMessage(shell, state: state, channel: "shell") : pending.removeFirst()
      else { continue }
      let read = HeaderDate.nowSeconds()
      clocks.observe(message, at: read)
      if var open = window {
        let late = open.admits(message, now: read)
        window = open.isOpen ? open : nil
        if late {
          _ = core.abortQueued([message], io: io)
          continue
        }
      }
      switch core.handle(message, io: io) {
      case .proceed: break
      case .shutdown: state.requestShutdown()
      case .abortQueuedExecutions(let idle):
        // Everything that arrived before the failed cell's idle: executes are aborted, the rest
        // served afterwards.
        var queued: [Message] = pending
        pending = []
        while let frames = try? shell.receiveIfReady() {
          guard let message = decode(frames, state: state, channel: "shell") else { continue }
          clocks.observe(message, at: HeaderDate.nowSeconds())
          queued.append(message)
        }
        pending = core.abortQueued(queued, io: io)
        // The rest of the same batch may still be on its way, or not even created (see AbortWindow).
        window = AbortWindow(
          failed: message, failedAt: HeaderDate.nowSeconds(),
          clockCorrection: clocks.correction(of: message.header.session),
          aborted: queued)
        io.publish(idle)
      }
    }
    push.close()
    stdin.close()
    shell.close()
  }

  /// Waits briefly for one message; drops (and logs) anything malformed or unsigned.
  static func receiveMessage(_ socket: Socket, state: RuntimeState, channel: String) -> Message? {
    guard (try? Poller.readable([socket], timeoutMilliseconds: RuntimeState.pollMilliseconds))?[0] == true,
      let frames = try? socket.receive()
    else { return nil }
    return decode(frames, state: state, channel: channel)
  }

  static func decode(_ frames: [[UInt8]], state: RuntimeState, channel: String) -> Message? {
    do {
      return try state.codec.decode(frames)
    } catch {
      KernelLog.warning("dropped \(channel) message: \(error)")
      return nil
    }
  }
}
