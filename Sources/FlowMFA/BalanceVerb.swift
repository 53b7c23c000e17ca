import FlowModel
import FlowQL
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// `balance [of names] [year Y | years A..B] [by material] [tolerance 1 %]`: the mass balance
/// of every process (inputs − outputs − stock change) and a `SYSTEM` row per year.
struct BalanceVerb: Verb {
  let signature = VerbSignature(
    name: "balance",
    summary: """
      Mass balance per process and year: inputs − outputs − stock change = imbalance. Without \
      `of`, every non-boundary process plus a SYSTEM row (boundary inflows − outflows − stock \
      change). Rows whose |imbalance| exceeds the tolerance (default 0.0001 %) of the larger of \
      inputs and outputs have ok = false and are listed in a warning.
      Columns: year, process, [material,] inputs, outputs, stock_change, imbalance (t), \
      imbalance_pct (%), ok.
      """,
    example: "balance of \"SEP\" year 2022 tolerance 1 %",
    clauses: [
      .init("of", .list, summary: "process ids or names (default: every process)", values: .processes),
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
      .init("by", .one, summary: "`material`: one row per material", values: .words(["material", "process"])),
      .init("tolerance", .one, summary: "the relative tolerance of `ok`, as in `1 %`"),
    ])

  /// The default relative tolerance of `ok`.
  static let defaultTolerance = 1e-6

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let processes = try context.processes("of")
    let years = try context.years()
    let byMaterial = try context.word("by", allowed: ["material", "process"]) == "material"
    let tolerance = try context.number("tolerance") ?? Self.defaultTolerance
    guard tolerance >= 0, tolerance.isFinite else {
      throw VerbError("the tolerance must be 0 or more", help: "e.g. `tolerance 1 %`", clause: "tolerance")
    }
    let table = try context.compute("of") {
      try context.model.balance(of: processes, years: years.range, byMaterial: byMaterial, tolerance: tolerance)
    }
    var caption = context.caption("balance", years)
    if case .bool(let ok)? = table["ok"]?.values, ok.contains(false) {
      let failing = ok.indices.filter { !ok[$0] }
      let unknown = failing.filter { Self.imbalance(table, row: $0)?.isNaN ?? true }.count
      caption +=
        " · \(failing.count - unknown) " + (failing.count - unknown == 1 ? "row fails" : "rows fail") + " the tolerance"
        + (unknown > 0 ? ", \(unknown) cannot be checked" : "") + " (ok = false)"
    }
    let natural = ChartRequest.natural(x: years.range.count > 1 ? "year" : "process", y: "imbalance")
    return VerbOutput(
      table.captioned(caption), chart: natural, warnings: Self.failures(in: table, tolerance: tolerance))
  }

  /// One warning listing the rows with `ok == false`, or none. Rows whose imbalance is not a
  /// number (a flow of the process has no mass) are listed apart: they cannot be checked.
  static func failures(in table: Table, tolerance: Double) -> [String] {
    guard case .bool(let ok)? = table["ok"]?.values, ok.contains(false) else { return [] }
    let failing = ok.indices.filter { !ok[$0] }
    let unknown = failing.filter { imbalance(table, row: $0)?.isNaN ?? true }
    let exceeding = failing.filter { !unknown.contains($0) }
    var parts: [String] = []
    if !exceeding.isEmpty {
      let shown = exceeding.prefix(5).map { row in
        place(table, row: row) + (imbalance(table, row: row).map { " (imbalance \(Self.tonnes($0)))" } ?? "")
      }
      let more = exceeding.count > shown.count ? ", … (\(exceeding.count) in all)" : ""
      parts.append(
        "\(exceeding.count) of \(ok.count) rows exceed the tolerance of \(Self.shortest(tolerance * 100)) %: "
          + shown.joined(separator: ", ") + more)
    }
    if !unknown.isEmpty {
      let shown = unknown.prefix(5).map { place(table, row: $0) }
      let more = unknown.count > shown.count ? ", … (\(unknown.count) in all)" : ""
      parts.append(
        "\(unknown.count) of \(ok.count) rows cannot be checked because a flow has no mass: "
          + shown.joined(separator: ", ") + more
          + " (`reconcile` computes such flows where the balances determine them)")
    }
    return [parts.joined(separator: "; ")]
  }

  private static func place(_ table: Table, row: Int) -> String {
    let process = table[row: row, column: "process"].map(Self.text) ?? ""
    let year = table[row: row, column: "year"].map(Self.text) ?? ""
    return "\(process) \(year)"
  }

  private static func imbalance(_ table: Table, row: Int) -> Double? {
    if case .number(let v, _)? = table[row: row, column: "imbalance"] { return v }
    return nil
  }

  private static func text(_ cell: Cell) -> String {
    switch cell {
    case .text(let s): s
    case .year(let y): "\(y)"
    default: ""
    }
  }

  /// A number to six significant digits without trailing zeros, like C's `%g` for the sizes a
  /// tolerance takes (`0.0001`, `1`, `2.5`).
  static func shortest(_ value: Double) -> String {
    guard value != 0, value.isFinite else { return value == 0 ? "0" : "\(value)" }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    var text = Options.format(value, decimals: max(0, 5 - magnitude))
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// A mass in t or kt with at most two decimals.
  static func tonnes(_ value: Double) -> String {
    abs(value) >= 1000 ? String(format2: value / 1000) + " kt" : String(format2: value) + " t"
  }
}

extension String {
  /// A number with at most two decimals, without locale (`1234.5` → `1234.5`).
  init(format2 value: Double) {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      self = String(Int(rounded))
    } else {
      self = String(rounded)
    }
  }
}
