extension RareEarthData {
  /// The bundled data files that can be shown as tables, by name (file name without `.csv`).
  static let tableFiles = [
    "sources", "inputs", "prices", "parameters", "mfca_costs", "study_targets", "processes",
  ]

  /// The bundled file `name` as a table: `year` columns as years, all-numeric columns as numbers
  /// (with the dimension their unit implies), the rest as text.
  static func table(named name: String) throws -> Table {
    let records = try bundledRecords(name + ".csv")
    var columns: [Column] = []
    for (c, header) in records.header.enumerated() {
      let raw = records.rows.map { c < $0.fields.count ? $0.fields[c] : "" }
      if header == "year", raw.allSatisfy({ Int($0) != nil }) {
        columns.append(.year(header, raw.compactMap { Int($0) }))
      } else if header != "source_id" && header != "kind" && !raw.isEmpty
        && raw.allSatisfy({ $0.isEmpty || Double($0) != nil })
      {
        // Only US$/t is a base unit; US$/kg prices and other numbers stay plain numbers.
        let dimension: Dimension = header == "usd_per_t" ? .price : .none
        columns.append(.number(header, raw.map { Double($0) ?? .nan }, dimension))
      } else {
        columns.append(.text(header, raw))
      }
    }
    return Table(columns, caption: "\(name).csv · rare_earth_china")
  }
}
