/// The shell-side dispatcher: wraps every request in busy → outputs → reply → idle.
///
/// It owns the interpreter, the execution counter and the history, and talks to the world only
/// through ``KernelIO``, so it runs the same over ZeroMQ and in memory.
public struct KernelCore {
  /// What the shell loop should do after a request.
  public enum Aftermath: Sendable {
    case proceed
    /// An execution failed with `stop_on_error`: the caller answers the executes already queued
    /// as aborted (``abortQueued(_:io:)``) and only then publishes `idle`, the status here. A
    /// client that sends its next cell when it sees `idle` must not have it aborted.
    case abortQueuedExecutions(idle: Message)
    /// A (deprecated) shutdown arrived on shell.
    case shutdown(restart: Bool)
  }

  var interpreter: any KernelInterpreter
  let factory: MessageFactory
  let info: KernelInfo
  let interrupt: InterruptFlag
  /// The last `In [n]` number used.
  public internal(set) var executionCount = 0
  /// Everything executed with `store_history`.
  public internal(set) var history = HistoryStore()

  /// Creates a core around an interpreter.
  public init(interpreter: any KernelInterpreter, factory: MessageFactory, info: KernelInfo, interrupt: InterruptFlag) {
    self.interpreter = interpreter
    self.factory = factory
    self.info = info
    self.interrupt = interrupt
  }

  /// Serves one shell request, publishing busy first and idle last (after a `stop_on_error`
  /// failure the caller publishes idle, see ``Aftermath/abortQueuedExecutions(idle:)``).
  public mutating func handle(_ request: Message, io: any KernelIO) -> Aftermath {
    io.publish(factory.child(of: request, type: "status", content: ["execution_state": "busy"]))
    let aftermath = serve(request, io: io)
    if case .abortQueuedExecutions = aftermath { return aftermath }
    io.publish(idleStatus(request))
    return aftermath
  }

  private mutating func serve(_ request: Message, io: any KernelIO) -> Aftermath {
    switch request.msgType {
    case "execute_request": return execute(request, io: io)
    case "kernel_info_request": io.reply(factory.reply(to: request, content: info.replyContent), on: .shell)
    case "complete_request": complete(request, io: io)
    case "inspect_request": inspect(request, io: io)
    case "is_complete_request": isComplete(request, io: io)
    case "history_request": historyReply(request, io: io)
    case "comm_info_request":
      io.reply(factory.reply(to: request, content: ["status": "ok", "comms": .emptyObject]), on: .shell)
    case "comm_open": closeUnknownComm(request, io: io)
    case "shutdown_request":
      let restart = (try? request.content.decode(ShutdownRequest.self))?.restart ?? false
      io.reply(factory.reply(to: request, content: ["status": "ok", "restart": .bool(restart)]), on: .shell)
      return .shutdown(restart: restart)
    default:
      KernelLog.warning("ignoring unknown shell message type \(request.msgType)")
    }
    return .proceed
  }

  /// After a `stop_on_error` failure: answers every queued execute_request as aborted, without
  /// running it, and returns the other requests to be served normally, in order.
  public func abortQueued(_ queued: [Message], io: any KernelIO) -> [Message] {
    var rest: [Message] = []
    for request in queued {
      if request.msgType == "execute_request" { abort(request, io: io) } else { rest.append(request) }
    }
    return rest
  }

  /// The `idle` status that ends `request`.
  func idleStatus(_ request: Message) -> Message {
    factory.child(of: request, type: "status", content: ["execution_state": "idle"])
  }

  private func abort(_ request: Message, io: any KernelIO) {
    io.publish(factory.child(of: request, type: "status", content: ["execution_state": "busy"]))
    io.reply(
      // Only the status, as ipykernel sends it: a count would show the failed cell's number on
      // every aborted cell.
      factory.reply(to: request, content: ["status": "aborted"]),
      on: .shell)
    io.publish(factory.child(of: request, type: "status", content: ["execution_state": "idle"]))
  }

  func replyError(_ error: ExecutionError, to request: Message, io: any KernelIO, extra: [String: JSONValue] = [:]) {
    var content = error.fields
    content["status"] = "error"
    content.merge(extra) { $1 }
    io.reply(factory.reply(to: request, content: .object(content)), on: .shell)
  }

  private func closeUnknownComm(_ request: Message, io: any KernelIO) {
    // No comm targets exist: per the spec, close any comm a frontend opens right away.
    guard let id = request.content["comm_id"]?.stringValue else { return }
    io.publish(factory.child(of: request, type: "comm_close", content: ["comm_id": .string(id), "data": .emptyObject]))
  }
}
