using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>A data export; <c>download</c> is set once it is ready (only the person's own token opens it).</summary>
public sealed record ExportResponse(Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ReadyAt, long? Bytes, string? Download)
{
    public static ExportResponse From(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ExportResponse(job.Id, job.Status, job.RequestedAt, job.ReadyAt, job.Bytes,
            job.Status == "ready" ? $"/api/account/exports/{job.Id:D}/archive" : null);
    }
}
