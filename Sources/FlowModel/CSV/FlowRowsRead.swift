import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the data rows of a flows file, on both cores when that is safe: a large file without a
/// single quote character has a record boundary after every line feed, so its second half is read
/// on another thread from the first line feed past the middle, then appended to the first half
/// (codes renumbered, lines shifted). Any other file is read in one pass. Either way the columns,
/// codes and the first error reported are the same as reading the file from top to bottom.
struct FlowRowsRead: @unchecked Sendable {
  /// The mapped file; the second thread only reads it (a quote-free file is not changed).
  let buffer: UnsafeMutableBufferPointer<UInt8>
  let file: String
  let header: FlowHeader
  let processes: [String]?

  /// Files smaller than this are read on one thread.
  static var parallelBytes: Int { 1 << 22 }

  /// The rows from `start` (the record after the header, on `line`) to the end of the file.
  func rows(from start: Int, line: Int) throws -> FlowColumnsReader {
    let whole = start..<buffer.count
    guard let split = split(whole) else { return try scan(from: start, line: line, until: .max, expecting: whole) }
    let read: @Sendable (Int) throws -> Result<FlowColumnsReader, any Error> = { half in
      Result {
        half == 0
          ? try scan(from: start, line: line, until: split, expecting: whole)
          : try scan(from: split, line: 1, until: .max, expecting: split..<buffer.count)
      }
    }
    let halves = try MonteCarloRunner(runs: 2).run(isCancelled: { false }, read)
    var first = try halves[0].get()
    guard first.next.index == split else {
      // Not a record boundary after all: read on from where the first half stopped.
      return try scan(into: &first, from: first.next.index, line: first.next.line, until: .max)
    }
    // The second half's lines count from 1; the first half ends on the line it starts on.
    let offset = first.next.line - 1
    do {
      let second = try halves[1].get()
      first.append(second, lineOffset: offset)
    } catch var error as CSVLoadError {
      error.line += offset
      throw error
    }
    return first
  }

  /// The first line feed past the middle of `body`, when the file is large and holds no quote.
  func split(_ body: Range<Int>) -> Int? {
    guard body.count >= Self.parallelBytes, let base = buffer.baseAddress,
      memchr(base + body.lowerBound, 0x22, body.count) == nil
    else { return nil }
    let middle = body.lowerBound + body.count / 2
    guard let feed = memchr(base + middle, 0x0A, body.upperBound - middle) else { return nil }
    let split = UnsafeMutableRawPointer(feed) - UnsafeMutableRawPointer(base) + 1
    return split < body.upperBound ? split : nil
  }

  /// A new reader over the rows from `start` to the first record at or after `limit`.
  private func scan(from start: Int, line: Int, until limit: Int, expecting region: Range<Int>) throws
    -> FlowColumnsReader
  {
    var reader = FlowColumnsReader(file: file, header: header, processes: processes, region: region)
    return try scan(into: &reader, from: start, line: line, until: limit)
  }

  private func scan(into reader: inout FlowColumnsReader, from start: Int, line: Int, until limit: Int) throws
    -> FlowColumnsReader
  {
    let next = try CSVParser.scan(buffer, from: start, line: line, until: limit) { try reader.add($0, buffer) }
    reader.next = next
    return reader
  }
}
