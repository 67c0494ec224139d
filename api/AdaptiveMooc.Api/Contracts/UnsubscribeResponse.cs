namespace AdaptiveMooc.Api.Contracts;

public sealed record UnsubscribeResponse(string Category, bool Unsubscribed);
