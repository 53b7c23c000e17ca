extension Table {
  /// The table as one JSON object: `caption`, `columns` (each with `name`, `type` — text,
  /// number, year or bool — and `unit`, the base unit or `null`) and `rows` (arrays in column
  /// order; a missing number is `null`). `extra` members (already JSON) follow `rows`.
  ///
  /// ```
  /// {"caption":"flows","columns":[{"name":"mass","type":"number","unit":"t"}],"rows":[[1.5]]}
  /// ```
  /// - Complexity: O(rows × columns).
  public func jsonText(extra: [(name: String, json: String)] = []) -> String {
    var out = "{\"caption\":" + (caption.map(JSONText.string) ?? "null") + ",\"columns\":["
    out += columns.map(\.jsonDescription).joined(separator: ",")
    out += "],\"rows\":["
    let writers = columns.map(\.jsonValue)
    for row in 0..<rowCount {
      out += row == 0 ? "[" : ",\n["
      for (i, value) in writers.enumerated() {
        if i > 0 { out += "," }
        out += value(row)
      }
      out += "]"
    }
    out += "]"
    for (name, json) in extra { out += "," + JSONText.string(name) + ":" + json }
    return out + "}"
  }
}

extension Column {
  /// `{"name":…,"type":…,"unit":…}`.
  var jsonDescription: String {
    let (type, unit): (String, String?) =
      switch values {
      case .text: ("text", nil)
      case .number: ("number", dimension == .none ? nil : dimension == .ratio ? "fraction" : dimension.baseSymbol)
      case .year: ("year", nil)
      case .bool: ("bool", nil)
      }
    return "{\"name\":\(JSONText.string(name)),\"type\":\"\(type)\",\"unit\":\(unit.map(JSONText.string) ?? "null")}"
  }

  /// The JSON value of each row.
  var jsonValue: (Int) -> String {
    switch values {
    case .text(let v):
      let encoded = v.dictionary.map(JSONText.string)
      return { encoded[Int(v.codes[$0])] }
    case .number(let v): return { v[$0].isFinite ? ExactNumber.text(v[$0]) : "null" }
    case .year(let v): return { String(v[$0]) }
    case .bool(let v): return { v[$0] ? "true" : "false" }
    }
  }
}

/// JSON text pieces.
public enum JSONText {
  /// `text` as a JSON string: quotes, backslashes and control characters escaped, and `<`, `>`
  /// and `&` as `\u003c` … so the text is safe inside HTML too.
  public static func string(_ text: String) -> String {
    var out = "\""
    escaper.append(text, to: &out)
    return out + "\""
  }

  private static let escaper = TextEscaper(
    [
      "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
    ],
    control: { unicodeEscape($0.value) },
    other: { $0 == "\u{2028}" || $0 == "\u{2029}" ? unicodeEscape($0.value) : nil })

  /// A number as JSON: shortest exact text, `null` when not finite.
  public static func number(_ value: Double) -> String {
    value.isFinite ? ExactNumber.text(value) : "null"
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
