// Numerics re-exports the pure-Swift stable primitives (sigmoid, logSigmoid, softplus,
// logSumExp, log1pExp, log1mExp, …) so that `import Numerics` is all a caller needs.
@_exported import StableMath
