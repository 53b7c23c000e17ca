import Testing

@testable import Charts

/// SVG coordinates: at most 2 decimals, trailing zeros dropped, never "-0".
@Suite struct NumberTextTests {
  @Test(arguments: [
    (0.0, "0"), (-0.004, "0"), (0.004, "0"), (0.05, "0.05"), (-0.05, "-0.05"), (12.5, "12.5"), (-3.1, "-3.1"),
    (3.999, "4"), (100.0, "100"), (1234.567, "1234.57"), (0.1 + 0.2, "0.3"), (-1e-9, "0"),
    (2e16, "20000000000000000"), (.infinity, "0"), (.nan, "0"),
  ])
  func coordinates(value: Double, text: String) {
    #expect(NumberText.coordinate(value) == text)
  }

  /// The integer arithmetic gives what formatting with 2 decimals and trimming gives, for values
  /// of every magnitude a drawing uses (seeded, so the same values every run).
  @Test func coordinatesAgreeWithFixedTwoDecimals() {
    var random = SplitMix64(seed: 42)
    for k in 0..<20_000 {
      let unit = Double(random.next() >> 11) / Double(1 << 53)
      let magnitude = [1e-3, 1, 1e3, 1e6, 1e12][k % 5]
      let value = (unit * 2 - 1) * magnitude
      let rounded = (value * 100).rounded() / 100
      var expected = rounded == 0 ? "0" : NumberText.fixed(rounded, decimals: 2, grouping: false)
      if expected.contains(".") {
        while expected.hasSuffix("0") { expected.removeLast() }
        if expected.hasSuffix(".") { expected.removeLast() }
      }
      #expect(NumberText.coordinate(value) == expected, "\(value)")
    }
  }
}
