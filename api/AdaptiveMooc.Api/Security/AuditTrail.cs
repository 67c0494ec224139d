using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Api.Security;

internal sealed class AuditTrail(IGrainFactory grains, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(Caller actor, string action, string target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new AuditEntry(time.GetUtcNow(), actor.Kind.ToString(), actor.Id, action, target, detail);
        return grains.ByKey<IAuditGrain>(0).Record(entry);
    }
}
