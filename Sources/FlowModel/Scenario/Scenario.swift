/// Selects flows by source, target and optionally material and years.
///
/// ```
/// FlowSelector("IMP_CONC_US", "CONC")                       // every material, every year
/// FlowSelector("PRIM", "EXP_PRIM", material: "HREE", years: 2020...2022)
/// ```
public struct FlowSelector: Sendable, Hashable {
  /// The source process id.
  public var source: String
  /// The target process id.
  public var target: String
  /// The material, or `nil` for every material.
  public var material: String?
  /// The years, or `nil` for every year.
  public var years: ClosedRange<Int>?

  /// Creates a selector.
  public init(_ source: String, _ target: String, material: String? = nil, years: ClosedRange<Int>? = nil) {
    self.source = source
    self.target = target
    self.material = material
    self.years = years
  }

  /// Whether the selector applies to `year` and `material`.
  func matches(year: Int, material: String) -> Bool {
    (years?.contains(year) ?? true) && (self.material.map { $0 == material } ?? true)
  }
}

/// A named set of edits to a model; ``MaterialFlowModel/applying(_:)`` re-derives the flows.
///
/// ```
/// let scenario = Scenario("more US ore", [.scale(FlowSelector("IMP_CONC_US", "CONC"), by: 2)])
/// let changed = try model.applying(scenario)
/// ```
public struct Scenario: Sendable, Hashable {
  /// One change to a model.
  public enum Edit: Sendable, Hashable {
    /// Multiplies the mass of the selected flows by a non-negative factor.
    case scale(FlowSelector, by: Double)
    /// Sets the total mass (t) of the selected flows in each selected year, keeping their
    /// material split; with a material named, creates the flow when it does not exist.
    case set(FlowSelector, mass: Double)
    /// Moves a share (0–1) of the selected flows to another target of the same source; the
    /// source's total outflow is unchanged (mass-conserving).
    case move(share: Double, of: FlowSelector, to: String)
    /// Sets the price (US$/t) of a priced good (or of the good a process outputs) for an
    /// optional material and years.
    case setPrice(good: String, price: Double, material: String? = nil, years: ClosedRange<Int>? = nil)
    /// Derives the end-of-life outflow of a stock process (the bundled model's `USE`) from a
    /// dynamic stock model of its inflows with this lifetime, instead of a fixed share.
    case lifetime(process: String, LifetimeDistribution)
  }

  /// The scenario's name, used in comparison captions.
  public var name: String
  /// The edits, applied in order.
  public var edits: [Edit]

  /// Creates a scenario.
  public init(_ name: String, _ edits: [Edit]) {
    self.name = name
    self.edits = edits
  }
}
