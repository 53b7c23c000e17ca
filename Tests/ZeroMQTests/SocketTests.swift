import Testing

@testable import ZeroMQ

@Suite struct SocketTests {
  @Test func routerSeesTheDealerIdentityAndRepliesThroughIt() throws {
    let context = try ZMQContext()
    let router = try Socket(context, type: .router)
    let dealer = try Socket(context, type: .dealer)
    try dealer.setIdentity(Array("client-1".utf8))
    try router.bind("inproc://router-test")
    try dealer.connect("inproc://router-test")
    try dealer.send([Array("hello".utf8), [], [0, 255]])
    let frames = try router.receive()
    #expect(frames == [Array("client-1".utf8), Array("hello".utf8), [], [0, 255]])
    try router.send([frames[0], Array("back".utf8)])
    #expect(try dealer.receive() == [Array("back".utf8)])
  }

  @Test func pollTimesOutWithNothingReadyAndReportsReadiness() throws {
    let context = try ZMQContext()
    let pull = try Socket(context, type: .pull)
    let push = try Socket(context, type: .push)
    try pull.bind("inproc://poll-test")
    try push.connect("inproc://poll-test")
    #expect(try Poller.readable([pull], timeoutMilliseconds: 10) == [false])
    #expect(try pull.receiveIfReady() == nil)
    try push.send([Array("x".utf8)])
    #expect(try Poller.readable([pull], timeoutMilliseconds: 1000) == [true])
    #expect(try pull.receiveIfReady() == [Array("x".utf8)])
  }

  @Test func largeFramesArriveWhole() throws {
    let context = try ZMQContext()
    let pull = try Socket(context, type: .pull)
    let push = try Socket(context, type: .push)
    try pull.bind("inproc://large")
    try push.connect("inproc://large")
    let big = [UInt8](repeating: 7, count: 3_000_000)
    try push.send([big, [1]])
    #expect(try pull.receive() == [big, [1]])
  }

  @Test func bindingTwiceToOnePortFailsWithAddressInUse() throws {
    let context = try ZMQContext()
    let first = try Socket(context, type: .router)
    try first.bind("tcp://127.0.0.1:*")
    let endpoint = try first.lastEndpoint
    let second = try Socket(context, type: .router)
    #expect(throws: ZMQError.addressInUse) { try second.bind(endpoint) }
  }

  @Test func errorsDescribeTheFailingFunction() throws {
    let context = try ZMQContext()
    let socket = try Socket(context, type: .router)
    do {
      try socket.bind("nonsense://nowhere")
      Issue.record("bind to a bad endpoint succeeded")
    } catch let error as ZMQError {
      #expect(error.description.hasPrefix("zmq_bind: "))
    }
  }

  @Test func curveKeyPairsAreZ85() throws {
    let pair = try ZMQContext.curveKeyPair()
    #expect(pair.publicKey.count == 40)
    #expect(pair.secretKey.count == 40)
    #expect(pair.publicKey != pair.secretKey)
  }
}
