/// The fixed look of every chart: fonts, sizes and colours (Vega-like defaults).
enum ChartStyle {
  static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
  static let titleSize = 14.0
  static let axisTitleSize = 12.0
  static let labelSize = 11.0
  static let smallSize = 10.0
  static let ink = "#333333"
  static let axis = "#888888"
  static let grid = "#e5e5e5"
  static let background = "#ffffff"
  static let tickSize = 5.0
  /// Space reserved above the plot for the title.
  static let titleBand = 36.0
}
