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
  /// These three figures are our own assumption, not values from a published table. Laner,
  /// Feketitsch, Rechberger & Fellner (2016) assess MFA data by five data-quality indicators; we
  /// could not read the paper, in particular how it turns them into uncertainties, so the
  /// defaults keep only the ordering F < D < E and the orders of magnitude (a few per cent, about
  /// twice that, tens of per cent); the data README explains this.
  public static func pedigreeCV(_ tag: String?) -> Double? {
    switch tag?.uppercased() {
    case "F": 0.05
    case "D": 0.10
    case "E": 0.30
    default: nil
    }
  }
}
