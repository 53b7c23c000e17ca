import FlowModel

/// A chart's legend where ``ChartLegend`` puts it: a row under the title (`top`), a column at the
/// right, rows at the bottom, or nowhere. It says how much room it takes on each side.
struct LegendBox {
  var names: [String]
  var colors: [String]
  var placement: ChartLegend
  var width: Double

  private static let rowHeight = 18.0

  /// The room taken under the title, at the right edge and at the bottom.
  var room: (top: Double, right: Double, bottom: Double) {
    guard !names.isEmpty else { return (0, 0, 0) }
    switch placement {
    case .none: return (0, 0, 0)
    case .top: return (rowsHeight + 4, 0, 0)
    case .bottom: return (0, 0, rowsHeight + 8)
    case .right: return (0, columnWidth + 12, 0)
    }
  }

  private var rowsHeight: Double {
    Double((ChartParts.legendLayout(names, width: width).last?.row ?? 0) + 1) * Self.rowHeight
  }

  private var labels: [String] { names.map { TextMetrics.truncate($0, maxWidth: 160, size: ChartStyle.labelSize) } }

  private var columnWidth: Double {
    14 + (labels.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0) + 8
  }

  /// Draws the legend; `top` is where the plot area starts, `height` the chart's full height.
  func draw(_ w: inout SVGWriter, top: Double, height: Double) {
    guard !names.isEmpty else { return }
    switch placement {
    case .none: return
    case .top: _ = ChartParts.legend(&w, names: names, colors: colors, width: width, y: ChartStyle.titleBand)
    case .bottom: _ = ChartParts.legend(&w, names: names, colors: colors, width: width, y: height - rowsHeight)
    case .right:
      let x = width - columnWidth - 4
      w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink)])
      for (i, label) in labels.enumerated() {
        let y = top + 4 + Double(i) * Self.rowHeight
        w.element(
          "rect", ["x": .number(x), "y": .number(y), "width": 10, "height": 10, "fill": .text(colors[i])])
        w.element("text", ["x": .number(x + 14), "y": .number(y + 9)], text: label)
      }
      w.close("g")
    }
  }
}
