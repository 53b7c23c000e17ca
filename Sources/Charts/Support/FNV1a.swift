/// The 64-bit FNV-1a hash, used to derive element ids from a chart's content.
///
/// Not cryptographic: it only has to be deterministic and spread different charts apart.
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Mixes the UTF-8 bytes of `text` into the hash.
  mutating func combine(_ text: String) {
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01b3
    }
  }

  /// The hash of `text` as 8 lowercase hexadecimal digits (the low 32 bits folded with the high).
  static func hex8(_ text: String) -> String {
    var hash = FNV1a()
    hash.combine(text)
    let folded = UInt32(truncatingIfNeeded: hash.value ^ (hash.value >> 32))
    let digits = String(folded, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
