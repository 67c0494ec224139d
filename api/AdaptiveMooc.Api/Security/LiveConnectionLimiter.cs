using System.Globalization;
using AdaptiveMooc.Api.Http;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Bounds the live connections (server-sent event streams) one API process holds: at most
/// <see cref="RequestLimitsOptions.MaxLiveConnectionsPerCaller"/> per caller and
/// <see cref="RequestLimitsOptions.MaxLiveConnections"/> in total. Each stream holds a lease from the
/// moment it is accepted until its response completes; one over either bound answers 429.
/// </summary>
public sealed class LiveConnectionLimiter(IOptions<RequestLimitsOptions> options)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, int> perCaller = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int total;

    /// <summary>A lease to dispose when the stream ends, or null when a bound is reached (and which one, for the 429).</summary>
    public IDisposable? TryAcquire(Caller caller, out string? refusal) => TryAcquire(caller, "forum", out refusal);

    /// <summary>As <see cref="TryAcquire(Caller, out string?)"/>, counting the stream as <paramref name="stream"/> on <c>mooc.sse.connections</c>.</summary>
    public IDisposable? TryAcquire(Caller caller, string stream, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var limits = options.Value;
        var key = $"{caller.Kind}:{caller.Id}";
        lock (gate)
        {
            var mine = perCaller.GetValueOrDefault(key);
            if (mine >= limits.MaxLiveConnectionsPerCaller)
            {
                refusal = $"You already hold {mine} live connections, the most one caller may hold ({limits.MaxLiveConnectionsPerCaller}); close one first.";
                return null;
            }

            if (total >= limits.MaxLiveConnections)
            {
                refusal = $"This server holds its maximum of {limits.MaxLiveConnections} live connections; retry later.";
                return null;
            }

            perCaller[key] = mine + 1;
            total++;
        }

        refusal = null;
        Telemetry.ApiMetrics.LiveConnections.Add(1, new KeyValuePair<string, object?>("stream", stream));
        return new Lease(this, key, stream);
    }

    /// <summary>Takes a lease for this request's stream (released when the response completes), or answers the 429.</summary>
    public IResult? Enter(HttpContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TryAcquire(caller, out var refusal) is { } lease)
        {
            context.Response.RegisterForDispose(lease);
            return null;
        }

        context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Problems.TooManyRequests(refusal!);
    }

    private void Release(string key)
    {
        lock (gate)
        {
            total--;
            if (perCaller.TryGetValue(key, out var mine) && mine > 1)
            {
                perCaller[key] = mine - 1;
            }
            else
            {
                perCaller.Remove(key);
            }
        }
    }

    private sealed class Lease(LiveConnectionLimiter owner, string key, string stream) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release(key);
                Telemetry.ApiMetrics.LiveConnections.Add(-1, new KeyValuePair<string, object?>("stream", stream));
            }
        }
    }
}
