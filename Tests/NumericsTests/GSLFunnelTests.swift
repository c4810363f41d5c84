// The GSL funnel: a domain error inside a wrapper is a thrown GSLError, never an abort.
import Numerics
import Testing

@Suite struct GSLFunnelTests {
  @Test func derivativeOfNaNFunctionThrowsInsteadOfAborting() {
    #expect(throws: GSLError.self) {
      _ = try Derivative.derivative(of: { _ in .nan }, at: 1)
    }
  }

  @Test func errorDescriptionCarriesGSLMessage() {
    #expect(GSLError.domain.description.contains("input domain error"))
    #expect(GSLError.maxIterations.rawValue == 11)
  }

  @Test func versionIsReported() {
    #expect(GSL.version.hasPrefix("2."))
  }
}
