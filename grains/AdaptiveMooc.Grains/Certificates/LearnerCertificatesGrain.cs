using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Certificates;

namespace AdaptiveMooc.Grains.Certificates;

[GrainType("learner-certificates")]
internal sealed class LearnerCertificatesGrain(
    [PersistentState("learnerCertificates", StorageNames.Default)] IPersistentState<LearnerCertificatesState> state) : Grain, ILearnerCertificatesGrain
{
    public async Task AddAsync(CertificateRef certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (state.State.Certificates.Any(c => c.Id == certificate.Id))
        {
            return;
        }

        state.State.Certificates.Add(certificate);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<CertificateRef>> ListAsync() =>
        Task.FromResult<IReadOnlyList<CertificateRef>>([.. state.State.Certificates]);
}
