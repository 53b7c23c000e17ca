/// Numbers distinct byte strings (process ids, materials) as they are read, without making a
/// `String` for each occurrence: an open-addressing table over the bytes, one `String` per
/// distinct value. A value's first eight bytes are kept packed in one word, so the short ids and
/// materials of flow files are hashed and compared without a byte loop over stored text.
struct ByteInterner {
  /// The distinct values, in order of first appearance; a value's code is its position.
  private(set) var strings: [String] = []
  private var arena: [UInt8] = []
  private var offsets: [Int] = [0]
  /// Per code: the first eight bytes, packed little-endian.
  private var heads: [UInt64] = []
  private var hashes: [UInt64] = []
  private var slots = [Int32](repeating: -1, count: 64)

  /// An interner that knows `strings` first (codes 0, 1, … in that order).
  init(_ strings: [String] = []) {
    for s in strings { _ = code(adding: s) }
  }

  /// The code of `string`, added when new.
  mutating func code(adding string: String) -> UInt32 {
    var bytes = Array(string.utf8)
    // A `String`'s bytes are UTF-8, so the value is never refused.
    return bytes.withUnsafeMutableBufferPointer { code(of: UnsafeBufferPointer($0), adding: true) } ?? 0
  }

  /// How many distinct values are known.
  var count: Int { strings.count }

  /// The code of `bytes`; a new value is added when `adding`, else `nil` is returned for it.
  /// A new value that is not UTF-8 is refused (`nil`).
  mutating func code(of bytes: UnsafeBufferPointer<UInt8>, adding: Bool) -> UInt32? {
    let (hash, head) = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash &>> 29)) & mask
    while slots[slot] >= 0 {
      let code = Int(slots[slot])
      if heads[code] == head, hashes[code] == hash, offsets[code &+ 1] &- offsets[code] == bytes.count,
        bytes.count <= 8 || equal(code, bytes)
      {
        return UInt32(truncatingIfNeeded: code)
      }
      slot = (slot &+ 1) & mask
    }
    guard adding, let string = String(validating: bytes, as: UTF8.self) else { return nil }
    let code = strings.count
    strings.append(string)
    arena.append(contentsOf: bytes)
    offsets.append(arena.count)
    heads.append(head)
    hashes.append(hash)
    slots[slot] = Int32(code)
    if strings.count * 2 > slots.count { grow() }
    return UInt32(code)
  }

  /// A hash of all of `bytes` (eight at a time) and their first eight bytes packed.
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, head: UInt64) {
    guard let p = bytes.baseAddress else { return (0, 0) }
    let n = bytes.count
    var hash = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
    var head: UInt64 = 0
    var k = 0
    repeat {
      var word: UInt64 = 0
      var t = 0
      while t < 8, k &+ t < n {
        word |= UInt64(p[k &+ t]) &<< UInt64(truncatingIfNeeded: t &* 8)
        t &+= 1
      }
      if k == 0 { head = word }
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash &>> 31
      k &+= 8
    } while k < n
    return (hash, head)
  }

  private func equal(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[code]
    return arena.withUnsafeBufferPointer { a in
      for k in 0..<bytes.count where a[start + k] != bytes[k] { return false }
      return true
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (code, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(code)
    }
  }
}
