using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// One immutable set of serving models. A null model is not loaded: callers fall back to their prior.
/// Knowledge tracing always has a model (<see cref="KnowledgeTracingModel.ColdStart"/> when none is shipped).
/// </summary>
public sealed class ModelSet
{
    /// <summary>The version answered while no trained model serves.</summary>
    public const string PriorVersion = "prior-1";

    public const string KnowledgeTracingName = "knowledge-tracing";
    public const string RankingName = "ranking";
    public const string AtRiskName = "at-risk";
    public const string WithdrawnName = "withdrawn";
    public const string PacingName = "pacing";

    /// <summary>Identifies the set: <see cref="PriorVersion"/>, or a short hash of the files serving.</summary>
    public required string Version { get; init; }

    public required KnowledgeTracingModel Kt { get; init; }

    public RankingModel? Ranking { get; init; }

    /// <summary>P(withdrawn or fail) (<c>risk.zip</c>).</summary>
    public RiskModel? AtRisk { get; init; }

    /// <summary>P(withdrawn) (<c>dropout.zip</c>).</summary>
    public RiskModel? Withdrawn { get; init; }

    public PacingModel? Pacing { get; init; }

    /// <summary>Whether <see cref="Kt"/> is a trained model rather than the cold-start one.</summary>
    public bool KtTrained { get; init; }

    /// <summary>Names of the trained models in the set.</summary>
    public IReadOnlyList<string> Loaded =>
    [
        .. KtTrained ? [KnowledgeTracingName] : Array.Empty<string>(),
        .. Ranking is null ? [] : new[] { RankingName },
        .. AtRisk is null ? [] : new[] { AtRiskName },
        .. Withdrawn is null ? [] : new[] { WithdrawnName },
        .. Pacing is null ? [] : new[] { PacingName },
    ];

    /// <summary>No trained model: cold-start knowledge tracing and every other model absent.</summary>
    public static ModelSet Prior() => new() { Version = PriorVersion, Kt = KnowledgeTracingModel.ColdStart() };
}
