#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension LifetimeDistribution {
  /// The share of a cohort still in use at `age` years: `1 − F(age)`.
  ///
  /// The same functions as SciPy's `sf`, which flodym calls: `norm.sf`, `foldnorm.sf`,
  /// `lognorm.sf`, `weibull_min.sf`; `fixed` is `1` while `age < t`.
  public func survival(atAge age: Double) -> Double {
    switch self {
    case .fixed(let t):
      return age < t ? 1 : 0
    case .normal(let mean, let sd):
      return Self.standardNormalSurvival((age - mean) / sd)
    case .foldedNormal(let mean, let sd):
      let x = age / sd
      let c = mean / sd
      return age < 0 ? 1 : Self.standardNormalSurvival(x - c) + Self.standardNormalSurvival(x + c)
    case .logNormal(let mean, let sd):
      guard age > 0 else { return 1 }
      let ratio = sd * sd / (mean * mean)
      let sigma = sqrt(log(1 + ratio))
      let mu = log(mean * mean / sqrt(mean * mean + sd * sd))
      return Self.standardNormalSurvival((log(age) - mu) / sigma)
    case .weibull(let shape, let scale):
      guard age > 0 else { return 1 }
      return exp(-pow(age / scale, shape))
    }
  }

  /// `P(Z > z)` for a standard normal `Z`, accurate in both tails.
  static func standardNormalSurvival(_ z: Double) -> Double {
    0.5 * erfc(z / 2.0.squareRoot())
  }
}
