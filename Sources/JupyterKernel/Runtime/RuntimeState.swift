import Dispatch
import Synchronization
import ZeroMQ

/// What every kernel thread shares: the context, the codec, the flags, the shutdown signal.
///
/// A reference type because all threads hold the same one; every stored property is itself
/// `Sendable` (libzmq contexts are thread-safe, the flags are atomics), hence `Sendable`.
final class RuntimeState: Sendable {
  let context: ZMQContext
  let connection: ConnectionInfo
  let codec: WireCodec
  let factory: MessageFactory
  let info: KernelInfo
  let interrupt = InterruptFlag()
  private let stopping = Atomic<Bool>(false)
  /// Signalled once when the kernel should exit.
  let shutdownRequested = DispatchSemaphore(value: 0)
  /// Signalled by each socket thread as it binds (or fails to).
  let bound = DispatchSemaphore(value: 0)
  /// Signalled by each socket thread as it exits.
  let finished = DispatchSemaphore(value: 0)
  let startupErrors = Mutex<[String]>([])

  /// The in-process endpoint where producers hand iopub messages to the iopub thread, named
  /// after the embedding kernel (`inproc://NAME-iopub`).
  var iopubQueue: String { "inproc://\(info.implementation)-iopub" }
  /// How long closing sockets may keep trying to deliver (ms); keeps shutdown under a second.
  static let lingerMilliseconds = 500
  /// How often loops look at the stop flag (ms).
  static let pollMilliseconds = 50

  init(context: ZMQContext, connection: ConnectionInfo, info: KernelInfo) {
    self.context = context
    self.connection = connection
    self.codec = WireCodec(signer: MessageSigner(key: connection.key))
    self.factory = MessageFactory()
    self.info = info
  }

  var isStopping: Bool { stopping.load(ordering: .acquiring) }

  /// Asks every loop to finish; the first call wins. A restart is the same to the kernel: the
  /// client's kernel manager starts a new process.
  func requestShutdown() {
    if stopping.exchange(true, ordering: .acquiringAndReleasing) == false {
      interrupt.raise()
      _ = shutdownRequested.signal()
    }
  }

  func reportBindFailure(_ text: String) {
    startupErrors.withLock { $0.append(text) }
  }

  /// Applies the options every kernel socket gets: linger, and CURVE when keys were given.
  func configure(_ socket: Socket) throws {
    try socket.setLinger(milliseconds: Self.lingerMilliseconds)
    if socket.type == .router { try socket.setRouterHandover(true) }
    if let secret = connection.curveSecretKey, !secret.isEmpty, socket.type != .push, socket.type != .pull {
      try socket.makeCurveServer(secretKey: secret)
    }
  }

  /// Makes, configures and binds a socket for `port`, reporting a failure for the main thread.
  func bindSocket(_ type: SocketType, port: Int, name: String) -> Socket? {
    do {
      let socket = try Socket(context, type: type)
      try configure(socket)
      try socket.bind(connection.endpoint(port: port))
      return socket
    } catch {
      reportBindFailure("cannot bind \(name) socket to \(connection.endpoint(port: port)): \(error)")
      return nil
    }
  }
}
