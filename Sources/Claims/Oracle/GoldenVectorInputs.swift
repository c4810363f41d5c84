// The inputs of `verify vectors`: per input type, a typical case and extreme ones (margins of
// ±10³–10⁴ nats, log-probabilities at −1e-300, long sequences, rewards of ±50), as JSON
// objects in the exact `verify loss` record format; and one hyperparameter set per
// objective. Every number is exactly representable in binary (or is its own shortest
// decimal), so a reader's parser gets the same float64 the oracle evaluated.

/// Golden-vector inputs.
public enum GoldenVectorInputs {
  /// (case name, JSON fields without hyperparameters, split into comma-joined parts) per
  /// input type.
  public static let cases: [String: [(String, [String])]] = [
    "PreferencePair": [
      (
        "typical",
        [
          #""logProbChosen":-12.5,"logProbRejected":-14.25,"refLogProbChosen":-13"#,
          #""refLogProbRejected":-13.5,"lengthChosen":10,"lengthRejected":12"#,
        ]
      ),
      (
        "equal",
        [
          #""logProbChosen":-3,"logProbRejected":-3,"refLogProbChosen":-3,"refLogProbRejected":-3"#,
          #""lengthChosen":2,"lengthRejected":2"#,
        ]
      ),
      (
        "large-positive-margin",
        [
          #""logProbChosen":-0.5,"logProbRejected":-5000,"refLogProbChosen":-1000"#,
          #""refLogProbRejected":-1000,"lengthChosen":5,"lengthRejected":5000"#,
        ]
      ),
      (
        "large-negative-margin",
        [
          #""logProbChosen":-5000,"logProbRejected":-0.5,"refLogProbChosen":-1000"#,
          #""refLogProbRejected":-1000,"lengthChosen":5000,"lengthRejected":5"#,
        ]
      ),
      (
        "near-zero-logprobs",
        [
          #""logProbChosen":-1e-300,"logProbRejected":-1e-12,"refLogProbChosen":-1e-300"#,
          #""refLogProbRejected":-1e-300,"lengthChosen":1,"lengthRejected":1"#,
        ]
      ),
    ],
    "RewardedPreferencePair": [
      (
        "typical",
        [
          #""logProbChosen":-12.5,"logProbRejected":-14.25,"refLogProbChosen":-13"#,
          #""refLogProbRejected":-13.5,"rewardChosen":1.5,"rewardRejected":-0.5,"lengthChosen":10"#,
          #""lengthRejected":12"#,
        ]
      ),
      (
        "equal-rewards",
        [
          #""logProbChosen":-3,"logProbRejected":-4,"refLogProbChosen":-3,"refLogProbRejected":-3"#,
          #""rewardChosen":0.25,"rewardRejected":0.25,"lengthChosen":2,"lengthRejected":2"#,
        ]
      ),
      (
        "large-positive-margin",
        [
          #""logProbChosen":-0.5,"logProbRejected":-5000,"refLogProbChosen":-1000"#,
          #""refLogProbRejected":-1000,"rewardChosen":50,"rewardRejected":-50,"lengthChosen":5"#,
          #""lengthRejected":5000"#,
        ]
      ),
      (
        "large-negative-margin",
        [
          #""logProbChosen":-5000,"logProbRejected":-0.5,"refLogProbChosen":-1000"#,
          #""refLogProbRejected":-1000,"rewardChosen":-50,"rewardRejected":50,"lengthChosen":5000"#,
          #""lengthRejected":5"#,
        ]
      ),
    ],
    "SetPair": [
      (
        "typical",
        [
          #""positive":{"logProbs":[-1,-2],"refLogProbs":[-1.5,-1.5]}"#,
          #""negative":{"logProbs":[-3,-4,-5],"refLogProbs":[-2,-2,-2]}"#,
        ]
      ),
      (
        "extreme",
        [
          #""positive":{"logProbs":[-0.5,-4000],"refLogProbs":[-1000,-1000]}"#,
          #""negative":{"logProbs":[-6000,-1e-300],"refLogProbs":[-1000,-1e-300]}"#,
        ]
      ),
    ],
    "BinPartition": [
      (
        "typical",
        [
          #""bins":[{"logProbs":[-1,-2],"refLogProbs":[-1.5,-1.5]}"#,
          #"{"logProbs":[-3],"refLogProbs":[-2]},{"logProbs":[-4,-5],"refLogProbs":[-2,-2.5]}]"#,
        ]
      ),
      (
        "extreme",
        [
          #""bins":[{"logProbs":[-0.5],"refLogProbs":[-1000]}"#,
          #"{"logProbs":[-6000,-3000],"refLogProbs":[-1000,-1000]}]"#,
        ]
      ),
    ],
    "Ranking": [
      (
        "typical",
        [
          #""logProbs":[-1,-2,-3,-4],"refLogProbs":[-1.5,-2.5,-2,-3]"#
        ]
      ),
      (
        "extreme",
        [
          #""logProbs":[-0.5,-3000,-6000],"refLogProbs":[-1000,-1000,-1000]"#
        ]
      ),
    ],
    "RewardedResponseSet": [
      (
        "typical",
        [
          #""logProbs":[-1,-2,-3,-4],"refLogProbs":[-1.5,-2.5,-2,-3],"rewards":[2,0.5,-1,0.25]"#
        ]
      ),
      (
        "extreme",
        [
          #""logProbs":[-0.5,-3000,-6000],"refLogProbs":[-1000,-1000,-1000],"rewards":[50,-50,0]"#
        ]
      ),
    ],
    "ScoredResponseSet": [
      (
        "typical",
        [
          #""logProbs":[-1,-2,-3,-4],"refLogProbs":[-1.5,-2.5,-2,-3],"scores":[3,1,0.5,2]"#
        ]
      ),
      (
        "extreme",
        [
          #""logProbs":[-0.5,-3000,-6000,-2],"refLogProbs":[-1000,-1000,-1000,-1]"#,
          #""scores":[10,-10,0,4]"#,
        ]
      ),
    ],
    "PopulationPreferenceInput": [
      (
        "typical",
        [
          #""logits":[0.5,-1,2],"refLogits":[0,0,0],"mu":[0.25,0.25,0.5]"#,
          #""preference":[[0.5,0.75,0.25],[0.25,0.5,0.625],[0.75,0.375,0.5]]"#,
        ]
      ),
      (
        "extreme",
        [
          #""logits":[40,-40,0],"refLogits":[0,10,-10],"mu":[0.5,0.5,0]"#,
          #""preference":[[0.5,1,0],[0,0.5,0.5],[1,0.5,0.5]]"#,
        ]
      ),
    ],
    "SampleEDPOInput": [
      (
        "typical",
        [
          #""logits":[0.5,-1,2],"refLogits":[0,0,0],"mu":[0.25,0.25,0.5],"muHat":[0.5,0.5,0]"#,
          #""scores":[0.75,0.25,0]"#,
        ]
      ),
      (
        "extreme",
        [
          #""logits":[40,-40,0],"refLogits":[0,10,-10],"mu":[0.25,0.25,0.5],"muHat":[0.5,0.5,0]"#,
          #""scores":[1,0,0]"#,
        ]
      ),
    ],
    "PROInput": [
      (
        "typical",
        [
          #""logits":[0.5,-1,2,0],"refLogits":[0,0,0,0],"mu":[0.25,0.25,0.25,0.25]"#,
          #""muHat":[0.5,0.5,0,0],"scores":[0.75,0.25,0,0],"hyperResponse":[2,3]"#,
        ]
      ),
      (
        "extreme",
        [
          #""logits":[40,-40,0,5],"refLogits":[0,10,-10,0],"mu":[0.25,0.25,0.25,0.25]"#,
          #""muHat":[0.5,0.5,0,0],"scores":[1,0,0,0],"hyperResponse":[3]"#,
        ]
      ),
    ],
    "PROPInput": [
      (
        "typical",
        [
          #""logits":[0.5,-1,2,0],"refLogits":[0,0,0,0],"muHat":[0.5,0.5,0,0]"#,
          #""preference":[[0.5,0.75,0.5,0.5],[0.25,0.5,0.5,0.5]"#,
          #"[0.5,0.5,0.5,0.5],[0.5,0.5,0.5,0.5]]"#,
          #""rho":[0,0,0.5,0.5],"hyperResponse":[2,3]"#,
        ]
      )
    ],
    "PROScalarSample": [
      (
        "typical",
        [
          #""logProbs":[-1,-2,-3],"refLogProbs":[-1.5,-2.5,-2],"scores":[0.75,0.25,0.5]"#
        ]
      ),
      (
        "extreme",
        [
          #""logProbs":[-0.5,-3000],"refLogProbs":[-1000,-1000],"scores":[1,-1]"#
        ]
      ),
    ],
    "PROBinarySample": [
      (
        "typical-desired",
        [
          #""logProb":-0.75,"refLogProb":-0.875,"label":0.5"#
        ]
      ),
      (
        "typical-undesired",
        [
          #""logProb":-2.5,"refLogProb":-1.25,"label":-0.5"#
        ]
      ),
      (
        "extreme",
        [
          #""logProb":-3000,"refLogProb":-1e-300,"label":0.5"#
        ]
      ),
    ],
    "KTOPROInput": [
      (
        "desired",
        [
          #""logProb":-12.5,"refLogProb":-13,"desired":true"#
        ]
      ),
      (
        "undesired",
        [
          #""logProb":-14.25,"refLogProb":-13.5,"desired":false"#
        ]
      ),
      (
        "extreme",
        [
          #""logProb":-5000,"refLogProb":-1e-300,"desired":true"#
        ]
      ),
    ],
    "KTOPIPAInput": [
      (
        "positive",
        [
          #""logF":-12.5,"logPrior":-13,"z":0.25,"label":1"#
        ]
      ),
      (
        "negative",
        [
          #""logF":-14.25,"logPrior":-13.5,"z":0.25,"label":0"#
        ]
      ),
      (
        "extreme",
        [
          #""logF":-5000,"logPrior":-1e-300,"z":0,"label":1"#
        ]
      ),
    ],
    "PIPAAnswerInput": [
      (
        "positive",
        [
          #""logF":-12.5,"logitG":0.5,"logPrior":-13,"label":1"#
        ]
      ),
      (
        "negative",
        [
          #""logF":-14.25,"logitG":-0.25,"logPrior":-13.5,"label":0"#
        ]
      ),
      (
        "extreme-negative",
        [
          #""logF":-1e-300,"logitG":40,"logPrior":-5000,"label":0"#
        ]
      ),
      (
        "extreme-positive",
        [
          #""logF":-5000,"logitG":-40,"logPrior":-1e-300,"label":1"#
        ]
      ),
    ],
    "PIPATokenInput": [
      (
        "typical",
        [
          #""logF":[-0.5,-1.25,-2],"logitG":[0.5,-0.25,1],"logPrior":[-0.75,-1,-1.5]"#,
          #""labels":[1,1,0]"#,
        ]
      ),
      (
        "extreme",
        [
          #""logF":[-1e-300,-3000],"logitG":[40,-40],"logPrior":[-3000,-1e-300],"labels":[0,1]"#
        ]
      ),
    ],
    "StepPairInput": [
      (
        "typical",
        [
          #""logProbsChosen":[-0.5,-1.25,-2],"logProbsRejected":[-0.75,-1,-1.5,-3]"#,
          #""refLogProbsChosen":[-0.75,-1,-2],"refLogProbsRejected":[-0.5,-1,-2,-2]"#,
          #""labelsRejected":[1,1,0,0]"#,
        ]
      ),
      (
        "extreme",
        [
          #""logProbsChosen":[-0.5,-1e-300],"logProbsRejected":[-3000,-2000]"#,
          #""refLogProbsChosen":[-1000,-1000],"refLogProbsRejected":[-1000,-1000]"#,
          #""labelsRejected":[0,0]"#,
        ]
      ),
    ],
    "PRORLHF.Input": [
      ("typical", [#""logits":[0.5,-1,2],"refLogits":[0,0,0],"rewards":[1,-0.5,0.25]"#]),
      ("extreme", [#""logits":[40,-40,0],"refLogits":[0,10,-10],"rewards":[50,-50,0]"#]),
    ],
    "StepKTOInput": [
      (
        "typical",
        [
          #""logProbs":[-0.5,-1.25,-2,-0.25],"refLogProbs":[-0.75,-1,-1.5,-0.5]"#,
          #""labels":[1,1,0,0],"stepStarts":[0,2],"z0":0.25"#,
        ]
      ),
      (
        "extreme",
        [
          #""logProbs":[-3000,-1e-300],"refLogProbs":[-1e-300,-3000],"labels":[1,0]"#,
          #""stepStarts":[0,1],"z0":0"#,
        ]
      ),
    ],
  ]

  /// The record of a case: hyperparameters, then the case's fields.
  public static func record(_ o: OracleObjective, fields: [String]) -> String {
    let hyper = hyperparameters(for: o)
    return "{" + hyper + (hyper.isEmpty ? "" : ",") + fields.joined(separator: ",") + "}"
  }

  /// One hyperparameter set per objective parameter name (shared across objectives),
  /// with per-objective overrides where the domain differs.
  public static func hyperparameters(for o: OracleObjective) -> String {
    let base: [String: String] = [
      "beta": "0.1", "gamma": "0.5", "lambda": "1", "tau": "1", "alphaW": "1", "eta": "0.5",
      "lambdaD": "1", "lambdaU": "1", "z0": "0.125", "epsilon": "1e-10",
      "hyperReward": "\"exact\"",
    ]
    var alpha = "0.5"
    if o.id.hasPrefix("alphapo") { alpha = "0.25" }
    return o.parameters.map { p in
      "\"\(p.name)\":" + (p.name == "alpha" ? alpha : base[p.name] ?? "1")
    }.joined(separator: ",")
  }
}
