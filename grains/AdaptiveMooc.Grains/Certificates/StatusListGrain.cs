using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Certificates;

/// <summary>
/// A revocation status list: a fixed 16 KiB bitstring (its state does not grow with the certificates it
/// covers), entries handed out in order, bits set on revocation, and the list served as a signed
/// <c>BitstringStatusListCredential</c> whose <c>encodedList</c> is multibase base64url of the
/// GZIP-compressed bitstring, as the W3C specification defines.
/// </summary>
[GrainType("certificate-status-list")]
internal sealed class StatusListGrain(
    [PersistentState("statusList", StorageNames.Default)] IPersistentState<StatusListState> state,
    CertificateSigningKey signingKey,
    IOptions<CertificateOptions> options,
    TimeProvider clock) : Grain, IStatusListGrain
{
    public async Task<int> AllocateAsync()
    {
        if (state.State.Allocated >= StatusLists.Size)
        {
            return -1;
        }

        var index = state.State.Allocated++;
        await state.WriteStateAsync();
        return index;
    }

    public async Task RevokeAsync(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, StatusLists.Size);
        var mask = (byte)(0x80 >> (index % 8));
        if ((state.State.Bits[index / 8] & mask) != 0)
        {
            return;
        }

        state.State.Bits[index / 8] |= mask;
        await state.WriteStateAsync();
    }

    public Task<string> GetCredentialAsync()
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var url = StatusLists.Url(baseUrl, this.GetPrimaryKeyLong());
        var now = clock.GetUtcNow();
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = baseUrl,
            ["validFrom"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = Encode(state.State.Bits),
            },
        };
        var claims = (JsonObject)credential.DeepClone();
        claims["iss"] = baseUrl;
        claims["jti"] = url;
        claims["iat"] = now.ToUnixTimeSeconds();
        return Task.FromResult(signingKey.Sign(claims.ToJsonString(OpenBadgeCredential.JsonOptions)));
    }

    /// <summary>Multibase base64url (prefix <c>u</c>, no padding) of the GZIP-compressed bitstring.</summary>
    internal static string Encode(byte[] bits)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bits);
        }

        return "u" + Base64Url.EncodeToString(buffer.ToArray());
    }
}
