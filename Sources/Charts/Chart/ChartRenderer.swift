public import FlowModel

/// Draws tables as deterministic SVG charts.
///
/// ```
/// var colors = ColorAssignment()               // kept by the kernel across cells
/// let chart = try ChartRenderer().render(table, spec: ChartSpec(.line), palette: &colors)
/// chart.bundle                                  // text/html + image/svg+xml + text/plain
/// chart.warnings                                // print on stderr
/// ```
public struct ChartRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// Resolves `spec` against `table` and draws it.
  ///
  /// - Parameter palette: the notebook's colour assignment; new series names are added to it.
  /// - Throws: ``ChartError`` when the spec does not fit the table, or for `chart table` (a table
  ///   is shown by ``TableRenderer``).
  public func render(_ table: Table, spec: ChartSpec, palette: inout ColorAssignment) throws(ChartError)
    -> RenderedChart
  {
    let chart = try spec.resolve(for: table)
    if chart.kind == .table {
      throw ChartError(.needsOption, "`chart table` is a table, not a picture", help: "show it with the table output instead")
    }
    guard table.rowCount > 0 else {
      throw ChartError(
        .empty, "the table is empty, so there is nothing to draw", help: "check the `where` filters before `chart`")
    }
    if chart.kind == .sankey {
      return try SankeyRenderer.render(table, spec: spec, chart: chart, palette: &palette)
    }
    var data = SeriesData(table, chart: chart, order: spec.order)
    let colors: [String]
    switch chart.kind {
    case .stacked, .stacked100, .area:
      data.lumpSmallSeries()
      data.orderSeriesByTotal()
    case .line, .column, .bar:
      data.lumpSmallSeries()
    default:
      break
    }
    data.attachBounds(table, chart: chart, order: spec.order)
    if chart.kind == .pie {
      colors = palette.colors(for: data.categories, palette: chart.palette)
    } else if data.names.count == 1 && chart.series == nil {
      colors = [chart.palette == .okabe ? ColorAssignment.single : ColorAssignment.colors(of: chart.palette)[0]]
    } else {
      colors = palette.colors(for: data.names, palette: chart.palette)
    }
    let drawing: ChartDrawing
    switch chart.kind {
    case .bar: drawing = BarChart(data: data, chart: chart, colors: colors).draw()
    case .pie: drawing = PieChart(data: data, chart: chart, colors: colors).draw()
    default: drawing = CartesianChart(data: data, chart: chart, colors: colors).draw()
    }
    let (svg, id) = ChartFrame.assemble(
      width: chart.width, height: drawing.height, title: chart.title, summary: drawing.summary, body: drawing.body)
    return RenderedChart(
      svg: svg, summary: drawing.summary, warnings: chart.warnings + data.warnings, title: chart.title,
      width: chart.width, height: drawing.height, id: id)
  }
}

/// What a chart kind hands back to ``ChartRenderer``: the SVG body, its height and summary.
struct ChartDrawing {
  var body: String
  var height: Int
  var summary: String
}
