import Charts
import FlowModel
import Foundation
import TestSupport
import Testing

@testable import FlowKernel
@testable import FlowQL

/// Every documented option, for every kind it applies to, from FlowQL source to SVG: the picture
/// with the option differs from the picture without it, and shows what the option asks for.
@Suite struct ChartOptionTests {
  /// A base query per kind whose table suits the kind.
  static let base: [ChartKind: String] = [
    .bar: "flows | where year == 2022 | summarize total = sum(mass) by target, material",
    .column: "flows | where year >= 2020 | summarize total = sum(mass) by year, material",
    .line: "flows | summarize total = sum(mass) by year, material",
    .area: "flows | summarize total = sum(mass) by year, material",
    .stacked: "flows | summarize total = sum(mass) by year, material",
    .stacked100: "flows | summarize total = sum(mass) by year, material",
    .pie: "flows | where year == 2022 and source == \"SEP\" | summarize total = sum(mass) by material, target",
    .sankey: "sankey year 2022 split by material",
  ]

  /// An option setting per option (and kind where it differs), with text the SVG must then contain.
  static func setting(_ option: ChartOption, _ kind: ChartKind) -> (String, String?) {
    switch option {
    case .x: kind == .sankey ? ("x = target", nil) : kind == .pie ? ("x = target", nil) : ("x = material", nil)
    case .y: (kind == .sankey ? "y = value" : "y = total", nil)
    case .series: kind == .sankey ? ("series = split", nil) : ("series = material", nil)
    case .title: ("title = \"Mass flows\"", "Mass flows")
    case .xtitle: ("xtitle = \"The x axis\"", "The x axis")
    case .ytitle: ("ytitle = \"The y axis\"", "The y axis")
    case .unit: ("unit = Mt", "Mt")
    case .stack: (kind == .column ? "stack = true" : "stack = false", nil)
    case .legend: ("legend = bottom", nil)
    case .sort:
      kind == .sankey
        ? ("sort = [\"Separation\", \"Mining\"]", nil)
        : ([.bar, .pie].contains(kind) ? ("sort = name", nil) : ("sort = value", nil))
    case .height: ("height = 640", "height=\"640\"")
    // A Sankey is as wide as its labels and curves need; a wider width spreads its columns.
    case .width: kind == .sankey ? ("width = 2600", "width=\"2600\"") : ("width = 1500", "width=\"1500\"")
    case .palette: ("palette = tableau", "#4E79A7")
    case .labels: kind == .sankey ? ("labels = ids", ">SEP<") : ("labels = \(kind == .pie ? "false" : "true")", nil)
    case .min: ("min = 10 kt", nil)
    case .scale: ("scale = 0.1 kt", nil)
    case .panels: ("panels = year", ">2021<")
    case .low: ("y = total, low = lo, high = hi", nil)
    case .high: ("y = total, high = hi, low = lo", nil)
    }
  }

  /// Options whose effect needs a different table: x and y pick among columns, bounds need bound columns.
  static func query(_ kind: ChartKind, _ option: ChartOption) -> String {
    let q = base[kind] ?? ""
    switch option {
    case .low, .high: return q + " | derive lo = total * 0.8, hi = total * 1.2"
    // Two years of links: without panels they are added up into one diagram.
    case .panels: return "flows | where year >= 2021 | summarize value = sum(mass) by year, source, target"
    default: return q
    }
  }

  static let cases: [(ChartOption, ChartKind)] = ChartOption.allCases.flatMap { option in
    ChartKind.allCases.filter { option.kinds.contains($0) }.map { (option, $0) }
  }

  static func svg(_ code: String) -> (String?, String) {
    var engine = FlowEngine.bundled()
    let result = engine.run(code)
    let svg = result.events.compactMap { event -> String? in
      if case .display(let d) = event { d.bundle.data["image/svg+xml"] } else { nil }
    }.last
    return (svg, result.error?.traceback.joined(separator: "\n") ?? "")
  }

