// Forward + backward throughput (tokens/s) of the default transformer of TRAINING.md
// (L = 2, d = 64, 4 heads, context 48, vocabulary 16) in Float on a batch of 32 sequences ×
// 48 tokens, with OpenBLAS on BENCH_THREADS threads (default 2). One timed iteration is:
// zero the gradients, forward, backward from a per-sequence upstream gradient (the DPO-like
// entry point every objective uses). Also: sampled tokens/s of the key/value-cached sampler.
// Output: `key value` lines; `#` lines are comments.
import Numerics
import Training

#if canImport(Glibc)
  import Glibc
#endif

/// Process CPU time (all threads), seconds: on a shared, oversubscribed machine wall time
/// includes waiting for a core; CPU time shows the work itself.
func cpuNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
}

let env = ProcessInfoLite()
let threads = env.int("BENCH_THREADS") ?? 2
let batchSize = env.int("BENCH_BATCH") ?? 32
let length = 48
let vocab = 16
BLAS.setThreadCount(threads)

do {
  let config = try TransformerConfig(vocabSize: vocab)
  var initStream = RandomStream(seed: 1, stream: 0)
  let model = try Transformer<Float>(config: config, initialization: &initStream)
  var data = RandomStream(seed: 1, stream: 1)
  let sequences = (0..<batchSize).map { _ in
    (0..<length).map { _ in data.uniformInt(in: 3..<vocab) }
  }
  let masks = (0..<batchSize).map { _ in (0..<length).map { $0 >= 8 } }
  let batch = try TokenBatch(
    sequences: sequences, responseMasks: masks, padToken: 0, config: config)
  let upstream = (0..<batchSize).map { _ in data.uniform() - 0.5 }

  func iteration() throws {
    model.parameters.zeroGradients()
    let pass = try model.forward(batch)
    try model.backward(pass, sequenceGradients: upstream)
  }
  func forwardOnly() throws { _ = try model.forward(batch) }

  /// Best of `repeats` wall-clock (and CPU) timings of `inner` iterations, after one warm-up
  /// round.
  func bestTime(
    _ body: () throws -> Void, inner: Int, repeats: Int
  ) rethrows -> (wall: Double, cpu: Double) {
    for _ in 0..<inner { try body() }
    var best = Double.infinity
    var bestCPU = Double.infinity
    for _ in 0..<repeats {
      let (t0, c0) = (now(), cpuNow())
      for _ in 0..<inner { try body() }
      best = min(best, (now() - t0) / Double(inner))
      bestCPU = min(bestCPU, (cpuNow() - c0) / Double(inner))
    }
    return (best, bestCPU)
  }

  let tokens = Double(batchSize * length)
  let fb = try bestTime(iteration, inner: 10, repeats: 5)
  let f = try bestTime(forwardOnly, inner: 10, repeats: 5)
  print("# \(BLAS.libraryDescription)")
  print("# model \(config), \(model.parameterCount) parameters; batch \(batchSize)×\(length) Float")
  print("# load average at the end: \(loadAverage())")
  print("train_tokens_per_s \(tokens / fb.wall)")
  print("forward_tokens_per_s \(tokens / f.wall)")
  print("ms_per_train_step \(1000 * fb.wall)")
  print("cpu_ms_per_train_step \(1000 * fb.cpu)")

  // Sampling (key/value-cached, temperature 1): 256 prompts of 9 tokens, up to 39 new tokens
  // each (EOS = token 1 ends a response early).
  let sampler = try Sampler(temperature: 1, eosToken: 1, batchSize: 256)
  let prompts = (0..<256).map { _ in (0..<9).map { _ in data.uniformInt(in: 3..<vocab) } }
  var sampleStream = RandomStream(seed: 1, stream: 2)
  let t0 = now()
  let responses = try sampler.sample(from: model, prompts: prompts, random: &sampleStream)
  let elapsed = now() - t0
  let generated = responses.reduce(0) { $0 + $1.count }
  print("sampled_tokens_per_s \(Double(generated) / elapsed)")
} catch {
  print("# benchmark failed: \(error)")
  exit(1)
}

/// The 1-minute load average (from /proc/loadavg), to judge how shared the cores were.
func loadAverage() -> String {
  guard let f = fopen("/proc/loadavg", "r") else { return "unknown" }
  defer { fclose(f) }
  var buf = [CChar](repeating: 0, count: 64)
  guard fgets(&buf, 64, f) != nil else { return "unknown" }
  return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    .split(separator: " ").first.map(String.init) ?? "unknown"
}

/// Environment lookups without Foundation.
struct ProcessInfoLite {
  func int(_ name: String) -> Int? {
    guard let raw = getenv(name) else { return nil }
    return Int(String(cString: raw))
  }
}
