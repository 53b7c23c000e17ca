public import FlowModel

/// A stable palette slot per series name across a notebook (assigned first come); the chart's
/// ``ChartPalette`` (Okabe–Ito by default) gives each slot its colour.
///
/// The kernel keeps one value across cells and passes it `inout` to every render, so "LREE"
/// has the same colour in every chart. Within one chart no colour is used twice: a name
/// whose colour is taken (after more than 8 names) gets the first free palette colour.
///
/// ```
/// var colors = ColorAssignment()
/// colors.colors(for: ["LREE", "HREE"])  // ["#E69F00", "#56B4E9"]
/// ```
public struct ColorAssignment: Sendable, Hashable {
  /// The Okabe–Ito palette; its pale yellow (#F0E442), unreadable on a projector, is replaced by
  /// a dark olive that reads on a projector.
  public static let palette = [
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#8A7A00", "#000000",
  ]

  /// The colours of each named palette, eight slots each.
  public static func colors(of palette: ChartPalette) -> [String] {
    switch palette {
    case .okabe: Self.palette
    case .tableau: ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#B07AA1", "#9C755F", "#BAB0AC"]
    case .grey: ["#1A1A1A", "#595959", "#8C8C8C", "#B3B3B3", "#404040", "#737373", "#A6A6A6", "#262626"]
    }
  }
  /// The colour of a chart with a single series.
  public static let single = "#0072B2"
  /// The colour of lumped "Other" categories and links.
  public static let other = "#999999"

  /// Names in the order they were first seen; a name's palette slot is its index modulo 8.
  public private(set) var names: [String] = []
  private var slots: [String: Int] = [:]

  /// Creates an empty assignment.
  public init() {}

  /// The palette slot of `name`, assigning the next one on first sight.
  public mutating func slot(for name: String) -> Int {
    if let slot = slots[name] { return slot }
    let slot = names.count % Self.palette.count
    slots[name] = slot
    names.append(name)
    return slot
  }

  /// The colours for the series of one chart, in order, each distinct while the palette lasts.
  public mutating func colors(for series: [String], palette: ChartPalette = .okabe) -> [String] {
    let colors = Self.colors(of: palette)
    var used = Set<Int>()
    var result: [String] = []
    for name in series {
      var slot = self.slot(for: name)
      if used.contains(slot), let free = (0..<Self.palette.count).first(where: { !used.contains($0) }) {
        slot = free
      }
      used.insert(slot)
      result.append(name == "Other" ? Self.other : colors[slot])
    }
    return result
  }
}
