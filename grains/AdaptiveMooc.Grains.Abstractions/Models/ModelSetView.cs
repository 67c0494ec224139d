namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>A serving set: the version of each model (null: none, what serves without a file), and the set it replaced.</summary>
[GenerateSerializer]
[Alias("mooc.ModelSetView")]
public sealed record ModelSetView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string Reason,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] IReadOnlyDictionary<string, string?> Members,
    [property: Id(5)] long? PreviousId,
    [property: Id(6)] Guid? RunId);
