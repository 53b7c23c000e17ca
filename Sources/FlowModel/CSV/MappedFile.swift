#if canImport(Glibc)
  import Glibc
#endif

/// A file's bytes, mapped copy-on-write into memory (the CSV reader unescapes quoted fields in
/// place without touching the file), unmapped when the closure returns.
enum MappedFile {
  /// Calls `body` with the bytes of the file at `path`.
  ///
  /// - Throws: ``CSVLoadError`` (line 0) with the system's reason when the file cannot be read.
  static func withBytes<T>(
    of path: String, file: String, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> T
  ) throws -> T {
    func failure(_ code: Int32) -> CSVLoadError {
      CSVLoadError(file: file, line: 0, problem: .unreadable(String(cString: strerror(code))))
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(errno) }
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw failure(EISDIR) }
    let size = Int(info.st_size)
    guard size > 0 else {
      var empty: [UInt8] = []
      return try empty.withUnsafeMutableBufferPointer { try body($0) }
    }
    guard let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
      throw failure(errno)
    }
    defer { munmap(base, size) }
    madvise(base, size, MADV_SEQUENTIAL)
    return try body(UnsafeMutableBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size))
  }
}
