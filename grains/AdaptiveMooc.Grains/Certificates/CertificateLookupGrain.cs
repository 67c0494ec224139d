using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Certificates;

namespace AdaptiveMooc.Grains.Certificates;

[GrainType("certificate-lookup")]
internal sealed class CertificateLookupGrain(
    [PersistentState("certificateLookup", StorageNames.Default)] IPersistentState<CertificateLookupState> state) : Grain, ICertificateLookupGrain
{
    public async Task SetAsync(CertificateRef certificate)
    {
        if (state.State.Certificate == certificate)
        {
            return;
        }

        state.State.Certificate = certificate;
        await state.WriteStateAsync();
    }

    public Task<CertificateRef?> GetAsync() => Task.FromResult(state.State.Certificate);
}
