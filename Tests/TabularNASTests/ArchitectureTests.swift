import Testing
@testable import TabularNAS

@Suite("Architectures")
struct ArchitectureTests {
  @Test("MetaQNN strings parse into layers and print back the same")
  func parse() throws {
    let text = "[C(64,5,1), P(3,2), D(1,2), C(128,3,2), FC(512), D(2,2), GAP(10), SM(10)]"
    let network = try NetworkArchitecture(metaQNN: text)
    #expect(
      network.layers == [
        .convolution(filters: 64, kernelSize: 5, stride: 1, isResidual: false), .pooling(kernelSize: 3, stride: 2),
        .dropout(position: 1, count: 2), .convolution(filters: 128, kernelSize: 3, stride: 2, isResidual: false),
        .fullyConnected(units: 512), .dropout(position: 2, count: 2), .globalAveragePooling(outputs: 10),
        .softmax(outputs: 10),
      ])
    #expect(network.description == text)
    #expect(try NetworkArchitecture(metaQNN: " [ C( 64 , 5 ,1 ),SM(10) ] ").layers.count == 2)
  }

  @Test("features count layers per type, depth, widths, kernels, strides, units, receptive field and 1×1 convolutions")
  func features() throws {
    let network = try NetworkArchitecture(metaQNN: "[C(64,5,1), P(3,2), D(1,2), C(128,3,2), FC(512), D(2,2), GAP(10), SM(10)]")
    func namedFeatures(_ network: NetworkArchitecture) -> [String: Double] {
      Dictionary(uniqueKeysWithValues: zip(NetworkArchitecture.featureNames, network.features))
    }
    let named = namedFeatures(network)
    #expect(named["conv_layers"] == 2 && named["pool_layers"] == 1 && named["dropout_layers"] == 2)
    #expect(named["fc_layers"] == 1 && named["gap_layers"] == 1 && named["softmax_layers"] == 1)
    #expect(named["depth"] == 6)
    #expect(named["first_conv_filters"] == 64 && named["last_conv_filters"] == 128)
    #expect(named["max_conv_filters"] == 128 && named["total_conv_filters"] == 192)
    #expect(named["max_kernel_size"] == 5 && named["downsampling"] == 4 && named["fc_units"] == 512)
    #expect(named["residual_layers"] == 0)
    #expect(named["receptive_field"] == 11 && named["pointwise_convolutions"] == 0)
    let pointwise = try NetworkArchitecture(metaQNN: "[C(16,1,1), C(16,3,2), C(32,1,1), C(32,3,1), SM(10)]")
    let pointwiseNamed = namedFeatures(pointwise)
    #expect(pointwiseNamed["receptive_field"] == 7 && pointwiseNamed["pointwise_convolutions"] == 2)
    #expect(network.features.count == NetworkArchitecture.featureNames.count)
  }

  @Test("malformed strings are errors that say where and what", arguments: [
    ("C(64,3,1), SM(10)]", ArchitectureError.malformed(text: "C(64,3,1), SM(10)]", offset: 0, expected: "'['")),
    ("[C(64,3,1) SM(10)]", .malformed(text: "[C(64,3,1) SM(10)]", offset: 11, expected: "',' or ']'")),
    ("[C(64,3,1), SM(10)", .malformed(text: "[C(64,3,1), SM(10)", offset: 18, expected: "',' or ']'")),
    ("[C(64,3,1)] x", .malformed(text: "[C(64,3,1)] x", offset: 12, expected: "the end of the text")),
    ("[C(64,,1)]", .malformed(text: "[C(64,,1)]", offset: 6, expected: "an argument of C")),
    ("[Conv(64,3,1)]", .unknownLayer("Conv", allowed: ["C", "P", "D", "FC", "GAP", "SM"])),
    ("[X(1)]", .unknownLayer("X", allowed: ["C", "P", "D", "FC", "GAP", "SM"])),
    ("[C(64,3)]", .wrongArgumentCount(layer: "C", found: 2, expected: 3)),
    ("[SM(10,2)]", .wrongArgumentCount(layer: "SM", found: 2, expected: 1)),
    ("[C(0,3,1)]", .invalidArgument(layer: "C", text: "0")),
    ("[C(-1,3,1)]", .invalidArgument(layer: "C", text: "-1")),
    ("[FC(1.5)]", .invalidArgument(layer: "FC", text: "1.5")),
    ("[]", .empty),
    ("", .malformed(text: "", offset: 0, expected: "'['")),
  ])
  func malformed(text: String, error: ArchitectureError) {
    #expect(throws: error) { try NetworkArchitecture(metaQNN: text) }
  }

  @Test("errors read as sentences")
  func messages() {
    #expect(
      ArchitectureError.malformed(text: "[C(64,3,1) SM(10)]", offset: 11, expected: "',' or ']'").description
        == "malformed network '[C(64,3,1) SM(10)]': expected ',' or ']' at character 12")
    #expect(ArchitectureError.wrongArgumentCount(layer: "C", found: 2, expected: 3).description == "layer C has 2 arguments; it takes 3")
  }
}
