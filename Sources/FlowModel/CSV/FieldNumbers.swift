#if canImport(Glibc)
  import Glibc
#endif

/// Numbers read straight from a CSV field's bytes.
enum FieldNumbers {
  /// Exact powers of ten as `Double`s, 10^0 … 10^22.
  private static let powers: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

  /// The number in `bytes` (already trimmed), correctly rounded, or `nil` when the field is not
  /// one number. Plain decimals with up to 15 significant digits take a fast exact path (a
  /// 53-bit integer times or divided by an exact power of ten); anything else goes to `strtod`,
  /// which reads the same forms as Swift's `Double(String)`.
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = bytes.count
    guard n > 0 else { return nil }
    var i = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var scale = 0
    var sawDigit = false
    while i < n, bytes[i] &- 48 < 10 {
      mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
      if mantissa != 0 { digits += 1 }
      sawDigit = true
      i += 1
    }
    if i < n, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, bytes[i] &- 48 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
        if mantissa != 0 { digits += 1 }
        scale += 1
        sawDigit = true
        i += 1
      }
    }
    if i == n, sawDigit, digits <= 15, scale <= 22 {
      let value = scale == 0 ? Double(mantissa) : Double(mantissa) / powers[scale]
      return negative ? -value : value
    }
    return slowDouble(bytes)
  }

  private static func slowDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard bytes.count < 400 else { return nil }
    var text = [CChar](repeating: 0, count: bytes.count + 1)
    for (k, b) in bytes.enumerated() {
      guard b != 0, b != 0x20, b != 0x09 else { return nil }
      text[k] = CChar(bitPattern: b)
    }
    return text.withUnsafeBufferPointer { p -> Double? in
      var end: UnsafeMutablePointer<CChar>?
      let value = strtod(p.baseAddress!, &end)
      guard let end, end - UnsafeMutablePointer(mutating: p.baseAddress!) == bytes.count else { return nil }
      return value
    }
  }

  /// The integer in `bytes` (an optional sign and digits), or `nil`.
  static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      i = 1
    }
    guard i < bytes.count, bytes.count - i <= 18 else { return nil }
    var value = 0
    while i < bytes.count {
      let d = bytes[i] &- 48
      guard d < 10 else { return nil }
      value = value * 10 + Int(d)
      i += 1
    }
    return negative ? -value : value
  }
}
