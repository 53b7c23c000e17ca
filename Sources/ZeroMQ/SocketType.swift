/// The socket patterns the kernel uses.
public enum SocketType: Sendable, Hashable {
  case router, dealer, rep, req, pub, sub, xpub, push, pull

  var rawValue: Int32 {
    switch self {
    case .router: LibZMQ.router
    case .dealer: LibZMQ.dealer
    case .rep: LibZMQ.rep
    case .req: LibZMQ.req
    case .pub: LibZMQ.pub
    case .sub: LibZMQ.sub
    case .xpub: LibZMQ.xpub
    case .push: LibZMQ.push
    case .pull: LibZMQ.pull
    }
  }
}
