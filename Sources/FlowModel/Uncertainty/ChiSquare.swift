#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The χ² distribution's upper tail, for the global test of a reconciliation.
public enum ChiSquare {
  /// P(X ≥ `value`) for X ~ χ² with `degreesOfFreedom` degrees of freedom: the regularised
  /// upper incomplete gamma function Q(k/2, x/2) (series below a + 1, Lentz's continued
  /// fraction above, as in Press et al., Numerical Recipes §6.2).
  public static func pValue(_ value: Double, degreesOfFreedom: Int) -> Double {
    guard degreesOfFreedom > 0, value.isFinite else { return .nan }
    guard value > 0 else { return 1 }
    let a = Double(degreesOfFreedom) / 2
    let x = value / 2
    let logPrefix = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return max(0, 1 - sum * exp(logPrefix))
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return min(1, exp(logPrefix) * h)
  }
}
