namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// Which audit entries to list; a null field does not filter. <see cref="Action"/> matches exactly, or as a prefix
/// when it ends with a dot (<c>course.</c>: every course action). <see cref="From"/> is inclusive, <see cref="To"/>
/// exclusive.
/// </summary>
[GenerateSerializer, Immutable, Alias("mooc.security.AuditFilter")]
public sealed record AuditFilter(
    [property: Id(0)] string? ActorId = null,
    [property: Id(1)] string? Action = null,
    [property: Id(2)] string? Target = null,
    [property: Id(3)] DateTimeOffset? From = null,
    [property: Id(4)] DateTimeOffset? To = null)
{
    public static readonly AuditFilter None = new();

    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (ActorId is null || entry.ActorId == ActorId)
            && (Action is null || entry.Action == Action || (Action.EndsWith('.') && entry.Action.StartsWith(Action, StringComparison.Ordinal)))
            && (Target is null || entry.Target == Target)
            && (From is null || entry.At >= From)
            && (To is null || entry.At < To);
    }
}
