using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>The global limiter; rejected requests get 429 with <c>Retry-After</c> and a ProblemDetails body.</summary>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        options.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Rate limit exceeded; retry after {seconds} s.",
                },
            });
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var path = context.Request.Path;
        if (!limits.Enabled || path.StartsWithSegments("/alive") || path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        string key;
        int permits;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var caller = context.Caller();
            key = $"{caller.Kind}:{caller.Id}";
            permits = limits.PermitLimit;
        }
        else
        {
            key = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            permits = limits.AnonymousPermitLimit;
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
