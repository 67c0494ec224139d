using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Api.Tests.Telemetry;

/// <summary>
/// A silo and an API exporting OTLP traces to <see cref="Collector"/>, the silo serving its Prometheus scrape on
/// <see cref="SiloMetricsPort"/>, and the API trusting its loopback as a proxy so a test can present itself as a
/// remote caller (<c>X-Forwarded-For</c>).
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    private PlatformProcesses? platform;

    public OtlpReceiver Collector { get; } = new();

    public int SiloMetricsPort { get; } = FreePorts.Next();

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public async Task InitializeAsync() => platform = await PlatformProcesses.StartAsync(new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["Mooc__Telemetry__PrometheusPort"] = SiloMetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mooc__Proxy__KnownProxies__0"] = "127.0.0.1",
    });

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }

        await Collector.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}
