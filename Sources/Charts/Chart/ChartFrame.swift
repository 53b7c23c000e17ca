/// Wraps a chart body in the root `<svg>` with `<title>`, `<desc>` and a white background;
/// ids come from an FNV-1a hash of everything drawn, so equal charts get equal ids.
enum ChartFrame {
  static func assemble(width: Int, height: Int, title: String, summary: String, body: String) -> (
    svg: String, id: String
  ) {
    var hash = FNV1a()
    hash.combine("\(width)x\(height)\n")
    hash.combine(title)
    hash.combine("\n")
    hash.combine(summary)
    hash.combine("\n")
    hash.combine(body)
    let id = "fq-" + FNV1a.hex8(String(hash.value, radix: 16))
    var out = ""
    out.reserveCapacity(body.utf8.count + 1024)
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
    out += "height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
    out += "font-family=\"\(ChartStyle.fontFamily)\">\n"
    out += "  <title id=\"\(id)-title\">"
    HTML.append(title, to: &out)
    out += "</title>\n  <desc id=\"\(id)-desc\">"
    HTML.append(summary, to: &out)
    out += "</desc>\n"
    out += "  <rect width=\"\(width)\" height=\"\(height)\" fill=\"\(ChartStyle.background)\"/>\n"
    out += body
    out += "</svg>\n"
    return (out, id)
  }
}
