namespace AdaptiveMooc.Web.Api;

// Payments and providers (docs/PAYMENTS.md), as the API answers them.
public sealed record CertificateIssuer(string Id, string Name, string? Url, string? Accreditation, string? Country, string? LogoUrl);

public sealed record Order(
    string Id, string LearnerId, string CourseId, string? ProviderId, long Amount, string Currency, string Method, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, string? CheckoutUrl, string? PaymentReference, bool AccessGranted);

public sealed record AccessSource(string Id, string Kind, DateTimeOffset GrantedAt, string GrantedBy, DateTimeOffset? WithdrawnAt, string? WithdrawalReason);

public sealed record CourseAccess(string LearnerId, string CourseId, bool Paid, bool HasAccess, IReadOnlyList<AccessSource> Sources);

public sealed record Provider(
    string Id, string Name, string? Website, string? Country, string? AccreditationStatement, string? AccreditationAuthority, string? LogoUrl,
    IReadOnlyList<string> AdminIds, IReadOnlyList<string> TrainerIds, IReadOnlyList<string> CourseIds);

public sealed record ProviderProfileBody(
    string Name, string? Website, string? Country, string? AccreditationStatement, string? AccreditationAuthority, string? LogoUrl);

public sealed record Voucher(string Code, string CourseId, DateTimeOffset ExpiresAt, string? RedeemedBy, DateTimeOffset? RedeemedAt);

public sealed record VoucherBatch(string Id, string CourseId, DateTimeOffset ExpiresAt, int Seats, int Redeemed, IReadOnlyList<Voucher> Vouchers);
