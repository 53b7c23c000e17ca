internal import CLibPQ
import Glibc

/// The only place in the package that calls libpq.
///
/// Each function is a thin shim over one or two C functions; C strings and result handles never
/// leave this file.
enum LibPQ {
  typealias Connection = OpaquePointer
  typealias Result = OpaquePointer

  // MARK: Connections

  /// The keywords a connection string sets (a URI or `key=value` pairs); nil when it cannot be read.
  static func parse(_ target: String) -> [String: String]? {
    var error: UnsafeMutablePointer<CChar>?
    guard let options = PQconninfoParse(target, &error) else {
      if let error { PQfreemem(error) }
      return nil
    }
    defer { PQconninfoFree(options) }
    var out: [String: String] = [:]
    var p = options
    while let keyword = p.pointee.keyword {
      if let value = p.pointee.val { out[String(cString: keyword)] = String(cString: value) }
      p += 1
    }
    return out
  }

  /// Opens a connection (blocking); the handle is returned even when the connection failed.
  static func connect(_ target: String) -> Connection? { PQconnectdb(target) }

  static func isOK(_ connection: Connection) -> Bool { PQstatus(connection) == CONNECTION_OK }

  static func errorMessage(_ connection: Connection) -> String {
    String(cString: PQerrorMessage(connection)).trimmingCharacters()
  }

  static func finish(_ connection: Connection) { PQfinish(connection) }

  /// Reconnects with the same parameters; true when the connection is usable again.
  static func reset(_ connection: Connection) -> Bool {
    PQreset(connection)
    return isOK(connection)
  }

  /// `user@host:port/db` of an open connection.
  static func describe(_ connection: Connection) -> String {
    func text(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
    return
      "\(text(PQuser(connection)))@\(text(PQhost(connection))):\(text(PQport(connection)))/\(text(PQdb(connection)))"
  }

  /// The password libpq used (from the environment or ~/.pgpass), to mask it in messages.
  static func password(_ connection: Connection) -> String {
    PQpass(connection).map { String(cString: $0) } ?? ""
  }

  static func socket(_ connection: Connection) -> Int32 { PQsocket(connection) }

  // MARK: Queries

  /// Sends a statement with text parameters of the given type OIDs; false if it could not be sent.
  static func send(_ connection: Connection, _ sql: String, _ parameters: [(oid: UInt32, text: String)]) -> Bool {
    let types = parameters.map(\.oid)
    var cStrings = parameters.map { strdup($0.text) }
    defer { for p in cStrings { free(p) } }
    return cStrings.withUnsafeMutableBufferPointer { values in
      types.withUnsafeBufferPointer { oids in
        values.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constValues in
          PQsendQueryParams(
            connection, sql, Int32(parameters.count), oids.baseAddress, constValues.baseAddress, nil, nil, 0) == 1
        }
      }
    }
  }

  /// Reads what arrived on the socket; false when the connection broke.
  static func consumeInput(_ connection: Connection) -> Bool { PQconsumeInput(connection) == 1 }

  static func isBusy(_ connection: Connection) -> Bool { PQisBusy(connection) == 1 }

  static func nextResult(_ connection: Connection) -> Result? { PQgetResult(connection) }

  /// Asks the server to cancel the running statement (a separate connection, as libpq does).
  static func cancel(_ connection: Connection) {
    guard let handle = PQgetCancel(connection) else { return }
    var buffer = [CChar](repeating: 0, count: 256)
    _ = PQcancel(handle, &buffer, Int32(buffer.count))
    PQfreeCancel(handle)
  }

  // MARK: Results

  static func clear(_ result: Result) { PQclear(result) }

  /// Whether the result holds rows or a command's success.
  static func succeeded(_ result: Result) -> Bool {
    let status = PQresultStatus(result)
    return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK
  }

  static func resultError(_ result: Result) -> String {
    String(cString: PQresultErrorMessage(result)).trimmingCharacters()
  }

  /// The SQLSTATE of a failed result (`57014` for a cancelled statement).
  static func sqlState(_ result: Result) -> String {
    // PG_DIAG_SQLSTATE is the character 'C', a macro Swift does not import.
    PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
  }

  static func rowCount(_ result: Result) -> Int { Int(PQntuples(result)) }

  /// The row count of a command's tag (`MOVE 5` → 5; 0 when the tag carries none).
  static func commandCount(_ result: Result) -> Int { PQcmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0 }

  static func columnCount(_ result: Result) -> Int { Int(PQnfields(result)) }

  static func columnName(_ result: Result, _ column: Int) -> String { String(cString: PQfname(result, Int32(column))) }

  static func columnType(_ result: Result, _ column: Int) -> UInt32 { PQftype(result, Int32(column)) }

  /// The value at `row`, `column` as text; nil for NULL.
  static func value(_ result: Result, _ row: Int, _ column: Int) -> String? {
    if PQgetisnull(result, Int32(row), Int32(column)) == 1 { return nil }
    return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
  }
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    var s = Substring(self)
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return String(s)
  }
}
