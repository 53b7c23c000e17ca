/// What an interpreter can do while it executes: publish outputs, read input, notice interrupts.
///
/// Outputs of a `silent` execution are dropped here, so interpreters need not check.
public struct ExecutionContext {
  let io: any KernelIO
  let factory: MessageFactory
  /// The execute_request being served (parent of every output).
  public let request: Message
  /// The number shown as `In [n]` for this execution.
  public let executionCount: Int
  /// Whether the request asked for no output.
  public let isSilent: Bool
  /// Whether the frontend can answer `input_request`.
  public let allowsInput: Bool
  let interrupt: InterruptFlag

  /// True once the user has asked to interrupt this execution; check it often.
  public var isInterrupted: Bool { interrupt.isRaised }

  /// A closure that reports interruption, for evaluators that must not know this module.
  public var interruptionCheck: @Sendable () -> Bool {
    let flag = interrupt
    return { flag.isRaised }
  }

  private func publish(_ type: String, _ content: JSONValue) {
    guard !isSilent else { return }
    io.publish(factory.child(of: request, type: type, content: content))
  }

  /// Appends text to the cell's stdout or stderr stream.
  public func stream(_ name: StreamName, _ text: String) {
    guard !text.isEmpty else { return }
    publish("stream", ["name": .string(name.rawValue), "text": .string(text)])
  }

  /// Shows a rich output; with `displayID` it can be updated later.
  public func display(_ bundle: DisplayBundle, displayID: String? = nil) {
    var content: [String: JSONValue] = ["data": .object(bundle.data), "metadata": .object(bundle.metadata)]
    if let displayID { content["transient"] = ["display_id": .string(displayID)] }
    publish("display_data", .object(content))
  }

  /// Replaces every output shown with `displayID`.
  public func updateDisplay(_ bundle: DisplayBundle, displayID: String) {
    publish(
      "update_display_data",
      [
        "data": .object(bundle.data), "metadata": .object(bundle.metadata),
        "transient": ["display_id": .string(displayID)],
      ])
  }

  /// Clears the cell's output; with `wait`, only when the next output arrives.
  public func clearOutput(wait: Bool = false) {
    publish("clear_output", ["wait": .bool(wait)])
  }

  /// Asks the frontend for a line of input and waits for it.
  ///
  /// - Throws: ``InputError`` when input is not allowed or the wait was interrupted.
  public func input(prompt: String, password: Bool = false) throws -> String {
    guard allowsInput else { throw InputError.notAllowed }
    return try io.requestInput(prompt: prompt, password: password, parent: request, interrupt: interrupt)
  }
}

/// The two output streams.
public enum StreamName: String, Sendable {
  case stdout, stderr
}

/// Why `input(prompt:)` returned no text.
public enum InputError: Error, Sendable, Equatable {
  /// The request had `allow_stdin: false`.
  case notAllowed
  /// The user interrupted while the kernel waited.
  case interrupted
  /// The stdin channel failed or sent something unusable.
  case channelFailed(String)
}
