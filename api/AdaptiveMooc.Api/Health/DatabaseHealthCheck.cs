using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdaptiveMooc.Api.Health;

/// <summary>The statement store answers, asked through a grain so the check sees what the silos see.</summary>
internal sealed class DatabaseHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var ok = await cluster.ByKey<IStatementQueryGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return ok ? HealthCheckResult.Healthy("The statement store answers.") : HealthCheckResult.Unhealthy("The statement store refused.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
