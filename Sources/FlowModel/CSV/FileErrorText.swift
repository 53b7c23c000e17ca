import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// A file error in plain words (`No such file or directory`), without Foundation's localized
/// descriptions, which come with ICU.
public enum FileErrorText {
  /// The system's text for the POSIX error behind `error`, else the error as Swift prints it.
  public static func describe(_ error: any Error) -> String {
    if let error = error as? CocoaError {
      if let underlying = error.userInfo["NSUnderlyingError"] as? POSIXError {
        return String(cString: strerror(underlying.code.rawValue))
      }
      switch error.code {
      case .fileReadNoSuchFile, .fileNoSuchFile: return String(cString: strerror(ENOENT))
      case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
      default: break
      }
    }
    if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
    return "\(error)"
  }
}
