#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The pedigree matrix of the ecoinvent database: data-quality scores turned into a lognormal
/// uncertainty.
///
/// Each datum is scored 1 (best) to 5 on five indicators; each score has an uncertainty factor,
/// a contribution to the square of the geometric standard deviation (GSD²). With a basic
/// uncertainty `U_b`, `σ_ln = ½ · √(ln² U_b + Σ ln² U_i)` (Muller et al. 2014, "The application
/// of the pedigree approach to the distributions foreseen in ecoinvent v3", Int J LCA 21,
/// eq. 2). The factors are the ecoinvent v2 expert-judgment table (Frischknecht et al. 2007),
/// as tabulated in `pedigree_matrix/data.py` (`version_1`) of
/// https://github.com/brightway-lca/pedigree_matrix. Laner et al. (2016) assess MFA data by the
/// same five indicators.
public struct PedigreeMatrix: Sendable, Hashable {
  /// The five data-quality indicators, in the matrix's order.
  public enum Indicator: Int, CaseIterable, Sendable {
    case reliability, completeness, temporalCorrelation, geographicalCorrelation, technologicalCorrelation
  }

  /// The uncertainty factors (GSD² contributions) of scores 1…5, per indicator.
  public static let factors: [Indicator: [Double]] = [
    .reliability: [1.00, 1.05, 1.10, 1.20, 1.50],
    .completeness: [1.00, 1.02, 1.05, 1.10, 1.20],
    .temporalCorrelation: [1.00, 1.03, 1.10, 1.20, 1.50],
    .geographicalCorrelation: [1.00, 1.01, 1.02, 1.02, 1.10],
    .technologicalCorrelation: [1.00, 1.00, 1.20, 1.50, 2.00],
  ]

  /// The basic uncertainty (GSD²) ecoinvent gives semi-finished products and metals: 1.05.
  public static let basicUncertainty = 1.05

  /// The score of each indicator, 1…5.
  public var scores: [Indicator: Int]

  /// A datum scored `scores`; an indicator left out scores 1.
  public init(_ scores: [Indicator: Int]) { self.scores = scores }

  /// σ of the logarithm: `½ · √(ln² U_b + Σ ln² U_i)`.
  public var logSigma: Double {
    var sum = log(Self.basicUncertainty) * log(Self.basicUncertainty)
    for indicator in Indicator.allCases {
      let score = min(max(scores[indicator] ?? 1, 1), 5)
      let factor = Self.factors[indicator]![score - 1]
      sum += log(factor) * log(factor)
    }
    return sum.squareRoot() / 2
  }

  /// The coefficient of variation of that lognormal, `√(exp(σ_ln²) − 1)`.
  public var coefficientOfVariation: Double { (exp(logSigma * logSigma) - 1).squareRoot() }

  /// The scores an F/D/E tag stands for: reliability 2 for a figure found in a source ("verified
  /// data partly based on assumptions, or non-verified data based on measurements"), 3 for one
  /// derived from found figures ("non-verified data partly based on qualified estimates"), 4 for
  /// an estimate ("qualified estimate"); the other indicators 1, as every figure of the bundled
  /// model is for its own year, China and the process it describes. Nil for another tag.
  public static func forTag(_ tag: String?) -> PedigreeMatrix? {
    switch tag?.uppercased() {
    case "F": PedigreeMatrix([.reliability: 2])
    case "D": PedigreeMatrix([.reliability: 3])
    case "E": PedigreeMatrix([.reliability: 4])
    default: nil
    }
  }
}
