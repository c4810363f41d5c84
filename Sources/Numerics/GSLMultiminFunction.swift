// The callback funnel for GSL's multidimensional minimizers: Swift closures on [Double],
// boxed through the `void *params` of gsl_multimin_function / gsl_multimin_function_fdf,
// plus the gsl_vector ↔ [Double] copies they need. Internal: gsl_vector never leaves
// Numerics.
//
// GSL calls the callbacks from C, where a Swift error cannot propagate. So a callback that
// sees a non-finite f value or a gradient of the wrong length records the first such
// failure in the box (and hands GSL a NaN, which GSL's own checks also catch); the caller
// checks `box.failure` after every GSL call and throws it.
internal import CGSL

/// The boxed closures and the first failure seen while GSL called them.
final class GSLMultiminBox {
  let n: Int
  let f: ([Double]) -> Double
  let gradient: (([Double]) -> [Double])?
  /// The first failure a callback detected (non-finite value, wrong gradient length).
  var failure: GSLError?

  init(n: Int, f: @escaping ([Double]) -> Double, gradient: (([Double]) -> [Double])?) {
    self.n = n
    self.f = f
    self.gradient = gradient
  }

  func value(at x: UnsafePointer<gsl_vector>?) -> Double {
    let y = f(GSLVectorCopy.array(x, count: n))
    if !y.isFinite, failure == nil { failure = .badFunction }
    return y
  }

  func writeGradient(at x: UnsafePointer<gsl_vector>?, into g: UnsafeMutablePointer<gsl_vector>?) {
    guard let gradient else { return }
    let values = gradient(GSLVectorCopy.array(x, count: n))
    if values.count != n {
      if failure == nil { failure = .badLength }
      GSLVectorCopy.fill(g, with: [Double](repeating: .nan, count: n))
      return
    }
    if failure == nil, values.contains(where: { !$0.isFinite }) { failure = .badFunction }
    GSLVectorCopy.fill(g, with: values)
  }

  /// The box behind `params` (GSL passes back the pointer it was given, always a box).
  static func from(_ params: UnsafeMutableRawPointer?) -> GSLMultiminBox? {
    guard let params else { return nil }
    return Unmanaged<GSLMultiminBox>.fromOpaque(params).takeUnretainedValue()
  }
}

/// Copies between gsl_vector (any stride) and Swift arrays.
enum GSLVectorCopy {
  static func array(_ v: UnsafePointer<gsl_vector>?, count: Int) -> [Double] {
    guard let v, let data = v.pointee.data else { return [Double](repeating: .nan, count: count) }
    let stride = v.pointee.stride
    return (0..<min(count, v.pointee.size)).map { data[$0 * stride] }
  }

  static func fill(_ v: UnsafeMutablePointer<gsl_vector>?, with values: [Double]) {
    guard let v, let data = v.pointee.data else { return }
    let stride = v.pointee.stride
    for i in 0..<min(values.count, v.pointee.size) { data[i * stride] = values[i] }
  }

  /// A newly allocated gsl_vector holding `values`; the caller frees it (`gsl_vector_free`).
  static func allocate(_ values: [Double]) throws(GSLError) -> UnsafeMutablePointer<gsl_vector> {
    GSL.ensureHandlerOff()
    guard let v = gsl_vector_alloc(values.count) else { throw .noMemory }
    fill(v, with: values)
    return v
  }
}

/// Builds a gsl_multimin_function_fdf (f, ∇f and both together) for `f` and `gradient` on
/// ℝⁿ and passes it with its box to `body`; both live for the duration of `body` only.
func withGSLMultiminFunctionFdf<R>(
  n: Int, f: ([Double]) -> Double, gradient: ([Double]) -> [Double],
  _ body: (UnsafeMutablePointer<gsl_multimin_function_fdf>, GSLMultiminBox) throws -> R
) rethrows -> R {
  try withoutActuallyEscaping(f) { f in
    try withoutActuallyEscaping(gradient) { gradient in
      let box = GSLMultiminBox(n: n, f: f, gradient: gradient)
      return try withExtendedLifetime(box) {
        var function = gsl_multimin_function_fdf(
          f: { x, params in GSLMultiminBox.from(params)?.value(at: x) ?? .nan },
          df: { x, params, g in GSLMultiminBox.from(params)?.writeGradient(at: x, into: g) },
          fdf: { x, params, y, g in
            guard let box = GSLMultiminBox.from(params) else {
              y?.pointee = .nan
              return
            }
            y?.pointee = box.value(at: x)
            box.writeGradient(at: x, into: g)
          },
          n: n, params: Unmanaged.passUnretained(box).toOpaque())
        return try withUnsafeMutablePointer(to: &function) { try body($0, box) }
      }
    }
  }
}

/// Builds a gsl_multimin_function for `f` on ℝⁿ and passes it with its box to `body`; both
/// live for the duration of `body` only.
func withGSLMultiminFunction<R>(
  n: Int, f: ([Double]) -> Double,
  _ body: (UnsafeMutablePointer<gsl_multimin_function>, GSLMultiminBox) throws -> R
) rethrows -> R {
  try withoutActuallyEscaping(f) { f in
    let box = GSLMultiminBox(n: n, f: f, gradient: nil)
    return try withExtendedLifetime(box) {
      var function = gsl_multimin_function(
        f: { x, params in GSLMultiminBox.from(params)?.value(at: x) ?? .nan },
        n: n, params: Unmanaged.passUnretained(box).toOpaque())
      return try withUnsafeMutablePointer(to: &function) { try body($0, box) }
    }
  }
}
