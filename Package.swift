// swift-tools-version: 6.1
// FlowQL: a Jupyter kernel for material-flow analysis, written in Swift.
//
// Dependency arrows point one way only:
//   CZeroMQ → ZeroMQ → JupyterKernel ─┐
//   FlowModel → FlowQL → FlowMFA ─────┼→ FlowKernel → flowql
//   FlowModel → Charts ───────────────┘
// FlowQL is the language (it knows no MFA verb); FlowMFA adds the material-flow verbs through
// FlowQL's public `Verb` interface.
import PackageDescription

// MARK: - Shared settings

let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

// MARK: - External packages

let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// The bundled rare-earth data set (`Sources/FlowModel/Data/rare_earth_china`).
let bundledData = [
  "inputs.csv", "mfca_costs.csv", "parameters.csv", "prices.csv", "processes.csv", "sources.csv",
  "study_targets.csv", "manifest.json",
]

let package = Package(
  name: "FlowQL",
  products: [
    .executable(name: "flowql", targets: ["FlowQLTool"]),
    .library(name: "JupyterKernel", targets: ["JupyterKernel"]),
    .library(name: "FlowModel", targets: ["FlowModel"]),
    .library(name: "FlowQL", targets: ["FlowQL"]),
    .library(name: "FlowMFA", targets: ["FlowMFA"]),
    .library(name: "Charts", targets: ["Charts"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
  ],
  targets: [
    // MARK: - Kernel foundation (knows no FlowQL)
    // libzmq from the system (Debian: libzmq3-dev). No pkgConfig: libzmq.pc adds krb5 include
    // flags that SwiftPM prohibits and warns about on every build.
    .systemLibrary(name: "CZeroMQ"),
    .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: strictSettings),
    .target(name: "JupyterKernel", dependencies: ["ZeroMQ", crypto], swiftSettings: strictSettings),

    // MARK: - Material-flow analysis (knows no Jupyter)
    // Data files are compiled into the binary (no Foundation `Bundle` needed at run time).
    .target(
      name: "FlowModel",
      exclude: ["Data/rare_earth_china/README.md"],
      resources: bundledData.map { .embedInCode("Data/rare_earth_china/\($0)") },
      swiftSettings: strictSettings
    ),
    .target(name: "FlowQL", dependencies: ["FlowModel"], swiftSettings: strictSettings),
    .target(name: "FlowMFA", dependencies: ["FlowQL", "FlowModel"], swiftSettings: strictSettings),
    .target(name: "Charts", dependencies: ["FlowModel"], swiftSettings: strictSettings),

    // MARK: - The kernel and the command line
    .target(
      name: "FlowKernel",
      dependencies: ["JupyterKernel", "FlowQL", "FlowMFA", "FlowModel", "Charts"],
      resources: ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"].map { .embedInCode("Kernelspec/\($0)") },
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "FlowQLTool",
      dependencies: ["FlowKernel", "JupyterKernel", "FlowModel", "Charts", argumentParser],
      path: "Sources/flowql",
      swiftSettings: strictSettings
    ),

    // MARK: - Fuzz targets (Scripts/fuzz.sh builds them with -sanitize=fuzzer -DFUZZING)
    .target(name: "FuzzSupport", path: "Fuzz/Support", swiftSettings: strictSettings),
    .executableTarget(
      name: "fuzz-wire", dependencies: ["JupyterKernel", "FuzzSupport"], path: "Fuzz/Wire", exclude: ["Corpus"],
      swiftSettings: strictSettings),
    .executableTarget(
      name: "fuzz-query", dependencies: ["FlowKernel", "FlowQL", "FuzzSupport"], path: "Fuzz/Query",
      exclude: ["Corpus"],
      swiftSettings: strictSettings),

    // MARK: - Benchmarks (make bench)
    .executableTarget(
      name: "flowql-bench", dependencies: ["FlowQL", "FlowModel", "FlowKernel", "Charts"],
      path: "Benchmarks/QueryBench",
      swiftSettings: strictSettings),

    // MARK: - Tests
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
    .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"], swiftSettings: strictSettings),
    .testTarget(
      name: "JupyterKernelTests",
      dependencies: ["JupyterKernel", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FlowModelTests",
      dependencies: ["FlowModel", "TestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FlowQLTests",
      dependencies: ["FlowQL", "FlowModel", "TestSupport"],
      exclude: ["Snapshots"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FlowMFATests",
      dependencies: ["FlowMFA", "FlowQL", "FlowModel", "TestSupport"],
      exclude: ["Snapshots"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ChartsTests",
      dependencies: ["Charts", "FlowModel", "TestSupport"],
      exclude: ["Snapshots"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FlowKernelTests",
      dependencies: ["FlowKernel", "JupyterKernel", "FlowQL", "FlowModel", "Charts", "TestSupport"],
      exclude: ["Snapshots"],
      swiftSettings: strictSettings
    ),
  ]
)
