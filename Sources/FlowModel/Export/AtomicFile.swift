#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file whole or not at all: the bytes go to a hidden temporary file beside the target,
/// which is then renamed over it. A failure (a read-only folder, a full disk) leaves an existing
/// file untouched and no temporary file behind.
public enum AtomicFile {
  /// Why a file could not be written, in the system's words (`Permission denied`).
  public struct Failure: Error, Sendable, Hashable {
    /// The reason, such as `No such file or directory`.
    public var reason: String
  }

  /// Writes `bytes` to `path` (relative paths are relative to the working directory).
  ///
  /// - Throws: ``Failure`` when the temporary file cannot be created, written or renamed.
  public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw Failure(reason: String(cString: strerror(EISDIR))) }
    let temporary = "\(folder).\(name).\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
    var failure: Int32 = 0
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += n
      }
    }
    if failure == 0, fsync(fd) != 0 { failure = errno }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw Failure(reason: String(cString: strerror(failure)))
    }
  }
}
