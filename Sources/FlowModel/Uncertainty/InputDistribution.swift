#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The distribution an uncertain input is drawn from.
///
/// Ranges are read as 90 % intervals for the normal and lognormal shapes, so the four shapes
/// can share the `range_low`/`range_high` columns of `parameters.csv`.
///
/// ```
/// var stream = RandomStream(seed: 1)
/// InputDistribution.triangular(low: 0.08, mode: 0.10, high: 0.12).draw(&stream)
/// ```
public enum InputDistribution: Sendable, Hashable {
  /// Triangular between `low` and `high` with its peak at `mode` (the usual shape for an expert
  /// range around a best estimate).
  case triangular(low: Double, mode: Double, high: Double)
  /// Uniform between `low` and `high`.
  case uniform(low: Double, high: Double)
  /// Normal with this mean and standard deviation.
  case normal(mean: Double, sd: Double)
  /// Lognormal: `exp(N(mu, sigma))`, so the median is `exp(mu)`.
  case lognormal(mu: Double, sigma: Double)

  /// The z value of the 95th percentile of the standard normal: a 90 % interval is ±1.645 σ.
  public static let z90 = 1.6448536269514722

  /// The distribution `name` (`triangular`, `uniform`, `normal`, `lognormal`) over the range
  /// `low…high` around `value`; nil for an unknown name.
  ///
  /// Normal: mean `value`, σ = (high − low) / (2 · 1.645). Lognormal: median `value`,
  /// σ_ln = ln(high / low) / (2 · 1.645).
  public static func named(_ name: String, value: Double, low: Double, high: Double) -> InputDistribution? {
    switch name.lowercased() {
    case "", "triangular": .triangular(low: low, mode: value, high: high)
    case "uniform": .uniform(low: low, high: high)
    case "normal": .normal(mean: value, sd: (high - low) / (2 * z90))
    case "lognormal":
      low > 0 && value > 0 && high > low
        ? .lognormal(mu: log(value), sigma: log(high / low) / (2 * z90)) : nil
    default: nil
    }
  }

  /// The names ``named(_:value:low:high:)`` accepts.
  public static let names = ["triangular", "uniform", "normal", "lognormal"]

  /// One draw, consuming exactly two numbers of `stream` whatever the shape.
  public func draw(_ stream: inout RandomStream) -> Double {
    switch self {
    case .triangular(let low, let mode, let high):
      let u = stream.nextUnit()
      _ = stream.nextUnit()
      return Self.triangularQuantile(u, low: low, mode: mode, high: high)
    case .uniform(let low, let high):
      let u = stream.nextUnit()
      _ = stream.nextUnit()
      return low + u * (high - low)
    case .normal(let mean, let sd):
      return mean + sd * stream.nextNormal()
    case .lognormal(let mu, let sigma):
      return exp(mu + sigma * stream.nextNormal())
    }
  }

  /// The inverse distribution function of a triangular distribution at probability `p`.
  public static func triangularQuantile(_ p: Double, low: Double, mode: Double, high: Double) -> Double {
    guard high > low else { return mode }
    let split = (mode - low) / (high - low)
    if p < split { return low + ((high - low) * (mode - low) * p).squareRoot() }
    return high - ((high - low) * (high - mode) * (1 - p)).squareRoot()
  }
}
