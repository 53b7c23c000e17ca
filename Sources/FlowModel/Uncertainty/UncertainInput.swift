/// One uncertain input of a model: what it is, its base value, its distribution, and the ends
/// of its range for one-at-a-time sensitivity.
///
/// ```
/// let inputs = try MaterialFlowModel.bundled().uncertainInputs()
/// inputs.first { $0.name == "SEP_LOSS" }?.distribution   // triangular 0.08 … 0.10 … 0.12
/// ```
public struct UncertainInput: Sendable, Hashable {
  /// What the input is.
  public enum Target: Sendable, Hashable {
    /// A scalar parameter of `parameters.csv`.
    case parameter(String)
    /// One value of an input series (`inputs.csv`) in one year.
    case series(String, year: Int)
    /// One price (`prices.csv`) in one year.
    case price(String, year: Int)
    /// Every year of an input series at once, as a factor on its values (sensitivity).
    case seriesFactor(String)
    /// Every year of a price at once, as a factor on its values (sensitivity).
    case priceFactor(String)
    /// The mass of one flow of a user model (position in ``MaterialFlowModel/flows``).
    case flow(Int)
  }

  /// A display name: the parameter, `series quota_total 2018`, `price Nd 2020`, `flow A → B 2020`.
  public var name: String
  /// What the input is.
  public var target: Target
  /// The value in the unperturbed model (1 for factors).
  public var base: Double
  /// The distribution it is drawn from.
  public var distribution: InputDistribution
  /// The low end of its range (the 5th percentile for normal and lognormal shapes).
  public var low: Double
  /// The high end of its range (the 95th percentile for normal and lognormal shapes).
  public var high: Double
  /// Lower and upper limits a draw is clipped to (0 for masses and prices; 0…1 for fractions).
  public var limits: ClosedRange<Double>

  /// Creates an input.
  public init(
    name: String, target: Target, base: Double, distribution: InputDistribution, low: Double, high: Double,
    limits: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude
  ) {
    self.name = name
    self.target = target
    self.base = base
    self.distribution = distribution
    self.low = low
    self.high = high
    self.limits = limits
  }

  /// One draw from the distribution, clipped to ``limits``.
  public func draw(_ stream: inout RandomStream) -> Double {
    min(max(distribution.draw(&stream), limits.lowerBound), limits.upperBound)
  }

  /// A normal input of relative standard uncertainty `cv` around `value` (a tagged series
  /// value, a price, a measured flow), with its 90 % range.
  static func relative(name: String, target: Target, value: Double, sd: Double) -> UncertainInput {
    let spread = InputDistribution.z90 * sd
    return UncertainInput(
      name: name, target: target, base: value, distribution: .normal(mean: value, sd: sd),
      low: max(0, value - spread), high: value + spread)
  }
}
