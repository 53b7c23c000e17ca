/// Why an incoming multipart message was dropped.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingDelimiter
  case tooFewFrames(Int)
  case badSignature
  case replayedSignature
  case invalidJSON(part: String)
  case invalidHeader

  /// A one-line description for the kernel log.
  public var description: String {
    switch self {
    case .missingDelimiter: "no <IDS|MSG> delimiter"
    case .tooFewFrames(let n): "only \(n) frames after the delimiter (need 5)"
    case .badSignature: "invalid signature"
    case .replayedSignature: "duplicate signature (replayed message)"
    case .invalidJSON(let part): "\(part) is not a valid UTF-8 JSON object"
    case .invalidHeader: "header lacks a string msg_id or msg_type"
    }
  }
}

/// Turns multipart frames into ``Message`` values and back, signing and verifying on the way.
public struct WireCodec: Sendable {
  /// The delimiter frame between identities and the signature.
  public static let delimiter = Array("<IDS|MSG>".utf8)

  public let signer: MessageSigner
  private let history: SignatureHistory

  /// Creates a codec; share one `history` among all sockets of a kernel.
  public init(signer: MessageSigner, history: SignatureHistory = SignatureHistory()) {
    self.signer = signer
    self.history = history
  }

  /// Splits, verifies (before any JSON is parsed) and decodes one message.
  public func decode(_ frames: [[UInt8]]) throws(WireError) -> Message {
    guard let split = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
    let rest = frames[(split + 1)...]
    guard rest.count >= 5 else { throw .tooFewFrames(rest.count) }
    let signature = rest[rest.startIndex]
    let parts = Array(rest[(rest.startIndex + 1)...(rest.startIndex + 4)])
    guard signer.isValid(signature: signature, parts: parts) else { throw .badSignature }
    if signer.isEnabled, !history.insert(signature) { throw .replayedSignature }

    let names = ["header", "parent_header", "metadata", "content"]
    var values: [JSONValue] = []
    for (name, part) in zip(names, parts) {
      guard let value = JSONValue(jsonBytes: part), case .object = value else {
        throw .invalidJSON(part: name)
      }
      values.append(value)
    }
    guard let header = try? values[0].decode(MessageHeader.self) else { throw .invalidHeader }
    var message = Message(
      identities: Array(frames[..<split]), header: header, parentHeader: values[1],
      metadata: values[2], content: values[3], buffers: Array(rest.dropFirst(5)))
    message.rawHeader = values[0]
    return message
  }

  /// The frames of `message`: identities, delimiter, signature, four JSON parts, buffers.
  public func encode(_ message: Message) -> [[UInt8]] {
    let parts = [
      message.header.jsonValue.jsonBytes, message.parentHeader.jsonBytes,
      message.metadata.jsonBytes, message.content.jsonBytes,
    ]
    return message.identities + [Self.delimiter, signer.signature(parts)] + parts + message.buffers
  }
}
