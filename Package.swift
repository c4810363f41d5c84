// swift-tools-version:6.0
// AlignCheck: checks the mathematics of LLM preference-optimization papers by computation.
// Dependency direction (see docs/conventions.md and the README):
//   verify ─► Claims, Training, Objectives, Analytic, Numerics, ArgumentParser
//   Claims ─► Objectives, Analytic, Numerics;  Training ─► Claims, Objectives, Numerics
//   Analytic ─► Objectives, Numerics;  Objectives ─► StableMath (pure Swift, no C)
//   Numerics ─► CGSL, COpenBLAS, StableMath (re-exported)
import PackageDescription

let package = Package(
  name: "AlignCheck",
  products: [
    .executable(name: "verify", targets: ["verify"]),
    .library(name: "Numerics", targets: ["Numerics"]),
    .library(name: "Objectives", targets: ["Objectives"]),
    .library(name: "Analytic", targets: ["Analytic"]),
    .library(name: "Claims", targets: ["Claims"]),
    .library(name: "Training", targets: ["Training"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CGSL", path: "Sources/CGSL", pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]),
    .systemLibrary(
      name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    .target(name: "StableMath"),
    .target(name: "Numerics", dependencies: ["CGSL", "COpenBLAS", "StableMath"]),
    .target(name: "Objectives", dependencies: ["StableMath"]),
    .target(name: "Analytic", dependencies: ["Objectives", "Numerics"]),
    .target(name: "Claims", dependencies: ["Objectives", "Analytic", "Numerics"]),
    .target(name: "Training", dependencies: ["Claims", "Objectives", "Numerics"]),
    .executableTarget(
      name: "verify",
      dependencies: [
        "Claims", "Training", "Objectives", "Analytic", "Numerics",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(
      name: "TestSupport",
      dependencies: [
        "Numerics",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      path: "Tests/Support"),
    .target(
      name: "ObjectiveFixtures",
      dependencies: [
        "Objectives", "Numerics", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      path: "Tests/Fixtures"),
    .testTarget(name: "NumericsTests", dependencies: ["Numerics", "TestSupport"]),
    .testTarget(
      name: "PropertyTests",
      dependencies: [
        "Objectives", "Analytic", "Claims", "Training", "Numerics", "TestSupport", "ObjectiveFixtures",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["CLI/Snapshots"]),
    .testTarget(
      name: "GradientChecks",
      dependencies: [
        "Objectives", "Analytic", "Training", "Numerics", "TestSupport", "ObjectiveFixtures",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
