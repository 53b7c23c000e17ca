/// What FlowQL needs of a database connection; the kernel provides one backed by libpq.
public protocol SQLDatabase: AnyObject, Sendable {
  /// The dialect the connection speaks.
  var dialect: SQLDialect { get }
  /// Where the connection points, without any password (`user@host:port/db`).
  var displayName: String { get }
  /// The columns of a table or view, in table order.
  func columns(of table: [String], isCancelled: () -> Bool) throws(SQLError) -> [SQLColumn]
  /// Runs `statement` and returns its rows. With a `rowLimit` above 0, a result of more rows is
  /// ``SQLError/tooManyRows(limit:)``, found out before any row is sent.
  func run(_ statement: SQLStatement, rowLimit: Int, isCancelled: () -> Bool) throws(SQLError) -> SQLRows
}

/// Opens connections; the kernel registers one so `connect` works.
public protocol SQLConnector: Sendable {
  /// Connects with a libpq connection string or URI.
  func connect(_ target: String) throws(SQLError) -> any SQLDatabase
}

/// A column's name and kind as the database reports it.
public struct SQLColumn: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case integer, float, text, bool, other
  }

  public var name: String
  public var kind: Kind

  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }
}

/// A result: columns, and per column its values as text (nil for NULL).
public struct SQLRows: Sendable {
  public var columns: [SQLColumn]
  public var values: [[String?]]
  public var rowCount: Int

  public init(columns: [SQLColumn], values: [[String?]], rowCount: Int) {
    self.columns = columns
    self.values = values
    self.rowCount = rowCount
  }
}

/// Why a database call failed. Messages never contain a password.
public enum SQLError: Error, Sendable, Hashable {
  /// The connection could not be made (wrong password, no server).
  case connectionFailed(String)
  /// The connection was lost; the next call reconnects.
  case connectionLost(String)
  /// The server refused the statement.
  case statementFailed(String)
  /// The result has more rows than the fetch limit.
  case tooManyRows(limit: Int)
  /// The user interrupted; the server-side query was cancelled.
  case cancelled
  /// The connection string holds a password.
  case passwordInConnectionString

  /// The message shown to the user.
  public var message: String {
    switch self {
    case .connectionFailed(let m): "cannot connect: \(m)"
    case .connectionLost(let m): "the connection was lost: \(m)"
    case .statementFailed(let m): "the database refused the query: \(m)"
    case .tooManyRows(let limit): "the result has more than \(limit) rows (`set fetch` is \(limit))"
    case .cancelled: "interrupted; the query was cancelled on the server"
    case .passwordInConnectionString: "the connection string holds a password"
    }
  }
}
