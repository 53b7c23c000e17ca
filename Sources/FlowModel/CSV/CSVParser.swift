/// An RFC 4180 reader over UTF-8 bytes: comma-separated fields, optional double quotes (a quote
/// inside a quoted field is written twice), LF, CRLF or CR line ends, an optional byte-order mark.
///
/// Each record comes with the line it starts on, counting line breaks inside quoted fields, so
/// messages point at the right line. ``scan(_:_:)`` hands each record over as byte ranges of the
/// buffer without making a `String` (a quoted field is unescaped in place), which is how the flows
/// loader reads a million rows in a fraction of a second; ``records()`` builds strings on top.
struct CSVParser {
  /// Why a file could not be split into records.
  struct Failure: Error, Equatable {
    var line: Int
    var message: String
  }

  /// One record: each field as `start..<end` in the scanned buffer. The field boundaries live in
  /// the scanner's storage and are valid only while the record is handed to the body.
  struct Record {
    /// The line the record starts on (1 for the first).
    var line = 1
    /// Field boundaries, two per field: start, end.
    fileprivate(set) var bounds: UnsafeMutablePointer<Int>
    /// How many fields the record has.
    fileprivate(set) var count = 0

    /// The byte range of field `i`.
    @inline(__always) func range(_ i: Int) -> Range<Int> { bounds[2 * i]..<bounds[2 * i + 1] }

    /// The start of field `i`.
    @inline(__always) func start(_ i: Int) -> Int { bounds[2 * i] }

    /// The end of field `i` (one past its last byte).
    @inline(__always) func end(_ i: Int) -> Int { bounds[2 * i + 1] }
  }

  private let bytes: [UInt8]

  /// A parser over `bytes` (UTF-8).
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Every record, each with its starting line (1 for the first).
  ///
  /// - Throws: ``Failure`` for a quoted field that never ends or text after a closing quote.
  func records() throws(Failure) -> [(line: Int, fields: [String])] {
    var copy = bytes
    var records: [(line: Int, fields: [String])] = []
    do {
      try copy.withUnsafeMutableBufferPointer { buffer in
        try Self.scan(buffer) { record in
          records.append(
            (
              record.line,
              (0..<record.count).map {
                String(decoding: UnsafeBufferPointer(rebasing: buffer[record.range($0)]), as: UTF8.self)
              }
            ))
        }
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      preconditionFailure("the body throws nothing: \(error)")
    }
    return records
  }

  /// Calls `body` with each record of `buffer`, in order; a blank line is a record of one empty
  /// field. Quoted fields are unescaped in place, so `buffer` changes.
  ///
  /// - Parameters:
  ///   - start: where to begin: 0 (skipping a byte-order mark) or the start of a record.
  ///   - firstLine: the line the record at `start` is on.
  ///   - limit: stop at the first record that starts at or after this index.
  /// - Returns: where the scan stopped (the end of the buffer, or the start of the first record
  ///   at or after `limit`) and the line of that position.
  /// - Throws: ``Failure``, or what `body` throws.
  @discardableResult
  static func scan(
    _ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int = 0, line firstLine: Int = 1,
    until limit: Int = .max, _ body: (Record) throws -> Void
  ) throws -> (index: Int, line: Int) {
    var fields = FieldBounds()
    defer { fields.deallocate() }
    guard let base = buffer.baseAddress else { return (0, firstLine) }
    let n = buffer.count
    var line = firstLine
    var record = Record(line: line, bounds: fields.storage)
    var i = start == 0 && n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : start
    while i < n {
      var j: Int
      if base[i] == quote {
        let field = try unquote(base, n, from: i, line: &line)
        fields.append(i + 1, field.write, to: &record)
        j = field.next
        if j < n, base[j] != comma, base[j] != lf, base[j] != cr {
          throw Failure(line: line, message: "text after the closing quote of a field")
        }
      } else {
        j = fieldEnd(base, n, from: i)
        fields.append(i, j, to: &record)
      }
      if j == n {
        i = j
      } else if base[j] == comma {
        i = j + 1
        if i == n { fields.append(n, n, to: &record) }
      } else {
        // A line break ends the record.
        try body(record)
        record.count = 0
        line += 1
        record.line = line
        i = j < n - 1 && base[j] == cr && base[j + 1] == lf ? j + 2 : j + 1
        if i >= limit { return (i, line) }
      }
    }
    if record.count > 0 { try body(record) }
    return (n, line)
  }

  /// The end of the unquoted field starting at `i`: the next comma or line break, or `n`.
  ///
  /// Every byte above "," is text, so eight bytes at a time are tested for one at or below it
  /// (the lowest flagged byte of `(x − 0x2D…) & ~x & 0x80…` is the first such byte); only those
  /// few candidates are looked at one by one.
  @inline(__always)
  private static func fieldEnd(_ base: UnsafeMutablePointer<UInt8>, _ n: Int, from i: Int) -> Int {
    var j = i
    while j &+ 8 <= n {
      let x = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
      let flagged = (x &- 0x2D2D_2D2D_2D2D_2D2D) & ~x & 0x8080_8080_8080_8080
      if flagged == 0 {
        j &+= 8
        continue
      }
      j &+= flagged.trailingZeroBitCount &>> 3
      let b = base[j]
      if b == comma || b == lf || b == cr { return j }
      j &+= 1
    }
    while j < n {
      let b = base[j]
      if b <= comma, b == comma || b == lf || b == cr { return j }
      j &+= 1
    }
    return n
  }

  private static var quote: UInt8 { 0x22 }
  private static var comma: UInt8 { 0x2C }
  private static var lf: UInt8 { 0x0A }
  private static var cr: UInt8 { 0x0D }

  /// Unescapes the quoted field opening at `i` in place: it runs to the next lone quote, and ""
  /// stands for one quote. Counts the line breaks inside it into `line`.
  ///
  /// - Returns: where the unescaped text ends (`write`) and the index after the closing quote.
  @inline(__always)
  private static func unquote(
    _ base: UnsafeMutablePointer<UInt8>, _ n: Int, from i: Int, line: inout Int
  ) throws(Failure) -> (write: Int, next: Int) {
    let startLine = line
    var write = i + 1
    var j = i + 1
    while j < n {
      let b = base[j]
      if b == quote {
        if j + 1 < n && base[j + 1] == quote {
          base[write] = quote
          write += 1
          j += 2
          continue
        }
        return (write, j + 1)
      }
      if b == lf || (b == cr && !(j + 1 < n && base[j + 1] == lf)) { line += 1 }
      base[write] = b
      write += 1
      j += 1
    }
    throw Failure(line: startLine, message: "a quoted field is never closed")
  }
}

/// The field boundaries of the record being scanned, in storage that grows by doubling (no
/// per-field array bookkeeping on the hot path).
private struct FieldBounds {
  private(set) var storage = UnsafeMutablePointer<Int>.allocate(capacity: 64)
  private var capacity = 64

  /// Adds field `start..<end` to `record`, growing the storage (and moving `record` to it) when full.
  @inline(__always)
  mutating func append(_ start: Int, _ end: Int, to record: inout CSVParser.Record) {
    if 2 * record.count + 2 > capacity { grow(&record) }
    storage[2 * record.count] = start
    storage[2 * record.count + 1] = end
    record.count += 1
  }

  private mutating func grow(_ record: inout CSVParser.Record) {
    let larger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
    larger.update(from: storage, count: 2 * record.count)
    storage.deallocate()
    storage = larger
    capacity *= 2
    record.bounds = larger
  }

  func deallocate() { storage.deallocate() }
}
