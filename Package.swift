// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "TabularNAS",
  products: [
    .library(name: "TabularNAS", targets: ["TabularNAS"]),
    .executable(name: "tabnas", targets: ["tabnas"]),
  ],
  dependencies: [],
  targets: [
    // MARK: - Library
    .target(name: "TabularNAS"),

    // MARK: - Tools
    .executableTarget(name: "tabnas", dependencies: ["TabularNAS"], path: "Tools/tabnas"),
    .executableTarget(
      name: "TabNASBenchmarks", dependencies: ["TabularNAS"], path: "Tools/Benchmarks"),

    // MARK: - Tests
    .testTarget(
      name: "TabularNASTests", dependencies: ["TabularNAS"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "tabnasTests", dependencies: ["tabnas", "TabularNAS"]),
  ],
  swiftLanguageModes: [.v6]
)
