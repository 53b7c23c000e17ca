import CSV
import Foundation

/// The rows of a CSV file with a header, read with CSV.swift, with their line numbers.
///
/// Line numbers count the header as line 1 and assume that quoted fields hold no line breaks.
struct CSVRecords {
  /// The file name used in messages.
  let file: String
  /// The header fields, trimmed.
  let header: [String]
  /// The data rows, each with its 1-based line number; blank lines are skipped.
  let rows: [(line: Int, fields: [String])]

  /// Reads `url`.
  ///
  /// - Throws: ``CSVLoadError`` when the file cannot be read or parsed.
  init(url: URL) throws {
    let file = url.lastPathComponent
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw CSVLoadError(file: file, line: 0, problem: .unreadable(error.localizedDescription))
    }
    try self.init(text: text, file: file)
  }

  /// Parses CSV `text`, naming it `file` in messages.
  init(text: String, file: String) throws {
    self.file = file
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true)
    } catch {
      throw CSVLoadError(file: file, line: 1, problem: .unreadable("\(error)"))
    }
    guard let header = reader.headerRow else {
      throw CSVLoadError(file: file, line: 1, problem: .unreadable("no header row"))
    }
    self.header = header.map { $0.trimmedWhitespace }
    var rows: [(line: Int, fields: [String])] = []
    var line = 1
    while let fields = reader.next() {
      line += 1
      if fields.allSatisfy({ $0.trimmedWhitespace.isEmpty }) { continue }
      rows.append((line, fields))
    }
    if let error = reader.error {
      throw CSVLoadError(file: file, line: line + 1, problem: .unreadable("\(error)"))
    }
    self.rows = rows
  }

  /// The position of the column named `name`, or `nil`.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The position of the required column `name`.
  ///
  /// - Throws: ``CSVLoadError`` naming the missing column.
  func requiredColumn(_ name: String) throws -> Int {
    guard let i = column(name) else {
      throw CSVLoadError(file: file, line: 1, columnName: name, problem: .missingColumn(name))
    }
    return i
  }
}
