internal import CZeroMQ

/// The only place in the package that calls libzmq.
///
/// Every function here is a thin shim over one C function: it retries on `EINTR`, maps `EAGAIN`
/// on non-blocking calls to `nil`, and turns any other failure into a ``ZMQError`` that names
/// the C function (the shape of swift-nio's `syscall(blocking:where:_:)`).
enum LibZMQ {
  typealias Handle = UnsafeMutableRawPointer

  // MARK: Constants

  static let router = ZMQ_ROUTER
  static let dealer = ZMQ_DEALER
  static let rep = ZMQ_REP
  static let req = ZMQ_REQ
  static let pub = ZMQ_PUB
  static let sub = ZMQ_SUB
  static let xpub = ZMQ_XPUB
  static let push = ZMQ_PUSH
  static let pull = ZMQ_PULL
  static let pollIn = Int16(ZMQ_POLLIN)
  static let pollOut = Int16(ZMQ_POLLOUT)

  static let optionLinger = ZMQ_LINGER
  static let optionRouterHandover = ZMQ_ROUTER_HANDOVER
  static let optionXPubVerbose = ZMQ_XPUB_VERBOSE
  static let optionSubscribe = ZMQ_SUBSCRIBE
  static let optionSendHighWaterMark = ZMQ_SNDHWM
  static let optionReceiveHighWaterMark = ZMQ_RCVHWM
  static let optionCurveServer = ZMQ_CURVE_SERVER
  static let optionCurvePublicKey = ZMQ_CURVE_PUBLICKEY
  static let optionCurveSecretKey = ZMQ_CURVE_SECRETKEY
  static let optionCurveServerKey = ZMQ_CURVE_SERVERKEY
  static let optionIdentity = ZMQ_ROUTING_ID

  static let errorAgain = EAGAIN
  static let errorInterrupted = EINTR
  static let errorTerminated = ETERM
  static let errorFiniteStateMachine = EFSM
  static let errorAddressInUse = EADDRINUSE

  // MARK: Errors

  static func describe(_ code: CInt) -> String {
    String(cString: zmq_strerror(code))
  }

  private static func fail(_ function: StaticString) -> ZMQError {
    ZMQError(code: zmq_errno(), function: function)
  }

  /// Runs `body` until it returns something other than -1/EINTR.
  private static func retrying(_ function: StaticString, _ body: () -> CInt) throws(ZMQError) -> CInt {
    while true {
      let result = body()
      if result != -1 { return result }
      let error = fail(function)
      if error.code != EINTR { throw error }
    }
  }

  // MARK: Context

  static func contextNew() throws(ZMQError) -> Handle {
    guard let handle = zmq_ctx_new() else { throw fail("zmq_ctx_new") }
    return handle
  }

  static func contextTerminate(_ context: Handle) {
    while zmq_ctx_term(context) == -1 && zmq_errno() == EINTR {}
  }

  static func contextShutdown(_ context: Handle) {
    _ = zmq_ctx_shutdown(context)
  }

  // MARK: Sockets

  static func socket(_ context: Handle, type: CInt) throws(ZMQError) -> Handle {
    guard let handle = zmq_socket(context, type) else { throw fail("zmq_socket") }
    return handle
  }

  static func close(_ socket: Handle) {
    _ = zmq_close(socket)
  }

  static func bind(_ socket: Handle, _ endpoint: String) throws(ZMQError) {
    _ = try retrying("zmq_bind") { zmq_bind(socket, endpoint) }
  }

  static func connect(_ socket: Handle, _ endpoint: String) throws(ZMQError) {
    _ = try retrying("zmq_connect") { zmq_connect(socket, endpoint) }
  }

  static func setOption(_ socket: Handle, _ option: CInt, int value: CInt) throws(ZMQError) {
    var value = value
    _ = try retrying("zmq_setsockopt") {
      zmq_setsockopt(socket, option, &value, MemoryLayout<CInt>.size)
    }
  }

  static func setOption(_ socket: Handle, _ option: CInt, bytes: [UInt8]) throws(ZMQError) {
    _ = try retrying("zmq_setsockopt") {
      bytes.withUnsafeBytes { zmq_setsockopt(socket, option, $0.baseAddress, $0.count) }
    }
  }

  static func lastEndpoint(_ socket: Handle) throws(ZMQError) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    var size = buffer.count
    _ = try retrying("zmq_getsockopt") {
      zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, &buffer, &size)
    }
    return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  // MARK: Messages

  /// Sends one frame; returns `false` when `dontWait` is set and the send would block.
  static func send(_ socket: Handle, _ frame: [UInt8], more: Bool, dontWait: Bool) throws(ZMQError) -> Bool {
    let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
    do {
      _ = try retrying("zmq_send") {
        frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, $0.count, flags) }
      }
      return true
    } catch  where error.code == EAGAIN && dontWait {
      return false
    }
  }

  /// Receives all frames of one multipart message, or `nil` when `dontWait` is set and none waits.
  static func receiveMultipart(_ socket: Handle, dontWait: Bool) throws(ZMQError) -> [[UInt8]]? {
    let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
    defer { message.deallocate() }
    var frames: [[UInt8]] = []
    while true {
      zmq_msg_init(message)
      defer { zmq_msg_close(message) }
      let flags = (frames.isEmpty && dontWait) ? ZMQ_DONTWAIT : 0
      do {
        _ = try retrying("zmq_msg_recv") { zmq_msg_recv(message, socket, flags) }
      } catch  where error.code == EAGAIN && frames.isEmpty && dontWait {
        return nil
      }
      let size = zmq_msg_size(message)
      if size == 0 {
        frames.append([])
      } else {
        let data = UnsafeRawBufferPointer(start: zmq_msg_data(message), count: size)
        frames.append([UInt8](data))
      }
      if zmq_msg_more(message) == 0 { return frames }
    }
  }

  // MARK: Polling

  /// Waits up to `timeoutMilliseconds` (-1 = forever) for readability; returns the ready flags per socket.
  static func poll(_ sockets: [Handle], events: Int16, timeoutMilliseconds: Int) throws(ZMQError) -> [Bool] {
    var items = sockets.map { zmq_pollitem_t(socket: $0, fd: 0, events: events, revents: 0) }
    let count = CInt(items.count)
    let result = zmq_poll(&items, count, timeoutMilliseconds)
    if result == -1 {
      let error = fail("zmq_poll")
      if error.code == EINTR { return Array(repeating: false, count: sockets.count) }
      throw error
    }
    return items.map { $0.revents & events != 0 }
  }

  // MARK: CURVE

  /// A new Z85-encoded CURVE key pair (public, secret).
  static func curveKeyPair() throws(ZMQError) -> (publicKey: String, secretKey: String) {
    var publicKey = [CChar](repeating: 0, count: 41)
    var secretKey = [CChar](repeating: 0, count: 41)
    _ = try retrying("zmq_curve_keypair") { zmq_curve_keypair(&publicKey, &secretKey) }
    func text(_ chars: [CChar]) -> String {
      String(decoding: chars.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return (text(publicKey), text(secretKey))
  }

  static func version() -> (major: Int, minor: Int, patch: Int) {
    var major: CInt = 0
    var minor: CInt = 0
    var patch: CInt = 0
    zmq_version(&major, &minor, &patch)
    return (Int(major), Int(minor), Int(patch))
  }
}
