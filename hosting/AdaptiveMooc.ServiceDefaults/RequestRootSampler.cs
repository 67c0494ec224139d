using System.Diagnostics;
using OpenTelemetry.Trace;

namespace AdaptiveMooc.ServiceDefaults;

/// <summary>
/// Traces begin at an incoming HTTP request (sampled at <paramref name="ratio"/>) or where a caller's sampled trace
/// context arrives; spans with no parent anywhere else (membership polls, reminder and timer ticks, background
/// dispatchers' queries) are not recorded. Without this a silo records thousands of root spans a minute that belong
/// to no request, and the exporter's queue drops the spans that matter.
/// </summary>
public sealed class RequestRootSampler(double ratio) : Sampler
{
    /// <summary>The operation name ASP.NET Core gives the activity of an incoming request.</summary>
    public const string HttpRequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly TraceIdRatioBasedSampler roots = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default)
        {
            return new SamplingResult((parent.TraceFlags & ActivityTraceFlags.Recorded) != 0
                ? SamplingDecision.RecordAndSample
                : SamplingDecision.Drop);
        }

        return samplingParameters.Kind == ActivityKind.Server
            && string.Equals(samplingParameters.Name, HttpRequestActivity, StringComparison.Ordinal)
            ? roots.ShouldSample(samplingParameters)
            : new SamplingResult(SamplingDecision.Drop);
    }
}
