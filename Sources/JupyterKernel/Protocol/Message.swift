import FoundationEssentials

/// A decoded Jupyter message: routing identities, header, parent header, metadata, content, buffers.
public struct Message: Sendable {
  /// ROUTER identities (replies) or the topic (iopub); echoed back verbatim.
  public var identities: [[UInt8]]
  public var header: MessageHeader
  /// The header as received, kept raw so unknown keys survive the copy into replies.
  public var rawHeader: JSONValue
  /// The request's header for replies and side effects, `{}` when there is none.
  public var parentHeader: JSONValue
  public var metadata: JSONValue
  public var content: JSONValue
  /// Raw binary frames after content (comms only); never signed.
  public var buffers: [[UInt8]]

  /// Creates a message whose raw header is `header` itself.
  public init(
    identities: [[UInt8]] = [], header: MessageHeader, parentHeader: JSONValue = .emptyObject,
    metadata: JSONValue = .emptyObject, content: JSONValue, buffers: [[UInt8]] = []
  ) {
    self.identities = identities
    self.header = header
    self.rawHeader = header.jsonValue
    self.parentHeader = parentHeader
    self.metadata = metadata
    self.content = content
    self.buffers = buffers
  }

  /// The message type, e.g. `execute_request`.
  public var msgType: String { header.msgType }
}

/// Makes headers for the kernel's own messages: one session id per process, fresh UUIDs.
public struct MessageFactory: Sendable {
  /// The kernel's session id, new for every process (clients detect restarts by it).
  public let session: String
  /// The username placed in headers.
  public let username: String
  /// The protocol version in every header.
  public static let protocolVersion = "5.4"

  /// Creates a factory with a new random session id.
  public init(username: String = "kernel") {
    self.session = UUID().uuidString.lowercased()
    self.username = username
  }

  /// A fresh header for a message of `msgType`.
  public func header(_ msgType: String) -> MessageHeader {
    MessageHeader(
      msgID: UUID().uuidString.lowercased(), session: session, username: username,
      date: HeaderDate.now(), msgType: msgType, version: Self.protocolVersion)
  }

  /// The reply to `request` on the same socket: `<type>_reply`, same identities, parent = request header.
  public func reply(to request: Message, content: JSONValue, metadata: JSONValue = .emptyObject) -> Message {
    let base = request.msgType.hasSuffix("_request") ? String(request.msgType.dropLast(8)) : request.msgType
    return Message(
      identities: request.identities, header: header(base + "_reply"),
      parentHeader: request.rawHeader, metadata: metadata, content: content)
  }

  /// A side-effect message (iopub or stdin) caused by `parent`; `nil` parent means `{}`.
  public func child(of parent: Message?, type msgType: String, content: JSONValue, identities: [[UInt8]] = [])
    -> Message
  {
    Message(
      identities: identities, header: header(msgType),
      parentHeader: parent?.rawHeader ?? .emptyObject, content: content)
  }
}