  @Test(arguments: cases.map { "\($0.0.rawValue) \($0.1.rawValue)" })
  func optionChangesThePicture(_ name: String) throws {
    let parts = name.split(separator: " ").map(String.init)
    let option = try #require(ChartOption(rawValue: parts[0]))
    let kind = try #require(ChartKind(rawValue: parts[1]))
    var q = Self.query(kind, option)
    let (text, expected) = Self.setting(option, kind)
    var plain = "\(q) | chart \(kind.rawValue)\([.low, .high].contains(option) ? " with (y = total)" : "")"
    if option == .y {
      // Inference would pick `total` too; the plain picture draws another column.
      q += kind == .sankey ? " | derive other = value * 2" : " | derive other = total * 2"
      plain = "\(q) | chart \(kind.rawValue) with (y = other)"
    }
    if option == .series {
      // The same for the series: the plain picture splits by another text column.
      q += " | derive other = \"all\""
      plain = "\(q) | chart \(kind.rawValue) with (series = other)"
    }
    let (without, error0) = Self.svg(plain)
    let (with, error1) = Self.svg("\(q) | chart \(kind.rawValue) with (\(text))")
    let a = try #require(without, "\(plain)\n\(error0)")
    let b = try #require(with, "\(q) | chart \(kind.rawValue) with (\(text))\n\(error1)")
    #expect(a != b, "`\(text)` has no effect on `chart \(kind.rawValue)`")
    if let expected { #expect(b.contains(expected) && !a.contains(expected), "`\(text)` does not show \(expected)") }
  }

  /// `x_low` and `x_high` beside `x` are drawn as a band or error bars without options.
  @Test(arguments: [ChartKind.line, .area, .bar, .column])
  func boundsAreInferredFromLowAndHighColumns(_ kind: ChartKind) throws {
    let q = Self.base[kind]! + " | where material == \"LREE\" | select \(kind == .bar ? "target" : "year"), total"
    let (plain, e0) = Self.svg(
      q + " | derive t_lo = total * 0.8, t_hi = total * 1.2 | chart \(kind.rawValue) with (y = total)")
    let (inferred, e1) = Self.svg(
      q + " | derive total_low = total * 0.8, total_high = total * 1.2 | chart \(kind.rawValue)")
    let (explicit, e2) = Self.svg(
      q
        + " | derive t_lo = total * 0.8, t_hi = total * 1.2 | chart \(kind.rawValue) with (y = total, low = t_lo, high = t_hi)"
    )
    let a = try #require(plain, "\(e0)")
    let b = try #require(inferred, "\(e1)")
    let c = try #require(explicit, "\(e2)")
    #expect(a != b)
    // The inferred bounds draw the same marks as the explicit ones.
    let marks = { (svg: String) in
      svg.split(separator: "\n").filter { $0.contains("fill-opacity=\"0.2\"") || $0.contains("stroke-width=\"1.2\"") }
    }
    #expect(!marks(b).isEmpty && marks(b).count == marks(c).count)
  }

  /// A representative set of option pictures as golden files (rendered to PNG and looked at).
  static let goldens: [(String, String)] = [
    (
      "option-line-band",
      "flows | summarize total = sum(mass) by year | derive total_low = total * 0.9, total_high = total * 1.1"
        + " | chart line with (xtitle = \"Year\", ytitle = \"Total flow (kt)\", unit = kt)"
    ),
    (
      "option-bar-error-bars",
      "flows | where year == 2022 and source == \"SEP\" | summarize total = sum(mass) by target"
        + " | derive lo = total * 0.85, hi = total * 1.15 | chart bar with (y = total, low = lo, high = hi, sort = name)"
    ),
    (
      "option-line-legend-right-grey",
      "flows | summarize total = sum(mass) by year, material | chart line with (legend = right, palette = grey)"
    ),
    ("option-sankey-ids", "sankey year 2022 | chart sankey with (labels = ids, min = 1 kt)"),
  ]

  @Test(arguments: goldens.map(\.0))
  func optionPictureMatchesGolden(_ name: String) throws {
    let code = try #require(Self.goldens.first { $0.0 == name }?.1)
    let (svg, error) = Self.svg(code)
    let text = try #require(svg, "\(error)")
    if let mismatch = snapshotMismatch(of: text, named: "\(name).svg") { Issue.record("\(mismatch)") }
  }

  @Test func anOptionForAnotherKindIsAnErrorWithACaret() {
    var engine = FlowEngine.bundled()
    let error = engine.run("flows | summarize t = sum(mass) by year | chart line with (scale = 1 kt)").error
    #expect(error?.code == "E132")
    #expect(error?.traceback.contains { $0.contains("^^^^^") } == true)
  }
}
