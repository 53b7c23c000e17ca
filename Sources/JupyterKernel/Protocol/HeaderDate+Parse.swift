#if canImport(Glibc)
  import Glibc
#endif

extension HeaderDate {
  /// Seconds since 1970 of an ISO-8601 header date such as `2024-05-01T12:00:00.123456Z` or
  /// `2024-05-01T12:00:00.123+02:00`; `nil` when the text is not such a date.
  public static func seconds(_ text: String) -> Double? {
    let chars = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= chars.count else { return nil }
      var value = 0
      for c in chars[start..<start + count] {
        guard (48...57).contains(c) else { return nil }
        value = value * 10 + Int(c - 48)
      }
      return value
    }
    guard chars.count >= 19, chars[4] == 45, chars[7] == 45, chars[10] == 84 || chars[10] == 32,
      chars[13] == 58, chars[16] == 58, let year = number(0, 4), let month = number(5, 2),
      let day = number(8, 2), let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var i = 19
    var fraction = 0.0
    if i < chars.count, chars[i] == 46 {
      var scale = 0.1
      i += 1
      while i < chars.count, (48...57).contains(chars[i]) {
        fraction += Double(chars[i] - 48) * scale
        scale /= 10
        i += 1
      }
    }
    var offset = 0
    if i < chars.count, chars[i] == 43 || chars[i] == 45 {
      guard let h = number(i + 1, 2), let m = number(i + 4, 2) ?? number(i + 3, 2) else { return nil }
      offset = (chars[i] == 43 ? 1 : -1) * (h * 3600 + m * 60)
    } else if i < chars.count, chars[i] != 90 {
      return nil
    }
    // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
  }

  /// The current UTC time in seconds since 1970.
  public static func nowSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
