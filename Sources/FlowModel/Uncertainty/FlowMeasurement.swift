/// What is known about one flow's mass, for ``MaterialFlowModel/reconciled(_:years:byMaterial:)``.
public enum FlowMeasurement: Sendable, Hashable {
  /// Measured with this standard deviation in t (> 0; 0 means exact).
  case measured(sigma: Double)
  /// Known without error.
  case exact
  /// Not known: computed from the balances where they determine it.
  case unknown

  /// The relative standard uncertainty (coefficient of variation) of a value by its F/D/E tag:
  /// found 5 %, derived 10 %, estimated 30 %.
  ///
  /// The defaults follow the pedigree approach of Laner, Feketitsch, Rechberger & Fellner (2016),
  /// "A novel approach to characterize data uncertainty in material flow analysis and its
  /// application to plastics flows in Austria", J. Ind. Ecol. 20(5), 1050–1063: official
  /// statistics (our F) carry a few per cent, figures derived from them (D) about twice that,
  /// expert estimates (E) tens of per cent. The three values are our reading of that scheme for
  /// a three-level tag; the data README explains them.
  public static func pedigreeCV(_ tag: String?) -> Double? {
    switch tag?.uppercased() {
    case "F": 0.05
    case "D": 0.10
    case "E": 0.30
    default: nil
    }
  }
}
