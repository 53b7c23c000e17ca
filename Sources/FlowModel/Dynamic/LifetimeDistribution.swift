/// How long the goods of one year's inflow stay in use: a probability distribution of the
/// lifetime in years, as in ODYM and flodym.
///
/// ```
/// let magnets = LifetimeDistribution.weibull(shape: 2.5, scale: 14)
/// try magnets.validate()
/// magnets.survival(atAge: 10)  // ≈ 0.75: three quarters of a cohort are still in use at age 10
/// ```
public enum LifetimeDistribution: Sendable, Hashable {
  /// Every item leaves when it reaches `years` of age (`fixed(t)`).
  case fixed(years: Double)
  /// Normal lifetime, not truncated: a share leaves at negative ages and is counted in the
  /// cohort's first year, as in flodym.
  case normal(mean: Double, sd: Double)
  /// The absolute value of a normal variable with this `mean` and `sd` (the parameters before
  /// folding, as in flodym's `FoldedNormalLifetime`).
  case foldedNormal(mean: Double, sd: Double)
  /// Log-normal lifetime given by the mean and standard deviation of the lifetime itself (not
  /// of its logarithm).
  case logNormal(mean: Double, sd: Double)
  /// Weibull lifetime: survival `exp(−(age / scale)^shape)`.
  case weibull(shape: Double, scale: Double)

  /// The distribution names as written in FlowQL, with their parameter names in order.
  public static let parameterNames: [(name: String, parameters: [String])] = [
    ("fixed", ["t"]), ("normal", ["mean", "sd"]), ("foldednormal", ["mean", "sd"]),
    ("lognormal", ["mean", "sd"]), ("weibull", ["shape", "scale"]),
  ]

  /// Creates the distribution called `name` (lower case, as in ``parameterNames``) from its
  /// parameters in the documented order; `nil` for an unknown name or a wrong count.
  public init?(name: String, parameters p: [Double]) {
    switch (name.lowercased(), p.count) {
    case ("fixed", 1): self = .fixed(years: p[0])
    case ("normal", 2): self = .normal(mean: p[0], sd: p[1])
    case ("foldednormal", 2): self = .foldedNormal(mean: p[0], sd: p[1])
    case ("lognormal", 2): self = .logNormal(mean: p[0], sd: p[1])
    case ("weibull", 2): self = .weibull(shape: p[0], scale: p[1])
    default: return nil
    }
  }

  /// The FlowQL spelling, such as `weibull(shape = 2.5, scale = 14)`.
  public var text: String {
    let (name, names, values) = parts
    let args = zip(names, values).map { "\($0) = \(LifetimeDistribution.number($1))" }
    return name + "(" + args.joined(separator: ", ") + ")"
  }

  /// The name, parameter names and values.
  var parts: (String, [String], [Double]) {
    switch self {
    case .fixed(let t): ("fixed", ["t"], [t])
    case .normal(let m, let s): ("normal", ["mean", "sd"], [m, s])
    case .foldedNormal(let m, let s): ("foldednormal", ["mean", "sd"], [m, s])
    case .logNormal(let m, let s): ("lognormal", ["mean", "sd"], [m, s])
    case .weibull(let k, let l): ("weibull", ["shape", "scale"], [k, l])
    }
  }

  /// Checks the parameters: finite; a lifetime, mean or scale > 0 (≥ 0 for `fixed` and
  /// `normal`); a standard deviation and a Weibull shape > 0.
  /// - Throws: ``DynamicStockError/invalidParameter(_:reason:)`` naming the parameter.
  public func validate() throws(DynamicStockError) {
    let (name, names, values) = parts
    for (n, v) in zip(names, values) where !v.isFinite {
      throw .invalidParameter(n, reason: "\(name)'s \(n) must be a finite number of years, not \(v)")
    }
    func positive(_ n: String, _ v: Double, orZero: Bool = false) throws(DynamicStockError) {
      guard v > 0 || (orZero && v == 0) else {
        throw .invalidParameter(n, reason: "\(name)'s \(n) must be \(orZero ? "≥" : ">") 0, not \(Self.number(v))")
      }
    }
    switch self {
    case .fixed(let t): try positive("t", t, orZero: true)
    case .normal(let m, let s):
      try positive("mean", m, orZero: true)
      try positive("sd", s)
    case .foldedNormal(let m, let s), .logNormal(let m, let s):
      try positive("mean", m, orZero: name == "foldednormal")
      try positive("sd", s)
    case .weibull(let k, let l):
      try positive("shape", k)
      try positive("scale", l)
    }
  }

  static func number(_ v: Double) -> String {
    v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
  }
}

/// A dynamic stock model that cannot be computed, with the reason.
public enum DynamicStockError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A lifetime parameter out of range.
  case invalidParameter(String, reason: String)
  /// Every cohort leaves within its first year, so no stock can be held (stock-driven).
  case noSurvivalInFirstYear(LifetimeDistribution)
  /// The series has no years.
  case empty

  /// A one-line message.
  public var description: String {
    switch self {
    case .invalidParameter(_, let reason): reason
    case .noSurvivalInFirstYear(let d):
      "with \(d.text) nothing survives to the end of its first year, so no stock can be held"
    case .empty: "the series has no years"
    }
  }
}
