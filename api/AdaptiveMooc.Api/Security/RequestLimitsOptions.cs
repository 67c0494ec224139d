namespace AdaptiveMooc.Api.Security;

/// <summary>Section <c>Mooc:Limits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Mooc:Limits";

    /// <summary>
    /// The outer bound Kestrel enforces for any request body (413 beyond); routes set tighter
    /// per-request limits below it (api Http/BodyLimits).
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Live connections (server-sent event streams) one caller may hold on one API process; 429 beyond.</summary>
    public int MaxLiveConnectionsPerCaller { get; set; } = 5;

    /// <summary>Live connections one API process holds in total; 429 beyond.</summary>
    public int MaxLiveConnections { get; set; } = 1_000;
}
