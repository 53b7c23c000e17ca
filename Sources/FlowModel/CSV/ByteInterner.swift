/// Numbers distinct byte strings (process ids, materials) as they are read, without making a
/// `String` for each occurrence: an open-addressing table over the bytes, one `String` per
/// distinct value.
struct ByteInterner {
  /// The distinct values, in order of first appearance; a value's code is its position.
  private(set) var strings: [String] = []
  private var arena: [UInt8] = []
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  private var slots = [Int32](repeating: -1, count: 64)

  /// An interner that knows `strings` first (codes 0, 1, … in that order).
  init(_ strings: [String] = []) {
    for s in strings {
      var bytes = Array(s.utf8)
      bytes.withUnsafeMutableBufferPointer { _ = code(of: UnsafeBufferPointer($0), adding: true) }
    }
  }

  /// How many distinct values are known.
  var count: Int { strings.count }

  /// The code of `bytes`; a new value is added when `adding`, else `nil` is returned for it.
  /// A new value that is not UTF-8 is refused (`nil`).
  mutating func code(of bytes: UnsafeBufferPointer<UInt8>, adding: Bool) -> UInt32? {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while slots[slot] >= 0 {
      let code = Int(slots[slot])
      if hashes[code] == hash, equal(code, bytes) { return UInt32(code) }
      slot = (slot + 1) & mask
    }
    guard adding, let string = String(validating: bytes, as: UTF8.self) else { return nil }
    let code = strings.count
    strings.append(string)
    arena.append(contentsOf: bytes)
    offsets.append(arena.count)
    hashes.append(hash)
    slots[slot] = Int32(code)
    if strings.count * 2 > slots.count { grow() }
    return UInt32(code)
  }

  private func equal(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[code]
    guard offsets[code + 1] - start == bytes.count else { return false }
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
