import FlowModel
import FlowSQL

/// A query on a database table compiled so far: the SQL steps, and the (empty) table whose
/// columns, types and units are those of the steps' result.
struct SQLCompilation {
  var pipeline: SQLPipeline
  /// The connection's name (a join compiles only with a table of the same connection).
  var connection: String
  /// The result's columns with no rows: the in-memory stages type-check against it.
  var schema: Table
  /// Whether the last step carries ``SQLCompilation/orderColumn`` (a `sort` or `top` came before).
  var ordered = false
  /// How many of the query's stages compiled.
  var compiledStages = 0

  /// A hidden column that keeps a `sort`'s order through later steps.
  static let orderColumn = "flowql_row_order"

  /// Appends a step reading the previous one.
  mutating func append(_ items: [(expression: SQLExpression, name: String)], filter: SQLExpression? = nil) {
    var items = items
    if ordered { items.append((.column(Self.orderColumn), Self.orderColumn)) }
    pipeline.steps.append(SQLSelect(items: items, from: .previous, filter: filter))
  }

  /// Every column of the schema, unchanged.
  var passThrough: [(expression: SQLExpression, name: String)] {
    schema.columnNames.map { (.column($0), $0) }
  }

  /// The statement that returns the visible columns, in order.
  func statement(_ dialect: SQLDialect) -> SQLStatement {
    var pipeline = pipeline
    var last = SQLSelect(items: passThrough, from: .previous)
    if ordered { last.orderBy = [SQLOrder(.column(Self.orderColumn), descending: false)] }
    pipeline.steps.append(last)
    return pipeline.render(dialect)
  }
}

extension Table {
  /// An empty table with the database's columns: integer `year` columns as years, other numbers
  /// in the base unit their name implies (`mass`, `stock` in t; `cost`, `value` in US$; `price`
  /// in US$/t), flags as flags, and the rest as text.
  static func empty(_ columns: [SQLColumn], caption: String) -> Table {
    Table(
      columns.map { c in
        switch c.kind {
        case .integer where c.name == "year": .year(c.name, [])
        case .integer, .float: .number(c.name, [], Self.dimension(ofDatabaseColumn: c.name))
        case .bool: .bool(c.name, [])
        case .text, .other: .text(c.name, [])
        }
      }, caption: caption)
  }

  static func dimension(ofDatabaseColumn name: String) -> Dimension {
    switch name {
    case "mass", "stock", "stock_change": .mass
    case "cost", "value": .money
    case "price": .price
    default: .none
    }
  }

  /// The rows a database returned, typed as `schema` says (NULL is a missing value).
  static func from(_ rows: SQLRows, schema: Table) -> Table {
    var columns: [Column] = []
    for (index, column) in schema.columns.enumerated() where index < rows.values.count {
      let raw = rows.values[index]
      let values: ColumnValues =
        switch column.values {
        case .year: .year(raw.map { $0.flatMap { Int($0) } ?? Int(($0.flatMap { Double($0) } ?? 0)) })
        case .number: .number(raw.map { $0.flatMap(Double.init) ?? .nan })
        case .bool: .bool(raw.map { $0 == "t" || $0 == "true" })
        case .text: .text(raw.map { $0 ?? "" })
        }
      columns.append(Column(column.name, values, dimension: column.dimension))
    }
    return Table(columns, caption: schema.caption)
  }
}
