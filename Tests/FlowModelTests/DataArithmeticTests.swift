import Foundation
import Testing

@testable import FlowModel

/// Every figure whose note states its arithmetic (`(= 41400 - 17900)`) is recomputed from the
/// note, every D figure must state it, and every estimate carries a range.
@Suite struct DataArithmeticTests {
  /// The file, its value column and the columns naming a row.
  static let files: [(file: String, value: String, key: [String])] = [
    ("inputs.csv", "value", ["series", "year"]), ("parameters.csv", "value", ["name"]),
    ("prices.csv", "usd_per_kg", ["year", "product"]),
    ("mfca_costs.csv", "usd_per_t", ["process", "material", "category"]),
  ]

  /// Evaluates `+ - * /` and parentheses over decimal numbers.
  struct Arithmetic {
    var chars: [Character]
    var i = 0

    static func evaluate(_ text: String) -> Double? {
      var parser = Arithmetic(chars: Array(text.filter { $0 != " " }))
      let value = parser.sum()
      return parser.i == parser.chars.count ? value : nil
    }

    mutating func sum() -> Double? {
      binary(["+", "-"]) { $0.binary(["*", "/"]) { $0.atom() } }
    }

    /// Operands joined by the left-associative operators `ops`.
    mutating func binary(_ ops: [Character], _ operand: (inout Arithmetic) -> Double?) -> Double? {
      guard var value = operand(&self) else { return nil }
      while i < chars.count, ops.contains(chars[i]) {
        let op = chars[i]
        i += 1
        guard let rhs = operand(&self) else { return nil }
        switch op {
        case "+": value += rhs
        case "-": value -= rhs
        case "*": value *= rhs
        default: value /= rhs
        }
      }
      return value
    }

    mutating func atom() -> Double? {
      if i < chars.count, chars[i] == "(" {
        i += 1
        let value = sum()
        guard i < chars.count, chars[i] == ")" else { return nil }
        i += 1
        return value
      }
      let start = i
      while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
      return Double(String(chars[start..<i]))
    }
  }

  /// The arithmetic in a note: the text of its last `(= …)`.
  static func formula(_ note: String) -> String? {
    guard let start = note.range(of: "(= ", options: .backwards) else { return nil }
    var depth = 1
    var end = start.upperBound
    while end < note.endIndex {
      if note[end] == "(" { depth += 1 }
      if note[end] == ")" {
        depth -= 1
        if depth == 0 { return String(note[start.upperBound..<end]) }
      }
      end = note.index(after: end)
    }
    return nil
  }

  /// Half a unit of the last decimal written in `text` (the precision the figure is given to).
  static func halfUnit(_ text: String) -> Double {
    guard let dot = text.firstIndex(of: ".") else { return 0.5 }
    let decimals = text.distance(from: dot, to: text.endIndex) - 1
    var unit = 0.5
    for _ in 0..<decimals { unit /= 10 }
    return unit
  }

  /// A bundled file's rows with their value and kind columns, and a row's name.
  struct Rows {
    var records: CSVRecords
    var value: Int
    var kind: Int
    var key: [Int]

    init(_ file: String) throws {
      let spec = try #require(DataArithmeticTests.files.first { $0.file == file })
      records = try RareEarthData.bundledRecords(file)
      value = try #require(records.column(spec.value))
      kind = try #require(records.column("kind"))
      key = spec.key.compactMap(records.column)
    }

    func name(_ row: (line: Int, fields: [String])) -> String {
      "\(records.file) " + key.map { row.fields[$0] }.joined(separator: " ")
    }
  }

  @Test(arguments: files.map(\.file))
  func everyStatedFormulaReproducesItsFigure(file: String) throws {
    let table = try Rows(file)
    let (records, value, kind) = (table.records, table.value, table.kind)
    let note = try #require(records.column("note"))
    var checked = 0
    for row in records.rows {
      let name = table.name(row)
      guard let formula = Self.formula(row.fields[note]) else {
        #expect(row.fields[kind] != "D", "\(name): a D figure whose note states no arithmetic")
        continue
      }
      let computed = try #require(Arithmetic.evaluate(formula), "\(name): cannot read '\(formula)'")
      let text = row.fields[value]
      let figure = try #require(Double(text))
      #expect(
        abs(figure - computed) <= Self.halfUnit(text) + 1e-9, "\(name): \(text) but \(formula) = \(computed)")
      checked += 1
    }
    #expect(checked > 0)
  }

  @Test func theAuditedFiguresFollowTheirNotes() throws {
    let data = try RareEarthData.loadBundled()
    // imp_prim 2018: total imports 41,400 t REO-eq less US concentrate 17,900 t (was 26,400).
    #expect(try data.series("imp_prim", 2018) == 41_400 - 17_900)
    #expect(try data.series("imp_prim", 2018) + data.series("imp_conc_us", 2018) <= 41_400)
  }

  @Test(arguments: files.map(\.file))
  func everyEstimateHasARangeAroundIt(file: String) throws {
    let table = try Rows(file)
    let (records, value, kind) = (table.records, table.value, table.kind)
    let low = try #require(records.column("range_low"))
    let high = try #require(records.column("range_high"))
    for row in records.rows where row.fields[kind] == "E" {
      let name = table.name(row)
      let v = try #require(Double(row.fields[value]))
      guard let l = Double(row.fields[low]), let h = Double(row.fields[high]) else {
        Issue.record("\(name): an estimate without a range")
        continue
      }
      #expect(l <= v && v <= h, "\(name): \(v) outside \(l)–\(h)")
    }
  }
}
