// The batches one run of the loop trains on: the seed's (``SeedContext/batches``), cut by
// the step-count sweep keys of ``AlignmentObjectives/trainingBatches(for:_:responseTokens:)``
// (claims/mpo.md mpo.emp.limited-data, mpo.emp.fixed-compute). The response tokens a spec
// scores per batch are known in advance from its offline samples and objective: the lengths
// of the responses its objective asks for in each batch.

extension AlignmentLoop {
  /// The batches `spec` trains on (the seed's, unless a step sweep key cuts them).
  func trainingBatches(_ spec: RunSpec) throws -> [[Int]] {
    try AlignmentObjectives.trainingBatches(for: spec, context.batches) { s in
      let (samples, _) = try context.offlineSamples(for: s)
      let objective = try Self.bind(s, samples: samples, seed: context.seed)
      var position: [Int: Int] = [:]
      for (i, p) in samples.enumerated() { position[p.promptIndex] = i }
      return context.batches.map { batch in
        objective.sequences(forBatch: batch).reduce(0) { total, key in
          guard let i = position[key.promptIndex] else { return total }
          return total + samples[i].responses[key.response].tokens.count
        }
      }
    }
  }
}
