import FlowModel

enum SankeyRenderer {
  static func render(_ table: Table, spec: ChartSpec, chart: ResolvedChart, palette: inout ColorAssignment) throws(ChartError) -> RenderedChart {
    throw ChartError("sankey is not drawn yet", help: "")
  }
}
extension ChartSpec {
  func resolveSankey(for table: Table) throws(ChartError) -> ResolvedChart {
    throw ChartError("sankey is not drawn yet", help: "")
  }
}
