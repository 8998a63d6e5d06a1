"""The matcher's learned models, read from ``models.json`` beside this file.

Two linear models, each in a lexical and a semantic version (the latter with the optional
embeddings' cosines as features):

- the **re-ranker** orders a question's candidates by a weighted sum of their features;
- the **answer model** is a logistic regression over the best candidate's features: how sure
  the matcher is that the best candidate is the right claim.

The weights are data: ``models.json`` names each model's features in order, and says how it
was fitted (``python -m benchmarks.fit_answer``). The features themselves are computed in
:mod:`knowledge.matching.rerank`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources

# e5's cosines vary within a narrow band (unrelated texts 0.73-0.79): the models see them ten
# times larger, above this floor, on the scale of their other features (the L2 penalty of the
# fits would otherwise hold their weights down). A candidate without a vector has the floor.
COSINE_FLOOR = 0.7
COSINE_SCALE = 10.0


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Named features, their weights, and how the weights were fitted."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    fitted: str

    def value(self, features: tuple[float, ...]) -> float:
        return sum(w * x for w, x in zip(self.weights, features, strict=True))


def _load() -> dict[str, LinearModel]:
    raw = json.loads(resources.files(__package__).joinpath("models.json").read_text("utf-8"))
    return {
        name: LinearModel(tuple(spec["features"]), tuple(spec["weights"]), spec["fitted"])
        for name, spec in raw.items()
        if not name.startswith("_")
    }


MODELS = _load()
RERANK = MODELS["rerank"]
ANSWER = MODELS["answer"]
SEMANTIC_RERANK = MODELS["semantic_rerank"]
SEMANTIC_ANSWER = MODELS["semantic_answer"]

RERANK_FEATURES = RERANK.features
RERANK_WEIGHTS = RERANK.weights
ANSWER_FEATURES = ANSWER.features
ANSWER_WEIGHTS = ANSWER.weights
SEMANTIC_RERANK_FEATURES = SEMANTIC_RERANK.features
SEMANTIC_RERANK_WEIGHTS = SEMANTIC_RERANK.weights
SEMANTIC_ANSWER_FEATURES = SEMANTIC_ANSWER.features
SEMANTIC_ANSWER_WEIGHTS = SEMANTIC_ANSWER.weights
COSINE_AT = SEMANTIC_ANSWER_FEATURES.index("cosine")  # the best claim's, among those features


def cosine_feature(cosine: float) -> float:
    """A cosine as the models see it: stretched from e5's narrow band to the scale of the
    other features."""
    return COSINE_SCALE * (cosine - COSINE_FLOOR)


def semantic_features(features: tuple[float, ...]) -> bool:
    """Whether answer-model features hold the cosines (a semantic index was used)."""
    return len(features) == len(SEMANTIC_ANSWER.features)


def answer_confidence(features: tuple[float, ...]) -> float:
    """The answer model's probability (0..1) that the best candidate is the right claim (the
    semantic model's when the features hold the cosines)."""
    model = SEMANTIC_ANSWER if semantic_features(features) else ANSWER
    logit = model.value(features)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))
