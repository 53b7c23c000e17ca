public import FlowSQL
import Glibc

/// A connection to a PostgreSQL server through libpq.
///
/// Statements are sent asynchronously (`PQsendQueryParams`) and the socket is polled every
/// ``pollMilliseconds``, so an interrupt reaches the server (`PQcancel`) at once. The password
/// comes from `PGPASSWORD` or `~/.pgpass`; a connection string holding one is refused, so it can
/// never reach a notebook, the history or a message.
///
/// Not thread-safe: the kernel runs one cell at a time, and so uses a connection from one thread
/// at a time.
public final class PostgresConnection: SQLDatabase, @unchecked Sendable {
  let handle: LibPQ.Connection
  public let displayName: String
  public var dialect: SQLDialect { .postgres }
  private let password: String

  /// How long one wait on the socket lasts before the interrupt flag is looked at again.
  static let pollMilliseconds: Int32 = 5

  /// Connects to `target`, a libpq connection string (`host=… dbname=…`) or URI (`postgresql://…`).
  public init(_ target: String) throws(SQLError) {
    guard let options = LibPQ.parse(target) else {
      throw .connectionFailed("`\(Self.shortened(target))` is neither a connection URI nor `key=value` pairs")
    }
    if let password = options["password"], !password.isEmpty { throw .passwordInConnectionString }
    guard let handle = LibPQ.connect(target) else { throw .connectionFailed("out of memory") }
    password = LibPQ.password(handle)
    guard LibPQ.isOK(handle) else {
      let message = Self.masking(LibPQ.errorMessage(handle), password)
      LibPQ.finish(handle)
      throw .connectionFailed(message)
    }
    self.handle = handle
    displayName = LibPQ.describe(handle)
  }

  deinit { LibPQ.finish(handle) }

  public func columns(of table: [String], isCancelled: () -> Bool) throws(SQLError) -> [SQLColumn] {
    let sql = "SELECT * FROM " + dialect.quote(table: table) + " LIMIT 0"
    return try run(SQLStatement(text: sql, parameters: []), rowLimit: 0, isCancelled: isCancelled).columns
  }

  /// Runs `statement`; with a `rowLimit` through a cursor that counts the rows before any is
  /// sent (see ``fetchThroughCursor(_:rowLimit:isCancelled:)``).
  public func run(_ statement: SQLStatement, rowLimit: Int, isCancelled: () -> Bool) throws(SQLError) -> SQLRows {
    try reconnectIfLost()
    if rowLimit > 0 { return try fetchThroughCursor(statement, rowLimit: rowLimit, isCancelled: isCancelled) }
    return try execute(statement.text, statement.parameters, isCancelled: isCancelled).rows
  }

  /// Sends one statement and waits for its result, polling the socket so an interrupt cancels it
  /// on the server. Returns the rows (none for a command) and the count of the command's tag.
  func execute(_ text: String, _ parameters: [SQLValue], isCancelled: () -> Bool) throws(SQLError) -> (
    rows: SQLRows, count: Int
  ) {
    guard LibPQ.send(handle, text, parameters.map(Self.parameter)) else { throw lostOrFailed() }
    var cancelled = false
    while LibPQ.isBusy(handle) {
      if !cancelled, isCancelled() {
        LibPQ.cancel(handle)
        cancelled = true
      }
      var descriptor = pollfd(fd: LibPQ.socket(handle), events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, Self.pollMilliseconds)
      guard LibPQ.consumeInput(handle) else { throw lostOrFailed() }
    }
    var outcome: (rows: SQLRows, count: Int)?
    var failure: SQLError?
    while let result = LibPQ.nextResult(handle) {
      defer { LibPQ.clear(result) }
      guard failure == nil, outcome == nil else { continue }
      if !LibPQ.succeeded(result) {
        failure =
          LibPQ.sqlState(result) == "57014" ? .cancelled : .statementFailed(masking(LibPQ.resultError(result)))
      } else {
        outcome = (Self.rows(of: result), LibPQ.commandCount(result))
      }
    }
    if cancelled || isCancelled() { throw .cancelled }
    if let failure { throw LibPQ.isOK(handle) ? failure : lostOrFailed() }
    guard let outcome else { throw lostOrFailed() }
    return outcome
  }

  /// A broken connection is reset before the next statement (the next cell reconnects).
  private func reconnectIfLost() throws(SQLError) {
    if LibPQ.isOK(handle) { return }
    guard LibPQ.reset(handle) else {
      throw .connectionLost(masking(LibPQ.errorMessage(handle)) + " (reconnecting failed; the next cell tries again)")
    }
  }

  func lostOrFailed() -> SQLError {
    let message = masking(LibPQ.errorMessage(handle))
    return LibPQ.isOK(handle) ? .statementFailed(message) : .connectionLost(message)
  }

  private func masking(_ message: String) -> String { Self.masking(message, password) }

  static func masking(_ message: String, _ password: String) -> String {
    password.isEmpty ? message : message.replacing(password, with: "••••")
  }

  static func shortened(_ target: String) -> String {
    target.count > 40 ? String(target.prefix(40)) + "…" : target
  }

  /// A parameter as text with its type OID (text 25, float8 701, int8 20, bool 16).
  static func parameter(_ value: SQLValue) -> (oid: UInt32, text: String) {
    switch value {
    case .text(let s): (25, s)
    case .number(let d): (701, d.isNaN ? "NaN" : "\(d)")
    case .integer(let n): (20, String(n))
    case .bool(let b): (16, b ? "true" : "false")
    }
  }

  private static func kind(_ oid: UInt32) -> SQLColumn.Kind {
    switch oid {
    case 16: .bool
    case 20, 21, 23: .integer
    case 700, 701, 1700: .float
    case 19, 25, 1042, 1043: .text
    default: .other
    }
  }

  private static func rows(of result: LibPQ.Result) -> SQLRows {
    let (rowCount, columnCount) = (LibPQ.rowCount(result), LibPQ.columnCount(result))
    var columns: [SQLColumn] = []
    var values: [[String?]] = []
    for c in 0..<columnCount {
      columns.append(SQLColumn(name: LibPQ.columnName(result, c), kind: kind(LibPQ.columnType(result, c))))
      values.append((0..<rowCount).map { LibPQ.value(result, $0, c) })
    }
    return SQLRows(columns: columns, values: values, rowCount: rowCount)
  }
}

/// Opens ``PostgresConnection``s for `connect`.
public struct PostgresConnector: SQLConnector {
  public init() {}

  public func connect(_ target: String) throws(SQLError) -> any SQLDatabase {
    try PostgresConnection(target)
  }
}
