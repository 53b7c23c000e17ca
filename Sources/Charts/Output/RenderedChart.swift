import FoundationEssentials

/// A drawn chart: the SVG, its one-sentence summary and any warnings for the caller.
public struct RenderedChart: Sendable, Hashable {
  /// The standalone SVG document.
  public var svg: String
  /// One sentence describing the chart (the SVG `<desc>`, the HTML `alt`, the `text/plain`).
  public var summary: String
  /// Notes the caller prints on stderr (loops drawn as return arcs, lumped series, …).
  public var warnings: [String]
  /// The chart title.
  public var title: String
  /// Width in pixels.
  public var width: Int
  /// Height in pixels.
  public var height: Int
  /// The id prefix derived from the chart's content (e.g. `fq-1a2b3c4d`).
  public var id: String
  /// For a Sankey: its nodes, labels and crossings as the layout placed them.
  public var sankey: SankeyGeometry? = nil
  /// For Sankey small multiples: every panel as the layout placed it, in panel order.
  public var sankeyPanels: [SankeyGeometry] = []
  /// For Sankey small multiples: the scale bar.
  public var scaleBar: SankeyScaleBar? = nil

  /// Creates a rendered chart.
  public init(svg: String, summary: String, warnings: [String], title: String, width: Int, height: Int, id: String) {
    self.svg = svg
    self.summary = summary
    self.warnings = warnings
    self.title = title
    self.width = width
    self.height = height
    self.id = id
  }

  /// The display bundle: `text/html` (a figure with the SVG as a base64 `<img>`, which shows
  /// even in untrusted notebooks), `image/svg+xml` and `text/plain` (the summary).
  public var bundle: MimeBundle {
    MimeBundle(
      plain: summary,
      data: ["text/html": html, "image/svg+xml": svg],
      metadata: ["image/svg+xml": ["isolated": .bool(true)]]
    )
  }

  /// The HTML figure: `<figure><img alt=… src="data:image/svg+xml;base64,…"><figcaption>`.
  public var html: String {
    let base64 = Data(svg.utf8).base64EncodedString()
    // `tex2jax_ignore mathjax_ignore`: two "US$" in one caption must not be typeset as TeX math.
    var out = "<figure class=\"flowql-chart tex2jax_ignore mathjax_ignore\" style=\"margin: 0;\">\n<img alt=\""
    HTML.append(summary, to: &out)
    out += "\" width=\"\(width)\" height=\"\(height)\" style=\"max-width: 100%; height: auto;\" "
    out += "src=\"data:image/svg+xml;base64,\(base64)\"/>\n"
    out += "<figcaption style=\"font-size: 0.85em; color: #555;\">"
    HTML.append(summary, to: &out)
    out += "</figcaption>\n</figure>\n"
    return out
  }
}
