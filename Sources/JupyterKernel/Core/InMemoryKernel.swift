import Synchronization

/// A kernel without sockets, for tests: requests go in, replies and iopub messages come out in
/// the exact order the dispatcher produced them (like swift-nio's `EmbeddedChannel`).
public struct InMemoryKernel {
  /// One message the kernel sent, with where it went.
  public struct Sent: Sendable {
    /// `nil` for iopub, else the reply channel.
    public var channel: Channel?
    public var message: Message
  }

  /// Records what a core sends. A reference type so non-mutating `KernelIO` calls can record;
  /// its state is behind a `Mutex`.
  final class Recorder: KernelIO, Sendable {
    let log = Mutex<[Sent]>([])
    let answers = Mutex<[String]>([])

    func reply(_ message: Message, on channel: Channel) {
      log.withLock { $0.append(Sent(channel: channel, message: message)) }
    }
    func publish(_ message: Message) { log.withLock { $0.append(Sent(channel: nil, message: message)) } }
    func requestInput(prompt: String, password: Bool, parent: Message, interrupt: InterruptFlag) throws -> String {
      let request = MessageFactory().child(
        of: parent, type: "input_request", content: ["prompt": .string(prompt), "password": .bool(password)])
      log.withLock { $0.append(Sent(channel: .stdin, message: request)) }
      guard let answer = answers.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
        throw InputError.channelFailed("no input queued")
      }
      return answer
    }
  }

  /// The dispatcher under test.
  public private(set) var core: KernelCore
  let control: ControlCore
  let recorder = Recorder()
  /// Makes the client-side request headers.
  public let client = MessageFactory(username: "tester")
  /// The interrupt flag the core's executions watch.
  public let interrupt: InterruptFlag

  /// Creates a kernel around `interpreter`.
  public init(interpreter: any KernelInterpreter, info: KernelInfo) {
    let interrupt = InterruptFlag()
    let factory = MessageFactory()
    self.interrupt = interrupt
    self.core = KernelCore(interpreter: interpreter, factory: factory, info: info, interrupt: interrupt)
    self.control = ControlCore(factory: factory, info: info, interrupt: interrupt)
  }

  /// A request message as a client would send it.
  public func makeRequest(_ type: String, _ content: JSONValue) -> Message {
    Message(identities: [Array("client".utf8)], header: client.header(type), content: content)
  }

  /// Queues answers for `input_request`s.
  public func queueInput(_ answers: [String]) {
    recorder.answers.withLock { $0 += answers }
  }

  /// Serves requests as if they had all arrived at once on shell: after a `stop_on_error`
  /// failure, the executes still queued are aborted. Returns everything sent, in order.
  @discardableResult
  public mutating func shell(_ requests: [Message]) -> [Sent] {
    let start = recorder.log.withLock { $0.count }
    var queue = requests
    while !queue.isEmpty {
      let request = queue.removeFirst()
      if case .abortQueuedExecutions(let idle) = core.handle(request, io: recorder) {
        queue = core.abortQueued(queue, io: recorder)
        recorder.publish(idle)
      }
    }
    return recorder.log.withLock { Array($0[start...]) }
  }

  /// Serves one shell request; returns everything sent for it, in order.
  @discardableResult
  public mutating func shell(_ type: String, _ content: JSONValue) -> [Sent] {
    shell([makeRequest(type, content)])
  }

  /// Serves one control request; returns everything sent for it, in order.
  @discardableResult
  public func control(_ type: String, _ content: JSONValue = .emptyObject) -> [Sent] {
    let start = recorder.log.withLock { $0.count }
    _ = control.handle(makeRequest(type, content), io: recorder)
    return recorder.log.withLock { Array($0[start...]) }
  }

  /// An execute_request content with the usual defaults.
  public static func execute(_ code: String, silent: Bool = false, storeHistory: Bool = true, stopOnError: Bool = true)
    -> JSONValue
  {
    [
      "code": .string(code), "silent": .bool(silent), "store_history": .bool(storeHistory),
      "user_expressions": .emptyObject, "allow_stdin": true, "stop_on_error": .bool(stopOnError),
    ]
  }
}
