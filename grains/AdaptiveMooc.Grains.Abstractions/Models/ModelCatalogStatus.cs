namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>What a silo's model catalog serves and why (answered by <c>/health</c> under <c>models</c>).</summary>
/// <param name="State"><see cref="Ready"/>, <see cref="Degraded"/> (a model file failed to load; the previous one, or the prior, serves) or <see cref="Unavailable"/> (no model folder: cold-start priors serve).</param>
/// <param name="Version">Version of the serving set (<c>modelVersion</c> of recommendations).</param>
/// <param name="Path">The model folder, when one is configured.</param>
/// <param name="Loaded">Models serving: <c>knowledge-tracing</c>, <c>ranking</c>, <c>at-risk</c>, <c>withdrawn</c>, <c>pacing</c>.</param>
/// <param name="Reason">Why the models are unavailable, when they are.</param>
/// <param name="LastError">The latest load failures, one line per model, until that model loads again.</param>
/// <param name="LastErrorAt">When <paramref name="LastError"/> happened.</param>
/// <param name="LoadedAt">When the serving set was swapped in.</param>
/// <param name="CheckedAt">When the folder was last looked at.</param>
[GenerateSerializer]
[Alias("mooc.ModelCatalogStatus")]
public sealed record ModelCatalogStatus(
    [property: Id(0)] string State,
    [property: Id(1)] string Version,
    [property: Id(2)] string? Path,
    [property: Id(3)] IReadOnlyList<string> Loaded,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset? LastErrorAt,
    [property: Id(7)] DateTimeOffset? LoadedAt,
    [property: Id(8)] DateTimeOffset? CheckedAt)
{
    public const string Ready = "ready";
    public const string Degraded = "degraded";
    public const string Unavailable = "unavailable";
}
