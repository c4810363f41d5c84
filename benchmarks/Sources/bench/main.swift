// AlignCheck's throughput benchmark: Gaussian draws per second (one stream on one thread,
// and ParallelStreams on 2 threads) and OpenBLAS sgemm GFLOP/s for square matrices.
// Prints one "key value" line per figure (parsed by benchmarks/run.sh) and a few comment
// lines starting with '#'. Each figure is the best of `repeats` timed runs after a warm-up,
// to suppress noise from other processes on a shared 2-core machine.
import Numerics

func seconds(_ body: () -> Void) -> Double {
  let clock = ContinuousClock()
  let d = clock.measure(body)
  let c = d.components
  return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

func best(repeats: Int, _ body: () -> Void) -> Double {
  body()  // warm-up
  var b = Double.infinity
  for _ in 0..<repeats { b = min(b, seconds(body)) }
  return b
}

let repeats = 5
print("# AlignCheck benchmark; BLAS: \(BLAS.libraryDescription)")

// Gaussian, one thread: refill a 2^20 buffer (8 MiB) 16 times per run.
do {
  var stream = RandomStream(seed: 1, stream: 0)
  var buffer = [Double](repeating: 0, count: 1 << 20)
  let rounds = 16
  var sink = 0.0
  let t = best(repeats: repeats) {
    for _ in 0..<rounds {
      stream.fillGaussian(&buffer)
      sink += buffer[0]
    }
  }
  let rate = Double(rounds * buffer.count) / t
  print("gaussian_per_s_1thread \(rate)")
  if sink.isNaN { print("# unreachable") }
}

// Gaussian, 2 threads: one 2^24-element fill (128 MiB) per run, chunk i from stream i.
do {
  var buffer = [Double](repeating: 0, count: 1 << 24)
  var seed: UInt64 = 1
  let t = best(repeats: repeats) {
    ParallelStreams.fillGaussian(&buffer, seed: seed, threads: 2)
    seed += 1
  }
  print("gaussian_per_s_2threads \(Double(buffer.count) / t)")
}

// sgemm: C = A·B with n×n Float matrices of N(0,1) entries; 2n³ flops per product.
for n in [512, 1024] {
  var r = RandomStream(seed: 2, stream: UInt64(n))
  let a = (0..<(n * n)).map { _ in Float(r.gaussian()) }
  let b = (0..<(n * n)).map { _ in Float(r.gaussian()) }
  var c = [Float](repeating: 0, count: n * n)
  let products = n == 512 ? 8 : 2
  let t = best(repeats: repeats) {
    for _ in 0..<products { BLAS.gemm(m: n, n: n, k: n, a: a, b: b, c: &c) }
  }
  let gflops = 2 * Double(n) * Double(n) * Double(n) * Double(products) / t / 1e9
  print("sgemm_gflops_\(n) \(gflops)")
}
print("# BLAS threads: \(BLAS.threadCount)")
