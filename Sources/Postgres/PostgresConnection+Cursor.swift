public import FlowSQL

extension PostgresConnection {
  /// The cursor a limited fetch reads through (one at a time: the kernel runs one cell at a time).
  static let cursorName = "flowql_fetch"

  /// Runs `statement` once and returns its rows, or ``SQLError/tooManyRows(limit:)`` with no row
  /// sent when it has more than `rowLimit`.
  ///
  /// In a transaction: `DECLARE … SCROLL CURSOR` over the statement, its result materialised in
  /// the server (`WITH … AS MATERIALIZED`) so it is computed once; `MOVE FORWARD limit+1` counts
  /// the rows on the server (the command tag carries the count, no row crosses the network); over
  /// the limit the transaction is rolled back, otherwise `MOVE ABSOLUTE 0` rewinds to the start and
  /// `FETCH ALL` sends the rows. Values stay bound parameters; an interrupt cancels whichever step
  /// runs.
  func fetchThroughCursor(_ statement: SQLStatement, rowLimit: Int, isCancelled: () -> Bool) throws(SQLError)
    -> SQLRows
  {
    _ = try execute("BEGIN", [], isCancelled: isCancelled)
    do throws(SQLError) {
      let cursor = Self.cursorName
      let declare =
        "DECLARE \(cursor) SCROLL CURSOR FOR WITH flowql_result AS MATERIALIZED (\n\(statement.text)\n)\n"
        + "SELECT * FROM flowql_result"
      _ = try execute(declare, statement.parameters, isCancelled: isCancelled)
      // PostgreSQL reads a MOVE count as a 32-bit integer; a limit beyond it counts every row.
      let count = rowLimit < Int(Int32.max) ? String(rowLimit + 1) : "ALL"
      let counted = try execute("MOVE FORWARD \(count) IN \(cursor)", [], isCancelled: isCancelled).count
      if counted > rowLimit { throw .tooManyRows(limit: rowLimit) }
      _ = try execute("MOVE ABSOLUTE 0 IN \(cursor)", [], isCancelled: isCancelled)
      let rows = try execute("FETCH ALL IN \(cursor)", [], isCancelled: isCancelled).rows
      _ = try execute("COMMIT", [], isCancelled: { false })
      return rows
    } catch {
      rollBack()
      throw error
    }
  }

  /// Ends a failed or refused transaction (never cancelled: it is what follows a cancel).
  private func rollBack() {
    guard LibPQ.isOK(handle) else { return }
    _ = try? execute("ROLLBACK", [], isCancelled: { false })
  }
}
