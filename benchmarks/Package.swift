// swift-tools-version:6.0
// On-demand benchmarks for AlignCheck (not a test target, not run in CI): a separate package
// so that the root Package.swift stays unchanged. Run with benchmarks/run.sh.
import PackageDescription

let package = Package(
  name: "AlignCheckBenchmarks",
  dependencies: [
    .package(name: "AlignCheck", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "bench",
      dependencies: [.product(name: "Numerics", package: "AlignCheck")])
  ],
  swiftLanguageModes: [.v6]
)
