extension KernelCore {
  mutating func execute(_ request: Message, io: any KernelIO) -> Aftermath {
    let parsed: ExecuteRequest
    switch request.content.decodeRequest(ExecuteRequest.self) {
    case .success(let value): parsed = value
    case .failure(let error):
      replyError(error, to: request, io: io, extra: ["execution_count": .int(executionCount)])
      return .proceed
    }

    // Like IPython: only stored, non-blank cells take a new number.
    let isBlank = parsed.code.allSatisfy(\.isWhitespace)
    let stores = parsed.storeHistory && !isBlank
    let count = stores ? executionCount + 1 : executionCount
    if !parsed.silent {
      io.publish(
        factory.child(
          of: request, type: "execute_input",
          content: ["code": .string(parsed.code), "execution_count": .int(count)]))
    }
    if stores {
      executionCount = count
      history.append(line: count, input: parsed.code)
    }

    interrupt.lower()
    let context = ExecutionContext(
      io: io, factory: factory, request: request, executionCount: count, isSilent: parsed.silent,
      allowsInput: parsed.allowStdin, interrupt: interrupt)
    let outcome =
      isBlank ? .success(result: nil, payloads: []) : interpreter.execute(code: parsed.code, context: context)
    interrupt.lower()

    switch outcome {
    case .success(let result, let payloads):
      if let result, !parsed.silent {
        io.publish(
          factory.child(
            of: request, type: "execute_result",
            content: [
              "execution_count": .int(count), "data": .object(result.data), "metadata": .object(result.metadata),
            ]))
        if stores, let text = result.plainText { history.setOutput(text, line: count) }
      }
      let content: JSONValue = [
        "status": "ok", "execution_count": .int(count),
        "user_expressions": .object(evaluateUserExpressions(parsed.userExpressions)),
        "payload": .array(payloads.map(\.jsonValue)),
      ]
      io.reply(factory.reply(to: request, content: content), on: .shell)
      return .proceed
    case .failure(let error):
      if !parsed.silent {
        io.publish(
          factory.child(
            of: request, type: "error",
            content: [
              "ename": .string(error.name), "evalue": .string(error.value),
              "traceback": .array(error.traceback.map { .string($0) }),
            ]))
      }
      replyError(error, to: request, io: io, extra: ["execution_count": .int(count)])
      return parsed.stopOnError && !parsed.silent ? .abortQueuedExecutions(idle: idleStatus(request)) : .proceed
    }
  }

  private mutating func evaluateUserExpressions(_ expressions: [String: String]) -> [String: JSONValue] {
    var results: [String: JSONValue] = [:]
    for (name, expression) in expressions.sorted(by: { $0.key < $1.key }) {
      switch interpreter.evaluate(expression: expression) {
      case .success(let bundle):
        results[name] = ["status": "ok", "data": .object(bundle.data), "metadata": .object(bundle.metadata)]
      case .failure(let error):
        results[name] = [
          "status": "error", "ename": .string(error.name), "evalue": .string(error.value),
          "traceback": .array(error.traceback.map { .string($0) }),
        ]
      }
    }
    return results
  }
}
