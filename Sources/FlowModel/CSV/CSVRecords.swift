import FoundationEssentials

/// The rows of a CSV file with a header, with the line each starts on.
struct CSVRecords {
  /// The file name used in messages.
  let file: String
  /// The header fields, trimmed.
  let header: [String]
  /// The data rows, each with its 1-based line number; blank lines are skipped.
  let rows: [(line: Int, fields: [String])]

  /// Reads `url`.
  ///
  /// - Throws: ``CSVLoadError`` when the file cannot be read, is not UTF-8 or cannot be parsed.
  init(url: URL) throws {
    let file = url.lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw CSVLoadError(file: file, line: 0, problem: .unreadable(FileErrorText.describe(error)))
    }
    try self.init(bytes: [UInt8](data), file: file)
  }

  /// Parses CSV `text`, naming it `file` in messages.
  init(text: String, file: String) throws {
    try self.init(bytes: Array(text.utf8), file: file)
  }

  /// Parses UTF-8 `bytes`, naming them `file` in messages.
  init(bytes: [UInt8], file: String) throws {
    self.file = file
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw CSVLoadError(file: file, line: 0, problem: .unreadable("the file is not UTF-8 text"))
    }
    let records: [(line: Int, fields: [String])]
    do {
      records = try CSVParser(bytes).records()
    } catch {
      throw CSVLoadError(file: file, line: error.line, problem: .unreadable(error.message))
    }
    guard !records.isEmpty else {
      throw CSVLoadError(file: file, line: 1, problem: .unreadable("no header row"))
    }
    header = records[0].fields.map { $0.trimmedWhitespace }
    rows = records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmedWhitespace.isEmpty } }
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
