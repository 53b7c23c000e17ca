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

  /// One record: each field as `start..<end` in the scanned buffer.
  struct Record {
    /// The line the record starts on (1 for the first).
    var line = 1
    /// Field boundaries, two per field: start, end.
    fileprivate(set) var bounds: [Int] = []

    /// How many fields the record has.
    var count: Int { bounds.count / 2 }

    /// The byte range of field `i`.
    func range(_ i: Int) -> Range<Int> { bounds[2 * i]..<bounds[2 * i + 1] }
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
  /// - Throws: ``Failure``, or what `body` throws.
  static func scan(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ body: (Record) throws -> Void) throws {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    let n = buffer.count
    var record = Record()
    record.bounds.reserveCapacity(32)
    var line = 1
    var i = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
    /// Ends the record at a line break at `i` and returns the index after it.
    func endRecord(at i: Int) throws -> Int {
      try body(record)
      record.bounds.removeAll(keepingCapacity: true)
      line += 1
      record.line = line
      return i < n - 1 && buffer[i] == cr && buffer[i + 1] == lf ? i + 2 : i + 1
    }
    while i < n {
      var j: Int
      if buffer[i] == quote {
        // A quoted field: runs to the next lone quote; "" stands for one quote, moved down in place.
        let startLine = line
        var write = i + 1
        j = i + 1
        var closed = false
        while j < n {
          let b = buffer[j]
          if b == quote {
            if j + 1 < n && buffer[j + 1] == quote {
              buffer[write] = quote
              write += 1
              j += 2
              continue
            }
            closed = true
            j += 1
            break
          }
          if b == lf || (b == cr && !(j + 1 < n && buffer[j + 1] == lf)) { line += 1 }
          buffer[write] = b
          write += 1
          j += 1
        }
        guard closed else { throw Failure(line: startLine, message: "a quoted field is never closed") }
        record.bounds.append(i + 1)
        record.bounds.append(write)
        if j < n, buffer[j] != comma, buffer[j] != lf, buffer[j] != cr {
          throw Failure(line: line, message: "text after the closing quote of a field")
        }
      } else {
        // An unquoted field: runs to the next comma or line break.
        j = i
        while j < n, buffer[j] != comma, buffer[j] != lf, buffer[j] != cr { j += 1 }
        record.bounds.append(i)
        record.bounds.append(j)
      }
      if j == n {
        i = j
      } else if buffer[j] == comma {
        i = j + 1
        if i == n {
          record.bounds.append(n)
          record.bounds.append(n)
        }
      } else {
        i = try endRecord(at: j)
      }
    }
    if !record.bounds.isEmpty { try body(record) }
  }
}
