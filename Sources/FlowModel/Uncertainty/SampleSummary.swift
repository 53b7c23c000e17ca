/// Percentiles and spread of one output cell over the Monte Carlo runs.
///
/// ```
/// let s = SampleSummary([3, 1, 2, 4], level: 0.5)   // low 1.75, high 3.25 (numpy's linear rule)
/// ```
public struct SampleSummary: Sendable, Hashable {
  /// The lower percentile: (1 − level) / 2.
  public var low: Double
  /// The upper percentile: (1 + level) / 2.
  public var high: Double
  /// The sample standard deviation (n − 1 in the denominator; 0 for one value).
  public var sd: Double
  /// How many values the summary is over.
  public var count: Int

  /// Summarises `values` (NaN values are left out) for a central interval of `level` (0…1).
  public init(_ values: [Double], level: Double) {
    let finite = values.filter { !$0.isNaN }.sorted()
    count = finite.count
    low = Self.percentile(finite, (1 - level) / 2)
    high = Self.percentile(finite, (1 + level) / 2)
    guard finite.count > 1 else {
      sd = finite.isEmpty ? .nan : 0
      return
    }
    let mean = finite.reduce(0, +) / Double(finite.count)
    let squares = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    sd = (squares / Double(finite.count - 1)).squareRoot()
  }

  /// The `p` quantile (0…1) of ascending `sorted` values, interpolated linearly between order
  /// statistics (numpy's default, Hyndman & Fan type 7); NaN for no values.
  public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    guard sorted.count > 1 else { return first }
    let position = p * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return sorted[below] + (sorted[above] - sorted[below]) * fraction
  }
}
