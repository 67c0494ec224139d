using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdaptiveMooc.Api.Health;

/// <summary>
/// The models a silo serves, asked through its status grain. Ready → healthy. Unavailable (no model
/// folder) or a model that failed to load → degraded, not unhealthy: the platform keeps answering with
/// the previous model or the cold-start priors, so /health stays 200 and says why in <c>data</c>.
/// </summary>
internal sealed class ModelsHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await cluster.ByKey<IModelStatusGrain>(0).GetStatus().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["state"] = status.State,
                ["version"] = status.Version,
                ["loaded"] = status.Loaded,
            };
            Add(data, "path", status.Path);
            Add(data, "reason", status.Reason);
            Add(data, "lastError", status.LastError);
            Add(data, "lastErrorAt", status.LastErrorAt);
            Add(data, "loadedAt", status.LoadedAt);
            return status.State == ModelCatalogStatus.Ready
                ? HealthCheckResult.Healthy($"Models {status.Version} ready: {string.Join(", ", status.Loaded)}.", data)
                : HealthCheckResult.Degraded(
                    status.State == ModelCatalogStatus.Unavailable
                        ? $"Models unavailable: {status.Reason}"
                        : $"Models {status.Version} serving with load errors: {status.LastError}",
                    data: data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The model status does not answer.", exception);
        }
    }

    private static void Add(Dictionary<string, object> data, string key, object? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }
}
