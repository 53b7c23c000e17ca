/// What is known about one flow's mass, for ``MaterialFlowModel/reconciled(_:years:byMaterial:)``.
public enum FlowMeasurement: Sendable, Hashable {
  /// Measured with this standard deviation in t (> 0; 0 means exact).
  case measured(sigma: Double)
  /// Known without error.
  case exact
  /// Not known: computed from the balances where they determine it.
  case unknown

  /// The relative standard uncertainty (coefficient of variation) of a value by its F/D/E tag,
  /// from the pedigree matrix (``PedigreeMatrix/forTag(_:)``): F 3.5 %, D 5.4 %, E 9.5 %.
  public static func pedigreeCV(_ tag: String?) -> Double? {
    PedigreeMatrix.forTag(tag)?.coefficientOfVariation
  }
}
