using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// A set of public keys published at <c>/.well-known/jwks.json</c>. Register one per signer (access
/// tokens, certificates, ...) as a singleton; every key must carry a distinct <c>kid</c>.
/// </summary>
public interface IPublicKeySource
{
    IEnumerable<JsonWebKey> GetPublicKeys();
}
