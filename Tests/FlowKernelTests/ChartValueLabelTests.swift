import Foundation
import Testing

@testable import FlowKernel

/// Value labels of bars and columns with error bars (`low`, `high`) stand beyond the error bar's
/// far end, never on it: checked by the coordinates in the SVG.
@Suite struct ChartValueLabelTests {
  static let query =
    "flows | where year == 2022 and source == \"SEP\" | summarize total = sum(mass) by target"
    + " | derive lo = total * 0.7, hi = total * 1.3"

  /// Each error bar's whisker, from its `M x y L x y` start: ((x0, y0), (x1, y1)).
  static func whiskers(_ svg: String) -> [(Double, Double, Double, Double)] {
    svg.split(separator: "\n").compactMap { line in
      guard let start = line.range(of: "<path d=\"M") else { return nil }
      let words = line[start.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
      guard words.count >= 5, words[2] == "L" || words[2].hasPrefix("L") else { return nil }
      let numbers = [words[0], words[1], words[2].dropFirst(), words[3], words[4]].compactMap { Double($0) }
      return numbers.count == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : nil
    }
  }

  /// Every `<text x=… y=…>` whose content is a number: (x, y).
  static func numberTexts(_ svg: String) -> [(x: Double, y: Double)] {
    let pattern = /<text x="([0-9.]+)" y="(-?[0-9.]+)"[^>]*>[0-9,.]+<\/text>/
    return svg.matches(of: pattern).compactMap { m in
      guard let x = Double(m.output.1), let y = Double(m.output.2) else { return nil }
      return (x, y)
    }
  }

  /// The chart's SVG, its error-bar whiskers and its numeric texts.
  static func drawn(_ chart: String) throws -> (
    whiskers: [(Double, Double, Double, Double)], texts: [(x: Double, y: Double)]
  ) {
    let (svg, error) = ChartOptionTests.svg(query + " | " + chart)
    let text = try #require(svg, "\(error)")
    let bars = whiskers(text)
    #expect(bars.count == 2)
    return (bars, numberTexts(text))
  }

  @Test func barValueLabelsStandPastTheErrorBars() throws {
    let (bars, texts) = try Self.drawn("chart bar with (y = total, low = lo, high = hi, labels = true)")
    for (x0, y, x1, _) in bars {
      // The label on this bar's line (its baseline 3.5 px below the centre).
      let label = try #require(texts.first { abs($0.y - y - 3.5) < 0.01 }, "no label at y \(y)")
      #expect(
        label.x >= max(x0, x1) + 3, "the value label at x \(label.x) sits on the error bar ending at \(max(x0, x1))")
    }
  }

  @Test func columnValueLabelsStandAboveTheErrorBars() throws {
    let (bars, texts) = try Self.drawn("chart column with (x = target, y = total, low = lo, high = hi, labels = true)")
    for (x, y0, _, y1) in bars {
      let label = try #require(texts.first { abs($0.x - x) < 0.01 }, "no label at x \(x)")
      #expect(
        label.y <= min(y0, y1) - 3, "the value label at y \(label.y) sits on the error bar topping at \(min(y0, y1))")
      #expect(min(y0, y1) >= 0, "the error bar leaves the canvas")
    }
  }
}
