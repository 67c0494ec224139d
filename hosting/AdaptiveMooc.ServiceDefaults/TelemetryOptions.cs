namespace AdaptiveMooc.ServiceDefaults;

/// <summary>
/// Section <c>Mooc:Telemetry</c>. Metrics are always collected (the API serves them at <c>GET /metrics</c>);
/// traces and an OTLP export start when a collector is named, by <see cref="OtlpEndpoint"/> or by the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>), so a platform
/// without a collector pays nothing for spans nobody reads.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Mooc:Telemetry";

    /// <summary>The collector's base address (e.g. <c>http://127.0.0.1:4317</c> for gRPC, <c>:4318</c> for HTTP).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>; used with <see cref="OtlpEndpoint"/>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Share of new traces recorded (0 to 1); a trace begun upstream keeps its caller's decision.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>Traces on without an OTLP collector (for an exporter the process adds itself).</summary>
    public bool Tracing { get; set; }

    /// <summary>Silo only: serve its Prometheus scrape on <c>http://127.0.0.1:{port}/metrics</c>; 0 (default) serves none.</summary>
    public int PrometheusPort { get; set; }
}
