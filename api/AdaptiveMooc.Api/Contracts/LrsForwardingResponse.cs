using AdaptiveMooc.Grains.Abstractions.LrsForwarding;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>A forwarding target (never its password) and how far forwarding to it has come.</summary>
public sealed record LrsForwardingResponse(
    Guid Id,
    string Endpoint,
    string Username,
    IReadOnlyList<string>? CourseIds,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    LrsForwardingProgressResponse Progress)
{
    public static LrsForwardingResponse From(LrsForwardingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var p = target.Progress;
        return new LrsForwardingResponse(
            target.Id, target.Endpoint, target.Username, target.CourseIds, target.CreatedAt, target.CreatedBy,
            new LrsForwardingProgressResponse(
                p.Cursor, p.LatestSequence, p.Forwarded, p.Pending, p.PendingCapped, p.LagSeconds, p.DeadLetters, p.FailedAttempts, p.LastError,
                p.LastAttemptAt, p.LastSuccessAt, p.NextAttemptAt));
    }
}
