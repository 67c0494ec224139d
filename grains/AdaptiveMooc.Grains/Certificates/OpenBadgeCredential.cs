using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Certificates;

/// <summary>
/// Builds the Open Badges 3.0 <c>OpenBadgeCredential</c> of a certificate, and its VC-JWT claim set: the
/// credential's own members plus the registered claims OB 3.0 maps them to (iss, jti, sub, nbf).
/// </summary>
internal static class OpenBadgeCredential
{
    public static JsonObject Build(
        CertificateOptions options, Guid id, string learnerId, string courseId, string courseTitle, string kind, DateTimeOffset issuedAt,
        (long List, int Index)? status = null, ProviderSnapshot? provider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        var achievementType = kind switch
        {
            "diploma" => "Diploma",
            "certificate" => "Certificate",
            _ => "CertificateOfCompletion",
        };
        var title = kind switch
        {
            "diploma" => "Diploma",
            "certificate" => "Certificate",
            _ => "Statement of accomplishment",
        };
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:uuid:{id:D}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"{title}: {courseTitle}",
            ["issuer"] = provider is null ? PlatformIssuer(options, baseUrl) : ProviderIssuer(baseUrl, provider),
            ["validFrom"] = issuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{baseUrl}/api/learners/{learnerId}",
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = $"{baseUrl}/api/courses/{courseId}#{kind}",
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = achievementType,
                    ["name"] = $"{title}: {courseTitle}",
                    ["description"] = $"Awarded for completing the course \"{courseTitle}\".",
                    ["criteria"] = new JsonObject
                    {
                        ["narrative"] = "Every required lesson completed, and the mean best score over the course's quizzes and assignments at or above the course's pass threshold.",
                    },
                },
            },
        };
        if (status is { } entry)
        {
            // W3C Bitstring Status List: where outside verifiers look up whether this credential is revoked.
            var list = StatusLists.Url(baseUrl, entry.List);
            credential["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{list}#{entry.Index}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = entry.Index.ToString(CultureInfo.InvariantCulture),
                ["statusListCredential"] = list,
            };
        }

        return credential;
    }

    private static JsonObject PlatformIssuer(CertificateOptions options, string baseUrl) => new()
    {
        ["id"] = baseUrl,
        ["type"] = new JsonArray("Profile"),
        ["name"] = options.IssuerName,
        ["url"] = baseUrl,
    };

    /// <summary>
    /// The course's provider as the OB 3.0 issuer Profile: name, website, logo (<c>image</c>), country
    /// (<c>address.addressCountry</c>), and the accreditation in <c>description</c> (the Profile has no
    /// accreditation member; the statement and its authority are what a verifier reads there).
    /// </summary>
    private static JsonObject ProviderIssuer(string baseUrl, ProviderSnapshot provider)
    {
        var profile = provider.Profile;
        var issuer = new JsonObject
        {
            ["id"] = $"{baseUrl}/api/providers/{provider.Id}",
            ["type"] = new JsonArray("Profile"),
            ["name"] = profile.Name,
            ["url"] = profile.Website ?? $"{baseUrl}/api/providers/{provider.Id}",
        };
        if (Accreditation(profile) is { } accreditation)
        {
            issuer["description"] = accreditation;
        }

        if (profile.LogoUrl is { } logo)
        {
            issuer["image"] = new JsonObject { ["id"] = logo, ["type"] = "Image" };
        }

        if (profile.Country is { } country)
        {
            issuer["address"] = new JsonObject { ["type"] = new JsonArray("Address"), ["addressCountry"] = country };
        }

        return issuer;
    }

    /// <summary>"{statement} (accredited by {authority})", or whichever of the two is given.</summary>
    public static string? Accreditation(ProviderProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return (profile.AccreditationStatement, profile.AccreditationAuthority) switch
        {
            ({ } statement, { } authority) => $"{statement} (accredited by {authority})",
            ({ } statement, null) => statement,
            (null, { } authority) => $"Accredited by {authority}",
            _ => null,
        };
    }

    /// <summary>The JWT claim set: the credential plus iss, jti, sub and nbf taken from it.</summary>
    public static string ClaimSet(JsonObject credential, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var claims = (JsonObject)credential.DeepClone();
        claims["iss"] = credential["issuer"]!["id"]!.GetValue<string>();
        claims["jti"] = credential["id"]!.GetValue<string>();
        claims["sub"] = credential["credentialSubject"]!["id"]!.GetValue<string>();
        claims["nbf"] = issuedAt.ToUnixTimeSeconds();
        claims["iat"] = issuedAt.ToUnixTimeSeconds();
        return claims.ToJsonString(JsonOptions);
    }

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
