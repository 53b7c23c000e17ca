import FoundationEssentials

/// The connection file a Jupyter client writes for a kernel: where to bind and how to sign.
public struct ConnectionInfo: Sendable, Hashable, Codable {
  /// `tcp` or `ipc`.
  public var transport: String
  /// The address (tcp) or path prefix (ipc).
  public var ip: String
  public var shellPort: Int
  public var iopubPort: Int
  public var stdinPort: Int
  public var controlPort: Int
  public var hbPort: Int
  /// The HMAC key as text; empty means messages are not signed.
  public var key: String
  /// `hmac-sha256` (the only scheme supported).
  public var signatureScheme: String
  /// The kernelspec name, if the client wrote one.
  public var kernelName: String?
  /// The kernel's CURVE secret key (Z85), when the client asks for transport encryption.
  public var curveSecretKey: String?
  /// The kernel's CURVE public key (Z85).
  public var curvePublicKey: String?

  enum CodingKeys: String, CodingKey {
    case transport, ip, key
    case shellPort = "shell_port"
    case iopubPort = "iopub_port"
    case stdinPort = "stdin_port"
    case controlPort = "control_port"
    case hbPort = "hb_port"
    case signatureScheme = "signature_scheme"
    case kernelName = "kernel_name"
    case curveSecretKey = "curve_secretkey"
    case curvePublicKey = "curve_publickey"
  }

  /// Creates connection details directly (tests, tools).
  public init(
    transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, iopubPort: Int, stdinPort: Int,
    controlPort: Int, hbPort: Int, key: String, signatureScheme: String = "hmac-sha256"
  ) {
    self.transport = transport
    self.ip = ip
    self.shellPort = shellPort
    self.iopubPort = iopubPort
    self.stdinPort = stdinPort
    self.controlPort = controlPort
    self.hbPort = hbPort
    self.key = key
    self.signatureScheme = signatureScheme
  }

  /// Decodes a connection file leniently: missing `transport`/`signature_scheme` take their defaults.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    transport = try c.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
    ip = try c.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
    shellPort = try c.decode(Int.self, forKey: .shellPort)
    iopubPort = try c.decode(Int.self, forKey: .iopubPort)
    stdinPort = try c.decode(Int.self, forKey: .stdinPort)
    controlPort = try c.decode(Int.self, forKey: .controlPort)
    hbPort = try c.decode(Int.self, forKey: .hbPort)
    key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
    signatureScheme = try c.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
    kernelName = try c.decodeIfPresent(String.self, forKey: .kernelName)
    curveSecretKey = try c.decodeIfPresent(String.self, forKey: .curveSecretKey)
    curvePublicKey = try c.decodeIfPresent(String.self, forKey: .curvePublicKey)
  }

  /// Reads and checks a connection file.
  ///
  /// - Throws: ``KernelStartupError`` naming the file and the problem (unreadable, not JSON,
  ///   unsupported transport or signature scheme).
  public static func load(from path: String) throws -> ConnectionInfo {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KernelStartupError("cannot read connection file \(path)")
    }
    let info: ConnectionInfo
    do {
      info = try JSONDecoder().decode(ConnectionInfo.self, from: data)
    } catch {
      throw KernelStartupError("connection file \(path) is not valid: \(error)")
    }
    try info.validate()
    return info
  }

  /// Checks the transport and signature scheme.
  public func validate() throws {
    guard transport == "tcp" || transport == "ipc" else {
      throw KernelStartupError("unsupported transport \"\(transport)\" (supported: tcp, ipc)")
    }
    guard signatureScheme == "hmac-sha256" else {
      throw KernelStartupError(
        "unsupported signature_scheme \"\(signatureScheme)\" (supported: hmac-sha256)")
    }
  }

  /// The endpoint for a port: `tcp://ip:port` or `ipc://ip-port`.
  public func endpoint(port: Int) -> String {
    transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
  }
}

/// A problem that stops the kernel from starting, with a message for the user.
public struct KernelStartupError: Error, CustomStringConvertible, Sendable {
  /// What went wrong.
  public var description: String
  /// Creates an error with a message.
  public init(_ description: String) { self.description = description }
}
