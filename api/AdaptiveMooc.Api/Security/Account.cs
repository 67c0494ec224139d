namespace AdaptiveMooc.Api.Security;

/// <summary>A learner or trainer account a username resolved to, with its stored password hash.</summary>
public sealed record Account(CallerKind Kind, string Id, string PasswordHash);
