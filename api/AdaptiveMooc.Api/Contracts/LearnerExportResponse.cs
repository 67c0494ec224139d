using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// A learner's data export: <c>status</c> <c>pending</c>, <c>ready</c> or <c>failed</c>; once ready, <c>url</c> (under
/// <c>Mooc:PublicBaseUrl</c>) and <c>path</c> (relative to the API) fetch the zip with the learner's or an admin's credentials.
/// </summary>
public sealed record LearnerExportResponse(Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ReadyAt, long? Bytes, string? Url, string? Path)
{
    public static LearnerExportResponse From(string learnerId, ExportJob job, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(job);
        var path = job.Status == "ready" ? $"/api/learners/{learnerId}/exports/{job.Id:D}/archive" : null;
        return new LearnerExportResponse(job.Id, job.Status, job.RequestedAt, job.ReadyAt, job.Bytes, path is null ? null : baseUrl + path, path);
    }
}
