using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdaptiveMooc.ServiceDefaults;

/// <summary>
/// OpenTelemetry for every process of the platform (docs/OPERATIONS.md, "Telemetry"): the platform's own
/// meter and activity source (<see cref="Name"/>), ASP.NET Core, HttpClient, .NET runtime and Orleans
/// metrics, traces when a collector is configured (<see cref="TelemetryOptions"/>), and log records that
/// carry the trace and span id of the work they belong to.
/// </summary>
public static class MoocTelemetry
{
    /// <summary>The platform's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="ActivitySource"/> name.</summary>
    public const string Name = "AdaptiveMooc";

    /// <summary>Orleans' grain-call activity sources (the application's grains, and the runtime's own calls).</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    /// <summary>Orleans' meter: "Microsoft.Orleans" in Orleans 10 (older builds and the dashboard name it "Orleans").</summary>
    public static readonly string[] OrleansMeters = ["Microsoft.Orleans", "Orleans"];

    public static TelemetryOptions Options(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
    }

    /// <summary>Whether an OTLP collector is configured (<c>Mooc:Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public static bool OtlpConfigured(IConfiguration configuration) =>
        Options(configuration).OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>Whether spans are recorded: Orleans propagates the trace context in grain calls only then.</summary>
    public static bool TracingEnabled(IConfiguration configuration) => OtlpConfigured(configuration) || Options(configuration).Tracing;

    /// <summary>
    /// Metrics always (exporters: what <paramref name="metrics"/> adds, plus OTLP when configured), traces
    /// when <see cref="TracingEnabled"/>, logs with trace ids.
    /// </summary>
    public static IOpenTelemetryBuilder AddMoocTelemetry(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var options = Options(configuration);
        if (options.TraceSampleRatio is < 0 or > 1 || double.IsNaN(options.TraceSampleRatio))
        {
            throw new InvalidOperationException($"{TelemetryOptions.Section}:TraceSampleRatio must be from 0 to 1, not {options.TraceSampleRatio}.");
        }

        // Every log record written inside a request or grain call carries TraceId and SpanId as a scope: the
        // console shows them (scopes on unless Logging:Console:FormatterOptions:IncludeScopes says otherwise; the
        // json formatter writes them as fields), and the OTLP log export links each record to its span.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (configuration["Logging:Console:FormatterOptions:IncludeScopes"] is null)
        {
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
            builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(m =>
            {
                AddMeters(m);
                metrics?.Invoke(m);
            });

        if (TracingEnabled(configuration))
        {
            otel.WithTracing(t =>
            {
                t.SetSampler(new RequestRootSampler(options.TraceSampleRatio))
                    .AddSource(Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation();
                tracing?.Invoke(t);
            });
        }

        if (OtlpConfigured(configuration))
        {
            otel.WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
            if (options.OtlpEndpoint is { } endpoint)
            {
                var protocol = options.OtlpProtocol.ToUpperInvariant() switch
                {
                    "GRPC" => OtlpExportProtocol.Grpc,
                    "HTTP/PROTOBUF" => OtlpExportProtocol.HttpProtobuf,
                    _ => throw new InvalidOperationException($"{TelemetryOptions.Section}:OtlpProtocol must be 'grpc' or 'http/protobuf', not '{options.OtlpProtocol}'."),
                };
                otel.UseOtlpExporter(protocol, endpoint);
            }
            else
            {
                // OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS: the exporter reads the standard variables itself.
                otel.UseOtlpExporter();
            }
        }

        return otel;
    }

    /// <summary>The meters every process exports: the platform's, Orleans', ASP.NET Core's, HttpClient's and the runtime's.</summary>
    public static MeterProviderBuilder AddMeters(MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.AddMeter(Name)
            .AddMeter(OrleansMeters)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation();
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.Ordinal)
        || path.StartsWithSegments("/alive", StringComparison.Ordinal)
        || path.StartsWithSegments("/health", StringComparison.Ordinal);
}
