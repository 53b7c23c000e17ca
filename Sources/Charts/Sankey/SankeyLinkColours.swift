/// The colours of a Sankey's links: one per split value (the material, say), at most
/// ``SeriesData/maxSeries`` — the largest keep theirs, the rest share the grey of "Other" — and one
/// plain colour without a split. Small multiples share one set across their panels.
struct LinkColours: Sendable {
  /// Split values in legend order.
  private(set) var names: [String] = []
  private(set) var colors: [String] = []
  private var colorOf: [String: String] = [:]

  init(_ graphs: [SankeyGraph], chart: ResolvedChart, palette: inout ColorAssignment) {
    var totals: [String: Double] = [:]
    for graph in graphs {
      for link in graph.links { if let s = link.split { totals[s, default: 0] += link.value } }
    }
    // Largest total first (ties by name), "Other" last.
    names = totals.keys.sorted { a, b in
      if (a == "Other") != (b == "Other") { return b == "Other" }
      return totals[a] != totals[b] ? (totals[a] ?? 0) > (totals[b] ?? 0) : a < b
    }
    if names.count > SeriesData.maxSeries {
      names = Array(names.filter { $0 != "Other" }.prefix(SeriesData.maxSeries - 1)) + ["Other"]
    }
    colors = names.isEmpty ? [] : palette.colors(for: names, palette: chart.palette)
    colorOf = Dictionary(zip(names, colors), uniquingKeysWith: { a, _ in a })
  }

  /// The names the legend shows: none for a single colour.
  var legendNames: [String] { names.count > 1 ? names : [] }

  /// The colour of `link`.
  func color(of link: SankeyLink) -> String {
    link.split.map { colorOf[$0] ?? ColorAssignment.other } ?? SankeyRenderer.plainLinkColor
  }
}
