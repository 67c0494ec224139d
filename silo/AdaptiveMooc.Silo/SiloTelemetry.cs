using System.Net;
using System.Net.Sockets;
using AdaptiveMooc.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace AdaptiveMooc.Silo;

/// <summary>
/// The silo's telemetry (docs/OPERATIONS.md, "Telemetry"): the platform meters plus Npgsql's, served for
/// Prometheus on <c>http://127.0.0.1:{Mooc:Telemetry:PrometheusPort}/metrics</c> when a port is set (./mooc up
/// sets one per silo), exported by OTLP when a collector is configured; spans of grain calls and of every
/// PostgreSQL command, continuing the trace of the API request that made the call; and the Orleans dashboard's
/// silo side (its grains and call profiler), whose pages the API serves to admins.
/// </summary>
public static class SiloTelemetry
{
    public const string ServiceName = "adaptivemooc-silo";

    public static IHostApplicationBuilder AddMoocSiloTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = MoocTelemetry.Options(builder.Configuration).PrometheusPort;
        var serve = port > 0 && Bindable(port);
        if (port > 0 && !serve)
        {
            // A busy port must not stop a silo: it runs without its scrape endpoint and says so.
            Console.Error.WriteLine($"silo: WARNING: metrics port 127.0.0.1:{port} is in use; this silo serves no Prometheus scrape (Mooc:Telemetry:PrometheusPort).");
        }

        builder.AddMoocTelemetry(
            ServiceName,
            tracing: t => t.AddSource(MoocTelemetry.OrleansActivitySources).AddNpgsql(),
            metrics: m =>
            {
                m.AddNpgsqlInstrumentation();
                if (serve)
                {
                    m.AddPrometheusHttpListener(o =>
                    {
                        o.Host = IPAddress.Loopback.ToString();
                        o.Port = port;
                    });
                }
            });
        return builder;
    }

    /// <summary>
    /// Trace context carried in grain calls when tracing is on (<see cref="MoocTelemetry.TracingEnabled"/>), and
    /// the dashboard's silo services unless <c>Mooc:Dashboard:Enabled</c> is false.
    /// </summary>
    public static ISiloBuilder UseMoocObservability(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        if (MoocTelemetry.TracingEnabled(configuration))
        {
            silo.AddActivityPropagation();
        }

        if (configuration.GetValue("Mooc:Dashboard:Enabled", true))
        {
            // The dashboard samples every grain's and silo's counters on each tick, page open or not: once a
            // second (its default) was a third of an idle silo's CPU (docs/BENCHMARKS.md, "Idle cost").
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = DashboardCounterInterval(configuration));
        }

        return silo;
    }

    /// <summary><c>Mooc:Dashboard:CounterUpdateIntervalMs</c>: milliseconds between the dashboard's counter samples (default 5000, at least 1000).</summary>
    public static int DashboardCounterInterval(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var interval = configuration.GetValue("Mooc:Dashboard:CounterUpdateIntervalMs", 5000);
        return interval >= 1000
            ? interval
            : throw new InvalidOperationException($"Mooc:Dashboard:CounterUpdateIntervalMs must be at least 1000, not {interval}.");
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
