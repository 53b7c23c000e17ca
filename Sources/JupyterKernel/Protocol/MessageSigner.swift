import Crypto
import FoundationEssentials

/// Signs and verifies messages with HMAC-SHA256 over the four raw JSON frames.
///
/// An empty key disables signing: the signature frame is empty and nothing is checked.
public struct MessageSigner: Sendable {
  // Raw key bytes: swift-crypto 3's `SymmetricKey` is not `Sendable`, so it is made per call.
  private let keyBytes: [UInt8]?

  /// Creates a signer for the connection file's `key` (its UTF-8 bytes).
  public init(key: String) {
    self.keyBytes = key.isEmpty ? nil : Array(key.utf8)
  }

  private var key: SymmetricKey? { keyBytes.map { SymmetricKey(data: $0) } }

  /// Whether messages are signed at all.
  public var isEnabled: Bool { keyBytes != nil }

  /// The lowercase hex HMAC of the concatenated parts, or empty when signing is disabled.
  public func signature(_ parts: [[UInt8]]) -> [UInt8] {
    guard let key else { return [] }
    var mac = HMAC<SHA256>(key: key)
    for part in parts { mac.update(data: part) }
    return Self.hex(Array(mac.finalize()))
  }

  /// Whether `signature` (hex) authenticates `parts`; always true when signing is disabled.
  ///
  /// Comparison is constant-time (`HMAC.isValidAuthenticationCode`).
  public func isValid(signature: [UInt8], parts: [[UInt8]]) -> Bool {
    guard let key else { return true }
    guard let code = Self.unhex(signature), code.count == SHA256.byteCount else { return false }
    var joined: [UInt8] = []
    joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { joined += part }
    return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: joined, using: key)
  }

  private static let digits = Array("0123456789abcdef".utf8)

  static func hex(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0x0f)])
    }
    return out
  }

  /// Decodes lowercase hex; upper case is rejected, as jupyter_client rejects it.
  static func unhex(_ text: [UInt8]) -> [UInt8]? {
    guard text.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
      default: nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count / 2)
    var i = 0
    while i < text.count {
      guard let high = nibble(text[i]), let low = nibble(text[i + 1]) else { return nil }
      out.append(high << 4 | low)
      i += 2
    }
    return out
  }
}
