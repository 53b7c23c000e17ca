// Shared by the fuzz targets: the bridge to libFuzzer's driver (only built with -DFUZZING).
#if FUZZING
  /// libFuzzer's driver (from `libclang_rt.fuzzer`, linked by `-sanitize=fuzzer`).
  // swift-format-ignore: AlwaysUseLowerCamelCase
  @_silgen_name("LLVMFuzzerRunDriver")
  private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  nonisolated(unsafe) private var body: ((UnsafePointer<UInt8>, Int) -> Void)?

  /// The entry libFuzzer's runtime expects to exist; it forwards to the registered test.
  @_cdecl("LLVMFuzzerTestOneInput")
  func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let data { body?(data, size) }
    return 0
  }

  /// Runs libFuzzer with the process arguments, calling `test` for every input.
  public enum LibFuzzer {
    /// Hands control to libFuzzer's driver; returns its exit status.
    public static func run(
      _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
      _ test: @escaping (UnsafePointer<UInt8>, Int) -> Void
    ) -> CInt {
      body = test
      var count = argc
      var arguments = argv
      return LLVMFuzzerRunDriver(&count, &arguments, fuzzerTestOneInput)
    }
  }
#endif
