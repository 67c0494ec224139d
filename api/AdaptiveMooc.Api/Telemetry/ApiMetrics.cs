using System.Diagnostics.Metrics;
using AdaptiveMooc.ServiceDefaults;

namespace AdaptiveMooc.Api.Telemetry;

/// <summary>The API's instruments on the platform meter (docs/OPERATIONS.md, "Telemetry").</summary>
public static class ApiMetrics
{
    private static readonly Meter Meter = new(MoocTelemetry.Name);

    /// <summary>Server-sent event streams this API process holds open now (tag stream).</summary>
    public static readonly UpDownCounter<long> LiveConnections = Meter.CreateUpDownCounter<long>(
        "mooc.sse.connections", "{connection}", "Server-sent event streams open now (tag stream: forum, ...).");
}
