/// A rectangular result: named, typed columns of equal length, plus an optional caption.
///
/// `Table` is the value every FlowModel computation returns, every FlowQL stage
/// consumes and produces, and every renderer in Charts draws.
///
/// ```
/// let t = Table([.year("year", [2021, 2022]), .number("mass", [1.5e5, 2e5], .mass)])
/// t["mass"]?[row: 1]  // .number(200000, .mass)
/// ```
public struct Table: Sendable, Hashable {
  /// The columns, in display order.
  public private(set) var columns: [Column]
  /// A one-line description shown above the table (for example "balance · 2022").
  public var caption: String?

  /// Creates a table; every column must have the same number of rows.
  public init(_ columns: [Column], caption: String? = nil) {
    precondition(Set(columns.map(\.count)).count <= 1, "columns differ in length")
    self.columns = columns
    self.caption = caption
  }

  /// The number of rows.
  public var rowCount: Int { columns.first?.count ?? 0 }

  /// The column names, in order.
  public var columnNames: [String] { columns.map(\.name) }

  /// The column with this name, or `nil`.
  public subscript(name: String) -> Column? {
    columns.first { $0.name == name }
  }

  /// The value in `row` of the column named `column`, or `nil` if there is no such column.
  public subscript(row row: Int, column column: String) -> Cell? {
    self[column]?[row: row]
  }

  /// Appends a column, or replaces the column of the same name in place.
  public mutating func setColumn(_ column: Column) {
    precondition(columns.isEmpty || column.count == rowCount, "column length differs from table")
    if let i = columns.firstIndex(where: { $0.name == column.name }) {
      columns[i] = column
    } else {
      columns.append(column)
    }
  }

  /// A new table with only the rows at `indices`, in that order.
  ///
  /// - Complexity: O(columns × `indices.count`).
  public func gathering(_ indices: [Int]) -> Table {
    Table(columns.map { $0.gathering(indices) }, caption: caption)
  }
}
