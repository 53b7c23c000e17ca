#if canImport(Glibc)
  import Glibc
#endif

/// Numbers read straight from a CSV field's bytes.
enum FieldNumbers {
  /// 10^p for 0 ≤ p ≤ 22, each exact as a `Double` (a table the compiler builds, read without the
  /// lazy initialisation a `static let` array costs per call).
  @inline(__always)
  private static func power(_ p: Int) -> Double {
    switch p {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }

  /// The number in `bytes` (already trimmed), correctly rounded, or `nil` when the field is not
  /// one number. Plain decimals with up to 15 digits take a fast exact path (a 53-bit integer
  /// times or divided by an exact power of ten); anything else goes to `strtod`, which reads the
  /// same forms as Swift's `Double(String)`.
  @inline(__always)
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let p = bytes.baseAddress, bytes.count > 0 else { return nil }
    let n = bytes.count
    var i = 0
    let sign = p[0]
    if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { i = 1 }
    var mantissa: UInt64 = 0
    let integerStart = i
    while i < n, p[i] &- 48 < 10 {
      mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
      i += 1
    }
    var digits = i - integerStart
    var scale = 0
    if i < n, p[i] == UInt8(ascii: ".") {
      i += 1
      let fractionStart = i
      while i < n, p[i] &- 48 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
        i += 1
      }
      scale = i - fractionStart
      digits += scale
    }
    // Up to 15 digits (leading zeros included) keep the mantissa below 2^53, so it is exact.
    if i == n, digits > 0, digits <= 15 {
      let value = scale == 0 ? Double(mantissa) : Double(mantissa) / power(scale)
      return sign == UInt8(ascii: "-") ? -value : value
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
