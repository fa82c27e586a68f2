extension LearningCurveDescriptor {
  /// Every dataset TabularNAS knows by name: the eight Baker et al. (2018) files and NAAP-440.
  ///
  /// Epoch layouts follow the files, not always the published text: `deep_resnets_cifar10`'s
  /// `acc_0` is 0.15–0.34 on ten classes, so its 50 columns are epochs 1…50, while
  /// TinyImageNet's and AlexNet's `acc_0` sit at chance (untrained). `lstm_ptb`'s `ep_0`
  /// (272–873 perplexity on the Penn Treebank) is after the first of its 60 epochs.
  public static let known: [LearningCurveDescriptor] = [
    baker(
      "metaqnn_cifar10", "MetaQNN CNNs on CIFAR-10", trainedEpochs: 20, startsUntrained: false,
      architectureColumn: "net"),
    baker(
      "metaqnn_svhn", "MetaQNN CNNs on SVHN", trainedEpochs: 20, startsUntrained: false, architectureColumn: "net"),
    baker("deep_resnets_cifar10", "deep ResNets on CIFAR-10", trainedEpochs: 50, startsUntrained: false),
    baker("deep_resnets_tinyimagenet", "deep ResNets on TinyImageNet", trainedEpochs: 140, startsUntrained: true),
    baker("alexnet_imagenet", "AlexNet on 10 % of ImageNet", trainedEpochs: 500, startsUntrained: true),
    baker("cudaconvnet_cifar10", "Cuda-Convnet on CIFAR-10", trainedEpochs: 60, startsUntrained: nil),
    baker("cudaconvnet_svhn", "Cuda-Convnet on SVHN", trainedEpochs: 12, startsUntrained: nil),
    LearningCurveDescriptor(
      name: "baker:lstm_ptb", title: "LSTMs on Penn Treebank (Baker et al. 2018)", relativePath: "baker/lstm_ptb.csv",
      curve: "ep", metric: "validation perplexity", direction: .lowerIsBetter, trainedEpochs: 60,
      startsUntrained: false),
    LearningCurveDescriptor(
      name: "naap440", title: "NAAP-440: 440 CNN schemes on CIFAR-10 (Hakim 2022)",
      relativePath: "naap440/naap440.csv", curve: "Accuracy", metric: "validation accuracy (fraction)",
      direction: .higherIsBetter, trainedEpochs: 90, startsUntrained: false, finalValue: .column("MaxAccuracy"),
      idColumn: "ModelId", splitColumn: "IsTest", schemesFile: "generated_schemes.json",
      costColumns: ["NumMACs"]),
  ]

  private static func baker(
    _ file: String, _ title: String, trainedEpochs: Int, startsUntrained: Bool?, architectureColumn: String? = nil
  ) -> LearningCurveDescriptor {
    LearningCurveDescriptor(
      name: "baker:" + file, title: title + " (Baker et al. 2018)", relativePath: "baker/\(file).csv", curve: "acc",
      metric: "validation accuracy (fraction)", direction: .higherIsBetter, trainedEpochs: trainedEpochs,
      startsUntrained: startsUntrained, architectureColumn: architectureColumn)
  }

  /// The known descriptor with a name (`naap440`, `baker:lstm_ptb`; `lstm_ptb` alone works too).
  ///
  /// - Throws: ``LearningCurveError/unknownDataset(_:known:)``.
  public static func named(_ name: String) throws -> LearningCurveDescriptor {
    if let descriptor = known.first(where: { $0.name == name || $0.name == "baker:" + name }) { return descriptor }
    throw LearningCurveError.unknownDataset(name, known: known.map(\.name))
  }

  /// The descriptor for a file whose conventions are known but whose meaning is not.
  ///
  /// The metric is the only curve, or the one whose name contains `acc`; its direction follows
  /// its name (`acc…` higher is better; `…loss…`, `…perplexity…`, `…error…` lower). Header
  /// numbers are epoch counts. `IsTest`, `ModelId` and `net` columns take their usual roles, and
  /// a `Max<Curve>` column is the final value.
  ///
  /// - Throws: ``LearningCurveError/ambiguousCurve(path:curves:)`` or
  ///   ``LearningCurveError/unknownDirection(path:curve:)`` when the header does not say.
  static func generic(path: String, layout: CurveHeaderLayout) throws -> LearningCurveDescriptor {
    let accuracyCurves = layout.curves.filter { $0.name.lowercased().contains("acc") }
    guard let curve = layout.curves.count == 1 ? layout.curves.first : accuracyCurves.first,
      layout.curves.count == 1 || accuracyCurves.count == 1
    else {
      throw LearningCurveError.ambiguousCurve(path: path, curves: layout.curves.map(\.name))
    }
    let lowered = curve.name.lowercased()
    let direction: MetricDirection
    if lowered.contains("acc") {
      direction = .higherIsBetter
    } else if ["loss", "perplexity", "ppl", "error"].contains(where: lowered.contains) {
      direction = .lowerIsBetter
    } else {
      throw LearningCurveError.unknownDirection(path: path, curve: curve.name)
    }
    func column(_ candidates: String...) -> String? {
      candidates.first { layout.fieldColumn(named: $0) != nil }
    }
    let fileName = path.split(separator: "/").last.map(String.init) ?? path
    return LearningCurveDescriptor(
      name: "csv:" + path, title: fileName + " (generic learning-curve file)", relativePath: path, curve: curve.name,
      metric: curve.name, direction: direction,
      finalValue: column("Max" + curve.name).map(FinalValueRule.column) ?? .lastEpoch,
      idColumn: column("ModelId", "model_id", "id"), splitColumn: column("IsTest", "is_test"),
      architectureColumn: column("net"))
  }
}
