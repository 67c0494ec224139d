using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>
/// One W3C Bitstring Status List (purpose <c>revocation</c>) of <see cref="StatusLists.Size"/> entries,
/// keyed by its number. Every issued certificate holds one entry (<c>credentialStatus</c>); revoking the
/// certificate sets its bit, and the signed list credential is served publicly, so verifiers outside the
/// platform see revocations.
/// </summary>
[Alias("mooc.certificate.IStatusListGrain")]
public interface IStatusListGrain : IGrainWithIntegerKey
{
    /// <summary>The next free entry, or -1 when this list is full (the caller moves on to the next list).</summary>
    [Alias("Allocate")]
    Task<int> AllocateAsync();

    [Alias("Revoke")]
    Task RevokeAsync(int index);

    /// <summary>The list as a signed <c>BitstringStatusListCredential</c> (a VC-JWT).</summary>
    [ReadOnly]
    [Alias("GetCredential")]
    Task<string> GetCredentialAsync();
}
