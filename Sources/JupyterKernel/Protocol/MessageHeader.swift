import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The header every Jupyter message carries.
public struct MessageHeader: Sendable, Hashable, Codable {
  /// Unique per message (a UUID).
  public var msgID: String
  /// The sender's session; for the kernel, one per process.
  public var session: String
  public var username: String
  /// ISO-8601 UTC time with at most 6 fractional digits, e.g. `2024-05-01T12:00:00.000000Z`.
  public var date: String
  public var msgType: String
  /// The protocol version, e.g. "5.4".
  public var version: String

  enum CodingKeys: String, CodingKey {
    case msgID = "msg_id"
    case session, username, date
    case msgType = "msg_type"
    case version
  }

  /// Creates a header.
  public init(msgID: String, session: String, username: String, date: String, msgType: String, version: String) {
    self.msgID = msgID
    self.session = session
    self.username = username
    self.date = date
    self.msgType = msgType
    self.version = version
  }

  /// Reads a header leniently: `msg_id` and `msg_type` must be strings; the rest default to "".
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    msgID = try c.decode(String.self, forKey: .msgID)
    msgType = try c.decode(String.self, forKey: .msgType)
    session = (try? c.decodeIfPresent(String.self, forKey: .session)) ?? ""
    username = (try? c.decodeIfPresent(String.self, forKey: .username)) ?? ""
    date = (try? c.decodeIfPresent(String.self, forKey: .date)) ?? ""
    version = (try? c.decodeIfPresent(String.self, forKey: .version)) ?? ""
  }

  /// The header as a JSON object.
  public var jsonValue: JSONValue {
    .object([
      "msg_id": .string(msgID), "session": .string(session), "username": .string(username),
      "date": .string(date), "msg_type": .string(msgType), "version": .string(version),
    ])
  }
}

/// Timestamps for message headers.
public enum HeaderDate {
  /// The current UTC time as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds, zero-padded).
  public static func now() -> String {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return format(seconds: Int(time.tv_sec), microseconds: Int(time.tv_nsec / 1000))
  }

  /// Formats a UTC instant given as seconds since 1970 plus microseconds.
  public static func format(seconds: Int, microseconds: Int) -> String {
    var t = time_t(seconds)
    var parts = tm()
    gmtime_r(&t, &parts)
    func pad(_ value: Int32, _ width: Int) -> String {
      let s = String(value)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    let micro = String(microseconds)
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
      + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
      + String(repeating: "0", count: max(0, 6 - micro.count)) + micro + "Z"
  }
}
