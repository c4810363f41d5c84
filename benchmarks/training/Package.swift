// swift-tools-version:6.0
// On-demand throughput benchmark of the Training transformer (not a test target, not run in
// CI): a separate package so that the root Package.swift stays unchanged. Run with
// benchmarks/training/run.sh.
import PackageDescription

let package = Package(
  name: "AlignCheckTrainingBenchmark",
  dependencies: [
    .package(name: "AlignCheck", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "train-bench",
      dependencies: [
        .product(name: "Training", package: "AlignCheck"),
        .product(name: "Numerics", package: "AlignCheck"),
      ])
  ],
  swiftLanguageModes: [.v6]
)
