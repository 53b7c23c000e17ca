extension MaterialFlowModel {
  /// The `flows` table the language sees.
  ///
  /// Columns: `year, source, target, material, mass` (t), `cost` (US$), `value` (US$), then
  /// `good`, `provenance` (F/D/E) and `rule`; then `sigma` (t) and `uncertainty` (%) when any
  /// flow has one (empty cells are NaN).
  /// - Complexity: O(flows).
  public func flowsTable() -> Table {
    var columns: [Column] = [
      .year("year", flows.map(\.year)),
      .text("source", flows.map(\.source)),
      .text("target", flows.map(\.target)),
      .text("material", flows.map(\.material)),
      .number("mass", flows.map(\.mass), .mass),
      .number("cost", flows.map(\.cost), .money),
      .number("value", flows.map(\.value), .money),
      .text("good", flows.map { $0.good ?? "" }),
      .text("provenance", flows.map { $0.provenance ?? "" }),
      .text("rule", flows.map { $0.rule ?? "" }),
    ]
    if flows.contains(where: { $0.sigma != nil }) {
      columns.append(.number("sigma", flows.map { $0.sigma ?? .nan }, .mass))
    }
    if flows.contains(where: { $0.uncertainty != nil }) {
      columns.append(.number("uncertainty", flows.map { ($0.uncertainty ?? .nan) / 100 }, .ratio))
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
