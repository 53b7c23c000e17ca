extension Table {
  /// The table as RFC 4180 CSV that `load` reads back.
  ///
  /// The header names each column, with its base unit in brackets for numbers that have one
  /// (`mass [t]`, `cost [USD]`, `price [USD/t]`, `share [fraction]`). Numbers are written in base
  /// units at full precision (the shortest text that reads back as the same `Double`); a missing
  /// number is an empty field. Fields holding a comma, a quote, a line break or surrounding
  /// space are quoted, with quotes doubled. Lines end with CRLF, as RFC 4180 asks.
  ///
  /// ```
  /// Table([.year("year", [2022]), .number("mass", [1.5], .mass)]).csvText()
  /// // "year,mass [t]\r\n2022,1.5\r\n"
  /// ```
  /// - Complexity: O(rows × columns).
  public func csvText() -> String {
    var out = columns.map { CSVField.quoted($0.headerWithUnit) }.joined(separator: ",") + "\r\n"
    let writers = columns.map(\.fieldText)
    for row in 0..<rowCount {
      for (i, field) in writers.enumerated() {
        if i > 0 { out += "," }
        out += field(row)
      }
      out += "\r\n"
    }
    return out
  }
}

extension Column {
  /// `name [unit]` for numbers with a unit, else the name.
  var headerWithUnit: String {
    guard case .number = values else { return name }
    switch dimension {
    case .none: return name
    case .ratio: return "\(name) [fraction]"
    default: return "\(name) [\(dimension.baseSymbol)]"
    }
  }

  /// The CSV field of each row, quoted where needed.
  var fieldText: (Int) -> String {
    switch values {
    case .text(let v):
      let quoted = v.dictionary.map(CSVField.quoted)
      return { quoted[Int(v.codes[$0])] }
    case .number(let v): return { v[$0].isNaN ? "" : ExactNumber.text(v[$0]) }
    case .year(let v): return { String(v[$0]) }
    case .bool(let v): return { v[$0] ? "true" : "false" }
    }
  }
}

/// Quoting of one CSV field.
enum CSVField {
  /// `text`, in double quotes (quotes doubled) when it holds a comma, quote, line break or
  /// leading or trailing space.
  static func quoted(_ text: String) -> String {
    let needsQuotes =
      text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      || text.utf8.first.map(isSpace) == true || text.utf8.last.map(isSpace) == true
    guard needsQuotes else { return text }
    return "\"" + text.replacing("\"", with: "\"\"") + "\""
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

/// Numbers as text that reads back exactly.
enum ExactNumber {
  /// The shortest decimal text of `value` that reads back as the same `Double`; integers
  /// below 2^53 without a fraction (`1500`, not `1500.0`).
  static func text(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
    return value.description
  }
}
