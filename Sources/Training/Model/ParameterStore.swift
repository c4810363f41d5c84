// All parameters of a transformer in one flat buffer with named views, plus a gradient
// buffer of the same layout. Goals, in order: 1) one contiguous vector for the optimizer,
// clipping and checkpoints; 2) every tensor reachable by name for tests and reports;
// 3) deterministic initialisation from a seed (the same seed gives the same parameters in
// Float and Double, up to rounding of the Double draws).
import Numerics

/// What a parameter tensor is; decides its initialisation and whether AdamW decays it.
public enum ParameterKind: String, Sendable, Codable {
  /// A matrix of a linear map: N(0, σ²) init, weight decay applies.
  case weight
  /// A matrix of a linear map that writes into the residual stream: N(0, σ²/(2L)) init
  /// (GPT-2), weight decay applies.
  case residualWeight
  /// A bias vector: zero init, no decay.
  case bias
  /// A LayerNorm gain: init 1, no decay (decaying it would pull the normalised scale to 0).
  case gain
  /// An embedding table: N(0, σ²) init, no decay (rows of rare tokens would be shrunk
  /// towards 0 by decay alone, between the updates they rarely get).
  case embedding

  /// Whether AdamW's decoupled weight decay applies to this kind.
  public var decays: Bool { self == .weight || self == .residualWeight }
}

/// A named tensor inside the flat parameter buffer.
public struct ParameterView: Sendable, Equatable, Codable {
  public var name: String
  /// Offset of the first element in the flat buffer.
  public var offset: Int
  /// Row-major shape.
  public var shape: [Int]
  public var kind: ParameterKind
  /// Number of elements.
  public var count: Int { shape.reduce(1, *) }
}

/// Collects parameter views while the layers are constructed.
public struct ParameterLayout: Sendable, Equatable {
  public private(set) var views: [ParameterView] = []
  /// Total number of scalars.
  public private(set) var count = 0

  public init() {}

  /// Appends a tensor named `name` of `shape` and returns its view.
  mutating func add(_ name: String, _ shape: [Int], _ kind: ParameterKind) -> ParameterView {
    let view = ParameterView(name: name, offset: count, shape: shape, kind: kind)
    views.append(view)
    count += view.count
    return view
  }
}

/// The parameter values and their gradients, in one layout.
public final class ParameterStore<S: ModelScalar> {
  public let layout: ParameterLayout
  /// Parameter values.
  public let values: Buffer<S>
  /// Gradient accumulators (the backward pass adds into them; ``zeroGradients()`` clears).
  public let gradients: Buffer<S>

  public init(layout: ParameterLayout) {
    self.layout = layout
    values = Buffer(count: layout.count)
    gradients = Buffer(count: layout.count)
  }

  /// Number of scalars.
  public var count: Int { layout.count }

  /// The view named `name`, if any.
  public func view(named name: String) -> ParameterView? {
    layout.views.first { $0.name == name }
  }

  /// Clears the gradient accumulators.
  public func zeroGradients() { gradients.zero() }

  /// Initialises every tensor by its kind (see ``ParameterKind``), drawing the Gaussians in
  /// layout order from `random` in Double and rounding to S.
  public func initialize(config: TransformerConfig, random: inout RandomStream) {
    let residualStd = config.initStd / (2 * Double(config.layers)).squareRoot()
    for view in layout.views {
      let p = values.at(view.offset)
      for i in 0..<view.count {
        switch view.kind {
        case .weight, .embedding: p[i] = S(config.initStd * random.gaussian())
        case .residualWeight: p[i] = S(residualStd * random.gaussian())
        case .bias: p[i] = 0
        case .gain: p[i] = 1
        }
      }
    }
  }

  /// Copies `source` (same count) into the values, converting each scalar.
  public func setValues<T: BinaryFloatingPoint>(_ source: [T]) throws(ModelError) {
    try ModelError.require(
      source.count == count, "parameters.count", source.count, "must equal \(count)")
    for i in 0..<count { values.pointer[i] = S(source[i]) }
  }

  /// The values as Doubles (for checkpoints, tests and conversions).
  public var valuesAsDoubles: [Double] { values.array.map { Double($0) } }

  /// The gradients as Doubles.
  public var gradientsAsDoubles: [Double] { gradients.array.map { Double($0) } }
}
