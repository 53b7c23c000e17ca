/// An RFC 4180 reader over UTF-8 bytes: comma-separated fields, optional double quotes (a quote
/// inside a quoted field is written twice), LF, CRLF or CR line ends, an optional byte-order mark.
///
/// Each record comes with the line it starts on, counting line breaks inside quoted fields, so
/// messages point at the right line. Fields are built straight from the bytes (no per-character
/// work), which makes reading a million-row flows file a matter of a few hundred milliseconds.
struct CSVParser {
  /// Why a file could not be split into records.
  struct Failure: Error, Equatable {
    var line: Int
    var message: String
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
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var line = 1
    var recordLine = 1
    return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> [(line: Int, fields: [String])] in
      let n = buffer.count
      var i = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
      func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[from..<to]), as: UTF8.self)
      }
      /// Ends a record at a line break at `i` (LF, CRLF or CR) and returns the index after it.
      func endRecord(at i: Int) -> Int {
        records.append((recordLine, fields))
        fields = []
        line += 1
        recordLine = line
        return i < n - 1 && buffer[i] == cr && buffer[i + 1] == lf ? i + 2 : i + 1
      }
      while i < n {
        if buffer[i] == quote {
          // A quoted field: runs to the next lone quote; "" stands for one quote.
          let startLine = line
          var value: [UInt8] = []
          var j = i + 1
          var closed = false
          while j < n {
            let b = buffer[j]
            if b == quote {
              if j + 1 < n && buffer[j + 1] == quote {
                value.append(quote)
                j += 2
                continue
              }
              closed = true
              j += 1
              break
            }
            if b == lf || (b == cr && !(j + 1 < n && buffer[j + 1] == lf)) { line += 1 }
            value.append(b)
            j += 1
          }
          guard closed else { throw Failure(line: startLine, message: "a quoted field is never closed") }
          fields.append(String(decoding: value, as: UTF8.self))
          if j == n {
            i = j
          } else if buffer[j] == comma {
            i = j + 1
            if i == n { fields.append("") }
          } else if buffer[j] == lf || buffer[j] == cr {
            i = endRecord(at: j)
          } else {
            throw Failure(line: line, message: "text after the closing quote of a field")
          }
          continue
        }
        // An unquoted field: runs to the next comma or line break.
        var j = i
        while j < n, buffer[j] != comma, buffer[j] != lf, buffer[j] != cr { j += 1 }
        fields.append(text(i, j))
        if j == n {
          i = j
        } else if buffer[j] == comma {
          i = j + 1
          if i == n { fields.append("") }
        } else {
          i = endRecord(at: j)
        }
      }
      if !fields.isEmpty { records.append((recordLine, fields)) }
      return records
    }
  }
}
