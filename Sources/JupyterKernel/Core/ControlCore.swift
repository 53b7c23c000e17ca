/// The control-side dispatcher: kernel_info, shutdown and interrupt, each wrapped in busy/idle.
public struct ControlCore: Sendable {
  /// What the control loop should do next.
  public enum Aftermath: Sendable, Equatable {
    case proceed
    case shutdown(restart: Bool)
  }

  let factory: MessageFactory
  let info: KernelInfo
  let interrupt: InterruptFlag

  /// Creates the control dispatcher.
  public init(factory: MessageFactory, info: KernelInfo, interrupt: InterruptFlag) {
    self.factory = factory
    self.info = info
    self.interrupt = interrupt
  }

  /// Serves one control request.
  public func handle(_ request: Message, io: any KernelIO) -> Aftermath {
    io.publish(factory.child(of: request, type: "status", content: ["execution_state": "busy"]))
    defer { io.publish(factory.child(of: request, type: "status", content: ["execution_state": "idle"])) }
    switch request.msgType {
    case "kernel_info_request":
      io.reply(factory.reply(to: request, content: info.replyContent), on: .control)
    case "interrupt_request":
      interrupt.raise()
      io.reply(factory.reply(to: request, content: ["status": "ok"]), on: .control)
    case "shutdown_request":
      let restart = (try? request.content.decode(ShutdownRequest.self))?.restart ?? false
      let reply = factory.reply(to: request, content: ["status": "ok", "restart": .bool(restart)])
      io.reply(reply, on: .control)
      // Like ipykernel, broadcast the reply on iopub so every frontend learns of the shutdown.
      io.publish(Message(header: reply.header, parentHeader: reply.parentHeader, content: reply.content))
      return .shutdown(restart: restart)
    default:
      KernelLog.warning("ignoring unknown control message type \(request.msgType)")
    }
    return .proceed
  }
}
