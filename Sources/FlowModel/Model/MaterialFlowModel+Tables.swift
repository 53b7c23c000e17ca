extension MaterialFlowModel {
  /// The `flows` table the language sees.
  ///
  /// Columns: `year, source, target, material, mass` (t), `cost` (US$), `value` (US$), then
  /// `good`, `provenance` (F/D/E) and `rule`, and `sigma` (t) and `uncertainty` (%) when the
  /// flows file had them (empty cells are NaN). The other columns share the model's storage.
  /// - Complexity: O(1) without `uncertainty`.
  public func flowsTable() -> Table {
    var columns: [Column] = [
      .year("year", flows.years),
      Column("source", .text(flows.sources)),
      Column("target", .text(flows.targets)),
      Column("material", .text(flows.materials)),
      .number("mass", flows.masses, .mass),
      .number("cost", flows.costs, .money),
      .number("value", flows.values, .money),
      Column("good", .text(flows.goods)),
      Column("provenance", .text(flows.provenances)),
      Column("rule", .text(flows.rules)),
    ]
    if let sigmas = flows.sigmas { columns.append(.number("sigma", sigmas, .mass)) }
    if let uncertainties = flows.uncertainties {
      columns.append(.number("uncertainty", uncertainties.map { $0 / 100 }, .ratio))
    }
    return Table(columns, caption: "flows · \(name) · \(yearCaption)")
  }

  /// The `processes` table the language sees.
  ///
  /// Columns: `id, name, stage, kind, description, stage_order, loss`.
  public func processesTable() -> Table {
    Table(
      [
        .text("id", processes.map(\.id)),
        .text("name", processes.map(\.name)),
        .text("stage", processes.map(\.stage)),
        .text("kind", processes.map(\.kind.rawValue)),
        .text("description", processes.map(\.description)),
        .number("stage_order", processes.map { Double($0.stageOrder) }),
        .bool("loss", processes.map(\.isLoss)),
      ], caption: "processes · \(name)")
  }

  /// The `stocks` table the language sees.
  ///
  /// Columns: `year, process, material, stock` (t), `stock_change` (t).
  public func stocksTable() -> Table {
    Table(
      [
        .year("year", stocks.map(\.year)),
        .text("process", stocks.map(\.process)),
        .text("material", stocks.map(\.material)),
        .number("stock", stocks.map(\.stock), .mass),
        .number("stock_change", stocks.map(\.stockChange), .mass),
      ], caption: "stocks · \(name)")
  }

  /// The model's years as a caption fragment.
  var yearCaption: String {
    guard let range = try? yearRange() else { return "no years" }
    return yearLabel(range)
  }
}
