using Microsoft.AspNetCore.Http.Metadata;

namespace AdaptiveMooc.Api.Security;

public static class RequestBodyLimitExtensions
{
    /// <summary>Overrides <see cref="RequestLimitsOptions.MaxRequestBodyBytes"/> for these endpoints.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new BodyLimit(maxBytes));
    }

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
