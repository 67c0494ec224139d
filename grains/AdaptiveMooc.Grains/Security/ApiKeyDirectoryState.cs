using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.ApiKeyDirectoryState")]
internal sealed class ApiKeyDirectoryState
{
    [Id(0)] public List<ApiKeySummary> Keys { get; set; } = [];
}
