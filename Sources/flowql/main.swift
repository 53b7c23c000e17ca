import ArgumentParser

// The `flowql` command: everything lives in FlowQLCommand and the FlowKernel module.
FlowQLCommand.main()
