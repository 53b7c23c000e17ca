/// A stable colour per series name across a notebook (Okabe–Ito, assigned first come).
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
  /// The Okabe–Ito palette, with yellow moved late because it is faint on white.
  public static let palette = [
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000",
  ]
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
  public mutating func colors(for series: [String]) -> [String] {
    var used = Set<Int>()
    var result: [String] = []
    for name in series {
      var slot = self.slot(for: name)
      if used.contains(slot), let free = (0..<Self.palette.count).first(where: { !used.contains($0) }) {
        slot = free
      }
      used.insert(slot)
      result.append(name == "Other" ? Self.other : Self.palette[slot])
    }
    return result
  }
}
