/// An element-level check of the bundled model: does separation yield the Nd+Pr (or Dy+Tb) that
/// the magnet chain takes?
///
/// The flows balance by element group (LREE, HREE), which hides a shortage of one element inside
/// a group. Need: the group's mass in magnet blanks (`MET → MAG`), all of it taken as the checked
/// elements. Supply: separation's output of the checked elements — new scrap (`MAG → SEP`) counted
/// as magnet alloy, everything else fed to separation at the basket share of the elements
/// (`LB_*`, `HB_*`), both less the separation loss. A ratio above 1 is a shortage the model does
/// not close.
struct ElementCheck {
  /// The element group checked (`LREE` or `HREE`).
  var material: String
  /// The basket parameters of the checked elements (such as `LB_NdPr`).
  var elements: [String]
  /// The prefix of the group's basket parameters (`LB_` or `HB_`).
  var basketPrefix: String

  static let ndPr = ElementCheck(material: "LREE", elements: ["LB_NdPr"], basketPrefix: "LB_")
  static let dyTb = ElementCheck(material: "HREE", elements: ["HB_Dy", "HB_Tb"], basketPrefix: "HB_")

  /// The need and the supply of the checked elements in `year`, in t REO.
  func balance(_ model: MaterialFlowModel, year: Int) -> (need: Double, supply: Double) {
    guard let data = model.recipe?.data else { return (.nan, .nan) }
    // Summed in key order: a dictionary's order differs from process to process, and so would
    // the last digit of the sum.
    let basket = data.parameters.filter { $0.key.hasPrefix(basketPrefix) }.sorted { $0.key < $1.key }
      .reduce(0) { $0 + $1.value }
    let share = elements.reduce(0) { $0 + (data.parameters[$1] ?? 0) } / basket
    let yieldShare = 1 - (data.parameters["SEP_LOSS"] ?? 0)
    var need = 0.0
    var scrap = 0.0
    var feed = 0.0
    for flow in model.flows where flow.year == year && flow.material == material {
      if flow.source == "MET" && flow.target == "MAG" { need += flow.mass }
      if flow.target == "SEP" {
        if flow.source == "MAG" { scrap += flow.mass } else { feed += flow.mass }
      }
    }
    return (need, (feed * share + scrap) * yieldShare)
  }

  /// The check's ratio need / supply for every year and over all years.
  func ratios(_ model: MaterialFlowModel) -> (byYear: [(year: Int, ratio: Double)], total: Double) {
    var need = 0.0
    var supply = 0.0
    var byYear: [(Int, Double)] = []
    for year in model.years {
      let b = balance(model, year: year)
      need += b.need
      supply += b.supply
      byYear.append((year, b.need / b.supply))
    }
    return (byYear, need / supply)
  }
}
