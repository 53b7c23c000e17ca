// The Charts module: FlowQL results rendered for reading.
//
// - Tables → `TableRenderer` (HTML with caption, units in headers, right-aligned numbers,
//   head/tail truncation; aligned plain text) and `TableRenderer.format` for single values.
// - Charts → `ChartSpec` (what the user asked for) → `ChartSpec.resolve(for:)` (inference,
//   `ChartError` with help) → `ChartRenderer.render` → `RenderedChart` (deterministic SVG,
//   one-sentence summary, warnings) → `RenderedChart.bundle` (`MimeBundle`).
// - Sankey diagrams → `SankeyGraph` (cleaning, `min` lumping, loops, columns), `SankeyLayout`
//   (d3-sankey ported), `SankeyRenderer` (links, return arcs, nodes, labels).
//
// Files are grouped by concern: Output/ (bundles), Table/, Chart/ (x/y charts and pies),
// Sankey/, Support/ (escaping, number text, text metrics, nice ticks, the SVG writer, FNV-1a).
// Nothing here reads clocks or random numbers: the same table and spec give the same bytes.
