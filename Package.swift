// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "TabularNAS",
  products: [
    .library(name: "TabularNAS", targets: ["TabularNAS"]),
    .executable(name: "tabnas", targets: ["tabnas"]),
    .library(name: "Baselines", targets: ["Baselines"]),
    .library(name: "TabNASBinding", type: .dynamic, targets: ["TabNASBinding"]),
  ],
  dependencies: [],
  targets: [
    // MARK: - Library
    .target(name: "TabularNAS"),

    // MARK: - Tools
    .target(name: "Baselines", dependencies: ["TabularNAS"], path: "Tools/Baselines"),
    .executableTarget(name: "tabnas", dependencies: ["TabularNAS", "Baselines"], path: "Tools/tabnas"),
    .target(name: "TabNASBinding", dependencies: ["TabularNAS"], path: "Tools/binding"),
    .executableTarget(
      name: "TabNASBenchmarks", dependencies: ["TabularNAS"], path: "Tools/Benchmarks"),

    // MARK: - Tests
    .testTarget(
      name: "TabularNASTests", dependencies: ["TabularNAS"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "tabnasTests", dependencies: ["tabnas", "TabularNAS", "Baselines"], exclude: ["Golden"]),
    .testTarget(name: "BaselinesTests", dependencies: ["Baselines", "TabularNAS"]),
    .testTarget(name: "BindingTests", dependencies: ["TabNASBinding", "TabularNAS"]),
  ],
  swiftLanguageModes: [.v6]
)
