import FlowModel
import Testing

@testable import FlowQL

@Suite struct EvaluatorTests {
  /// Runs one query and returns its table, failing the test on errors.
  static func table(_ code: String, _ session: Session = Fixtures.session()) -> Table? {
    var s = session
    let r = s.run(code)
    guard r.succeeded, case .table(let t, _)? = r.outputs.last else {
      Issue.record("\(code) failed:\n\(r.renderedErrors)")
      return nil
    }
    return t
  }

  static func numbers(_ t: Table?, _ column: String) -> [Double] {
    guard case .number(let v)? = t?[column]?.values else { return [] }
    return v
  }

  static func texts(_ t: Table?, _ column: String) -> [String] {
    guard case .text(let v)? = t?[column]?.values else { return [] }
    return Array(v)
  }

  struct RowCase: Sendable, CustomTestStringConvertible {
    var code: String
    var rows: Int
    var columns: [String]
    var testDescription: String { code }
  }

  static let shapes: [RowCase] = [
    .init(code: "flows", rows: 8, columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where year == 2022", rows: 4,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where mass > 50 kt", rows: 3,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where mass >= 0.05 Mt and material == \"LREE\"", rows: 4,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where source ~ \"imp\"", rows: 2,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where year in 2022..2030", rows: 4,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where material in [\"HREE\"]", rows: 2,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | where true", rows: 8, columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(code: "flows | select year, m = mass", rows: 8, columns: ["year", "m"]),
    .init(
      code: "flows | derive unit_cost = cost / mass | drop cost, value", rows: 8,
      columns: ["year", "source", "target", "material", "mass", "unit_cost"]),
    .init(code: "flows | rename from = source, to = target | select from, to", rows: 8, columns: ["from", "to"]),
    .init(code: "flows | summarize total = sum(mass) by year", rows: 2, columns: ["year", "total"]),
    .init(code: "flows | summarize n = count(), sum(mass)", rows: 1, columns: ["n", "sum_mass"]),
    .init(code: "flows | summarize by material", rows: 2, columns: ["material"]),
    .init(code: "flows | take 3", rows: 3, columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(
      code: "flows | take 100", rows: 8, columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(code: "flows | top 2 by mass | select mass", rows: 2, columns: ["mass"]),
    .init(
      code: "flows | summarize m = sum(mass) by material, year | pivot columns = year, values = m", rows: 2,
      columns: ["material", "2021", "2022"]),
    .init(code: "flows | join processes on source = id | select source, name", rows: 8, columns: ["source", "name"]),
    .init(code: "flows | schema", rows: 7, columns: ["column", "type", "unit", "examples"]),
    .init(code: "flows | where mass < 0 | summarize sum(mass)", rows: 1, columns: ["sum_mass"]),
    .init(
      code: "flows | scale by 2 | take 1", rows: 1,
      columns: ["year", "source", "target", "material", "mass", "cost", "value"]),
    .init(code: "echo of \"SEP\" year 2022", rows: 2, columns: ["clause", "argument"]),
  ]

  @Test(arguments: shapes)
  func producesTableShape(_ c: RowCase) {
    let t = Self.table(c.code)
    #expect(t?.rowCount == c.rows)
    #expect(t?.columnNames == c.columns)
  }

  struct ValueCase: Sendable, CustomTestStringConvertible {
    var code: String
    var expected: Cell
    var testDescription: String { code }
  }

  static let values: [ValueCase] = [
    .init(code: "45015 / 3912", expected: .number(45015.0 / 3912.0, .none)),
    .init(code: "5 kt + 300 t", expected: .number(5300, .mass)),
    .init(code: "1.2 Mt / 400 kt", expected: .number(3, .ratio)),
    .init(code: "3 MUSD / 1 kt", expected: .number(3000, .price)),
    .init(code: "2 t * 3912 USD/t", expected: .number(7824, .money)),
    .init(code: "40 % * 10 kt", expected: .number(4000, .mass)),
    .init(code: "5 kt > 4999 t", expected: .bool(true)),
    .init(code: "\"rare\" + \" earth\"", expected: .text("rare earth")),
    .init(code: "abs(-3 kt)", expected: .number(3000, .mass)),
    .init(code: "round(2.345, 2)", expected: .number(2.35, .none)),
    .init(code: "if(1 < 2, \"yes\", \"no\")", expected: .text("yes")),
    .init(code: "upper(\"lree\")", expected: .text("LREE")),
    .init(code: "not (1 == 1) or 2 >= 2", expected: .bool(true)),
    .init(code: "-(2 - 5) * 2", expected: .number(6, .none)),
  ]

  @Test(arguments: values)
  func evaluatesBareExpression(_ c: ValueCase) {
    var s = Fixtures.session()
    let r = s.run(c.code)
    guard case .value(let v)? = r.outputs.first else {
      Issue.record("no value:\n\(r.renderedErrors)")
      return
    }
    if case .number(let x, let d) = v, case .number(let y, let e) = c.expected {
      #expect(abs(x - y) < 1e-9 && d == e, "\(v)")
    } else {
      #expect(v == c.expected)
    }
  }

  @Test func summarizeSortsGroupsByKey() {
    let t = Self.table("flows | summarize total = sum(mass), n = count() by material, year")
    #expect(Self.texts(t, "material") == ["HREE", "HREE", "LREE", "LREE"])
    #expect(Self.numbers(t, "total") == [5_000, 30_000, 170_000, 182_000])
    #expect(t?["total"]?.dimension == .mass)
  }

  @Test func aggregatesCombineWithArithmetic() {
    let t = Self.table(
      "flows | summarize rate = sum(cost) / sum(mass), big = countif(mass > 50 kt), imp = sumif(mass, source ~ \"IMP\") by year"
    )
    #expect(t?["rate"]?.dimension == .price)
    #expect(Self.numbers(t, "big") == [1, 2])
    #expect(Self.numbers(t, "imp") == [20_000, 30_000])
  }

  @Test func shareIsARatioOfTheTotal() {
    let t = Self.table("flows | where year == 2021 | summarize s = share(mass) by material")
    let s = Self.numbers(t, "s")
    #expect(s.count == 2 && abs(s.reduce(0, +) - 1) < 1e-12)
    #expect(t?["s"]?.dimension == .ratio)
  }

  @Test func minMaxFirstLastAvg() {
    let t = Self.table(
      "flows | summarize lo = min(mass), hi = max(mass), f = first(source), l = last(source), a = avg(mass), y = max(year)"
    )
    #expect(Self.numbers(t, "lo") == [2_000])
    #expect(Self.numbers(t, "hi") == [120_000])
    #expect(Self.texts(t, "f") == ["MIN"] && Self.texts(t, "l") == ["MAG"])
    #expect(Self.numbers(t, "a") == [387_000 / 8])
    #expect(t?["y"]?.values == .year([2022]))
  }

  @Test func sortsStablyWithDescendingKeys() {
    let t = Self.table("flows | sort -year, mass | select year, mass")
    #expect(Self.numbers(t, "mass") == [2_000, 30_000, 60_000, 120_000, 5_000, 20_000, 50_000, 100_000])
  }

  @Test func topWithOthersSumsTheRest() {
    let t = Self.table("flows | top 2 by mass with others | select source, mass, year")
    #expect(Self.texts(t, "source") == ["MIN", "MIN", "Other"])
    #expect(Self.numbers(t, "mass") == [120_000, 100_000, 167_000])
    #expect(t?["year"]?.values == .year([2022, 2021, 0]))
  }

  @Test func namesWithAs() {
    let t = Self.table("flows | summarize sum(mass) as total by source.stage as stage")
    #expect(t?.columnNames == ["stage", "total"])
  }

  @Test func readsProcessFieldsThroughIds() {
    let t = Self.table("flows | summarize m = sum(mass) by source.stage")
    #expect(Self.texts(t, "source_stage") == ["boundary", "manufacturing", "mining", "separation"])
  }

  @Test func leftJoinKeepsUnmatchedRows() {
    let t = Self.table("flows | join left stocks on target = process | select target, stock")
    #expect(t?.rowCount == 8 + 2)  // two MAG targets match two stock rows each
    #expect(Self.numbers(t, "stock").filter(\.isNaN).count == 6)
  }

  @Test func chartPassesTableThrough() {
    var s = Fixtures.session()
    let r = s.run(
      "flows | summarize total = sum(mass) by year | chart line with (y = total, unit = kt, title = \"Total\")")
    guard case .table(let t, let chart)? = r.outputs.first else {
      Issue.record("no table")
      return
    }
    #expect(t.rowCount == 2)
    #expect(chart?.kind == .line)
    #expect(chart?[.unit] == .name("kt"))
    #expect(chart?[.title] == .text("Total"))
  }

  @Test func verbReceivesEvaluatedClauses() {
    let t = Self.table(
      "echo of \"SEP\", \"MAG\" years 2015..2022 by material min 2 kt block { scale \"SEP\" -> \"MAG\" by 2; set \"MAG\" -> \"USE\" = 5 kt }"
    )
    #expect(Self.texts(t, "clause") == ["of", "of", "years", "by", "min", "block", "block"])
    #expect(
      Self.texts(t, "argument") == [
        "text(\"SEP\")", "text(\"MAG\")", "2015..2022", "name:material", "number(2000.0, FlowModel.Dimension.mass)",
        "edit:scale \"SEP\" -> \"MAG\" by 2", "edit:set \"MAG\" -> \"USE\" = 5 kt",
      ])
  }

  @Test func verbRunsANestedQueryPerScenario() {
    let t = Self.table("compare baseline, doubled: flows | where year == 2022\n  | summarize total = sum(mass)")
    #expect(Self.texts(t, "scenario") == ["baseline", "doubled"])
    #expect(Self.numbers(t, "total") == [212_000, 424_000])
  }

  @Test func nestedQueryErrorsPointIntoTheCell() {
    var s = Fixtures.session()
    let code = "let x = 1\ncompare a: flows | where yaer == 1 | summarize total = sum(mass)"
    let r = s.run(code)
    #expect(r.errors.first?.code == .unknownColumn)
    #expect(r.errors.first?.location(in: code) == SourceLocation(line: 2, column: 26))
  }

  @Test func verbDefaultChartAndWarnings() {
    var s = Fixtures.session()
    let r = s.run("echo")
    guard case .table(_, let chart)? = r.outputs.first else {
      Issue.record("no table")
      return
    }
    #expect(chart?.kind == .table)
    #expect(r.warnings.count == 1)
  }

  @Test func columnarFilterScalesToManyRows() {
    let n = 200_000
    let big = Table([
      .year("year", (0..<n).map { 2000 + $0 % 23 }),
      .text("material", (0..<n).map { $0 % 2 == 0 ? "LREE" : "HREE" }),
      .number("mass", (0..<n).map { Double($0 % 1000) }, .mass),
    ])
    var s = Session(catalog: Catalog(tables: ["flows": big]))
    let r = s.run("flows | where mass > 500 t | summarize total = sum(mass) by year, material | sort -total")
    guard case .table(let t, _)? = r.outputs.first else {
      Issue.record("\(r.renderedErrors)")
      return
    }
    #expect(t.rowCount == 46)
  }
}

@Suite struct SortOrderTests {
  /// Full sorts, bounded `top` selections and multi-key rank sorts must agree.
  @Test(arguments: [
    "sort -mass, source", "sort source, -mass", "sort material desc, year, mass", "sort year, -mass",
  ])
  func topAgreesWithSortThenTake(_ keys: String) {
    var s = Fixtures.session()
    let topKeys = keys.dropFirst(5).split(separator: ",").map { k -> String in
      let k = String(k).trimmingSpaces
      if k.hasPrefix("-") { return String(k.dropFirst()) + " desc" }
      if k.hasSuffix(" desc") { return k }
      return k + " asc"
    }.joined(separator: ", ")
    let a = s.run("flows | \(keys) | take 3")
    let b = s.run("flows | top 3 by \(topKeys)")
    #expect(a.outputs == b.outputs, "\(topKeys)")
  }

  @Test func missingNumbersSortLastBothWays() {
    let t = Table([.number("x", [2, .nan, 1, 3])])
    var s = Session(catalog: Catalog(tables: ["t": t]))
    for (q, expected) in [("t | sort x", [1.0, 2, 3]), ("t | sort -x", [3.0, 2, 1]), ("t | sort x, x", [1.0, 2, 3])] {
      guard case .table(let r, _)? = s.run(q).outputs.first, case .number(let v)? = r["x"]?.values else {
        Issue.record("no table")
        continue
      }
      #expect(Array(v.prefix(3)) == expected && v[3].isNaN, "\(q)")
    }
  }

  /// The function table is the one list of functions: each built-in appears once, with an arity
  /// that the evaluator enforces.
  @Test func everyBuiltinHasOneEntryInTheFunctionTable() {
    #expect(Functions.all.map(\.id.rawValue).sorted() == Builtin.allCases.map(\.rawValue).sorted())
    var session = Fixtures.session()
    let error = session.run("flows | summarize sumif(mass)").errors.first
    #expect(error?.code == .badArguments)
    #expect(error?.message == "`sumif` takes 2 arguments, found 1")
  }
}
