import FlowModel
import FlowQL
import Foundation
import JupyterKernel
import Testing

@testable import FlowKernel

/// A verb that ignores interrupts until it is released: a step the evaluator cannot stop inside,
/// such as freeing tens of millions of rows. Never released, it fails after 10 s with `E402`.
private struct StubbornVerb: Verb {
  let released: DispatchSemaphore

  let signature = VerbSignature(
    name: "stubborn", summary: "Waits to be released (test verb).", example: "stubborn", clauses: [])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard released.wait(timeout: .now() + 10) == .success else { throw VerbError("never released") }
    return VerbOutput(Table([.number("x", [1], .none)]))
  }
}

@Suite struct InterruptTests {
  @Test func anInterruptIsAnsweredWithoutWaitingForAStepThatCannotStop() {
    let released = DispatchSemaphore(value: 0)
    let catalog = Catalog(
      tables: ["t": Table([.year("year", [2021, 2022])])], verbs: VerbRegistry([StubbornVerb(released: released)]))
    var k = InMemoryKernel(
      interpreter: FlowInterpreter(engine: FlowEngine(catalog: catalog)), info: Kernelspec.kernelInfo)
    let flag = k.interrupt
    Thread {
      Thread.sleep(forTimeInterval: 0.1)
      flag.raise()
    }.start()
    let sent = k.shell("execute_request", InMemoryKernel.execute("let before = t\nstubborn"))
    // Had the kernel waited for the verb, the cell would have failed with the verb's E402.
    let error = sent.first { $0.message.msgType == "error" }?.message.content
    #expect(error?["ename"] == "E900")
    #expect(sent.last?.message.content["execution_state"] == "idle")
    released.signal()
    // The next cell waits for the stopped one and keeps the `let` made before the interrupt.
    let next = k.shell("execute_request", InMemoryKernel.execute("before | summarize n = count()"))
    let result = next.first { $0.message.msgType == "execute_result" }?.message.content
    #expect(result?["data"]?["text/plain"]?.stringValue?.hasSuffix("2") == true)
  }
}
