/// Typed contents of the requests the kernel serves, decoded strictly (`0` is not `false`).
struct ExecuteRequest: Decodable {
  var code: String
  var silent: Bool
  var storeHistory: Bool
  var userExpressions: [String: String]
  var allowStdin: Bool
  var stopOnError: Bool

  enum CodingKeys: String, CodingKey {
    case code, silent
    case storeHistory = "store_history"
    case userExpressions = "user_expressions"
    case allowStdin = "allow_stdin"
    case stopOnError = "stop_on_error"
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    code = try c.decode(String.self, forKey: .code)
    silent = try c.decodeIfPresent(Bool.self, forKey: .silent) ?? false
    // store_history defaults to "not silent" and is forced off when silent.
    let requested = try c.decodeIfPresent(Bool.self, forKey: .storeHistory) ?? true
    storeHistory = !silent && requested
    userExpressions = try c.decodeIfPresent([String: String].self, forKey: .userExpressions) ?? [:]
    allowStdin = try c.decodeIfPresent(Bool.self, forKey: .allowStdin) ?? true
    stopOnError = try c.decodeIfPresent(Bool.self, forKey: .stopOnError) ?? true
  }
}

struct CodeAtCursorRequest: Decodable {
  var code: String
  var cursorPos: Int?
  var detailLevel: Int?

  enum CodingKeys: String, CodingKey {
    case code
    case cursorPos = "cursor_pos"
    case detailLevel = "detail_level"
  }
}

struct IsCompleteRequest: Decodable {
  var code: String
}

struct HistoryRequest: Decodable {
  var output: Bool?
  var raw: Bool?
  var histAccessType: String
  var session: Int?
  var start: Int?
  var stop: Int?
  var n: Int?
  var pattern: String?
  var unique: Bool?

  enum CodingKeys: String, CodingKey {
    case output, raw, session, start, stop, n, pattern, unique
    case histAccessType = "hist_access_type"
  }
}

struct ShutdownRequest: Decodable {
  var restart: Bool?
}

extension JSONValue {
  /// Decodes request content, or describes what is wrong with it for an error reply.
  func decodeRequest<T: Decodable>(_ type: T.Type) -> Result<T, ExecutionError> {
    do {
      return .success(try decode(T.self))
    } catch let DecodingError.keyNotFound(key, _) {
      return .failure(Self.badRequest("missing field '\(key.stringValue)'"))
    } catch let DecodingError.typeMismatch(expected, context) {
      let field = context.codingPath.map(\.stringValue).joined(separator: ".")
      return .failure(Self.badRequest("field '\(field)' must be of type \(expected)"))
    } catch {
      return .failure(Self.badRequest("content could not be read"))
    }
  }

  private static func badRequest(_ detail: String) -> ExecutionError {
    ExecutionError(name: "BadRequest", value: detail, traceback: ["BadRequest: \(detail)"])
  }
}
