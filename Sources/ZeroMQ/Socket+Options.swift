extension Socket {
  /// How long, in milliseconds, pending messages are kept after close (-1 = forever).
  ///
  /// The corresponding C option is `ZMQ_LINGER`.
  public func setLinger(milliseconds: Int) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionLinger, int: Int32(milliseconds))
  }

  /// Lets a reconnecting peer with the same identity take over its route (ROUTER only).
  ///
  /// The corresponding C option is `ZMQ_ROUTER_HANDOVER`.
  public func setRouterHandover(_ enabled: Bool) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionRouterHandover, int: enabled ? 1 : 0)
  }

  /// Passes every subscription message to the application, not only new ones (XPUB only).
  ///
  /// The corresponding C option is `ZMQ_XPUB_VERBOSE`.
  public func setXPubVerbose(_ enabled: Bool) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionXPubVerbose, int: enabled ? 1 : 0)
  }

  /// Subscribes to messages whose first frame starts with `prefix` (SUB only).
  ///
  /// The corresponding C option is `ZMQ_SUBSCRIBE`.
  public func subscribe(_ prefix: [UInt8] = []) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionSubscribe, bytes: prefix)
  }

  /// The identity a DEALER or REQ presents to a ROUTER peer.
  ///
  /// The corresponding C option is `ZMQ_ROUTING_ID`.
  public func setIdentity(_ identity: [UInt8]) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionIdentity, bytes: identity)
  }

  /// The send and receive high-water marks, in messages (0 = unlimited).
  ///
  /// The corresponding C options are `ZMQ_SNDHWM` and `ZMQ_RCVHWM`.
  public func setHighWaterMarks(send: Int, receive: Int) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionSendHighWaterMark, int: Int32(send))
    try LibZMQ.setOption(handle, LibZMQ.optionReceiveHighWaterMark, int: Int32(receive))
  }

  /// Makes this socket a CURVE server with the given Z85 secret key (40 characters).
  ///
  /// The corresponding C options are `ZMQ_CURVE_SERVER` and `ZMQ_CURVE_SECRETKEY`.
  public func makeCurveServer(secretKey: String) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionCurveServer, int: 1)
    try LibZMQ.setOption(handle, LibZMQ.optionCurveSecretKey, bytes: Array(secretKey.utf8))
  }

  /// Makes this socket a CURVE client of a server with the given Z85 public key.
  ///
  /// The corresponding C options are `ZMQ_CURVE_SERVERKEY`, `ZMQ_CURVE_PUBLICKEY`, `ZMQ_CURVE_SECRETKEY`.
  public func makeCurveClient(serverKey: String, publicKey: String, secretKey: String) throws {
    try LibZMQ.setOption(handle, LibZMQ.optionCurveServerKey, bytes: Array(serverKey.utf8))
    try LibZMQ.setOption(handle, LibZMQ.optionCurvePublicKey, bytes: Array(publicKey.utf8))
    try LibZMQ.setOption(handle, LibZMQ.optionCurveSecretKey, bytes: Array(secretKey.utf8))
  }
}
